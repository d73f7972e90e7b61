// hosted/rerank_api.cpp — builds /v1/rerank request bodies (plain or multimodal query
// and documents) and validates responses into results sorted best first.
// What is refused is listed in vitrine/hosted/rerank_api.hpp.
#include "vitrine/hosted/rerank_api.hpp"

#include <algorithm>

#include "hosted/json_response.hpp"
#include "vitrine/base/error.hpp"

namespace vitrine {

namespace {

constexpr std::string_view request_name = "rerank request";
constexpr std::string_view response_name = "rerank response";

// A plain string, or vLLM's multimodal input {"content": [text?, image_url]}.
nlohmann::json score_input(const std::string& text, const std::optional<std::string>& image_url,
                           const std::string& what) {
    if (!image_url) {
        if (text.empty()) detail::invalid_request(request_name, what + " has neither text nor an image");
        return text;
    }
    if (image_url->empty()) detail::invalid_request(request_name, what + " has an empty image URL");
    nlohmann::json content = nlohmann::json::array();
    if (!text.empty()) content.push_back({{"type", "text"}, {"text", text}});
    content.push_back({{"type", "image_url"}, {"image_url", {{"url", *image_url}}}});
    return {{"content", std::move(content)}};
}

}  // namespace

std::string build_rerank_request(const RerankRequest& request) {
    if (request.model.empty()) detail::invalid_request(request_name, "model is empty");
    if (request.documents.empty()) detail::invalid_request(request_name, "documents is empty");
    if (request.top_n && *request.top_n == 0) {
        detail::invalid_request(request_name, "top_n is 0 (leave it unset to rank every document)");
    }
    if (request.instruction && request.instruction->empty()) {
        detail::invalid_request(request_name, "instruction is empty (leave it unset for the model's default)");
    }

    nlohmann::json documents = nlohmann::json::array();
    for (std::size_t i = 0; i < request.documents.size(); ++i) {
        const RerankDocument& document = request.documents[i];
        documents.push_back(score_input(document.text, document.image_url, "document " + std::to_string(i)));
    }
    nlohmann::json body = {
        {"model", request.model},
        {"query", score_input(request.query, request.query_image_url, "query")},
        {"documents", std::move(documents)},
    };
    if (request.instruction) body["instruction"] = *request.instruction;
    if (request.top_n) body["top_n"] = *request.top_n;
    return detail::dump_request(body);
}

std::vector<RerankResult> parse_rerank_response(std::string_view body, std::size_t document_count,
                                                std::optional<std::size_t> top_n) {
    if (document_count == 0) throw Error(ErrorKind::invalid_argument, "rerank response: document_count is 0");
    if (top_n && *top_n == 0) throw Error(ErrorKind::invalid_argument, "rerank response: top_n is 0");

    const detail::Response response{response_name, body};
    const nlohmann::json root = detail::parse_response_object(response);
    const nlohmann::json& results = detail::array_member(response, root, "results", "response");
    if (results.size() > document_count) {
        response.fail("`results` has " + std::to_string(results.size()) + " entries for " +
                      std::to_string(document_count) + " documents");
    }

    std::vector<RerankResult> ranked;
    ranked.reserve(results.size());
    std::vector<bool> seen(document_count, false);
    for (std::size_t i = 0; i < results.size(); ++i) {
        const std::string where = "result " + std::to_string(i);
        const nlohmann::json& entry = results[i];
        detail::require_object(response, entry, where);
        const std::size_t index = detail::index_member(response, entry, document_count, where);
        if (seen[index]) response.fail(where + " repeats index " + std::to_string(index));
        seen[index] = true;

        // JSON has no NaN or Infinity literal and the parser refuses overflowing
        // numbers, so any number that reaches here is finite.
        const nlohmann::json& score = detail::member(response, entry, "relevance_score", where);
        if (!score.is_number()) {
            response.fail(where + " has a relevance_score that is " + detail::describe_value(score) +
                          ", expected a number");
        }
        ranked.push_back({index, score.get<double>()});
    }

    std::sort(ranked.begin(), ranked.end(), [](const RerankResult& a, const RerankResult& b) {
        if (a.relevance_score != b.relevance_score) return a.relevance_score > b.relevance_score;
        return a.index < b.index;
    });
    if (top_n) {
        // Fewer than asked for would silently drop products; more (a server ignoring
        // top_n and scoring every document) is fine: the best top_n are kept.
        const std::size_t asked = std::min(*top_n, document_count);
        if (ranked.size() < asked)
            response.fail("`results` has " + std::to_string(ranked.size()) + " entries, fewer than the " +
                          std::to_string(asked) + " asked for (top_n " + std::to_string(*top_n) + " of " +
                          std::to_string(document_count) + " documents)");
        if (ranked.size() > *top_n) ranked.resize(*top_n);
    }
    return ranked;
}

}  // namespace vitrine
