// vitrine build — a catalogue feed (JSON, JSON Lines or CSV, by extension or --format;
// field names mapped by --map) to an index file, with every product photo prepared once
// into --images-out (a build report lists the unusable ones; --strict refuses them),
// embedded by the local embedder, by precomputed vectors (--vectors), or through a
// hosted endpoint (--embed-model, with an on-disk cache so rebuilds and interrupted
// builds only embed what is missing); an image vector field beside it
// (build_image_field.hpp), keywords and facet columns (--keyword-fields, --facet-fields).
// --shards N also writes the catalogue split into N shard indexes beside --out
// (vitrine/index/shard.hpp): each built from its products exactly as the whole is, with
// the whole's keyword and facet fields, and marked with its place in the catalogue.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <stdexcept>

#include "arguments.hpp"
#include "build_image_field.hpp"
#include "commands.hpp"
#include "endpoint_options.hpp"
#include "progress_bar.hpp"
#include "search_output.hpp"
#include "vitrine/base/error.hpp"
#include "vitrine/catalogue/build_source.hpp"
#include "vitrine/catalogue/catalogue.hpp"
#include "vitrine/catalogue/feed.hpp"
#include "vitrine/index/format.hpp"
#include "vitrine/index/reader.hpp"
#include "vitrine/index/shard.hpp"
#include "vitrine/index/writer.hpp"
#include "vitrine/native/build_photos.hpp"
#include "vitrine/native/embedding_cache.hpp"
#include "vitrine/native/file_io.hpp"
#include "vitrine/native/hosted_index_build.hpp"

