// vitrine/hosted/rerank_merge.hpp — the rerank responses of all batches merged into one
// ranking of products, or the retrieval order when reranking failed.
//
//   vitrine::RerankOutcome outcome;
//   try {
//       outcome = vitrine::merge_rerank_responses(candidates, batches, bodies, top_k);
//   } catch (const std::exception& e) {            // transport or response failure
//       outcome = vitrine::retrieval_order(candidates, top_k, e.what());
//   }
//   for (const vitrine::RankedProduct& r : outcome.results) index.record(r.position);
//
// Merging is all or nothing: one bad response fails the whole rerank, since a
// ranking of only some batches would be silently partial. Results are ordered by
// relevance_score, best first; equal scores keep retrieval order. At most top_k
// are returned, fewer only with fewer candidates: a batch answering fewer than its
// top_n is a bad response, one answering more keeps its best top_n. The fallback
// keeps the first top_k candidates in retrieval order, with reranked = false and
// the reason, so a failing reranker never loses the retrieval results.
//
// Refuses (Error, kind invalid_argument): top_k of 0, bodies not one per batch,
// batches naming candidates that do not exist, an empty fallback reason.
// Refuses (Error, kind bad_response): any body parse_rerank_response refuses
// (malformed JSON, indices out of range, scores not finite, too few results...).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "vitrine/hosted/rerank_plan.hpp"

namespace vitrine {

struct RankedProduct {
    std::uint32_t position = 0;                  // record position in the index
    std::optional<float> retrieval_score = {};   // the vector search score, if any
    std::optional<double> relevance_score = {};  // the reranker's score, when reranked
};

struct RerankOutcome {
    std::vector<RankedProduct> results = {};
    bool reranked = false;
    std::string rerank_error = {};  // why not, when reranked is false
};

RerankOutcome merge_rerank_responses(std::span<const RerankCandidate> candidates,
                                     std::span<const RerankBatch> batches,
                                     std::span<const std::string> bodies, std::size_t top_k);

RerankOutcome retrieval_order(std::span<const RerankCandidate> candidates, std::size_t top_k, std::string_view reason);

}  // namespace vitrine
