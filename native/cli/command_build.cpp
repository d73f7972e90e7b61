// vitrine build — catalogue JSON (+ optional precomputed vectors) to an index file.
#include <cstdio>

#include "arguments.hpp"
#include "commands.hpp"
#include "progress_bar.hpp"
#include "vitrine/catalogue.hpp"
#include "vitrine/index_format.hpp"
#include "vitrine/index_writer.hpp"
#include "vitrine/native/file_io.hpp"

namespace vitrine::cli {

int run_build(const Args& raw) {
    const Arguments args(raw, {"catalogue", "out", "storage", "dims", "vectors", "model"}, {});
    if (!args.positionals().empty()) throw UsageError("unexpected argument '" + args.positionals()[0] + "'");
    const std::string out = args.required("out");
    const auto storage = storage_from_string(args.option("storage").value_or("f32"));
    if (!storage) throw UsageError("--storage must be f32 or int8");
    const auto dims = static_cast<std::uint32_t>(args.integer("dims", 1, IndexLimits::max_dims).value_or(0));

    const std::vector<Product> products = parse_catalogue(native::read_text_file(args.required("catalogue")));
    std::vector<std::uint8_t> bytes;
    if (const auto vectors_path = args.option("vectors")) {
        const LoadedVectors vectors = parse_vectors_jsonl(native::read_text_file(*vectors_path), products, dims);
        IndexSpec spec;
        spec.storage = *storage;
        spec.dims = vectors.dims;
        spec.model = args.required("model");
        spec.model_dims = vectors.model_dims;
        spec.embedder = EmbedderKind::hosted;
        bytes = write_index(spec, products, vectors.values);
    } else {
        if (args.option("model")) throw UsageError("--model names the model of --vectors; without them the local embedder is used");
        ProgressBar bar("embedding");
        bytes = build_local_index(products, {.storage = *storage,
                                             .dims = dims ? dims : 256,
                                             .progress = [&](std::size_t done, std::size_t total) { bar.update(done, total); }});
    }
    native::write_file_atomically(out, bytes);
    std::printf("wrote %s: %zu products, %zu bytes\n", out.c_str(), products.size(), bytes.size());
    return 0;
}

}  // namespace vitrine::cli
