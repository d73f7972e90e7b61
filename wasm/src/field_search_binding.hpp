// field_search_binding.hpp — the two vector fields of an opened index, for js/index.js.
//
//   searchFields(query, {photo | imageVector, textWeight?, imageWeight?, ...filters})
//   similar(id, {topK?, ...filters, textWeight?, imageWeight?})
//   imageField() -> {model, dims, modelDims, storage, embedder, jointSpace, products} or null
//
// query: a text (the local embedder's), a Float32Array in the text field's space, or null
// (a photo alone). photo: image bytes, prepared and described by the core
// (vitrine/search/photo_query.hpp); imageVector: a Float32Array in the image field's space.
// Fusion, routing and refusals are the core's (vitrine/search/field_fusion.hpp, similar.hpp).
#pragma once

#include <emscripten/val.h>

#include <string>

#include "opened_index.hpp"

namespace vitrine::wasm {

emscripten::val search_fields_js(const OpenedIndex& index, const emscripten::val& query, const emscripten::val& options);
emscripten::val similar_js(const OpenedIndex& index, const std::string& id, const emscripten::val& options);
emscripten::val image_field_js(const OpenedIndex& index);

}  // namespace vitrine::wasm
