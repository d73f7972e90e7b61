// vitrine/hosted/defaults.hpp — the hosted pipeline's defaults, in one place: the models
// asked for, how many results and candidates, images per rerank request, the time an
// attempt may take, how many calls may be in flight at once. The retry numbers are RetryPolicy's (retry_policy.hpp), the answer's
// max_tokens and system prompt AnswerOptions' (answer_request.hpp).
//
//   std::size_t top_k = request.top_k.value_or(vitrine::default_top_k);
//   auto depths = vitrine::resolve_depths(request.top_k, request.retrieve_k);   // {3, 10}
//
// The native CLI and the JS client read these (the JS client through the binding's
// hostedDefaults()); neither types them again.
// resolve_depths refuses (Error, kind invalid_argument): top_k or retrieve_k of 0, and a
// retrieve_k below top_k (the reranker cannot keep more than it is given).
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace vitrine {

inline constexpr std::string_view default_rerank_model = "Qwen/Qwen3-VL-Reranker-2B";
inline constexpr std::string_view default_chat_model = "Qwen/Qwen3-VL-8B-Instruct";
inline constexpr std::size_t default_top_k = 3;
// Candidates retrieved for the reranker: at least this many, and never fewer than top_k.
inline constexpr std::size_t min_default_retrieve_k = 10;
// The target service's cap; a query photo counts among them.
inline constexpr std::size_t default_max_images_per_request = 5;
// Per attempt, the response body included.
inline constexpr double default_timeout_seconds = 30.0;
// Calls a driver keeps in flight at once (the rerank batches): enough to overlap a
// search's batches, few enough not to flood the endpoint into rate limits.
inline constexpr std::size_t max_calls_in_flight = 8;

struct SearchDepths {
    std::size_t top_k = default_top_k;                // results kept
    std::size_t retrieve_k = min_default_retrieve_k;  // candidates retrieved (reranked when asked)
};

// top_k defaults to 3 and retrieve_k to max(10, top_k).
SearchDepths resolve_depths(std::optional<std::size_t> top_k, std::optional<std::size_t> retrieve_k);

}  // namespace vitrine
