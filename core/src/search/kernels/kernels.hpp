// search/kernels/kernels.hpp — the SIMD scoring kernels behind search (internal).
//
// One generic implementation (dot_kernels.hpp) is compiled per instruction set;
// `active_kernels()` is the best the CPU has, or the baseline after set_kernels(baseline). Every variant returns the
// same bits: f32 dots accumulate in 16 lanes (element i into lane i % 16) combined
// in a fixed tree, whatever the register width; int8 dots are exact integers.
#pragma once

#include <cstddef>
#include <cstdint>

namespace vitrine::kernels {

struct KernelTable {
    const char* name;
    // Canonical-order dot product of two f32 vectors of length n.
    float (*dot_f32)(const float* a, const float* b, std::size_t n);
    // Exact dot product of two int8 vectors of length n; `a` (the query) holds no -128.
    std::int32_t (*dot_i8)(const std::int8_t* a, const std::int8_t* b, std::size_t n);
    // dot_i8 of one query `a` with four rows at once, into out[0..3].
    void (*dot_i8_x4)(const std::int8_t* a, const std::int8_t* const rows[4], std::size_t n, std::int32_t out[4]);
    // Number of differing bits between two bit strings of `bytes` bytes.
    std::uint32_t (*hamming)(const std::uint8_t* a, const std::uint8_t* b, std::size_t bytes);
    // Canonical-order dot product of an f32 query with an int8 row (rescoring by int8 copies).
    float (*dot_f32_i8)(const float* a, const std::int8_t* b, std::size_t n);
    // Batched search: one row against `count` queries at once, out[q] bit-identical to
    // the one-query kernel's (queries[q], row); each loaded chunk of the row serves
    // several queries (register blocking), so a scan is bound by arithmetic, not memory.
    void (*dot_f32_many)(const float* row, const float* const* queries, std::size_t count, std::size_t n, float* out);
    void (*dot_i8_many)(const std::int8_t* row, const std::int8_t* const* queries, std::size_t count, std::size_t n,
                        std::int32_t* out);
    void (*hamming_many)(const std::uint8_t* row, const std::uint8_t* const* queries, std::size_t count,
                         std::size_t bytes, std::uint32_t* out);
};

const KernelTable& baseline_kernels() noexcept;
#if defined(VITRINE_HAVE_AVX2_KERNELS)
const KernelTable& avx2_kernels() noexcept;
#endif

// The table search uses now (vitrine::set_kernels; by default the fastest this CPU supports).
const KernelTable& active_kernels() noexcept;

}  // namespace vitrine::kernels
