// search/kernels/dot_kernels.hpp — generic xsimd dot products, instantiated per architecture by
// kernels_<arch>.cpp (internal). Include from exactly those units.
#pragma once

#include <algorithm>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <type_traits>
#include <xsimd/xsimd.hpp>

namespace vitrine::kernels {
namespace {  // internal linkage: each architecture's unit keeps its own copy

constexpr std::size_t canonical_lanes = 16;

// The end of a canonical dot: the 16 lanes held in `acc`, the elements from i to n
// added to lanes 0.. one by one, then the fixed tree.
template <class Arch>
float finish_canonical(const xsimd::batch<float, Arch>* acc, const float* a, const float* b, std::size_t i,
                       std::size_t n) {
    constexpr std::size_t width = xsimd::batch<float, Arch>::size;
    alignas(64) float lanes[canonical_lanes];
    for (std::size_t r = 0; r < canonical_lanes / width; ++r) acc[r].store_aligned(lanes + r * width);
    for (std::size_t j = 0; i + j < n; ++j) {
        const float product = a[i + j] * b[i + j];
        lanes[j] = lanes[j] + product;
    }
    for (std::size_t w = canonical_lanes / 2; w >= 1; w /= 2)
        for (std::size_t j = 0; j < w; ++j) lanes[j] = lanes[j] + lanes[j + w];
    return lanes[0];
}

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

