// vitrine/search/sort_order.hpp — the order of a results page.
//
//   vitrine::parse_sort_order("-price")   // price, highest first; "price": lowest first
//
// "relevance" (or empty): by score. Otherwise "price" or a numeric facet column, "-" in
// front for descending. Records without the field come last, in relevance order; equal
// values keep relevance order, then position, so every order is deterministic.
// Refuses (ErrorKind::invalid_argument, when applied): a field that is not numeric here.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "vitrine/index/reader.hpp"
#include "vitrine/search/search.hpp"

namespace vitrine {

struct SortOrder {
    std::string field;  // empty: relevance
    bool descending = false;
};

SortOrder parse_sort_order(std::string_view text);

// The number each hit sorts by (NaN: none, and every hit for relevance): the price, or
// the smallest of a numeric column's values. Refuses what sort_hits refuses.
std::vector<double> sort_keys(const Index& index, const SortOrder& order, std::span<const SearchHit> hits);

// Whether hit a comes before hit b in this order, given the numbers they sort by (NaN:
// none; ignored for relevance): sort_hits' rule, which merged shard pages follow too.
bool sorts_before(const SortOrder& order, double key_a, const SearchHit& a, double key_b, const SearchHit& b) noexcept;

// Sorts hits (scores are relevance) in this order.
void sort_hits(const Index& index, const SortOrder& order, std::vector<SearchHit>& hits);

}  // namespace vitrine
