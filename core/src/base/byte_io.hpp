// base/byte_io.hpp — little-endian loads and stores on unaligned bytes (internal).
// memcpy keeps every access defined whatever the alignment of the buffer.
#pragma once

#include <bit>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

namespace vitrine::bytes {

static_assert(std::endian::native == std::endian::little,
              "the index format is little-endian; big-endian hosts need byte swapping here");

template <class T>
T load(const std::uint8_t* at) noexcept {
    T value;
    std::memcpy(&value, at, sizeof(T));
    return value;
}

template <class T>
void store(std::uint8_t* at, T value) noexcept {
    std::memcpy(at, &value, sizeof(T));
}

// A NUL-padded fixed-width text field, without the padding.
inline std::string_view load_padded_text(const std::uint8_t* at, std::size_t width) noexcept {
    const char* text = reinterpret_cast<const char*>(at);
    const void* nul = std::memchr(text, 0, width);
    return {text, nul ? static_cast<std::size_t>(static_cast<const char*>(nul) - text) : width};
}

inline std::size_t align_up(std::size_t value, std::size_t alignment) noexcept {
    return (value + alignment - 1) / alignment * alignment;
}

}  // namespace vitrine::bytes
