// module_functions.hpp — the core's free functions as the JS layer calls them.
//
// Byte and text inputs arrive as Uint8Array (text UTF-8 encoded by the JS layer)
// and are copied in once; results go back as JS-owned typed arrays and plain objects.
// Each returns undefined when the core refuses its input (see failure.hpp).
#pragma once

#include <emscripten/val.h>

#include <cstdint>
#include <string>

namespace vitrine::wasm {

// A Float32Array of dims values (vitrine/embed/local_embedder.hpp).
emscripten::val embed_local(const std::string& text, std::uint32_t dims);

// options: {maxEdge?, quality?, maxPixels?} -> {bytes, width, height, sourceWidth, sourceHeight, mime}
emscripten::val prepare_image(const emscripten::val& encoded, const emscripten::val& options);

// A string, "data:<mime>;base64,..." (vitrine/image/data_uri.hpp).
emscripten::val to_data_uri(const emscripten::val& bytes, const std::string& mime);
emscripten::val check_prepared_photo(const emscripten::val& bytes);

// options: {storage?, dims?, model?, vectorsJsonl? (Uint8Array), vectors? (Float32Array)}
// -> the index file as a Uint8Array, the same bytes `vitrine build` writes.
emscripten::val build_index(const emscripten::val& catalogue_json, const emscripten::val& options);

// The new index's bytes, a Uint8Array (vitrine/delta/apply_delta.hpp).
emscripten::val apply_delta(const emscripten::val& base, const emscripten::val& delta);

// Bytes of the WASM heap allocated now (mallinfo), for leak checks.
std::uint32_t heap_bytes_in_use();
// Size of the linear memory: the most this instance has ever held (it never shrinks).
std::uint32_t memory_bytes();

}  // namespace vitrine::wasm
