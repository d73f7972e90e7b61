// field_search_binding.cpp — the index's two vector fields from JS: search by a photo (and a
// text) with the fields' scores fused, and similar products (see field_search_binding.hpp).
#include "field_search_binding.hpp"

#include <optional>
#include <string>
#include <vector>

#include "failure.hpp"
#include "js_arrays.hpp"
#include "vitrine/search/field_fusion.hpp"
#include "vitrine/search/photo_query.hpp"
#include "vitrine/search/similar.hpp"
#include "vitrine/search/text_search.hpp"

namespace vitrine::wasm {
namespace {

using emscripten::val;

FieldWeights weights_from(const val& js) {
    FieldWeights weights;
    if (const val w = js["textWeight"]; !w.isUndefined()) weights.text = w.as<float>();
    if (const val w = js["imageWeight"]; !w.isUndefined()) weights.image = w.as<float>();
    return weights;
}

}  // namespace

val search_fields_js(const OpenedIndex& opened, const val& query, const val& options) {
    return guarded([&] {
        const Index& index = opened.index();
        std::optional<std::vector<float>> text, image;
        if (query.isString()) text = local_text_query(index, query.as<std::string>());
        else if (!query.isNull() && !query.isUndefined()) text = floats_from_js(query);
        if (const val v = options["imageVector"]; !v.isUndefined()) image = floats_from_js(v);
        else if (const val photo = options["photo"]; !photo.isUndefined())
            image = local_photo_query(index, bytes_from_js(photo).view());
        const auto hits = search_fields(index, field_query(index, std::move(text), std::move(image)), search_options_from(options),
                                        weights_from(options));
        return hits_to_js(index, hits);
    });
}

val similar_js(const OpenedIndex& opened, const std::string& id, const val& options) {
    return guarded([&] {
        return hits_to_js(opened.index(), similar(opened.index(), id, search_options_from(options), weights_from(options)));
    });
}

val image_field_js(const OpenedIndex& opened) {
    const ImageFieldSpec* field = opened.index().image_field();
    if (!field) return val::null();
    val out = val::object();
    out.set("model", field->model);
    out.set("dims", field->dims);
    out.set("modelDims", field->model_dims);
    out.set("storage", std::string(to_string(field->storage)));
    out.set("embedder", std::string(to_string(field->embedder)));
    out.set("jointSpace", field->joint_space);
    out.set("products", opened.index().image_rows());
    return out;
}

}  // namespace vitrine::wasm
