// vitrine/hosted/rerank_plan.hpp — which retrieved candidates go into which /v1/rerank
// request, and the request bodies.
//
//   std::vector<vitrine::RerankCandidate> candidates = ...;   // in retrieval order
//   auto batches = vitrine::plan_rerank(candidates, {.model = "Qwen/Qwen3-VL-Reranker-2B",
//                                                    .query = "red trail shoe", .top_k = 3});
//   // ... a transport POSTs each batches[i].request_body to {base}/rerank ...
//   auto outcome = vitrine::merge_rerank_responses(candidates, batches, bodies, 3);  // rerank_merge.hpp
//
// Hosted rerankers cap the images per request (5 for the target service), and
// the query's own image (search by photo) counts. So candidates are cut, in
// retrieval order, into consecutive batches holding at most
// max_images_per_request images in all; text-only candidates cost nothing and
// stay in the batch being filled. Each batch asks for top_n = min(top_k, its
// size): the overall top_k is always among the batches' top_n, and fewer
// scored documents come back. Scores are merged across batches on the premise
// that the reranker scores each (query, document) pair on its own, as the
// cross-encoder rerankers served by vLLM do.
//
// Refuses (Error, kind invalid_argument): no candidates, top_k or
// max_images_per_request of 0, a query image leaving no room for a candidate's
// image, and whatever build_rerank_request refuses (empty model, a query with
// neither text nor image, an empty instruction...).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "vitrine/hosted/defaults.hpp"

namespace vitrine {

struct RerankCandidate {
    std::uint32_t position = 0;                 // record position in the index
    std::optional<float> retrieval_score = {};  // unset when retrieved without a query vector
    std::string text = {};                      // the document text (rerank_document_text)
    std::optional<std::string> image_url = {};  // the prepared image as a data URI, if it has one
};

struct RerankPlanOptions {
    std::string model = {};
    std::string query = {};                           // may be empty when query_image_url is set
    std::optional<std::string> query_image_url = {};  // search by photo
    std::optional<std::string> instruction = {};
    std::size_t top_k = default_top_k;
    std::size_t max_images_per_request = default_max_images_per_request;  // the query's image included
};

struct RerankBatch {
    std::vector<std::size_t> candidates = {};  // indices into the candidate list, retrieval order
    std::size_t top_n = 0;
    std::size_t images = 0;  // images in the request, the query's included
    std::string request_body = {};
};

std::vector<RerankBatch> plan_rerank(std::span<const RerankCandidate> candidates, const RerankPlanOptions& options);

}  // namespace vitrine
