// hosted/rerank_plan.cpp — cuts candidates into image-capped batches and builds their
// /v1/rerank bodies. See vitrine/hosted/rerank_plan.hpp.
#include "vitrine/hosted/rerank_plan.hpp"

#include <algorithm>

#include "vitrine/base/error.hpp"
#include "vitrine/hosted/rerank_api.hpp"

namespace vitrine {
namespace {

[[noreturn]] void refuse(const std::string& what) { throw Error(ErrorKind::invalid_argument, "rerank plan: " + what); }

RerankBatch finish(std::vector<std::size_t> members, std::size_t images,
                   std::span<const RerankCandidate> candidates, const RerankPlanOptions& options) {
    RerankRequest request;
    request.model = options.model;
    request.query = options.query;
    request.query_image_url = options.query_image_url;
    request.instruction = options.instruction;
    for (const std::size_t i : members) request.documents.push_back({candidates[i].text, candidates[i].image_url});
    request.top_n = std::min(options.top_k, members.size());

    RerankBatch batch;
    batch.top_n = *request.top_n;
    batch.images = images;
    batch.request_body = build_rerank_request(request);
    batch.candidates = std::move(members);
    return batch;
}

}  // namespace

std::vector<RerankBatch> plan_rerank(std::span<const RerankCandidate> candidates, const RerankPlanOptions& options) {
    if (candidates.empty()) refuse("there are no candidates");
    if (options.top_k == 0) refuse("top_k must be at least 1");
    if (options.max_images_per_request == 0) refuse("max_images_per_request must be at least 1");
    const std::size_t query_images = options.query_image_url ? 1 : 0;
    const bool any_image = std::any_of(candidates.begin(), candidates.end(),
                                       [](const RerankCandidate& c) { return c.image_url.has_value(); });
    if (any_image && options.max_images_per_request <= query_images)
        refuse("max_images_per_request " + std::to_string(options.max_images_per_request) +
               " leaves no room for a product image beside the query's");

    std::vector<RerankBatch> batches;
    std::vector<std::size_t> members;
    std::size_t images = query_images;
    for (std::size_t i = 0; i < candidates.size(); ++i) {
        const std::size_t cost = candidates[i].image_url ? 1 : 0;
        if (images + cost > options.max_images_per_request) {
            batches.push_back(finish(std::move(members), images, candidates, options));
            members.clear();
            images = query_images;
        }
        members.push_back(i);
        images += cost;
    }
    batches.push_back(finish(std::move(members), images, candidates, options));
    return batches;
}

}  // namespace vitrine
