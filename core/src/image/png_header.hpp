// image/png_header.hpp — what a PNG's first chunk says, read before any decoder runs (internal).
//
//   image::png::Header h = image::png::read_header(bytes);   // after the 8-byte signature check
//
// The signature (8 bytes) is followed by IHDR: length 13, "IHDR", width, height (big-endian
// u32), bit depth, colour type, ... (stb_image checks the rest when it decodes). Also says
// whether the image may hold transparent pixels: an alpha channel (colour types 4, 6) or a
// tRNS chunk, which comes before the first IDAT; when the chunks cannot be walked that far
// it assumes so (the alpha path is right for every PNG, only slower).
// Refuses (Error, bad_image): a file ending inside IHDR, a first chunk that is not a 13-byte
// IHDR, a zero width or height, an unknown colour type.
#pragma once

#include <cstdint>
#include <span>

namespace vitrine::image::png {

struct Header {
    std::uint32_t width = 0, height = 0;
    int bit_depth = 8;
    int colour_type = 0;
    bool grey = false;  // colour types 0 and 4
    bool may_be_transparent = false;
};

Header read_header(std::span<const std::uint8_t> png);

}  // namespace vitrine::image::png
