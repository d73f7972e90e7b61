// index_building.cpp — catalogue JSON (+ optional vectors) to index bytes, as `vitrine build`.
//
// With neither vectors option the local embedder embeds every product (dims default as
// in vitrine::LocalIndexOptions); with vectorsJsonl (JSON Lines, as --vectors) or vectors
// (a Float32Array, products x dims row-major) the vectors are the hosted model's, which
// `model` must name. Same input, same core calls, so the bytes equal the native build's.
// Refuses (invalid_argument): an unknown storage, both vectors options, a model without
// vectors or vectors without a model, a Float32Array whose length is not products x dims.
#include <string>
#include <vector>

#include "failure.hpp"
#include "js_arrays.hpp"
#include "module_functions.hpp"
#include "vitrine/catalogue/catalogue.hpp"
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

}  // namespace

val build_index(const val& catalogue_json, const val& options) {
    return guarded([&] {
        const Storage storage = storage_from(options["storage"]);
        const val dims_option = options["dims"];
        const std::uint32_t dims = dims_option.isUndefined() ? 0 : dims_option.as<std::uint32_t>();
        const val jsonl = options["vectorsJsonl"], floats = options["vectors"], model = options["model"];
        if (!jsonl.isUndefined() && !floats.isUndefined()) refuse("give vectorsJsonl or vectors, not both");
        const bool hosted = !jsonl.isUndefined() || !floats.isUndefined();
        if (hosted && model.isUndefined()) refuse("model must name the embedding model of the vectors");
        if (!hosted && !model.isUndefined())
            refuse("model names the model of vectorsJsonl or vectors; without them the local embedder is used");

        const std::vector<Product> products = parse_catalogue(text_from_js(catalogue_json));
        const val rescore_with_option = options["rescoreWith"];
        const Storage rescore_with = rescore_with_option.isUndefined() ? Storage::f32 : storage_from(rescore_with_option);
        const bool rescore = (!options["rescore"].isUndefined() && options["rescore"].as<bool>()) || !rescore_with_option.isUndefined();
        if (!hosted) {
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
