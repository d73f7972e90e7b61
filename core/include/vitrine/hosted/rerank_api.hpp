// vitrine/hosted/rerank_api.hpp — request and response bodies for an OpenAI-style
// /v1/rerank endpoint as served by vLLM (e.g. Qwen3-VL-Reranker-2B).
//
// The core does no networking: a transport POSTs the string from
// build_rerank_request() and hands the response body to parse_rerank_response(),
// which returns (document index, score) pairs, best first (ties: lower index). With
// top_n, the best top_n of a response scoring more documents are kept (some servers
// ignore top_n and score every document).
//
//   RerankRequest request{"Qwen3-VL-Reranker-2B", "red running shoe", {},
//                         {{"Trail shoe, red", "data:image/jpeg;base64,..."}, {"Blue sandal", {}}}};
//   std::string body = vitrine::build_rerank_request(request);
//   auto ranked = vitrine::parse_rerank_response(response_body, request.documents.size());
//
// Wire shapes: a document without an image is a plain string; with an image it
// is {"content":[{"type":"text","text":…} (only if text is non-empty),
// {"type":"image_url","image_url":{"url":…}}]}. The query is a plain string, or
// the same content object when query_image_url is set (search by photo).
// `instruction` and `top_n` are sent only when set. vLLM ranks every document
// when top_n is absent; recent vLLM hands `instruction` to the reranker's chat
// template (Qwen3-VL-Reranker's "<Instruct>"), older versions ignore it.
//
// Refuses (Error, kind invalid_argument): an empty model, no documents, a query
// with neither text nor image, a document with neither, an empty image URL, an
// empty instruction, top_n of 0, and (when parsing) document_count or top_n of 0.
// Refuses (Error, kind bad_response): bodies that are empty, not JSON, not an
// object, nested over 64 levels, error objects, a missing `results` array, more
// results than documents, fewer than min(top_n, documents) when top_n is given (a
// silently partial ranking), indices that are missing, not integers, out of range or
// repeated, and scores that are missing or not finite numbers. A result's echoed
// `document` is ignored.
// Refuses (Error, kind limit_exceeded): bodies over 64 MiB.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vitrine {

struct RerankDocument {
    std::string text;
    std::optional<std::string> image_url;  // usually a data:image/jpeg;base64,... URI
};

struct RerankRequest {
    std::string model;
    std::string query;
    std::optional<std::string> query_image_url;
    std::vector<RerankDocument> documents;
    std::optional<std::string> instruction;
    std::optional<std::size_t> top_n;
};

std::string build_rerank_request(const RerankRequest& request);

struct RerankResult {
    std::size_t index;  // position in RerankRequest::documents
    double relevance_score;
};

std::vector<RerankResult> parse_rerank_response(std::string_view body, std::size_t document_count,
                                                std::optional<std::size_t> top_n = {});

}  // namespace vitrine
