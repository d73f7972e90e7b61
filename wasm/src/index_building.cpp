// index_building.cpp — a catalogue (+ optional vectors) to index bytes, as `vitrine build`.
//
// `format` is the feed's ('json', the default; 'jsonl'; 'csv'), read as --format is.
// With neither vectors option the local embedder embeds every product (dims default as
// in vitrine::LocalIndexOptions); with vectorsJsonl (JSON Lines, as --vectors) or vectors
// (a Float32Array, products x dims row-major) the vectors are the hosted model's, which
// `model` must name (the choice is the core's, vitrine/catalogue/build_source.hpp, as
// for `vitrine build`). Same input, same core calls, so the bytes equal the native build's.
// The image field (vitrine/catalogue/image_vectors.hpp): imageVectors (JSON Lines, as
// --image-vectors) with imageModel, or imageEmbedder 'local' with photos (an object of
// product id -> the original photo's bytes, each prepared by the core as a build prepares
// it, then described); imageStorage ('f32' / 'int8', default as the CLI's), imageDims. A
// product without one stays text-only (the opened index's imageField.products counts the rest).
// Refuses (invalid_argument): an unknown format or storage, both vectors options, a model without
// vectors or vectors without a model, a Float32Array whose length is not products x dims.
#include <optional>
#include <string>
#include <vector>

#include "failure.hpp"
#include "js_arrays.hpp"
#include "module_functions.hpp"
#include "vitrine/catalogue/build_source.hpp"
#include "vitrine/catalogue/catalogue.hpp"
#include "vitrine/catalogue/feed.hpp"
#include "vitrine/catalogue/image_vectors.hpp"
#include "vitrine/image/prepare.hpp"
#include "vitrine/base/error.hpp"

namespace vitrine::wasm {
namespace {

using emscripten::val;

[[noreturn]] void refuse(const std::string& message) {
    throw Error(ErrorKind::invalid_argument, "buildIndex: " + message);
}

Storage storage_from(const val& js) {
    if (js.isUndefined()) return Storage::f32;
    const std::string name = js.as<std::string>();
    const auto storage = storage_from_string(name);
    if (!storage) refuse("storage must be 'f32', 'int8' or 'binary', got '" + name + "'");
    return *storage;
}

LoadedVectors rows_from(const val& float32_array, std::size_t products, std::uint32_t dims) {
    LoadedVectors vectors;
    vectors.values = floats_from_js(float32_array);
    if (dims == 0 && products > 0) dims = static_cast<std::uint32_t>(vectors.values.size() / products);
    if (vectors.values.size() != products * std::size_t{dims})
        refuse("vectors holds " + std::to_string(vectors.values.size()) + " values, not " + std::to_string(products) +
               " products x " + std::to_string(dims) + " dims");
    vectors.dims = vectors.model_dims = dims;
    return vectors;
}

FeedFormat format_from(const val& js) {
    if (js.isUndefined()) return FeedFormat::json;
    const std::string name = js.as<std::string>();
    const auto format = feed_format_from_string(name);
    if (!format) refuse("format must be 'json', 'jsonl' or 'csv', got '" + name + "'");
    return *format;
}

// The core's rule (vitrine/catalogue/build_source.hpp), its message prefixed as this call's.
BuildSource source_of(const val& jsonl, const val& floats, const val& model) {
    try {
        return choose_build_source({.vectors = {{"vectorsJsonl", !jsonl.isUndefined()}, {"vectors", !floats.isUndefined()}},
                                    .model = {"model", !model.isUndefined()}});
    } catch (const Error& e) {
        refuse(e.what());
    }
}

// The image field from the options, or none (the same rule as build_image_field.cpp's).
std::optional<ImageVectorsBuild> image_field_from(const val& options, const std::vector<Product>& products, Storage text_storage) {
    const val jsonl = options["imageVectors"], model = options["imageModel"], embedder = options["imageEmbedder"];
    if (jsonl.isUndefined() && model.isUndefined() && embedder.isUndefined()) return std::nullopt;
    BuildSource source;
    try {
        source = choose_build_source({.vectors = {{"imageVectors", !jsonl.isUndefined()}}, .model = {"imageModel", !model.isUndefined()}});
    } catch (const Error& e) {
        refuse(e.what());
    }
    Storage storage = default_image_storage(text_storage);
    if (const val name = options["imageStorage"]; !name.isUndefined()) {
        storage = storage_from(name);
        if (storage == Storage::binary) refuse("imageStorage must be 'f32' or 'int8'");
    }
    if (source == BuildSource::vectors) {
        if (!embedder.isUndefined()) refuse("imageEmbedder and imageVectors are two sources of image vectors: pass one");
        const val dims = options["imageDims"];
        return parse_image_vectors_jsonl(text_from_js(jsonl), products, model.as<std::string>(), storage,
                                         dims.isUndefined() ? 0 : dims.as<std::uint32_t>());
    }
    if (embedder.as<std::string>() != "local") refuse("imageEmbedder must be 'local'");
    const val photos = options["photos"];
    if (photos.isUndefined()) refuse("imageEmbedder 'local' needs photos (product id -> photo bytes)");
    return local_image_vectors(products, [&](std::size_t i, std::string& why) -> std::optional<std::vector<std::uint8_t>> {
        const val photo = photos[products[i].id];
        if (photo.isUndefined() || photo.isNull()) {
            why = "no photo";
            return std::nullopt;
        }
        try {
            return vitrine::prepare_image(bytes_from_js(photo).view()).bytes;
        } catch (const Error& e) {
            why = e.what();
            return std::nullopt;
        }
    }, storage);
}

}  // namespace

val build_index(const val& catalogue_json, const val& options) {
    return guarded([&] {
        const Storage storage = storage_from(options["storage"]);
        const val dims_option = options["dims"];
        const std::uint32_t dims = dims_option.isUndefined() ? 0 : dims_option.as<std::uint32_t>();
        const val jsonl = options["vectorsJsonl"], floats = options["vectors"], model = options["model"];
        const bool from_vectors = source_of(jsonl, floats, model) == BuildSource::vectors;

        const std::vector<Product> products =
            parse_feed(text_from_js(catalogue_json), {.format = format_from(options["format"])});
        const val rescore_with_option = options["rescoreWith"];
        const Storage rescore_with = rescore_with_option.isUndefined() ? Storage::f32 : storage_from(rescore_with_option);
        const bool rescore = (!options["rescore"].isUndefined() && options["rescore"].as<bool>()) || !rescore_with_option.isUndefined();
        const std::optional<ImageVectorsBuild> image = image_field_from(options, products, storage);
        if (!from_vectors) {
            LocalIndexOptions local{.storage = storage, .rescore = rescore, .rescore_with = rescore_with};
            if (dims != 0) local.dims = dims;
            local.image = image ? &image->vectors : nullptr;
            return to_js_uint8_array(build_local_index(products, local));
        }
        const LoadedVectors vectors = !jsonl.isUndefined()
                                          ? parse_vectors_jsonl(text_from_js(jsonl), products, dims)
                                          : rows_from(floats, products.size(), dims);
        return to_js_uint8_array(
            build_index_from_vectors(products, vectors, storage, model.as<std::string>(), rescore, rescore_with,
                                     image ? image->vectors : ImageVectors{}));
    });
}

}  // namespace vitrine::wasm
