// search/fusion.cpp — hybrid fusion of keyword and vector scores (see vitrine/search/fusion.hpp).
#include "vitrine/search/fusion.hpp"

#include <algorithm>
#include <cmath>

#include "search/top_k.hpp"
#include "vitrine/base/error.hpp"

namespace vitrine {
namespace {

// Ranks from 1 of the hits by score, then position.
std::vector<std::size_t> ranks(std::vector<SearchHit> hits, std::size_t count) {
    std::sort(hits.begin(), hits.end(), ranks_before);
    std::vector<std::size_t> rank(count, 0);
    for (std::size_t r = 0; r < hits.size(); ++r) rank[hits[r].position] = r + 1;
    return rank;
}

}  // namespace

std::optional<Fusion> fusion_from_string(std::string_view name) noexcept {
    if (name == "convex") return Fusion::convex;
    if (name == "rrf") return Fusion::rrf;
    return std::nullopt;
}

std::vector<SearchHit> fuse(std::span<const SearchHit> keyword, std::span<const float> vector,
                            std::span<const std::uint8_t> eligible, const FusionOptions& options) {
    const double w = options.keyword_weight;
    if (!(w >= 0 && w <= 1)) throw Error(ErrorKind::invalid_argument, "search: keyword weight must be in 0..1");
    std::size_t count = vector.size();
    for (const SearchHit& hit : keyword) count = std::max<std::size_t>(count, hit.position + std::size_t{1});
    const auto is_eligible = [&](std::size_t i) { return eligible.empty() || (i < eligible.size() && eligible[i]); };

    std::vector<double> keyword_score(count, 0.0);
    if (w > 0)
        for (const SearchHit& hit : keyword)
            if (is_eligible(hit.position)) keyword_score[hit.position] = hit.score;
    const float floor = options.vector_floor.value_or(default_vector_floor);
    const auto vector_match = [&](std::size_t i) {
        return w < 1 && i < vector.size() && is_eligible(i) && vector[i] >= floor;  // false for NaN
    };

    std::vector<SearchHit> matched_keywords, matched_vectors;
    double best_keyword = 0;
    for (std::size_t i = 0; i < count; ++i) {
        if (keyword_score[i] > 0) {
            matched_keywords.push_back({static_cast<std::uint32_t>(i), static_cast<float>(keyword_score[i])});
            best_keyword = std::max(best_keyword, keyword_score[i]);
        }
        if (vector_match(i)) {
            matched_vectors.push_back({static_cast<std::uint32_t>(i), vector[i]});
        }
    }

    std::vector<SearchHit> fused;
    if (options.fusion == Fusion::rrf) {
        const auto keyword_rank = ranks(matched_keywords, count), vector_rank = ranks(matched_vectors, count);
        for (std::size_t i = 0; i < count; ++i) {
            if (!keyword_rank[i] && !vector_rank[i]) continue;
            double score = 0;
            if (keyword_rank[i]) score += w / (rrf_k + static_cast<double>(keyword_rank[i]));
            if (vector_rank[i]) score += (1 - w) / (rrf_k + static_cast<double>(vector_rank[i]));
            fused.push_back({static_cast<std::uint32_t>(i), static_cast<float>(score)});
        }
        return fused;
    }
    const double vector_span = 1.0 - floor;  // cosine's theoretical maximum: weak matches stay weak
    for (std::size_t i = 0; i < count; ++i) {
        const bool by_keyword = keyword_score[i] > 0, by_vector = vector_match(i);
        if (!by_keyword && !by_vector) continue;
        const double k = by_keyword ? keyword_score[i] / best_keyword : 0;
        const double v = by_vector ? (vector_span > 0 ? (vector[i] - floor) / vector_span : 1) : 0;
        fused.push_back({static_cast<std::uint32_t>(i), static_cast<float>(w * k + (1 - w) * v)});
    }
    return fused;
}

}  // namespace vitrine
