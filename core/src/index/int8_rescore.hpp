// index/int8_rescore.hpp — int8 copies of the vectors, for rescoring a binary first pass (internal).
//
// A binary index (1 bit a dim) finds candidates; rescoring them needs better copies of
// the vectors. f32 copies cost 4 bytes a dim (4 KB a product at 1024 dims); these cost
// 1 byte a dim plus one f32 scale a vector, quantised as int8 storage is (value ≈ q × scale).
// Two optional sections hold them: `rescore_int8` (count × dims int8, row-major) and
// `rescore_scales` (count f32). Written by write_index for IndexSpec::rescore_with = int8;
// on open they are checked here: both or neither, binary storage only, not beside f32
// copies, exact lengths, every scale in [0, 1/127] (what quantising a unit vector gives).
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace vitrine {

// Rows quantised to int8 with one scale each (the int8 storage's rule, base/vector_math).
struct QuantisedRows {
    std::vector<std::uint8_t> values;  // count x dims int8
    std::vector<std::uint8_t> scales;  // count f32, little-endian
};
QuantisedRows quantise_rows(std::span<const float> unit_rows, std::size_t count, std::size_t dims);

// Checks the int8 rescoring copies found on open (either may be null) and throws
// ErrorKind::corrupt_index naming what is wrong. Returns whether the index has them.
struct Int8RescoreSections {
    const std::uint8_t* values = nullptr;
    std::uint64_t values_length = 0;
    const std::uint8_t* scales = nullptr;
    std::uint64_t scales_length = 0;
};
bool check_int8_rescore(const Int8RescoreSections& found, std::uint64_t count, std::uint64_t dims, bool binary_storage,
                        bool has_f32_copies);

}  // namespace vitrine
