// build_image_field.cpp — see build_image_field.hpp.
#include "build_image_field.hpp"

#include <filesystem>

#include "progress_bar.hpp"
#include "vitrine/base/error.hpp"
#include "vitrine/catalogue/build_source.hpp"
#include "vitrine/native/file_io.hpp"
#include "vitrine/native/build_photos.hpp"

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

}  // namespace

std::optional<ImageVectorsBuild> build_image_field(const Arguments& args, const std::vector<Product>& products,
                                                   Storage text_storage, const std::string& out) {
    const auto embedder = args.option("image-embedder");
    const bool vectors = args.option("image-vectors").has_value();
    if (!embedder && !vectors && !args.option("image-model")) {
        for (const char* option : {"image-storage", "image-dims"})
            if (args.option(option)) throw UsageError(std::string("--") + option + " needs an image field: pass --image-embedder or --image-vectors");
        return std::nullopt;
    }
    BuildSource source;
    try {
        source = choose_build_source({.vectors = {{"--image-vectors", vectors}}, .model = {"--image-model", args.option("image-model").has_value()}});
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
    if (*embedder != "local") throw UsageError("--image-embedder must be local (the offline colour-and-layout descriptor)");
    if (args.option("image-dims")) throw UsageError("--image-dims is for --image-vectors; the local descriptor has its own dims");
    if (!args.option("images-out"))
        throw UsageError("--image-embedder local describes the prepared photos: pass --images-out DIR to prepare them");
    const fs::path index_directory = fs::absolute(out).parent_path();
    ProgressBar bar("image vectors");
    return local_image_vectors(
        products,
        [&](std::size_t i, std::string& why) -> std::optional<std::vector<std::uint8_t>> {
            const std::string& reference = products[i].prepared_image;
            if (reference.empty()) {
                why = products[i].image.empty() ? "no photo" : "its photo is unusable (see the photo report)";
                return std::nullopt;
            }
            const fs::path path(reference);
            try {
                return native::read_regular_file(path.is_absolute() ? path : index_directory / path, native::max_photo_file_bytes);
            } catch (const std::exception& e) {
                why = std::string("its prepared photo cannot be read: ") + e.what();
                return std::nullopt;
            }
        },
        storage, [&](std::size_t done, std::size_t total) { bar.update(done, total); });
}

}  // namespace vitrine::cli
