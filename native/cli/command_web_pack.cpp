// vitrine web-pack — writes an index's web pack (vitrine/web/pack_writer.hpp) into a directory:
// the content-named chunks and first pass first, manifest.json last and atomically, so a
// reader never sees a manifest naming files that are not there yet. With --single-file, the
// manifest and one pack file (for hosts with Range requests) instead. Prints what it wrote.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <span>
#include <stdexcept>
#include <string>

#include "arguments.hpp"
#include "commands.hpp"
#include "vitrine/index/reader.hpp"
#include "vitrine/native/file_io.hpp"
#include "vitrine/web/manifest.hpp"
#include "vitrine/web/pack_writer.hpp"

namespace vitrine::cli {
namespace {

// Content-named files never change meaning, so no temp file + fsync per chunk: a torn
// one has the wrong length or hash and a reader refuses it; writing the pack again mends it.
void write_plain(const std::filesystem::path& path, std::span<const std::uint8_t> bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
    if (!out.flush()) throw std::runtime_error("cannot write " + path.string());
}

}  // namespace

int run_web_pack(const Args& raw) {
    const Arguments args(raw, {"out", "first-pass-dims", "chunk-products"}, {"single-file"});
    if (args.positionals().size() != 1) throw UsageError("expected one index file");
    const std::filesystem::path dir = args.required("out");
    const native::MappedFile file(args.positionals()[0]);
    const Index index = Index::open(file.bytes());
    WebPackOptions options;
    options.first_pass_dims = static_cast<std::uint32_t>(
        args.integer("first-pass-dims", 1, IndexLimits::max_dims).value_or(options.first_pass_dims));
    options.chunk_products = static_cast<std::uint32_t>(
        args.integer("chunk-products", 1, IndexLimits::max_records).value_or(options.chunk_products));
    options.single_file = args.has("single-file");
    const WebPack pack = write_web_pack(index, options);

    std::filesystem::create_directories(dir);
    std::uint64_t chunk_bytes = 0;
    for (const WebPackFile& chunk : pack.chunks) {
        if (!pack.single) write_plain(dir / chunk.name, chunk.bytes);
        chunk_bytes += chunk.bytes.size();
    }
    if (pack.single)
        write_plain(dir / pack.single->name, pack.single->bytes);
    else
        write_plain(dir / pack.first_pass.name, pack.first_pass.bytes);
    const auto* manifest = reinterpret_cast<const std::uint8_t*>(pack.manifest_json.data());
    native::write_file_atomically(dir / std::string(web_manifest_name), {manifest, pack.manifest_json.size()});

    std::printf("%s: %zu bytes\n", (dir / std::string(web_manifest_name)).c_str(), pack.manifest_json.size());
    if (pack.single)
        std::printf("%s: %zu bytes (single file: the first pass and the chunks, for Range requests)\n",
                    (dir / pack.single->name).c_str(), pack.single->bytes.size());
    std::printf("%s: %zu bytes (first pass, %u dims int8)\n",
                (pack.single ? pack.first_pass.name : (dir / pack.first_pass.name).string()).c_str(),
                pack.first_pass.bytes.size(), options.first_pass_dims);
    std::printf("%zu chunks of up to %u products: %llu bytes\n", pack.chunks.size(), options.chunk_products,
                static_cast<unsigned long long>(chunk_bytes));
    std::printf("index %s: %zu bytes\n", args.positionals()[0].c_str(), index.byte_size());
    return 0;
}

}  // namespace vitrine::cli
