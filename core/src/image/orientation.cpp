// image/orientation.cpp — the eight EXIF orientations as pixel copies (see the header).
//
// Each orientation is described by where displayed pixel (0,0) comes from in the
// stored image and which stored step a displayed step right / down corresponds
// to; one copy loop then serves all eight. Indices, not pointers, walk the source
// so that stepping past an edge at the end of a row is plain integer arithmetic.
#include "image/orientation.hpp"

#include <cstddef>
#include <cstring>

namespace vitrine::image {
namespace {

struct Walk {
    bool origin_right;   // displayed (0,0) is stored column W-1 (else 0)
    bool origin_bottom;  // displayed (0,0) is stored row H-1 (else 0)
    int right_dx, right_dy;  // stored step for one displayed step right
    int down_dx, down_dy;    // stored step for one displayed step down
};

// Indexed by orientation - 1; rows follow the EXIF definitions of "0th row / 0th column".
constexpr Walk kWalks[8] = {
    {false, false, +1, 0, 0, +1},  // 1: as stored
    {true, false, -1, 0, 0, +1},   // 2: mirrored left-right
    {true, true, -1, 0, 0, -1},    // 3: rotated 180°
    {false, true, +1, 0, 0, -1},   // 4: mirrored top-bottom
    {false, false, 0, +1, +1, 0},  // 5: transposed
    {false, true, 0, -1, +1, 0},   // 6: rotate 90° clockwise
    {true, true, 0, -1, -1, 0},    // 7: transversed
    {true, false, 0, +1, -1, 0},   // 8: rotate 90° counter-clockwise
};

}  // namespace

bool orientation_swaps_axes(int orientation) noexcept {
    return orientation >= 5 && orientation <= 8;
}

Pixels orient_upright(PixelView stored, int orientation) {
    const Walk& walk = kWalks[orientation >= 1 && orientation <= 8 ? orientation - 1 : 0];
    const std::ptrdiff_t w = stored.width, h = stored.height, c = stored.channels;
    const std::ptrdiff_t right = (walk.right_dy * w + walk.right_dx) * c;
    const std::ptrdiff_t down = (walk.down_dy * w + walk.down_dx) * c;
    const std::ptrdiff_t origin = ((walk.origin_bottom ? h - 1 : 0) * w + (walk.origin_right ? w - 1 : 0)) * c;

    Pixels upright;
    const bool swap = orientation_swaps_axes(orientation);
    upright.width = swap ? stored.height : stored.width;
    upright.height = swap ? stored.width : stored.height;
    upright.channels = stored.channels;
    upright.data.resize(static_cast<std::size_t>(w * h * c));

    const std::uint8_t* src = stored.data;
    std::uint8_t* dst = upright.data.data();
    for (std::ptrdiff_t y = 0; y < upright.height; ++y) {
        std::ptrdiff_t from = origin + y * down;
        for (std::ptrdiff_t x = 0; x < upright.width; ++x, from += right, dst += c)
            std::memcpy(dst, src + from, static_cast<std::size_t>(c));
    }
    return upright;
}

}  // namespace vitrine::image
