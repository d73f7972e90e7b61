// js_arrays.hpp — moves bytes and floats between JS typed arrays and WASM memory.
//
//   AlignedBytes index_bytes = bytes_from_js(uint8_array);   // one bulk copy in
//   return to_js_uint8_array(jpeg_bytes);                    // one bulk copy out
//
// Each direction is a single TypedArray.prototype.set over a view of linear memory,
// never a loop over elements. Copies out are JS-owned, so they stay valid when the
// WASM memory later grows or the C++ side frees its buffer. The caller (the JS layer)
// has checked the argument's type: these take only the typed array they name.
#pragma once

#include <emscripten/val.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <span>
#include <string>
#include <vector>

namespace vitrine::wasm {

// Bytes on a 64-byte boundary (like a mmap'ed file natively), so the index's
// 64-byte aligned sections start on cache lines in linear memory too.
class AlignedBytes {
public:
    explicit AlignedBytes(std::size_t size);
    std::span<const std::uint8_t> view() const noexcept { return {data_.get(), size_}; }
    std::uint8_t* data() noexcept { return data_.get(); }
    std::size_t size() const noexcept { return size_; }

private:
    struct Free {
        void operator()(std::uint8_t* p) const noexcept { std::free(p); }
    };
    std::unique_ptr<std::uint8_t, Free> data_;
    std::size_t size_;
};

AlignedBytes bytes_from_js(const emscripten::val& uint8_array);
std::string text_from_js(const emscripten::val& utf8_uint8_array);
std::vector<float> floats_from_js(const emscripten::val& float32_array);

emscripten::val to_js_uint8_array(std::span<const std::uint8_t> bytes);
// Text out as its UTF-8 bytes: no per-character conversion, and fetch sends them as they are.
emscripten::val to_js_utf8(const std::string& text);
emscripten::val to_js_float32_array(std::span<const float> values);

}  // namespace vitrine::wasm
