// vitrine/search/facet_counts.hpp — exact facet counts over a whole match set.
//
//   auto facets = vitrine::count_facets(index, {"category", "brand", "price"}, matches);
//
// Counts every match (not just a page): per value of the field, how many matches hold it
// (a tag counts once per record), most first, then by value; numeric fields ("price" and
// numeric facet columns) also give the smallest and largest value among the matches, for
// a range slider ("price" gives only those). A record without a category counts under "".
// Refuses (ErrorKind::invalid_argument) a field the index does not have, naming those it has.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "vitrine/index/reader.hpp"
#include "vitrine/search/search.hpp"

namespace vitrine {

struct FacetValueCount {
    std::string value;
    std::size_t count = 0;
};

struct FacetCounts {
    std::string field = {};
    std::vector<FacetValueCount> counts = {};
    std::optional<double> min = {}, max = {};  // numeric fields with a value among the matches
};

std::vector<FacetCounts> count_facets(const Index& index, std::span<const std::string> fields,
                                      std::span<const SearchHit> matches);

// A field's non-zero counts in count_facets' order: most first, then by value (bytes).
std::vector<FacetValueCount> rank_facet_values(std::vector<FacetValueCount> counts);

// Refuses a field count_facets would refuse, before any search.
void check_facet_fields(const Index& index, std::span<const std::string> fields);

}  // namespace vitrine