    return finish_canonical<Arch>(acc, a, b, i, n);
}

// dot_f32 of an f32 query and an int8 row (its values, exactly as floats): the same
// canonical 16-lane order, so every architecture gives the same bits. Rescoring only.
template <class Arch>
float dot_f32_i8(const float* a, const std::int8_t* b, std::size_t n) {
    using batch = xsimd::batch<float, Arch>;
    constexpr std::size_t width = batch::size, registers = canonical_lanes / width;
    batch acc[registers];
    for (auto& r : acc) r = batch(0.0f);
    alignas(64) float row[canonical_lanes];
    std::size_t i = 0;
    for (; i + canonical_lanes <= n; i += canonical_lanes) {
        for (std::size_t j = 0; j < canonical_lanes; ++j) row[j] = static_cast<float>(b[i + j]);
        for (std::size_t r = 0; r < registers; ++r)
            acc[r] = acc[r] + batch::load_unaligned(a + i + r * width) * batch::load_aligned(row + r * width);
    }
    for (std::size_t j = 0; i + j < n; ++j) row[j] = static_cast<float>(b[i + j]);
    return finish_canonical<Arch>(acc, a + i, row, 0, n - i);
}

// Sums of adjacent int16 products into int32 lanes (pmaddwd; WASM i32x4.dot_i16x8_s).
// xsimd 8.1 has no multiply-add for integers, so this is the one intrinsic per family.
template <class Arch>
xsimd::batch<std::int32_t, Arch> madd_i16(xsimd::batch<std::int16_t, Arch> a, xsimd::batch<std::int16_t, Arch> b) {
    if constexpr (std::is_base_of_v<xsimd::avx2, Arch>)
        return _mm256_madd_epi16(a, b);
    else
        return _mm_madd_epi16(a, b);
}

// int8 x int8 -> int32, exact: reinterpret two int8 as one int16, sign-extend the
// even and odd bytes with shifts, and multiply-add each half into int32 lanes.
template <class Arch>
std::int32_t dot_i8(const std::int8_t* a, const std::int8_t* b, std::size_t n) {
    using b8 = xsimd::batch<std::int8_t, Arch>;
    using b16 = xsimd::batch<std::int16_t, Arch>;
    using b32 = xsimd::batch<std::int32_t, Arch>;
    constexpr std::size_t width = b8::size;

    b32 even_sums(0), odd_sums(0);
    std::size_t i = 0;
    for (; i + width <= n; i += width) {
        const b16 va = xsimd::bitwise_cast<b16>(b8::load_unaligned(a + i));
        const b16 vb = xsimd::bitwise_cast<b16>(b8::load_unaligned(b + i));
        even_sums = even_sums + madd_i16<Arch>((va << 8) >> 8, (vb << 8) >> 8);
        odd_sums = odd_sums + madd_i16<Arch>(va >> 8, vb >> 8);
    }
    std::int32_t sum = xsimd::hadd(even_sums + odd_sums);
    for (; i < n; ++i) sum += std::int32_t{a[i]} * std::int32_t{b[i]};
    return sum;
}

// Four rows against one query, sharing the query's loads and sign extension. A row's
// int16 lane holds (odd byte x 256 + even byte as unsigned); shifted left by 8 it is
// exactly 256 x the signed even byte, and masked to its high byte 256 x the signed odd
// byte, so a row costs one load, one shift, one AND and two multiply-adds per register,
// and sums come out x256. Per 1024 elements an int32 lane gathers at most 256 products
// of |127 x 128 x 256|, about 2^30, so sums are flushed (/256, exact) every 1024
// elements. Scanning is bound by this instruction count in WASM, which has no
// unsigned-by-signed byte multiply-add.
template <class Arch>
void dot_i8_x4(const std::int8_t* a, const std::int8_t* const rows[4], std::size_t n, std::int32_t out[4]) {
    using b8 = xsimd::batch<std::int8_t, Arch>;
    using b16 = xsimd::batch<std::int16_t, Arch>;
    using b32 = xsimd::batch<std::int32_t, Arch>;
    constexpr std::size_t width = b8::size, flush_every = 1024;

    // Named accumulators and row pointers, not arrays: an array indexed in a loop can
    // end up in WASM's in-memory stack instead of registers.
    const std::int8_t *r0 = rows[0], *r1 = rows[1], *r2 = rows[2], *r3 = rows[3];
    const b16 high_byte(static_cast<std::int16_t>(-256));
    b32 t0(0), t1(0), t2(0), t3(0);
    std::size_t i = 0;
    while (i + width <= n) {
        b32 s0(0), s1(0), s2(0), s3(0);
        const std::size_t stop = std::min(n, i + flush_every);
        for (; i + width <= stop; i += width) {
            const b16 va = xsimd::bitwise_cast<b16>(b8::load_unaligned(a + i));
            const b16 a_even = (va << 8) >> 8, a_odd = va >> 8;
            const auto add_row = [&](b32 sum, const std::int8_t* row) {
                const b16 vb = xsimd::bitwise_cast<b16>(b8::load_unaligned(row + i));
                return sum + (madd_i16<Arch>(a_even, vb << 8) + madd_i16<Arch>(a_odd, vb & high_byte));
            };
            s0 = add_row(s0, r0);
            s1 = add_row(s1, r1);
            s2 = add_row(s2, r2);
            s3 = add_row(s3, r3);
        }
        t0 = t0 + (s0 >> 8);
        t1 = t1 + (s1 >> 8);
        t2 = t2 + (s2 >> 8);
        t3 = t3 + (s3 >> 8);
    }
    const auto finish = [&](b32 sums, const std::int8_t* row) {
        std::int32_t sum = xsimd::hadd(sums);
        for (std::size_t j = i; j < n; ++j) sum += std::int32_t{a[j]} * std::int32_t{row[j]};
        return sum;
    };
    out[0] = finish(t0, r0);
    out[1] = finish(t1, r1);
    out[2] = finish(t2, r2);
    out[3] = finish(t3, r3);
}

// One row against `count` queries: out[q] = dot_f32(queries[q], row, n), bit for bit.
// Queries go G at a time (G accumulator sets of 16 lanes, G = 8 / registers a set: 4
// with AVX2, 2 with SSE / WASM SIMD128, so they stay in registers), and each loaded
// chunk of the row is multiplied into all G. The row is read from memory once; the
// later groups find it in L1. Products commute exactly, so q x r = r x q bit for bit.
template <class Arch, std::size_t G>
void dot_f32_group(const float* row, const float* const* queries, std::size_t n, float* out) {
    using batch = xsimd::batch<float, Arch>;
    constexpr std::size_t width = batch::size, registers = canonical_lanes / width;
    batch acc[G][registers];
    for (auto& set : acc)
        for (auto& r : set) r = batch(0.0f);
    std::size_t i = 0;
    for (; i + canonical_lanes <= n; i += canonical_lanes) {
        batch chunk[registers];
        for (std::size_t r = 0; r < registers; ++r) chunk[r] = batch::load_unaligned(row + i + r * width);
        for (std::size_t g = 0; g < G; ++g)
            for (std::size_t r = 0; r < registers; ++r)
                acc[g][r] = acc[g][r] + batch::load_unaligned(queries[g] + i + r * width) * chunk[r];
    }
    for (std::size_t g = 0; g < G; ++g) out[g] = finish_canonical<Arch>(acc[g], queries[g], row, i, n);
}

template <class Arch>
void dot_f32_many(const float* row, const float* const* queries, std::size_t count, std::size_t n, float* out) {
    constexpr std::size_t group = 8 / (canonical_lanes / xsimd::batch<float, Arch>::size);
    std::size_t q = 0;
    for (; q + group <= count; q += group) dot_f32_group<Arch, group>(row, queries + q, n, out + q);
    for (; q < count; ++q) dot_f32_group<Arch, 1>(row, queries + q, n, out + q);
}

// One row against G queries, exact. dot_i8_x4's trick with the roles swapped: the row is
// sign-extended once a chunk (even and odd bytes, three shifts shared by all G), and each
// query costs one shift and one AND (256 x its even and odd bytes), then two multiply-adds.
// Sums come out x256 and are flushed (/256, exact) every 1024 elements, as there.
template <class Arch, std::size_t G>
void dot_i8_group(const std::int8_t* row, const std::int8_t* const* queries, std::size_t n, std::int32_t* out) {
    using b8 = xsimd::batch<std::int8_t, Arch>;
    using b16 = xsimd::batch<std::int16_t, Arch>;
    using b32 = xsimd::batch<std::int32_t, Arch>;
    constexpr std::size_t width = b8::size, flush_every = 1024;
    const b16 high_byte(static_cast<std::int16_t>(-256));
    b32 totals[G];
    for (auto& t : totals) t = b32(0);
    std::size_t i = 0;
    while (i + width <= n) {
        b32 sums[G];
        for (auto& s : sums) s = b32(0);
        const std::size_t stop = std::min(n, i + flush_every);
        for (; i + width <= stop; i += width) {
            const b16 vb = xsimd::bitwise_cast<b16>(b8::load_unaligned(row + i));
            const b16 row_even = (vb << 8) >> 8, row_odd = vb >> 8;
            for (std::size_t g = 0; g < G; ++g) {
                const b16 va = xsimd::bitwise_cast<b16>(b8::load_unaligned(queries[g] + i));
                sums[g] = sums[g] + (madd_i16<Arch>(va << 8, row_even) + madd_i16<Arch>(va & high_byte, row_odd));
            }
        }
        for (std::size_t g = 0; g < G; ++g) totals[g] = totals[g] + (sums[g] >> 8);
    }
    for (std::size_t g = 0; g < G; ++g) {
        std::int32_t sum = xsimd::hadd(totals[g]);
        for (std::size_t j = i; j < n; ++j) sum += std::int32_t{queries[g][j]} * std::int32_t{row[j]};
        out[g] = sum;
    }
}

template <class Arch>
void dot_i8_many(const std::int8_t* row, const std::int8_t* const* queries, std::size_t count, std::size_t n,
                 std::int32_t* out) {
    constexpr std::size_t group = 4;
    std::size_t q = 0;
    for (; q + group <= count; q += group) dot_i8_group<Arch, group>(row, queries + q, n, out + q);
    for (; q < count; ++q) dot_i8_group<Arch, 1>(row, queries + q, n, out + q);
}

// Popcount of XOR, 64 bits at a time; each architecture's unit compiles it with its
// own flags (POPCNT with AVX2, i64.popcnt in WASM). Exact, like every integer kernel.
template <class Arch>
std::uint32_t hamming(const std::uint8_t* a, const std::uint8_t* b, std::size_t bytes) {
    std::uint32_t distance = 0;
    std::size_t i = 0;
    for (; i + 8 <= bytes; i += 8) {
        std::uint64_t x, y;
        std::memcpy(&x, a + i, 8);
        std::memcpy(&y, b + i, 8);
        distance += static_cast<std::uint32_t>(std::popcount(x ^ y));
    }
    for (; i < bytes; ++i) distance += static_cast<std::uint32_t>(std::popcount(static_cast<unsigned>(a[i] ^ b[i])));
    return distance;
}

// One row against `count` queries' bit strings; the row stays in L1 after the first.
template <class Arch>
void hamming_many(const std::uint8_t* row, const std::uint8_t* const* queries, std::size_t count, std::size_t bytes,
                  std::uint32_t* out) {
    for (std::size_t q = 0; q < count; ++q) out[q] = hamming<Arch>(queries[q], row, bytes);
}

}  // namespace
}  // namespace vitrine::kernels