namespace vitrine::cli {
namespace {

// --keyword-fields a,b (metadata fields keyword search reads), --no-keywords,
// --facet-fields a,b (metadata fields to filter, count and sort by; default: the short ones).
SearchFields search_fields(const Arguments& args) {
    const auto list = [](const std::string& text) {
        std::vector<std::string> names;
        for (std::size_t start = 0; start <= text.size();) {
            const std::size_t end = std::min(text.find(',', start), text.size());
            if (end > start) names.push_back(text.substr(start, end - start));
            start = end + 1;
        }
        return names;
    };
    SearchFields fields;
    fields.keywords = !args.has("no-keywords");
    if (const auto names = args.option("keyword-fields")) {
        if (!fields.keywords) throw UsageError("--keyword-fields cannot be combined with --no-keywords");
        fields.keyword_fields = list(*names);
    }
    if (const auto names = args.option("facet-fields")) fields.facet_fields = list(*names);
    return fields;
}

std::vector<std::uint8_t> build_through_endpoint(const Arguments& args, const std::vector<Product>& products,
                                                 Storage storage, std::uint32_t dims, bool rescore, Storage rescore_with,
                                                 const std::string& out, const ImageVectors* image,
                                                 const SearchFields& fields) {
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
    options.search_fields = fields;
    options.batch_size = static_cast<std::size_t>(args.integer("embed-batch", 1, 2048).value_or(32));
    options.image = image;
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

std::vector<Product> read_feed(const Arguments& args) {
    const std::string path = args.required("catalogue");
    FeedOptions feed{.source = path};
    if (const auto name = args.option("format")) {
        const auto format = feed_format_from_string(*name);
        if (!format) throw UsageError("--format must be json, jsonl or csv");
        feed.format = *format;
    } else if (const auto format = feed_format_for_path(path)) {
        feed.format = *format;
    } else {
        throw UsageError("cannot tell the format of '" + path + "' by its extension: pass --format json, jsonl or csv");
    }
    if (const auto map = args.option("map")) feed.fields = parse_field_map(*map);
    return parse_feed(native::read_text_file(path), feed);
}

// --images-out: prepares the photos, records them in `products`, prints and writes the report.
void prepare_photos(const Arguments& args, std::vector<Product>& products, const std::string& out) {
    const auto images_out = args.option("images-out");
    if (!images_out) {
        if (args.has("strict")) throw UsageError("--strict refuses unusable photos, which --images-out DIR prepares: pass it");
        return;
    }
    // Photo URLs are fetched with GETs of their full URL, without credentials; the client's
    // base URL (which it requires) is never called. Made on the first URL only.
    std::unique_ptr<Endpoint> fetcher;
    native::BuildPhotosOptions options{
        .images_out = *images_out,
        .image_base = std::filesystem::absolute(args.required("catalogue")).parent_path(),
        .index_directory = std::filesystem::absolute(out).parent_path(),
        .fetch_url = [&](const std::string& url) {
            if (!fetcher) fetcher = std::make_unique<Endpoint>(native::EndpointConfig{.base_url = "http://localhost"}, "build");
            const std::string body = fetcher->client().get(url, vitrine::max_photo_file_bytes);
            return std::vector<std::uint8_t>(body.begin(), body.end());
        }};
    native::BuildPhotosReport report;
    {
        ProgressBar bar("photos");
        options.progress = [&](std::size_t done, std::size_t total) { bar.update(done, total); };
        report = native::prepare_build_photos(products, options);
    }
    const std::filesystem::path report_path = std::filesystem::path(*images_out) / "report.json";
    const std::string json = report.to_json();
    native::write_file_atomically(report_path, {reinterpret_cast<const std::uint8_t*>(json.data()), json.size()});
    std::printf("photos: %zu prepared, %zu reused, %zu unusable (report %s)\n", report.prepared, report.reused,
                report.unusable.size(), report_path.string().c_str());
    for (const native::UnusablePhoto& photo : report.unusable)
        std::printf("  %s: image '%s': %s\n", photo.id.c_str(), photo.image.c_str(), photo.reason.c_str());
    if (args.has("strict") && !report.unusable.empty())
        throw std::runtime_error(std::to_string(report.unusable.size()) + " product photos are unusable (--strict; listed in " +
                                 report_path.string() + ")");
}

// The local embedder, --vectors with --model, or --embed-model / --embed-url (the core's rule).
BuildSource build_source(const Arguments& args) {
    try {
        return choose_build_source({.vectors = {{"--vectors", args.option("vectors").has_value()}},
                                    .model = {"--model", args.option("model").has_value()},
                                    .hosted = {"--embed-model", args.option("embed-model") || args.option("embed-url")}});
    } catch (const Error& e) {
        throw UsageError(e.what());
    }
}


// The products and image vectors of one shard, and their catalogue positions.
struct ShardInputs {
    std::vector<Product> products;
    std::optional<ImageVectors> image;
    std::vector<std::uint32_t> positions;
};

ShardInputs shard_inputs(const std::vector<Product>& products, const ImageVectors* image, std::uint32_t shard,
                         std::uint32_t shards) {
    ShardInputs inputs;
    if (image) inputs.image = ImageVectors{.spec = image->spec};
    const std::size_t dims = image && image->spec ? image->spec->dims : 0;
    for (std::uint32_t i = 0; i < products.size(); ++i) {
        if (shard_of(products[i].id, shards) != shard) continue;
        inputs.products.push_back(products[i]);
        inputs.positions.push_back(i);
        if (!inputs.image || !image->spec) continue;
        inputs.image->present.push_back(image->present[i]);
        const auto row = image->values.begin() + static_cast<std::ptrdiff_t>(i * dims);
        inputs.image->values.insert(inputs.image->values.end(), row, row + static_cast<std::ptrdiff_t>(dims));
    }
    return inputs;
}

// The rows of `positions` (a shard's products) of vectors loaded for the whole catalogue.
LoadedVectors rows_of(const LoadedVectors& all, const std::vector<std::uint32_t>& positions) {
    LoadedVectors part{.values = {}, .dims = all.dims, .model_dims = all.model_dims};
    for (const std::uint32_t p : positions) {
        const auto row = all.values.begin() + static_cast<std::ptrdiff_t>(std::size_t{p} * all.dims);
        part.values.insert(part.values.end(), row, row + all.dims);
    }
    return part;
}

// FILE.vtx -> FILE.shard-2-of-4.vtx
std::string shard_path(const std::string& out, std::uint32_t shard, std::uint32_t shards) {
    std::filesystem::path path(out);
    const std::string name = path.stem().string() + ".shard-" + std::to_string(shard) + "-of-" + std::to_string(shards) +
                             path.extension().string();
    return path.replace_filename(name).string();
}
}  // namespace

int run_build(const Args& raw) {
    std::set<std::string> options = with_endpoint_options({"catalogue", "format", "map", "out", "storage", "dims", "vectors",
                                                           "model", "embed-url", "embed-model", "embed-batch", "embed-cache",
                                                           "images-out", "rescore-with", "keyword-fields", "facet-fields",
                                                           "shards"});
    options.insert(image_field_options.begin(), image_field_options.end());
    std::set<std::string> switches = {"rescore", "strict", "no-keywords"};
    switches.insert(image_field_switches.begin(), image_field_switches.end());
    const Arguments args(raw, options, switches);
    if (!args.positionals().empty()) throw UsageError("unexpected argument '" + args.positionals()[0] + "'");
    const std::string out = args.required("out");
    const auto storage = storage_from_string(args.option("storage").value_or("f32"));
    if (!storage) throw UsageError("--storage must be f32, int8 or binary");
    // --rescore keeps f32 copies; --rescore-with int8 keeps int8 copies instead (binary storage).
    const auto rescore_with = storage_from_string(args.option("rescore-with").value_or("f32"));
    if (!rescore_with) throw UsageError("--rescore-with must be f32 or int8");
    const bool rescore = args.has("rescore") || args.option("rescore-with");
    const auto dims = static_cast<std::uint32_t>(args.integer("dims", 1, IndexLimits::max_dims).value_or(0));
    const BuildSource source = build_source(args);
    const auto shards = static_cast<std::uint32_t>(args.integer("shards", 2, max_shards).value_or(0));

    std::vector<Product> products = read_feed(args);
    prepare_photos(args, products, out);
    const std::optional<ImageVectorsBuild> image = build_image_field(args, products, *storage, out);
    if (image) {
        for (const std::string& warning : image->warnings) std::fprintf(stderr, "vitrine build: note: %s\n", terminal_safe(warning).c_str());
        if (image->vectors.spec)
            std::printf("image vectors: %zu of %zu products (%s)\n", products.size() - image->warnings.size(), products.size(),
                        image->vectors.spec->model.c_str());
        else
            std::puts("image vectors: none (the index has no image field)");
    }
    const ImageVectors* image_vectors = image ? &image->vectors : nullptr;
    // The same build for the whole catalogue and for each shard's products.
    // Precomputed vectors are read once, for the whole catalogue; a shard takes its rows.
    std::optional<LoadedVectors> loaded;
    if (source == BuildSource::vectors)
        loaded = parse_vectors_jsonl(native::read_text_file(args.required("vectors")), products, dims);
    const auto build = [&](const std::vector<Product>& items, const std::vector<std::uint32_t>* positions,
                           const ImageVectors* image_field, const SearchFields& fields) {
        if (source == BuildSource::hosted_model)
            return build_through_endpoint(args, items, *storage, dims, rescore, *rescore_with, out, image_field, fields);
        if (source == BuildSource::vectors) {
            const LoadedVectors vectors = positions ? rows_of(*loaded, *positions) : *loaded;
            return build_index_from_vectors(items, vectors, *storage, args.required("model"), rescore, *rescore_with,
                                            image_field ? *image_field : ImageVectors{}, fields);
        }
        ProgressBar bar("embedding");
        return build_local_index(items, {.storage = *storage,
                                         .dims = dims ? dims : 256,
                                         .rescore = rescore,
                                         .rescore_with = *rescore_with,
                                         .search_fields = fields,
                                         .progress = [&](std::size_t done, std::size_t total) { bar.update(done, total); },
                                         .image = image_field});
    };
    const std::vector<std::uint8_t> bytes = build(products, nullptr, image_vectors, search_fields(args));
    native::write_file_atomically(out, bytes);
    std::printf("wrote %s: %zu products, %zu bytes\n", out.c_str(), products.size(), bytes.size());
    if (shards == 0) return 0;

    // The whole index's fields, not the defaults: a shard's products might pick other facet columns.
    const SearchFields fields = Index::open(bytes).spec().search_fields;
    const std::uint64_t catalogue = catalogue_fingerprint(bytes);
    for (std::uint32_t shard = 0; shard < shards; ++shard) {
        const ShardInputs inputs = shard_inputs(products, image_vectors, shard, shards);
        const std::vector<std::uint8_t> shard_bytes =
            mark_shard(build(inputs.products, &inputs.positions, inputs.image ? &*inputs.image : nullptr, fields),
                       {.shard = shard, .shards = shards, .catalogue = catalogue,
                        .catalogue_count = static_cast<std::uint32_t>(products.size()), .positions = inputs.positions});
        const std::string path = shard_path(out, shard, shards);
        native::write_file_atomically(path, shard_bytes);
        std::printf("wrote %s: shard %u of %u, %zu products, %zu bytes\n", path.c_str(), shard, shards,
                    inputs.products.size(), shard_bytes.size());
    }
    return 0;
}

}  // namespace vitrine::cli
