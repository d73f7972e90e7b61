// image/gif_decode.hpp — a GIF's first frame to RGBA pixels, with stb_image (internal).
//
//   const auto size = vitrine::image::read_gif_size(bytes);    // from the screen descriptor
//   vitrine::image::Pixels rgba = vitrine::image::decode_gif_first_frame(bytes, size);
//
// The size is the logical screen's (what a browser shows); the first frame is drawn on
// it, and what it leaves uncovered or marks transparent has alpha 0. Later frames of an
// animation are not read. read_gif_size walks the blocks to the end of the first frame's
// data. Refuses (vitrine::Error): bad_image for a header too short, a zero edge, a file
// that ends before the first frame's data does, and anything stb cannot decode; limit_exceeded when stb needs more
// memory than the size allows (each of its allocations is capped from the header).
#pragma once

#include <cstdint>
#include <span>

#include "image/decode_budget.hpp"
#include "image/jpeg_decode.hpp"

namespace vitrine::image {

bool is_gif(std::span<const std::uint8_t> bytes) noexcept;
Extent read_gif_size(std::span<const std::uint8_t> gif);
Pixels decode_gif_first_frame(std::span<const std::uint8_t> gif, Extent size);
// For the decode budget (decode_budget.hpp): the input, stb's canvas, background and
// history (4 + 4 + 1 bytes a pixel), the RGBA copy and the flattened RGB.
DecodeCost gif_decode_cost(std::span<const std::uint8_t> gif, Extent size);

}  // namespace vitrine::image
