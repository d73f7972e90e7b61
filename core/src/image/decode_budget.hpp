// image/decode_budget.hpp — what decoding an image will cost, worked out from its headers
// before any decoder runs, and the budget that cost must fit (internal).
//
//   const image::DecodeCost cost = image::jpeg_decode_cost(bytes, {1024, 683});   // or png_decode_cost
//   image::check_decode_budget(cost, options.max_pixels);   // limit_exceeded, naming the cost
//
// Pixels alone do not bound a decode. A progressive JPEG is decoded from a buffer of
// every 8x8 block's coefficients for the whole image (2 bytes x 64 per block of every
// component, whatever the DCT scale), and each of its scans walks the blocks of the
// components it names again; a PNG holds its compressed data beside its inflated rows
// (twice the bytes at 16 bits, every pass of an interlaced file), then the decoded image
// at its bit depth, its 8-bit copy and the flattened one. So the cost has two parts, both
// counted from the frame header, the scan headers and IHDR:
//   bytes          the peak memory of the decode and of the pipeline's copies after it,
//                  the input bytes included (they are held throughout);
//   block_visits   8x8 blocks decoded, summed over the scans (time; 1 per block for
//                  a baseline JPEG, none counted for a PNG, whose time is its bytes).
// The budget follows max_pixels, the one knob callers have: an image may cost
// kBytesPerPixel bytes a pixel of max_pixels (what the rows and image of a plain 8-bit RGB
// PNG that size take), plus 1 MiB for the decoders' tables and row buffers (not counted
// in the costs) — and
// kVisitsPerPixel block visits a pixel (an ordinary 10-scan progressive photo needs
// 0.13 a pixel at 4:2:0, 0.3 at 4:4:4; a 7071 x 7071 file of 253 scans needed 12).
// Refuses (Error, limit_exceeded): a cost over either budget, with both numbers.
#pragma once

#include <cstdint>
#include <span>

#include "image/jpeg_decode.hpp"

namespace vitrine::image {

inline constexpr std::uint64_t kBytesPerPixel = 6;
inline constexpr double kVisitsPerPixel = 1.0;

struct DecodeCost {
    std::uint64_t bytes = 0;
    std::uint64_t block_visits = 0;
};

// jpeg: a file read_structure accepted; target: the stored-orientation output size.
DecodeCost jpeg_decode_cost(std::span<const std::uint8_t> jpeg, Extent target, int channels);
// png: a file read_header accepted; channels: what the decoder is asked for (1..4).
DecodeCost png_decode_cost(std::span<const std::uint8_t> png, int channels);

void check_decode_budget(const DecodeCost& cost, std::uint64_t max_pixels);

}  // namespace vitrine::image
