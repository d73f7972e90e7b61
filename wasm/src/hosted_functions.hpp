// hosted_functions.hpp — the core's hosted-endpoint decisions that js/ calls beside the
// pipeline (hosted_job.hpp): retry waits for the fetch transport, image reference kinds
// for the product photos. js/ only moves bytes; every decision is the core's. Those
// that can fail return undefined, with the failure kept for the JS layer (failure.hpp).
#pragma once

#include <emscripten/val.h>

#include <string>

namespace vitrine::wasm {

// policy: {maxRetries, baseDelay, maxDelay, maxRetryAfter} (seconds); attempt:
// {where, retriesDone, status (0: no response), body? (key redacted), networkError?,
// retryAfter? (the header), now (Unix seconds), jitter ([0, 1))} -> {delay: seconds to
// wait, or null to give up; message: the retry note or the failure; bodySnippet}
// (vitrine/hosted/failed_attempt.hpp).
emscripten::val after_failed_attempt(const emscripten::val& policy, const emscripten::val& attempt);

// 'none' | 'url' | 'path' | 'unsupported' (vitrine/image/reference.hpp).
std::string image_reference_kind(const std::string& reference);

}  // namespace vitrine::wasm
