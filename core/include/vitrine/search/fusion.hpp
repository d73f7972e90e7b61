// vitrine/search/fusion.hpp — keyword and vector scores fused into one ranking (hybrid).
//
//   auto fused = vitrine::fuse(keyword_hits, vector_scores, eligible, {.keyword_weight = 0.3});
//
// The match set is every eligible record with a keyword score (> 0) or a vector score at
// or above the relevance floor; a record with neither is not a match, so a query that
// matches no keyword and no product closely gets no results rather than the least bad.
// convex (default): each score is normalised by its theoretical minimum and the best in
// the match set — keyword s / max (BM25 starts at 0), vector (v - floor) / (max - floor),
// 0 under the floor — and combined as w x keyword + (1 - w) x vector (Bruch et al., TOIS
// 2023: a convex combination of normalised scores beats RRF and tunes from few labels).
// rrf: w / (60 + keyword rank) + (1 - w) / (60 + vector rank), ranks from 1 by score then
// position, a list a record is absent from adding nothing. A keyword weight of 1 leaves
// vectors out of the match set, 0 leaves keywords out. Computed in double, stored as
// float: the same bits in every build. Hits come in ascending position.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "vitrine/search/search.hpp"

namespace vitrine {

enum class Fusion { convex, rrf };

// Tuned on the sample catalogue's labelled queries (bench/storefront/relevance.mjs).
inline constexpr double default_keyword_weight = 0.3;
// Cosine under which a vector match is not a match, for the local embedder: on the sample
// catalogue no nonsense query reaches it (the best, "theiere", a word it lacks: 0.29),
// while one shared word does ("sofa": 0.33). Hosted models' scores spread differently;
// callers pass their own floor.
inline constexpr float default_vector_floor = 0.3f;
inline constexpr double rrf_k = 60;

struct FusionOptions {
    double keyword_weight = default_keyword_weight;  // 0..1
    Fusion fusion = Fusion::convex;
    float vector_floor = default_vector_floor;
};

std::optional<Fusion> fusion_from_string(std::string_view name) noexcept;

// keyword: hits in ascending position (keyword_search); vector: a score per position, NaN
// for records not scored (filtered out, or none: an empty span); eligible: a flag per
// position (empty: all). Refuses (ErrorKind::invalid_argument) a weight outside 0..1 or NaN.
std::vector<SearchHit> fuse(std::span<const SearchHit> keyword, std::span<const float> vector,
                            std::span<const std::uint8_t> eligible, const FusionOptions& options);

}  // namespace vitrine
