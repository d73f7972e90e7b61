// vitrine/image/prepare.hpp — turns a product or query photo into a small, upright JPEG.
//
//   vitrine::PreparedImage image = vitrine::prepare_image(bytes);        // 1024 px, quality 85
//   std::string uri = vitrine::to_data_uri(image.bytes);                  // vitrine/image/data_uri.hpp
//
// Decodes JPEG, PNG, WebP (still) or GIF (the first frame), applies a JPEG's or WebP's
// EXIF orientation, shrinks so the longest edge of the upright image is at most max_edge (never enlarges), flattens any
// transparency onto white and encodes a baseline JPEG. The same bytes and options
// give the same output bytes natively and in WebAssembly.
//
// Refuses, with a vitrine::Error naming the reason:
//   invalid_argument  options out of range;
//   bad_image         empty input, anything but JPEG/PNG/WebP/GIF, an animated WebP,
//                     truncated or corrupt bytes,
//                     JPEGs stb cannot decode (12-bit, lossless, arithmetic-coded);
//   limit_exceeded    more than max_pixels (read from the header, before any pixel is
//                     decoded: decompression bombs cost nothing), or sizes stb_image
//                     cannot address (inputs over 2 GiB, a decoded image over 1 GiB).
// Not honoured: colour profiles (ICC, PNG gAMA/cHRM; pixels are taken as sRGB), a
// PNG's eXIf chunk. 16-bit PNGs are reduced to 8 bits.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace vitrine {

// prepare_image always produces this type.
inline constexpr std::string_view prepared_image_mime = "image/jpeg";

// The largest photo file read or downloaded for preparation: a 50 MP JPEG fits.
inline constexpr std::uint64_t max_photo_file_bytes = std::uint64_t{32} << 20;

struct PrepareOptions {
    static constexpr int max_jpeg_edge = 65535;  // JPEG stores each edge in 16 bits

    int max_edge = 1024;                     // longest output edge, 1..max_jpeg_edge
    int quality = 85;                        // JPEG quality, 1..100
    std::uint64_t max_pixels = 50'000'000;   // width * height of the source, >= 1
};

struct PreparedImage {
    std::vector<std::uint8_t> bytes;  // a JPEG file
    int width = 0;                    // of the output
    int height = 0;
    int source_width = 0;             // of the source as displayed, i.e. after EXIF orientation
    int source_height = 0;
};

PreparedImage prepare_image(std::span<const std::uint8_t> encoded, const PrepareOptions& options = {});

}  // namespace vitrine
