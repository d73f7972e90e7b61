// vitrine/hosted/answer_request.hpp — a shopper's question answered from retrieved
// products: the /v1/chat/completions body, and which products the answer cites.
//
//   std::vector<vitrine::ChatContextItem> sources;   // one per retrieved product, best first
//   sources.push_back({vitrine::answer_source_text(index.record(p)), image_data_uri});  // product_text.hpp
//   std::string body = vitrine::build_answer_request({.model = "Qwen/Qwen3-VL-8B-Instruct"}, question, sources);
//   std::string answer = vitrine::parse_chat_response(response_body);      // chat_api.hpp
//   auto cited = vitrine::cited_sources(answer, sources.size());            // e.g. {0, 2}
//
// The products go in numbered [1], [2], ... with their images at detail "low"
// (chat_api.hpp); the default system prompt asks for an answer from those
// products only, citing them by number. The answer's sources are the products
// given, in that order; cited_sources says which of them the answer names as
// [n] or [n, m] (numbers outside 1..count are ignored), in order of first citation.
//
// Refuses (Error, kind invalid_argument): no sources, and whatever
// build_chat_request refuses (empty model or question, an empty image URL...).
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "vitrine/hosted/chat_api.hpp"
#include "vitrine/index/reader.hpp"

namespace vitrine {

inline constexpr std::string_view default_answer_system_prompt =
    "You help shoppers choose products. Answer the question using only the numbered products given "
    "(their text and photos). Cite the products you rely on by number, like [1]. If none of them fits, say so.";

struct AnswerOptions {
    std::string model = {};
    std::string system_prompt = std::string(default_answer_system_prompt);
    std::optional<int> max_tokens = 512;
};

std::string build_answer_request(const AnswerOptions& options, std::string_view question,
                                 std::span<const ChatContextItem> sources);

// 0-based indices of the sources the answer cites, in order of first citation.
std::vector<std::size_t> cited_sources(std::string_view answer, std::size_t source_count);

}  // namespace vitrine
