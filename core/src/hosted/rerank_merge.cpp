// hosted/rerank_merge.cpp — per-batch rerank results mapped back to candidates and
// merged best first; the retrieval-order fallback. See vitrine/hosted/rerank_merge.hpp.
#include "vitrine/hosted/rerank_merge.hpp"

#include <algorithm>

#include "vitrine/base/error.hpp"
#include "vitrine/hosted/rerank_api.hpp"

namespace vitrine {
namespace {

[[noreturn]] void refuse(const std::string& what) { throw Error(ErrorKind::invalid_argument, "rerank merge: " + what); }

struct Scored {
    std::size_t candidate;  // retrieval rank, the tie-breaker
    double score;
};

}  // namespace

RerankOutcome merge_rerank_responses(std::span<const RerankCandidate> candidates,
                                     std::span<const RerankBatch> batches,
                                     std::span<const std::string> bodies, std::size_t top_k) {
    if (top_k == 0) refuse("top_k must be at least 1");
    if (bodies.size() != batches.size())
        refuse(std::to_string(bodies.size()) + " responses for " + std::to_string(batches.size()) + " batches");

    std::vector<Scored> scored;
    for (std::size_t b = 0; b < batches.size(); ++b) {
        const RerankBatch& batch = batches[b];
        for (const std::size_t c : batch.candidates)
            if (c >= candidates.size()) refuse("batch " + std::to_string(b) + " names candidate " + std::to_string(c));
        for (const RerankResult& r : parse_rerank_response(bodies[b], batch.candidates.size(), batch.top_n))
            scored.push_back({batch.candidates[r.index], r.relevance_score});
    }
    std::sort(scored.begin(), scored.end(), [](const Scored& a, const Scored& b) {
        return a.score != b.score ? a.score > b.score : a.candidate < b.candidate;
    });

    RerankOutcome outcome;
    outcome.reranked = true;
    for (std::size_t i = 0; i < std::min(top_k, scored.size()); ++i) {
        const RerankCandidate& c = candidates[scored[i].candidate];
        outcome.results.push_back({c.position, c.retrieval_score, scored[i].score});
    }
    return outcome;
}

RerankOutcome retrieval_order(std::span<const RerankCandidate> candidates, std::size_t top_k, std::string_view reason) {
    if (top_k == 0) refuse("top_k must be at least 1");
    if (reason.empty()) refuse("the fallback needs a reason");
    RerankOutcome outcome;
    outcome.rerank_error = std::string(reason);
    for (std::size_t i = 0; i < std::min(top_k, candidates.size()); ++i)
        outcome.results.push_back({candidates[i].position, candidates[i].retrieval_score, std::nullopt});
    return outcome;
}

}  // namespace vitrine
