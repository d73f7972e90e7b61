// search/search_steps.hpp — the steps of vitrine::search that batched search shares (internal).
//
// One home for each rule: the query's checks and normalisation, which positions the
// filters leave, how many first-pass hits rescoring keeps, and the rescoring itself.
// search() and search_batch() both call these, so a query gives the same answer alone
// or in a batch.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "vitrine/search/search.hpp"

namespace vitrine {

// First-pass scores from the integer kernels' sums (int8: dot x both scales; binary:
// the share of agreeing signs, 1 - 2 x hamming / dims).
inline float int8_score(std::int32_t dot, float query_scale, float row_scale) noexcept {
    return static_cast<float>(dot) * (query_scale * row_scale);
}
inline float binary_score(std::uint32_t distance, std::size_t dims) noexcept {
    return static_cast<float>(static_cast<std::int64_t>(dims) - 2 * static_cast<std::int64_t>(distance)) /
           static_cast<float>(dims);
}

// The options' checks (top_k, prices, rescore_factor, threads): ErrorKind::invalid_argument.
void check_search_options(const SearchOptions& options);
// The query checked against the index and options (ErrorKind::invalid_argument), unit length.
std::vector<float> unit_query(const Index& index, std::span<const float> query, const SearchOptions& options);
// The ascending positions the filters leave, or nullopt when options filter nothing.
std::optional<std::vector<std::uint32_t>> filtered_positions(const Index& index, const SearchOptions& options);
// How many first-pass hits to keep: top_k (capped at the count), or more to rescore.
std::size_t first_pass_keep(const Index& index, const SearchOptions& options);
// The first pass's hits rescored exactly and cut to top_k, or `first` as it is
// when the index keeps no rescoring copies or options switch rescoring off.
std::vector<SearchHit> rescored(const Index& index, std::span<const float> unit, const std::vector<SearchHit>& first,
                                const SearchOptions& options);

// Every candidate's vector score by record position (NaN for those the filters leave out),
// rescored exactly when search() would rescore: what hybrid ranking fuses.
std::vector<float> score_all(const Index& index, std::span<const float> query, const SearchOptions& options);

}  // namespace vitrine
