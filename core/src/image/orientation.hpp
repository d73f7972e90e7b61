// image/orientation.hpp — turns decoded pixels upright from an EXIF orientation (internal).
//
//   vitrine::image::Pixels upright = vitrine::image::orient_upright(view_of(stored), 6);
//
// Orientation values are TIFF/EXIF tag 0x0112: 1 upright, 2 mirrored left-right,
// 3 rotated 180°, 4 mirrored top-bottom, 5 transposed (mirrored across the
// top-left/bottom-right diagonal), 6 needs 90° clockwise, 7 transversed (mirrored
// across the other diagonal), 8 needs 90° counter-clockwise. 5..8 swap width and
// height. Any other value is treated as 1. Pure pixel copying: exact and deterministic.
#pragma once

#include <cstdint>
#include <vector>

namespace vitrine::image {

// Interleaved 8-bit pixels, rows top to bottom, no padding.
struct Pixels {
    std::vector<std::uint8_t> data;
    int width = 0;
    int height = 0;
    int channels = 0;
};

// The same layout, owned by someone else (a Pixels, or stb_image's buffer).
struct PixelView {
    const std::uint8_t* data = nullptr;
    int width = 0;
    int height = 0;
    int channels = 0;
};

inline PixelView view_of(const Pixels& pixels) noexcept {
    return {pixels.data.data(), pixels.width, pixels.height, pixels.channels};
}

// True for orientations 5..8, which display the stored columns as rows.
bool orientation_swaps_axes(int orientation) noexcept;

// A copy of the image as it should be displayed.
Pixels orient_upright(PixelView stored, int orientation);

}  // namespace vitrine::image
