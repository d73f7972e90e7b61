// vitrine/hosted/embeddings_api.hpp — request and response bodies for an
// OpenAI-compatible /v1/embeddings endpoint (e.g. vLLM serving Qwen3-Embedding-8B).
//
// The core does no networking: a transport POSTs the string from
// build_embeddings_request() and hands the response body to
// parse_embeddings_response(), which returns one vector per input, in input
// order (the `data` entries may arrive in any order; `index` decides).
//
//   std::string body = vitrine::build_embeddings_request({"Qwen3-Embedding-8B", {"red shoe"}, 1024});
//   auto vectors = vitrine::parse_embeddings_response(response_body, 1, 1024);
//
// Refuses (Error, kind invalid_argument): an empty model, no inputs, an empty
// input string, dimensions < 1, expected_count or expected_dims of 0.
// Refuses (Error, kind bad_response): bodies that are empty, not JSON, not an
// object, nested over 64 levels, error objects ({"error":{"message":…}}), a
// missing `data` array or one with other than expected_count entries, indices
// that are missing, not integers, out of range or repeated, and embeddings that
// are not non-empty arrays of numbers of one common length (= expected_dims if
// given) representable as float. Base64 embeddings are not accepted: the request
// leaves encoding_format at its "float" default.
// Refuses (Error, kind limit_exceeded): bodies over 64 MiB.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vitrine {

struct EmbeddingsRequest {
    std::string model;
    std::vector<std::string> input;  // sent as a list even for one text
    std::optional<int> dimensions;   // Matryoshka truncation; omitted when unset
};

std::string build_embeddings_request(const EmbeddingsRequest& request);

std::vector<std::vector<float>> parse_embeddings_response(
    std::string_view body, std::size_t expected_count,
    std::optional<std::size_t> expected_dims = {});

}  // namespace vitrine
