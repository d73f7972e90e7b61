// hosted_job.hpp — one run of the core's hosted pipeline (vitrine/hosted/pipeline.hpp),
// held in WASM memory while js/hosted_client.js moves its bytes with fetch.
//
//   job = startHosted(index, {query, queryImage?, topK?, retrieveK?, rerank, ...});
//   while (!job.finished()) {
//     job.wantedImages()            -> [{position, reference}]        photos to fetch first
//     job.giveImage(position, {jpeg?: Uint8Array, problem?: string})
//     job.calls()                   -> [{id, path, body (UTF-8 bytes), fallsBack}]   all at once
//     job.receive(id, responseText) / job.fail(id, reason)           (fallsBack calls only)
//   }
//   job.outcome() -> {results, reranked, rerankError?, warnings, answer?, cited?}
//   job.delete();
//
// request: {query, queryImage? (a prepared JPEG), category?, minPrice?, maxPrice?,
// topK?, retrieveK?, rerank, rerankModel?, instruction?, maxImagesPerRequest?,
// embeddingModel?, queryTemplate?, queryTask?, answer?: {model?, systemPrompt?,
// maxTokens?}}; unset fields take the core's defaults. Results are the records once,
// as they cross: [{rank, id, title, description, image, category, price, metadata
// (its JSON text), position, score (retrieval, or null), relevanceScore?}]; cited holds
// ids. Every decision is the pipeline's; what it refuses comes back as undefined with
// the failure kept (failure.hpp).
#pragma once

#include <emscripten/val.h>

#include <memory>
#include <optional>
#include <string>

#include "opened_index.hpp"
#include "vitrine/hosted/pipeline.hpp"

namespace vitrine::wasm {

class HostedJob {
public:
    static std::unique_ptr<HostedJob> start(const OpenedIndex& index, const emscripten::val& request);

    bool finished() const { return pipeline_->finished(); }
    emscripten::val wanted_images() const;
    emscripten::val give_image(std::uint32_t position, const emscripten::val& image);
    emscripten::val calls() const;
    emscripten::val receive(std::uint32_t id, const std::string& body);
    emscripten::val fail(std::uint32_t id, const std::string& reason);
    emscripten::val outcome() const;

private:
    explicit HostedJob(const OpenedIndex& index) : index_(index) {}
    const OpenedIndex& index_;
    std::optional<HostedPipeline> pipeline_;
    SortOrder sort_;  // a storefront page's order, for its results' sort keys
};

// The core's defaults as the JS client applies them (vitrine/hosted/defaults.hpp and
// retry_policy.hpp): {rerankModel, chatModel, topK, minRetrieveK, maxImagesPerRequest,
// timeoutMs, maxCallsInFlight, maxTokens, retries, retryDelayMs, maxRetryDelayMs,
// maxRetryAfterMs}.
emscripten::val hosted_defaults();

// topK?, retrieveK? -> {topK, retrieveK} with the defaults applied (resolve_depths);
// undefined, the failure kept, when retrieveK is below topK.
emscripten::val resolve_depths(const emscripten::val& top_k, const emscripten::val& retrieve_k);

}  // namespace vitrine::wasm
