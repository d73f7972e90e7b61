// image/webp_decode.hpp — a still WebP (lossy, lossless, with or without alpha) to RGB or
// RGBA pixels, with libwebp's decoder compiled from Debian's source (internal).
//
//   const vitrine::image::WebpInfo info = vitrine::image::read_webp_info(bytes);
//   vitrine::image::Pixels pixels = vitrine::image::decode_webp(bytes, info);  // 3 or 4 channels
//
// read_webp_info reads the size and whether there is alpha from the headers alone
// (libwebp's WebPGetFeatures), before any pixel memory exists. Refuses (vitrine::Error,
// bad_image): a header libwebp cannot read, an animated WebP (not decoded: a shop's
// product photo is a still), truncated or corrupt image data. read_webp_orientation
// reads the EXIF chunk's orientation (1, upright, when there is none or it is malformed),
// as browsers show the photo. Not honoured: an ICC profile (pixels are taken as sRGB).
#pragma once

#include <cstdint>
#include <span>

#include "image/decode_budget.hpp"
#include "image/orientation.hpp"

namespace vitrine::image {

struct WebpInfo {
    int width = 0;
    int height = 0;
    bool alpha = false;
};

bool is_webp(std::span<const std::uint8_t> bytes) noexcept;
WebpInfo read_webp_info(std::span<const std::uint8_t> webp);
int read_webp_orientation(std::span<const std::uint8_t> webp) noexcept;
// RGBA when info.alpha, else RGB; straight (not premultiplied) alpha. Throws
// std::bad_alloc when memory runs out.
Pixels decode_webp(std::span<const std::uint8_t> webp, const WebpInfo& info);
// For the decode budget (decode_budget.hpp): the input, the output, libwebp's ARGB
// buffer of a lossless image (counted for every WebP), and the flattened copy with alpha.
DecodeCost webp_decode_cost(std::span<const std::uint8_t> webp, const WebpInfo& info);

}  // namespace vitrine::image
