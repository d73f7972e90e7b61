// image_test_support.hpp — synthetic images for the image tests, built in memory.
//
// Tests make their pixels, encode them with stb_image_write (PNG or JPEG), and edit
// the encoded bytes where a case needs it (an EXIF APP1 segment, a header claiming
// another size): no binary fixtures. stb's functions come from the core library, and
// JPEGs are decoded by the core's own decoder (libjpeg-turbo).
#pragma once

#include <array>
#include <cstdint>
#include <cstring>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

#define STBI_NO_STDIO
#define STBI_WRITE_NO_STDIO
#include <stb/stb_image.h>
#include <stb/stb_image_write.h>

#include "image/jpeg_decode.hpp"

namespace vitrine::test {

using Colour = std::array<std::uint8_t, 4>;  // channels beyond the raster's count are ignored

inline constexpr Colour red{255, 0, 0, 255}, green{0, 255, 0, 255}, blue{0, 0, 255, 255},
    yellow{255, 255, 0, 255}, white{255, 255, 255, 255}, black{0, 0, 0, 255};

// Interleaved 8-bit pixels.
struct Raster {
    int width = 0;
    int height = 0;
    int channels = 0;
    std::vector<std::uint8_t> pixels;

    Raster(int w, int h, int c, Colour fill = white)
        : width(w), height(h), channels(c), pixels(static_cast<std::size_t>(w) * h * c) {
        fill_rect(0, 0, w, h, fill);
    }

    std::uint8_t* at(int x, int y) { return pixels.data() + (static_cast<std::size_t>(y) * width + x) * channels; }
    const std::uint8_t* at(int x, int y) const {
        return pixels.data() + (static_cast<std::size_t>(y) * width + x) * channels;
    }

