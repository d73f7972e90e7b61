// vitrine/keyword/edit_distance.hpp — typo tolerance for keyword search.
//
//   vitrine::edit_distance("lampe", "lamp", 1) == 1
//   vitrine::typo_budget("teapot") == 1
//
// edit_distance counts insertions, deletions, substitutions and swaps of two neighbours
// (optimal string alignment, Damerau-Levenshtein) over UTF-8 code points, and stops early:
// anything over `max` is reported as max + 1. typo_budget is how many edits a query term
// may be off by: none under 5 characters, 1 from 5, 2 from 9, and none for codes and
// numbers (a term with a digit: "KX-4471" must not find "KX-4472").
#pragma once

#include <cstddef>
#include <string_view>

namespace vitrine {

std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t max);
std::size_t typo_budget(std::string_view term) noexcept;

}  // namespace vitrine
