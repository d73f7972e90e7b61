// rerank_job.hpp — one rerank of retrieved candidates, held in WASM memory between
// planning the /v1/rerank requests and merging their responses.
//
//   job = planRerank(index, [{position, score?, image?}, ...],        // retrieval order
//                    {model, query, queryImage?, instruction?, topK, maxImagesPerRequest});
//   job.batches()        -> [{candidates: [i...], topN, images, body}]  // POST each body (UTF-8 bytes)
//   job.merge([bodies])  -> {results, reranked: true}    (undefined if a body is refused)
//   job.fallback(reason) -> {results, reranked: false, rerankError: reason}
//   job.delete();
//
// Images are prepared JPEGs (Uint8Array), sent as data URIs. The candidates' texts
// come from the index records (vitrine/catalogue/product_text.hpp) and
// the batching, merging and fallback are the core's (rerank_plan, rerank_merge), so
// JS and native give the same ranking for the same responses. Results are
// [{position, score (retrieval score, or null), relevanceScore (when reranked)}].
// planRerank refuses (undefined) what plan_rerank refuses, and bad positions.
#pragma once

#include <emscripten/val.h>

#include <memory>
#include <string>
#include <vector>

#include "opened_index.hpp"
#include "vitrine/hosted/rerank_merge.hpp"
#include "vitrine/hosted/rerank_plan.hpp"

namespace vitrine::wasm {

class RerankJob {
public:
    static std::unique_ptr<RerankJob> plan(const OpenedIndex& index, const emscripten::val& candidates,
                                           const emscripten::val& options);

    emscripten::val batches() const;
    emscripten::val merge(const emscripten::val& bodies) const;
    emscripten::val fallback(const std::string& reason) const;

private:
    RerankJob() = default;
    std::vector<RerankCandidate> candidates_;
    std::vector<RerankBatch> batches_;
    std::size_t top_k_ = 0;
};

}  // namespace vitrine::wasm
