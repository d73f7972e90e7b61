// js_fields.cpp — the prepared-image field (see js_fields.hpp).
#include "js_fields.hpp"

#include "js_arrays.hpp"
#include "vitrine/image/data_uri.hpp"

namespace vitrine::wasm {

std::optional<std::string> jpeg_data_uri_field(const emscripten::val& object, const char* name) {
    const emscripten::val value = object[name];
    if (value.isUndefined() || value.isNull()) return std::nullopt;
    return to_data_uri(bytes_from_js(value).view());
}

}  // namespace vitrine::wasm
