// dot_kernels.hpp — generic xsimd dot products, instantiated per architecture by
// kernels_<arch>.cpp (internal). Include from exactly those units.
#pragma once

#include <cstddef>
#include <cstdint>
#include <xsimd/xsimd.hpp>

namespace vitrine::kernels {
namespace {  // internal linkage: each architecture's unit keeps its own copy

constexpr std::size_t canonical_lanes = 16;

// Element i is accumulated into lane i % 16 (products and sums rounded separately:
// the build uses -ffp-contract=off), then lanes are combined as
// l[j] += l[j + w] for w = 8, 4, 2, 1. Any register width gives the same bits.
template <class Arch>
float dot_f32(const float* a, const float* b, std::size_t n) {
    using batch = xsimd::batch<float, Arch>;
    constexpr std::size_t width = batch::size;
    static_assert(canonical_lanes % width == 0, "register width must divide the canonical lane count");
    constexpr std::size_t registers = canonical_lanes / width;

    batch acc[registers];
    for (auto& r : acc) r = batch(0.0f);
    std::size_t i = 0;
    for (; i + canonical_lanes <= n; i += canonical_lanes)
        for (std::size_t r = 0; r < registers; ++r)
            acc[r] = acc[r] + batch::load_unaligned(a + i + r * width) * batch::load_unaligned(b + i + r * width);

    alignas(64) float lanes[canonical_lanes];
    for (std::size_t r = 0; r < registers; ++r) acc[r].store_aligned(lanes + r * width);
    for (std::size_t j = 0; i + j < n; ++j) {
        const float product = a[i + j] * b[i + j];
        lanes[j] = lanes[j] + product;
    }
    for (std::size_t w = canonical_lanes / 2; w >= 1; w /= 2)
        for (std::size_t j = 0; j < w; ++j) lanes[j] = lanes[j] + lanes[j + w];
    return lanes[0];
}

// int8 x int8 -> int32 without a multiply-add instruction (xsimd has none):
// reinterpret 2 int8 as one int16, split even/odd bytes with shifts, multiply in
// 16 bits (|a*b| <= 128*127, two of them fit in int16 because one side never
// holds -128), then widen pair sums into int32 lanes the same way.
template <class Arch>
std::int32_t dot_i8(const std::int8_t* a, const std::int8_t* b, std::size_t n) {
    using b8 = xsimd::batch<std::int8_t, Arch>;
    using b16 = xsimd::batch<std::int16_t, Arch>;
    using b32 = xsimd::batch<std::int32_t, Arch>;
    constexpr std::size_t width = b8::size;

    b32 acc(0);
    std::size_t i = 0;
    for (; i + width <= n; i += width) {
        const b16 va = xsimd::bitwise_cast<b16>(b8::load_unaligned(a + i));
        const b16 vb = xsimd::bitwise_cast<b16>(b8::load_unaligned(b + i));
        const b16 pairs = ((va << 8) >> 8) * ((vb << 8) >> 8) + (va >> 8) * (vb >> 8);
        const b32 wide = xsimd::bitwise_cast<b32>(pairs);
        acc = acc + ((wide << 16) >> 16) + (wide >> 16);
    }
    std::int32_t sum = xsimd::hadd(acc);
    for (; i < n; ++i) sum += std::int32_t{a[i]} * std::int32_t{b[i]};
    return sum;
}

}  // namespace
}  // namespace vitrine::kernels
