// vitrine build — catalogue JSON to an index file, embedded by the local
// embedder, by precomputed vectors (--vectors), or through a hosted endpoint
// (--embed-model, with an on-disk cache so rebuilds and interrupted builds only
// embed what is missing).
#include <cstdio>

#include "arguments.hpp"
#include "commands.hpp"
#include "endpoint_options.hpp"
#include "progress_bar.hpp"
#include "vitrine/catalogue/catalogue.hpp"
#include "vitrine/index/format.hpp"
#include "vitrine/index/writer.hpp"
#include "vitrine/native/embedding_cache.hpp"
#include "vitrine/native/file_io.hpp"
#include "vitrine/native/hosted_index_build.hpp"

namespace vitrine::cli {
namespace {

std::vector<std::uint8_t> build_through_endpoint(const Arguments& args, const std::vector<Product>& products,
                                                 Storage storage, std::uint32_t dims, bool rescore, Storage rescore_with,
                                                 const std::string& out) {
    if (args.option("vectors")) throw UsageError("--vectors and --embed-model are two sources of vectors: pass one");
    if (args.option("model")) throw UsageError("--model names the model of --vectors; with --embed-model leave it out");
    const std::string model = args.required("embed-model");
    const auto endpoint = open_endpoint(args, "build", args.option("embed-url"));
    if (!endpoint) throw UsageError("--embed-model needs an endpoint: pass --embed-url BASE or set VITRINE_API_BASE");

    native::EmbeddingCache cache(args.option("embed-cache").value_or(out + ".embed-cache"), model, dims);
    native::HostedIndexOptions options;
    options.model = model;
    options.dims = dims;
    options.storage = storage;
    options.rescore = rescore;
    options.rescore_with = rescore_with;
    options.batch_size = static_cast<std::size_t>(args.integer("embed-batch", 1, 2048).value_or(32));
    native::HostedIndexReport report;
    std::vector<std::uint8_t> bytes;
    {
        ProgressBar bar("embedding");
        options.progress = [&](std::size_t done, std::size_t total) { bar.update(done, total); };
        bytes = native::build_hosted_index(products, options, endpoint->client(), cache, report);
    }
    std::printf("embeddings: %zu from the cache, %zu embedded in %zu requests (cache %s", report.from_cache,
                report.embedded, report.requests, cache.directory().c_str());
    if (cache.skipped_files()) std::printf(", %zu unusable files skipped", cache.skipped_files());
    std::puts(")");
    return bytes;
}

}  // namespace

int run_build(const Args& raw) {
    const Arguments args(raw,
                         with_endpoint_options({"catalogue", "out", "storage", "dims", "vectors", "model", "embed-url",
                                                "embed-model", "embed-batch", "embed-cache", "rescore-with"}),
                         {"rescore"});
    if (!args.positionals().empty()) throw UsageError("unexpected argument '" + args.positionals()[0] + "'");
    const std::string out = args.required("out");
    const auto storage = storage_from_string(args.option("storage").value_or("f32"));
    if (!storage) throw UsageError("--storage must be f32, int8 or binary");
    // --rescore keeps f32 copies; --rescore-with int8 keeps int8 copies instead (binary storage).
    const auto rescore_with = storage_from_string(args.option("rescore-with").value_or("f32"));
    if (!rescore_with) throw UsageError("--rescore-with must be f32 or int8");
    const bool rescore = args.has("rescore") || args.option("rescore-with");
    const auto dims = static_cast<std::uint32_t>(args.integer("dims", 1, IndexLimits::max_dims).value_or(0));
    const bool hosted = args.option("embed-model") || args.option("embed-url");

    const std::vector<Product> products = parse_catalogue(native::read_text_file(args.required("catalogue")));
    std::vector<std::uint8_t> bytes;
    if (hosted) {
        bytes = build_through_endpoint(args, products, *storage, dims, rescore, *rescore_with, out);
    } else if (const auto vectors_path = args.option("vectors")) {
        const LoadedVectors vectors = parse_vectors_jsonl(native::read_text_file(*vectors_path), products, dims);
        bytes = build_index_from_vectors(products, vectors, *storage, args.required("model"), rescore, *rescore_with);
    } else {
        if (args.option("model")) throw UsageError("--model names the model of --vectors; without them the local embedder is used");
        ProgressBar bar("embedding");
        bytes = build_local_index(products, {.storage = *storage,
                                             .dims = dims ? dims : 256,
                                             .rescore = rescore,
                                             .rescore_with = *rescore_with,
                                             .progress = [&](std::size_t done, std::size_t total) { bar.update(done, total); }});
    }
    native::write_file_atomically(out, bytes);
    std::printf("wrote %s: %zu products, %zu bytes\n", out.c_str(), products.size(), bytes.size());
    return 0;
}

}  // namespace vitrine::cli
