// base/vector_math.hpp — L2 normalisation and int8 quantisation (internal).
// Both are written to give the same bits on every platform: sums in double in
// index order, one division per value, no reassociation.
#pragma once

#include <cstdint>
#include <span>

namespace vitrine {

// Scales `values` to unit length in place. Returns false (leaving values
// untouched) when the vector is zero or not finite.
bool l2_normalise(std::span<float> values) noexcept;

// Quantises to [-127, 127] with one scale (value ~ q * scale): symmetric, so a
// vector and its negation quantise to negations of each other.
float quantise_int8(std::span<const float> values, std::span<std::int8_t> out) noexcept;

// Sign bits, value i in bit (i % 8) of byte i / 8; positive is 1. Padding bits are 0.
inline std::size_t binary_row_bytes(std::size_t dims) noexcept { return (dims + 7) / 8; }
void binarise(std::span<const float> values, std::span<std::uint8_t> out) noexcept;

}  // namespace vitrine
