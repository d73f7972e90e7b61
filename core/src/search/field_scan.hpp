// search/field_scan.hpp — the fused two-field scan, with one product left out (internal).
// search_fields is this with none left out; similar leaves out the product it starts from.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "vitrine/search/field_fusion.hpp"

namespace vitrine {

std::vector<SearchHit> fused_scan(const Index& index, const FieldQuery& query, const SearchOptions& options,
                                  const FieldWeights& weights, std::optional<std::uint32_t> left_out);

}  // namespace vitrine
