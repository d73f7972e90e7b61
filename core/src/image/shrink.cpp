#include "image/shrink.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <new>
#include <vector>

#include <stb/stb_image_resize.h>

#include "image/stb_srgb_table.h"

namespace vitrine::image {
namespace {

// Linear light in 0..65535 per 8-bit sRGB value: stb_image_resize's own table, scaled
// and rounded in float (16 bits keep sRGB 0 and 1 apart: 0 and 20).
const std::array<std::uint16_t, 256>& linear_of_srgb() {
    static const std::array<std::uint16_t, 256> table = [] {
        std::array<std::uint16_t, 256> t{};
        for (int s = 0; s < 256; ++s)
            t[s] = static_cast<std::uint16_t>(vitrine_stbir_linear_of_srgb(static_cast<unsigned char>(s)) * 65535.0f + 0.5f);
        return t;
    }();
    return table;
}

// The sRGB value nearest in linear light to each 16-bit linear value (halfway up rounds up).
const std::uint8_t* srgb_of_linear() {
    static const std::vector<std::uint8_t> table = [] {
        const auto& linear = linear_of_srgb();
        std::vector<std::uint8_t> t(65536);
        unsigned s = 0;
        for (unsigned v = 0; v < t.size(); ++v) {
            while (s < 255 && 2 * v >= unsigned{linear[s]} + linear[s + 1]) ++s;
            t[v] = static_cast<std::uint8_t>(s);
        }
        return t;
    }();
    return table.data();
}

struct LinearPixels {
    std::vector<std::uint16_t> data;
    int width;
    int height;
};

// Each k x k block of `in` averaged in linear light; blocks cut by the right or bottom
// edge average the pixels they have. A block's sums stay in registers while its rows
// are read. Sums fit 32 bits: k <= kMaxBlock.
template <int Channels>
LinearPixels box_average(PixelView in, int k) {
    const int width = (in.width + k - 1) / k, height = (in.height + k - 1) / k;
    LinearPixels out{std::vector<std::uint16_t>(static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * Channels),
                     width, height};
    const auto& linear = linear_of_srgb();
    const std::size_t row_bytes = static_cast<std::size_t>(in.width) * Channels;
    std::uint16_t* mean = out.data.data();
    for (int oy = 0; oy < height; ++oy) {
        const int rows = std::min(in.height, (oy + 1) * k) - oy * k;
        const std::uint8_t* top = in.data + static_cast<std::size_t>(oy) * static_cast<std::size_t>(k) * row_bytes;
        for (int ox = 0; ox < width; ++ox) {
            const int columns = std::min(in.width, (ox + 1) * k) - ox * k;
            std::uint32_t sum[Channels] = {};
            for (int y = 0; y < rows; ++y) {
                const std::uint8_t* pixel = top + y * row_bytes + static_cast<std::size_t>(ox) * static_cast<std::size_t>(k) * Channels;
                for (int x = 0; x < columns; ++x, pixel += Channels)
                    for (int c = 0; c < Channels; ++c) sum[c] += linear[pixel[c]];
            }
            // Rounded means through a double reciprocal: the same bits everywhere.
            const double reciprocal = 1.0 / (rows * columns);
            for (int c = 0; c < Channels; ++c) *mean++ = static_cast<std::uint16_t>(sum[c] * reciprocal + 0.5);
        }
    }
    return out;
}

constexpr int kMaxBlock = 64;  // 64 * 64 * 65535 < 2^32

Pixels allocate(int width, int height, int channels) {
    return {std::vector<std::uint8_t>(static_cast<std::size_t>(width) * static_cast<std::size_t>(height) *
                                      static_cast<std::size_t>(channels)),
            width, height, channels};
}

// stb_image_resize fails only when it cannot allocate its work buffers.
void resized_or_throw(int ok) {
    if (!ok) throw std::bad_alloc();
}

}  // namespace

Pixels shrink(PixelView in, int width, int height) {
    Pixels out = allocate(width, height, in.channels);
    const int block = std::min({in.width / (2 * width), in.height / (2 * height), kMaxBlock});
    if (block < 2) {
        resized_or_throw(stbir_resize_uint8_generic(in.data, in.width, in.height, 0, out.data.data(), width, height, 0,
                                                    in.channels, STBIR_ALPHA_CHANNEL_NONE, 0, STBIR_EDGE_CLAMP,
                                                    STBIR_FILTER_CATMULLROM, STBIR_COLORSPACE_SRGB, nullptr));
        return out;
    }

    const LinearPixels reduced = in.channels == 1 ? box_average<1>(in, block) : box_average<3>(in, block);
    // The source spans width / block reduced pixels, the last of them partly: the
    // cubic samples exactly that span, so no edge moves.
    const float span_x = static_cast<float>(static_cast<double>(in.width) / (static_cast<double>(block) * reduced.width));
    const float span_y = static_cast<float>(static_cast<double>(in.height) / (static_cast<double>(block) * reduced.height));
    std::vector<std::uint16_t> resized(out.data.size());
    resized_or_throw(stbir_resize_region(reduced.data.data(), reduced.width, reduced.height, 0, resized.data(), width,
                                         height, 0, STBIR_TYPE_UINT16, in.channels, STBIR_ALPHA_CHANNEL_NONE, 0,
                                         STBIR_EDGE_CLAMP, STBIR_EDGE_CLAMP, STBIR_FILTER_CATMULLROM, STBIR_FILTER_CATMULLROM,
                                         STBIR_COLORSPACE_LINEAR, nullptr, 0.0f, 0.0f, span_x, span_y));
    const std::uint8_t* srgb = srgb_of_linear();
    std::transform(resized.begin(), resized.end(), out.data.begin(), [srgb](std::uint16_t v) { return srgb[v]; });
    return out;
}

}  // namespace vitrine::image
