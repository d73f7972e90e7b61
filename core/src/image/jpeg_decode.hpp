// image/jpeg_decode.hpp — JPEG to 8-bit pixels with libjpeg-turbo, at a reduced scale when the
// image is to be shrunk anyway (internal).
//
//   vitrine::image::Pixels rgb = vitrine::image::decode_jpeg(bytes, 3, {1024, 576});
//
// DCT-domain scaling turns each 8 x 8 block straight into M x M pixels (M = 1..8), so
// a 13 MP photo headed for 1024 px is never held at full size. M is the smallest that
// keeps both edges at least twice `target` (the final filter then still reduces by 2x or
// more, as image_shrink.hpp asks); a target the image does not exceed twice decodes at
// full size. Rows are read straight into the output, one strip at a time. Corrupt data,
// which libjpeg would warn about and patch over, is refused instead.
#pragma once

#include <cstdint>
#include <span>

#include "image/orientation.hpp"

namespace vitrine::image {

struct Extent {
    int width;
    int height;
};

// The M of the scale M/8 decode_jpeg uses for a `source` headed for `target` (1..8).
unsigned scale_eighths(Extent source, Extent target);

// `channels`: 1 (grey) or 3 (RGB; CMYK and YCCK are converted). Throws vitrine::Error
// (bad_image) for a file libjpeg refuses, std::bad_alloc when memory runs out.
Pixels decode_jpeg(std::span<const std::uint8_t> jpeg, int channels, Extent target);

}  // namespace vitrine::image
