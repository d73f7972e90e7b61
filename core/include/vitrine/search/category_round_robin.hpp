// vitrine/search/category_round_robin.hpp — candidates for a query that has no text to
// retrieve with (search by photo alone), chosen by a fixed rule.
//
//   auto positions = vitrine::round_robin_by_category(index, {.top_k = 10});
//
// The rule: categories in the order they first appear in the index; each
// category's records in position order; take one record from each category in
// turn, round after round, until top_k are taken or none are left. So a photo
// of a lamp meets lamps among the candidates even when the catalogue is sorted
// by category, and the same index always gives the same candidates. The filters
// of SearchOptions (category, price range, ids) apply first, as in search().
//
// Refuses (Error, kind invalid_argument): top_k of 0, a price bound that is
// NaN, min_price greater than max_price.
#pragma once

#include <cstdint>
#include <vector>

#include "vitrine/index/reader.hpp"
#include "vitrine/search/search.hpp"

namespace vitrine {

std::vector<std::uint32_t> round_robin_by_category(const Index& index, const SearchOptions& options);

}  // namespace vitrine