    void fill_rect(int x0, int y0, int w, int h, Colour colour) {
        for (int y = y0; y < y0 + h; ++y)
            for (int x = x0; x < x0 + w; ++x) std::memcpy(at(x, y), colour.data(), static_cast<std::size_t>(channels));
    }
};

namespace detail {
inline void append(void* context, void* data, int size) {
    auto* out = static_cast<std::vector<std::uint8_t>*>(context);
    const auto* bytes = static_cast<const std::uint8_t*>(data);
    out->insert(out->end(), bytes, bytes + size);
}
}  // namespace detail

inline std::vector<std::uint8_t> encode_png(const Raster& raster) {
    std::vector<std::uint8_t> out;
    if (!stbi_write_png_to_func(detail::append, &out, raster.width, raster.height, raster.channels,
                                raster.pixels.data(), raster.width * raster.channels))
        throw std::runtime_error("test PNG encoding failed");
    return out;
}

inline std::vector<std::uint8_t> encode_jpeg(const Raster& raster, int quality = 100) {
    std::vector<std::uint8_t> out;
    if (!stbi_write_jpg_to_func(detail::append, &out, raster.width, raster.height, raster.channels,
                                raster.pixels.data(), quality))
        throw std::runtime_error("test JPEG encoding failed");
    return out;
}

// Decodes to RGB; throws if the decoder cannot.
inline Raster decode_rgb(std::span<const std::uint8_t> encoded) {
    if (encoded.size() >= 2 && encoded[0] == 0xFF && encoded[1] == 0xD8) {  // the core's JPEG decoder, full size
        const image::Pixels pixels = image::decode_jpeg(encoded, 3, {1 << 24, 1 << 24});
        Raster raster(pixels.width, pixels.height, 3);
        raster.pixels = pixels.data;
        return raster;
    }
    int w = 0, h = 0, file_channels = 0;
    stbi_uc* data = stbi_load_from_memory(encoded.data(), static_cast<int>(encoded.size()), &w, &h, &file_channels, 3);
    if (!data) throw std::runtime_error(std::string("test decode failed: ") + stbi_failure_reason());
    Raster raster(w, h, 3);
    std::memcpy(raster.pixels.data(), data, raster.pixels.size());
    stbi_image_free(data);
    return raster;
}

// --- editing encoded bytes -------------------------------------------------------------

inline void put_be16(std::vector<std::uint8_t>& out, unsigned v) {
    out.push_back(static_cast<std::uint8_t>(v >> 8));
    out.push_back(static_cast<std::uint8_t>(v));
}

inline void put_be32(std::uint8_t* at, std::uint32_t v) {
    for (int i = 0; i < 4; ++i) at[i] = static_cast<std::uint8_t>(v >> (24 - 8 * i));
}

// A TIFF block with one IFD0 entry (tag 0x0112 by default) right after the header.
inline std::vector<std::uint8_t> tiff_with_entry(std::uint16_t value, bool big_endian, std::uint16_t type = 3,
                                                 std::uint32_t count = 1, std::uint16_t tag = 0x0112) {
    std::vector<std::uint8_t> out;
    const auto u16 = [&](unsigned v) {
        const auto lo = static_cast<std::uint8_t>(v), hi = static_cast<std::uint8_t>(v >> 8);
        out.push_back(big_endian ? hi : lo);
        out.push_back(big_endian ? lo : hi);
    };
    const auto u32 = [&](std::uint32_t v) {
        u16(big_endian ? v >> 16 : v & 0xFFFF);
        u16(big_endian ? v & 0xFFFF : v >> 16);
    };
    u16(big_endian ? 0x4D4D : 0x4949);  // "MM" or "II", the same either way round
    u16(42);
    u32(8);  // IFD0 offset
    u16(1);  // one entry: tag, type, count, value (a SHORT is left-justified in 4 bytes)
    u16(tag);
    u16(type);
    u32(count);
    u16(value);
    u16(0);
    u32(0);  // no next IFD
    return out;
}

inline std::vector<std::uint8_t> exif_payload(const std::vector<std::uint8_t>& tiff) {
    std::vector<std::uint8_t> out{'E', 'x', 'i', 'f', 0, 0};
    out.insert(out.end(), tiff.begin(), tiff.end());
    return out;
}

// FF <marker> <length including itself> <payload>
inline std::vector<std::uint8_t> segment(std::uint8_t marker, const std::vector<std::uint8_t>& payload) {
    std::vector<std::uint8_t> out;
    out.reserve(payload.size() + 4);
    out.push_back(0xFF);
    out.push_back(marker);
    put_be16(out, static_cast<unsigned>(payload.size() + 2));
    out.insert(out.end(), payload.begin(), payload.end());
    return out;
}

inline std::vector<std::uint8_t> insert_after_soi(std::vector<std::uint8_t> jpeg,
                                                  const std::vector<std::uint8_t>& bytes) {
    jpeg.insert(jpeg.begin() + 2, bytes.begin(), bytes.end());
    return jpeg;
}

inline std::vector<std::uint8_t> with_exif_orientation(std::vector<std::uint8_t> jpeg, int orientation,
                                                       bool big_endian = false) {
    const auto app1 = segment(0xE1, exif_payload(tiff_with_entry(static_cast<std::uint16_t>(orientation), big_endian)));
    return insert_after_soi(std::move(jpeg), app1);
}

// Rewrites the size in the first SOF0 frame header of an encoded JPEG.
inline std::vector<std::uint8_t> with_jpeg_size(std::vector<std::uint8_t> jpeg, unsigned width, unsigned height) {
    for (std::size_t i = 2; i + 9 < jpeg.size(); ++i) {
        if (jpeg[i] == 0xFF && jpeg[i + 1] == 0xC0) {  // FF C0, length (2), precision (1), height, width
            jpeg[i + 5] = static_cast<std::uint8_t>(height >> 8);
            jpeg[i + 6] = static_cast<std::uint8_t>(height);
            jpeg[i + 7] = static_cast<std::uint8_t>(width >> 8);
            jpeg[i + 8] = static_cast<std::uint8_t>(width);
            return jpeg;
        }
    }
    throw std::runtime_error("no SOF0 in test JPEG");
}

// Offset of the first FF <marker> in an encoded JPEG (test images have no lookalikes
// before their scan data).
inline std::size_t find_marker(const std::vector<std::uint8_t>& jpeg, std::uint8_t marker) {
    for (std::size_t i = 0; i + 1 < jpeg.size(); ++i)
        if (jpeg[i] == 0xFF && jpeg[i + 1] == marker) return i;
    throw std::runtime_error("marker not in test JPEG");
}

inline std::uint32_t crc32(const std::uint8_t* data, std::size_t n) {
    std::uint32_t crc = 0xFFFFFFFFu;
    for (std::size_t i = 0; i < n; ++i) {
        crc ^= data[i];
        for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

// Rewrites the size in the IHDR of an encoded PNG (and its CRC).
inline std::vector<std::uint8_t> with_png_size(std::vector<std::uint8_t> png, std::uint32_t width,
                                               std::uint32_t height) {
    put_be32(png.data() + 16, width);
    put_be32(png.data() + 20, height);
    put_be32(png.data() + 29, crc32(png.data() + 12, 17));  // over chunk type and data
    return png;
}

}  // namespace vitrine::test
