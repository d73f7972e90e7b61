// image_binding.cpp — image preparation and data URIs for the JS layer.
// Options left undefined keep the core's defaults (vitrine::PrepareOptions).
#include <string_view>

#include "failure.hpp"
#include "js_arrays.hpp"
#include "module_functions.hpp"
#include "vitrine/image/data_uri.hpp"
#include "vitrine/image/prepare.hpp"

namespace vitrine::wasm {
namespace {

using emscripten::val;

PrepareOptions prepare_options_from(const val& js) {
    PrepareOptions options;
    if (const val v = js["maxEdge"]; !v.isUndefined()) options.max_edge = v.as<int>();
    if (const val v = js["quality"]; !v.isUndefined()) options.quality = v.as<int>();
    // A JS number holds any pixel count exactly (the JS layer checked it is a safe integer).
    if (const val v = js["maxPixels"]; !v.isUndefined()) options.max_pixels = static_cast<std::uint64_t>(v.as<double>());
    return options;
}

}  // namespace

val prepare_image(const val& encoded, const val& options) {
    return guarded([&] {
        const AlignedBytes input = bytes_from_js(encoded);
        const PreparedImage image = vitrine::prepare_image(input.view(), prepare_options_from(options));
        val out = val::object();
        out.set("bytes", to_js_uint8_array(image.bytes));
        out.set("width", image.width);
        out.set("height", image.height);
        out.set("sourceWidth", image.source_width);
        out.set("sourceHeight", image.source_height);
        out.set("mime", std::string(prepared_image_mime));
        return out;
    });
}

val to_data_uri(const val& bytes, const std::string& mime) {
    return guarded([&] { return val(vitrine::to_data_uri(bytes_from_js(bytes).view(), mime)); });
}

}  // namespace vitrine::wasm
