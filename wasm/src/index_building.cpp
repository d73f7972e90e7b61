// index_building.cpp — a catalogue (+ optional vectors) to index bytes, as `vitrine build`.
//
// `format` is the feed's ('json', the default; 'jsonl'; 'csv'), read as --format is.
// With neither vectors option the local embedder embeds every product (dims default as
// in vitrine::LocalIndexOptions); with vectorsJsonl (JSON Lines, as --vectors) or vectors
// (a Float32Array, products x dims row-major) the vectors are the hosted model's, which
// `model` must name (the choice is the core's, vitrine/catalogue/build_source.hpp, as
// for `vitrine build`). Same input, same core calls, so the bytes equal the native build's.
// Refuses (invalid_argument): an unknown format or storage, both vectors options, a model without
// vectors or vectors without a model, a Float32Array whose length is not products x dims.
#include <string>
#include <vector>

#include "failure.hpp"
#include "js_arrays.hpp"
#include "module_functions.hpp"
#include "vitrine/catalogue/build_source.hpp"
#include "vitrine/catalogue/catalogue.hpp"
#include "vitrine/catalogue/feed.hpp"
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
        if (!from_vectors) {
            LocalIndexOptions local{.storage = storage, .rescore = rescore, .rescore_with = rescore_with};
            if (dims != 0) local.dims = dims;
            return to_js_uint8_array(build_local_index(products, local));
        }
        const LoadedVectors vectors = !jsonl.isUndefined()
                                          ? parse_vectors_jsonl(text_from_js(jsonl), products, dims)
                                          : rows_from(floats, products.size(), dims);
        return to_js_uint8_array(
            build_index_from_vectors(products, vectors, storage, model.as<std::string>(), rescore, rescore_with));
    });
}

}  // namespace vitrine::wasm
