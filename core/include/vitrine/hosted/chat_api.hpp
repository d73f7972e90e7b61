// vitrine/hosted/chat_api.hpp — request and response bodies for an OpenAI-compatible
// /v1/chat/completions endpoint, used to answer a shopper's question from
// retrieved products (text + images) with numbered sources.
//
// The core does no networking: a transport POSTs the string from
// build_chat_request() and hands the response body to parse_chat_response(),
// which returns the answer text.
//
//   ChatRequest request{"Qwen3-VL-8B-Instruct", "Answer from the products given; cite [n].",
//                       "Which of these is waterproof?",
//                       {{"Trail shoe, Gore-Tex", "data:image/jpeg;base64,..."}}, 300};
//   std::string body = vitrine::build_chat_request(request);
//   std::string answer = vitrine::parse_chat_response(response_body);
//
// Wire shape: an optional system message, then one user message whose content
// parts are, per context item n = 1, 2, …: a text part "[n] <text>" (so the
// answer can cite [n]) followed, if it has one, by its image as an image_url
// part with detail "low"; the question is the last text part. max_tokens is
// sent only when set.
//
// Refuses (Error, kind invalid_argument): an empty model or question, an empty
// system prompt (leave it unset instead), a context item with neither text nor
// image, an empty image URL, max_tokens < 1.
// Refuses (Error, kind bad_response): bodies that are empty, not JSON, not an
// object, nested over 64 levels, error objects, a missing or empty `choices`
// array, a first choice without a `message`, and content that is null (the
// finish_reason or refusal is quoted), not a string, or a list of parts without
// text. A list of parts is accepted: its text parts are concatenated and other
// part types are skipped.
// Refuses (Error, kind limit_exceeded): bodies over 64 MiB.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vitrine {

struct ChatContextItem {
    std::string text;
    std::optional<std::string> image_url;  // usually a data:image/jpeg;base64,... URI
};

struct ChatRequest {
    std::string model;
    std::optional<std::string> system_prompt;
    std::string question;
    std::vector<ChatContextItem> context;
    std::optional<int> max_tokens;
};

std::string build_chat_request(const ChatRequest& request);

std::string parse_chat_response(std::string_view body);

}  // namespace vitrine
