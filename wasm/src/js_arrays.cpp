// js_arrays.cpp — bulk copies across the JS/WASM boundary (see js_arrays.hpp).
#include "js_arrays.hpp"

#include <new>

namespace vitrine::wasm {
namespace {

using emscripten::typed_memory_view;
using emscripten::val;

constexpr std::size_t kAlignment = 64;

std::size_t length_of(const val& typed_array) { return typed_array["length"].as<std::size_t>(); }

// A view of linear memory made after the destination exists: allocating may grow
// the memory, which detaches views made before.
template <typename T>
void copy_into(T* destination, const val& typed_array, std::size_t length) {
    val(typed_memory_view(length, destination)).call<void>("set", typed_array);
}

template <typename T>
val copy_out(const char* array_type, std::span<const T> values) {
    return val::global(array_type).new_(val(typed_memory_view(values.size(), values.data())));
}

}  // namespace

AlignedBytes::AlignedBytes(std::size_t size) : size_(size) {
    // aligned_alloc wants a multiple of the alignment; never 0, so data() is a real address.
    const std::size_t rounded = (size / kAlignment + 1) * kAlignment;
    data_.reset(static_cast<std::uint8_t*>(std::aligned_alloc(kAlignment, rounded)));
    if (!data_) throw std::bad_alloc();
}

AlignedBytes bytes_from_js(const val& uint8_array) {
    AlignedBytes bytes(length_of(uint8_array));
    copy_into(bytes.data(), uint8_array, bytes.size());
    return bytes;
}

std::string text_from_js(const val& utf8_uint8_array) {
    std::string text(length_of(utf8_uint8_array), '\0');
    copy_into(reinterpret_cast<std::uint8_t*>(text.data()), utf8_uint8_array, text.size());
    return text;
}

std::vector<float> floats_from_js(const val& float32_array) {
    std::vector<float> values(length_of(float32_array));
    copy_into(values.data(), float32_array, values.size());
    return values;
}

val to_js_uint8_array(std::span<const std::uint8_t> bytes) { return copy_out("Uint8Array", bytes); }

val to_js_float32_array(std::span<const float> values) { return copy_out("Float32Array", values); }

val to_js_utf8(const std::string& text) {
    return to_js_uint8_array({reinterpret_cast<const std::uint8_t*>(text.data()), text.size()});
}

}  // namespace vitrine::wasm
