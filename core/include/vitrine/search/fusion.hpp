// vitrine/search/fusion.hpp — keyword and vector scores fused into one ranking (hybrid).
//
//   auto fused = vitrine::fuse(keyword_hits, vector_scores, eligible, {.keyword_weight = 0.3});
//
// The match set is every eligible record with a keyword score (> 0) or a vector score at
// or above the relevance floor; a record with neither is not a match, so a query that
// matches no keyword and no product closely gets no results rather than the least bad.
// convex (default): each score is normalised to 0..1 — keyword s / max over the match set
// (BM25 has no fixed top), vector (v - floor) / (1 - floor) (cosine's own top, so a
// weak vector match stays weak when nothing matches well; 0 under the floor) — and
// combined as w x keyword + (1 - w) x vector (Bruch et al., TOIS 2023: a convex
// combination of normalised scores beats RRF and tunes from few labels).
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

// Tuned on the sample catalogue's labelled queries (bench/storefront/relevance.mjs): with
// the local embedder, whose vectors are lexical too, nDCG@10 rises with the weight up to
// 0.7 and is flat after it; a hosted model's vectors may deserve more weight.
inline constexpr double default_keyword_weight = 0.7;
// Cosine under which a vector match is not a match, for the local embedder: on the sample
// catalogue no nonsense query of the labelled set reaches it (the best: 0.305, "jwkvk";
// "theiere", a word it lacks: 0.29), while one shared word does ("sofa": 0.33).
inline constexpr float default_vector_floor = 0.32f;
// A hosted model's scores spread as that model has them, and there are no labelled queries
// to tune a floor from: no floor (every product is a vector match, as in plain vector search),
// so keywords add to the model's ranking and take nothing from it. Pass a floor tuned on the
// model's own scores for an honest "no results" there.
inline constexpr float hosted_vector_floor = -1.0f;
inline constexpr double rrf_k = 60;

struct FusionOptions {
    double keyword_weight = default_keyword_weight;  // 0..1
    Fusion fusion = Fusion::convex;
    std::optional<float> vector_floor = {};  // unset: default_vector_floor (search_text_page: by the vectors' source)
};

std::optional<Fusion> fusion_from_string(std::string_view name) noexcept;

// keyword: hits in ascending position (keyword_search); vector: a score per position, NaN
// for records not scored (filtered out, or none: an empty span); eligible: a flag per
// position (empty: all). Refuses (ErrorKind::invalid_argument) a weight outside 0..1 or NaN.
std::vector<SearchHit> fuse(std::span<const SearchHit> keyword, std::span<const float> vector,
                            std::span<const std::uint8_t> eligible, const FusionOptions& options);

}  // namespace vitrine
