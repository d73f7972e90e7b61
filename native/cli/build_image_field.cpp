// build_image_field.cpp — see build_image_field.hpp.
#include "build_image_field.hpp"

#include <filesystem>

#include "endpoint_options.hpp"
#include "progress_bar.hpp"
#include "vitrine/base/error.hpp"
#include "vitrine/catalogue/build_source.hpp"
#include "vitrine/image/prepare.hpp"
#include "vitrine/native/file_io.hpp"
#include "vitrine/native/build_photos.hpp"
#include "vitrine/native/hosted_image_vectors.hpp"

namespace vitrine::cli {
namespace {

namespace fs = std::filesystem;

Storage image_storage(const Arguments& args, Storage text_storage) {
    const auto name = args.option("image-storage");
    if (!name) return default_image_storage(text_storage);
    const auto storage = storage_from_string(*name);
    if (!storage || *storage == Storage::binary) throw UsageError("--image-storage must be f32 or int8");
    return *storage;
}

// The product at a position's prepared rerank photo, read from the index's folder.
PreparedPhotoSource prepared_photos(const std::vector<Product>& products, const std::string& out) {
    const fs::path index_directory = fs::absolute(out).parent_path();
    return [&products, index_directory](std::size_t i, std::string& why) -> std::optional<std::vector<std::uint8_t>> {
        const std::string& reference = products[i].prepared_image;
        if (reference.empty()) {
            why = products[i].image.empty() ? "no photo" : "its photo is unusable (see the photo report)";
            return std::nullopt;
        }
        const fs::path path(reference);
        try {
            return native::read_regular_file(path.is_absolute() ? path : index_directory / path, vitrine::max_photo_file_bytes);
        } catch (const std::exception& e) {
            why = std::string("its prepared photo cannot be read: ") + e.what();
            return std::nullopt;
        }
    };
}

ImageVectorsBuild through_endpoint(const Arguments& args, const std::vector<Product>& products, Storage storage,
                                   const std::string& out) {
    const std::string model = args.required("image-embed-model");
    const auto endpoint = open_endpoint(args, "build", args.option("embed-url"));
    if (!endpoint) throw UsageError("--image-embed-model needs an endpoint: pass --embed-url BASE or set VITRINE_API_BASE");
    const auto dims = static_cast<std::uint32_t>(args.integer("image-dims", 1, IndexLimits::max_dims).value_or(0));
    native::EmbeddingCache cache(args.option("image-embed-cache").value_or(out + ".image-embed-cache"), model, dims);
    native::HostedImageReport report;
    ImageVectorsBuild built;
    {
        ProgressBar bar("image embeddings");
        built = native::build_hosted_image_vectors(
            products, prepared_photos(products, out),
            {.model = model,
             .dims = dims,
             .storage = storage,
             .joint_space = args.has("image-joint-space"),
             .concurrency = static_cast<std::size_t>(args.integer("image-embed-concurrency", 1, 64).value_or(4)),
             .progress = [&](std::size_t done, std::size_t total) { bar.update(done, total); }},
            endpoint->client(), cache, report);
    }
    std::printf("image embeddings: %zu from the cache, %zu embedded in %zu requests (cache %s)\n", report.from_cache,
                report.embedded, report.requests, cache.directory().c_str());
    return built;
}

}  // namespace

std::optional<ImageVectorsBuild> build_image_field(const Arguments& args, const std::vector<Product>& products,
                                                   Storage text_storage, const std::string& out) {
    const auto embedder = args.option("image-embedder");
    const bool vectors = args.option("image-vectors").has_value();
    const bool hosted = args.option("image-embed-model").has_value();
    if (!embedder && !vectors && !hosted && !args.option("image-model")) {
        for (const char* option : {"image-storage", "image-dims"})
            if (args.option(option)) throw UsageError(std::string("--") + option + " needs an image field: pass --image-embedder or --image-vectors");
        return std::nullopt;
    }
    BuildSource source;
    try {
        source = choose_build_source({.vectors = {{"--image-vectors", vectors}},
                                      .model = {"--image-model", args.option("image-model").has_value()},
                                      .hosted = {"--image-embed-model", hosted}});
    } catch (const Error& e) {
        throw UsageError(e.what());
    }
    const Storage storage = image_storage(args, text_storage);
    if (source == BuildSource::vectors) {
        if (embedder) throw UsageError("--image-embedder and --image-vectors are two sources of image vectors: pass one");
        const auto dims = static_cast<std::uint32_t>(args.integer("image-dims", 1, IndexLimits::max_dims).value_or(0));
        return parse_image_vectors_jsonl(native::read_text_file(args.required("image-vectors")), products,
                                         args.required("image-model"), storage, dims);
    }
    if (source == BuildSource::hosted_model) {
        if (embedder) throw UsageError("--image-embedder and --image-embed-model are two sources of image vectors: pass one");
        if (!args.option("images-out"))
            throw UsageError("--image-embed-model embeds the prepared photos: pass --images-out DIR to prepare them");
        return through_endpoint(args, products, storage, out);
    }
    if (!embedder) throw UsageError("--image-model names the model of --image-vectors; pass them together");
    if (*embedder != "local") throw UsageError("--image-embedder must be local (the offline colour-and-layout descriptor)");
    if (args.option("image-dims")) throw UsageError("--image-dims is for --image-vectors; the local descriptor has its own dims");
    if (!args.option("images-out"))
        throw UsageError("--image-embedder local describes the prepared photos: pass --images-out DIR to prepare them");
    ProgressBar bar("image vectors");
    return local_image_vectors(products, prepared_photos(products, out),
        storage, [&](std::size_t done, std::size_t total) { bar.update(done, total); });
}

}  // namespace vitrine::cli
