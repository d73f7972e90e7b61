// js_fields.hpp — reads the optional fields of the option objects js/ passes in.
//
//   std::optional<std::string> model = field<std::string>(options, "model");
//   std::optional<std::string> url = jpeg_data_uri_field(candidate, "image");
//
// The JS layer has checked each field's type; undefined (and null, which JS code
// uses for "none") read as unset. Nothing here validates values.
#pragma once

#include <emscripten/val.h>

#include <optional>

namespace vitrine::wasm {

template <typename T>
std::optional<T> field(const emscripten::val& object, const char* name) {
    const emscripten::val value = object[name];
    if (value.isUndefined() || value.isNull()) return std::nullopt;
    return value.as<T>();
}

// A prepared JPEG (a Uint8Array from prepareImage) as the data URI the endpoint is
// sent: JPEG bytes cross in one copy, where a data URI string would cross character
// by character, and the encoding is the one the native pipeline uses.
std::optional<std::string> jpeg_data_uri_field(const emscripten::val& object, const char* name);

}  // namespace vitrine::wasm
