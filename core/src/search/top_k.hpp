// search/top_k.hpp — the best k hits of a scan (internal).
//
//   TopK best(k);  best.offer(position, score) ...;  auto hits = std::move(best).sorted();
//
// Better = higher score, then lower position: a total order, so the k kept are the same
// whatever order the hits are offered in. That is what lets a scan be split into ranges
// (threads) or several queries share one pass and still give search()'s exact answer.
#pragma once

#include <algorithm>
#include <cstddef>
#include <queue>
#include <vector>

#include "vitrine/search/search.hpp"

namespace vitrine {

inline bool ranks_before(const SearchHit& a, const SearchHit& b) noexcept {
    return a.score > b.score || (a.score == b.score && a.position < b.position);
}

// Keeps the best k hits seen; the worst of them on top.
class TopK {
public:
    explicit TopK(std::size_t k) : k_(k) {}
    void offer(std::uint32_t position, float score) {
        const SearchHit hit{position, score};
        if (k_ == 0) return;
        if (heap_.size() < k_) {
            heap_.push(hit);
        } else if (ranks_before(hit, heap_.top())) {
            heap_.pop();
            heap_.push(hit);
        }
    }
    std::vector<SearchHit> sorted() && {
        std::vector<SearchHit> hits;
        hits.reserve(heap_.size());
        while (!heap_.empty()) {
            hits.push_back(heap_.top());
            heap_.pop();
        }
        std::reverse(hits.begin(), hits.end());
        return hits;
    }

private:
    struct WorstOnTop {
        bool operator()(const SearchHit& a, const SearchHit& b) const noexcept { return ranks_before(a, b); }
    };
    std::size_t k_;
    std::priority_queue<SearchHit, std::vector<SearchHit>, WorstOnTop> heap_;
};

// The best k of several ranges' best k: the same hits one TopK over everything keeps.
inline std::vector<SearchHit> merge_best(std::vector<std::vector<SearchHit>> parts, std::size_t k) {
    if (parts.size() == 1) return std::move(parts.front());
    TopK best(k);
    for (const auto& part : parts)
        for (const SearchHit& hit : part) best.offer(hit.position, hit.score);
    return std::move(best).sorted();
}

}  // namespace vitrine
