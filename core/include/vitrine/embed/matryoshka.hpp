// vitrine/embed/matryoshka.hpp — shortens an embedding to the dims an index stores.
//
//   std::vector<float> v = vitrine::matryoshka_truncate(model_vector, index.dims());
//
// Matryoshka-trained models (Qwen3-Embedding among them) put the most
// information in the leading dimensions, so a prefix, re-normalised to unit
// length, is a good smaller embedding. Doing it here rather than asking the
// server (`dimensions`) works with every server and keeps the query's bits
// identical to the index's: the prefix is normalised exactly as the index
// writer normalises stored vectors (sum of squares in double, index order).
//
// Refuses (Error, kind invalid_argument): dims of 0 or more than the vector
// holds, and a prefix that is all zeros or not finite (it has no direction).
#pragma once

#include <cstddef>
#include <span>
#include <vector>

namespace vitrine {

std::vector<float> matryoshka_truncate(std::span<const float> vector, std::size_t dims);

}  // namespace vitrine
