// hosted_functions.hpp — the core's hosted-endpoint decisions as js/ calls them:
// retry waits, query embedding bodies and vectors, answer bodies and citations,
// image reference kinds. The fetch transport and pipeline in js/ only move bytes;
// every decision is the core's, so native (libcurl) and JS (fetch) given the same
// responses return the same results. Request bodies come out as UTF-8 bytes
// (Uint8Array) that fetch sends as they are; images go in as prepared JPEGs.
// Those that can fail return undefined, with the failure kept for the JS layer
// (see failure.hpp).
#pragma once

#include <emscripten/val.h>

#include <string>

#include "opened_index.hpp"

namespace vitrine::wasm {

// policy: {maxRetries, baseDelay, maxDelay, maxRetryAfter} (seconds); attempt:
// {retriesDone, status (0: no response), retryAfter? (the header), now (Unix
// seconds), jitter ([0, 1))} -> {delay: seconds to wait, or null to give up;
// retryAfter: the seconds the header asked for, or null} (vitrine/hosted/retry_policy.hpp).
emscripten::val retry_delay(const emscripten::val& policy, const emscripten::val& attempt);

// options: {model?, queryTemplate?, task?}; model overrides the index's model name.
// The /v1/embeddings body for a query (vitrine/embed/query_embedding.hpp), as UTF-8 bytes.
emscripten::val query_embedding_request(const OpenedIndex& index, const std::string& query,
                                        const emscripten::val& options);
// The response body -> the query vector, cut to the index's dims and re-normalised.
emscripten::val query_embedding_vector(const OpenedIndex& index, const std::string& body);

// sources: [{position, image? (prepared JPEG)}] best first; options: {model, systemPrompt?, maxTokens?}.
// The /v1/chat/completions body (vitrine/hosted/answer_request.hpp), as UTF-8 bytes.
emscripten::val answer_request(const OpenedIndex& index, const std::string& question, const emscripten::val& sources,
                               const emscripten::val& options);
// The response body -> {text, cited: 0-based source indices in order of first citation}.
emscripten::val parse_answer(const std::string& body, std::uint32_t source_count);

// 'none' | 'url' | 'path' | 'unsupported' (vitrine/image/reference.hpp).
std::string image_reference_kind(const std::string& reference);

}  // namespace vitrine::wasm
