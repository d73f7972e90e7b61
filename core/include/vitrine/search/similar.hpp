// vitrine/search/similar.hpp — the products nearest to one product, from its stored vectors.
//
//   auto hits = vitrine::similar(index, "shoe-0042", {.top_k = 8});
//
// The product's own text vector (and its image vector, when it has one) is the query:
// search_fields (field_fusion.hpp) with the same fusion rule and weights, so it needs no
// embedder and no endpoint call at all. Stored vectors are read back at full precision
// where the index keeps it: f32 rows or rescoring copies as they are, int8 rows as
// value x scale, binary rows as +-1. The product itself is left out; filters apply.
//
// Refuses (Error, invalid_argument): an id no product has, and what search_fields refuses.
#pragma once

#include <string_view>
#include <vector>

#include "vitrine/index/reader.hpp"
#include "vitrine/search/field_fusion.hpp"
#include "vitrine/search/search.hpp"

namespace vitrine {

std::vector<SearchHit> similar(const Index& index, std::string_view id, const SearchOptions& options = {},
                               const FieldWeights& weights = {});

}  // namespace vitrine
