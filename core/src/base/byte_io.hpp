// base/byte_io.hpp — loads and stores on unaligned bytes (internal): native little-endian
// ones for the index format (memcpy keeps every access defined whatever the alignment),
// and explicit big- or little-endian ones for image headers (PNG, JPEG and TIFF/EXIF
// fields), assembled byte by byte. Callers check the bounds first.
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

// Explicit byte order, for file formats that say which they use.
inline std::uint16_t load_be16(const std::uint8_t* at) noexcept {
    return static_cast<std::uint16_t>((unsigned{at[0]} << 8) | at[1]);
}
inline std::uint32_t load_be32(const std::uint8_t* at) noexcept {
    return (std::uint32_t{at[0]} << 24) | (std::uint32_t{at[1]} << 16) | (std::uint32_t{at[2]} << 8) | at[3];
}
inline std::uint16_t load_le16(const std::uint8_t* at) noexcept {
    return static_cast<std::uint16_t>((unsigned{at[1]} << 8) | at[0]);
}
inline std::uint32_t load_le32(const std::uint8_t* at) noexcept {
    return (std::uint32_t{at[3]} << 24) | (std::uint32_t{at[2]} << 16) | (std::uint32_t{at[1]} << 8) | at[0];
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
