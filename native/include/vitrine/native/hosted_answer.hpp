// vitrine/native/hosted_answer.hpp — answers a question from products through
// the endpoint's /chat/completions (multimodal RAG).
//
//   HostedAnswer a = answer_question(index, "Which lamp is brass?", positions,
//                                    {.model = "Qwen/Qwen3-VL-8B-Instruct"}, client, images, warnings);
//   a.text; a.sources;  // positions given, in [n] order; a.cited: those the answer names
//
// The products (best first) go in as numbered text + low-detail images
// (vitrine/hosted/answer_request.hpp), images prepared once through `images`. A
// product whose image cannot be used goes in as text, and `warnings` says so.
// Throws EndpointError when the endpoint fails after its retries and
// vitrine::Error for a response that fails validation: there is no answer to
// fall back to.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "vitrine/hosted/answer_request.hpp"
#include "vitrine/index/reader.hpp"
#include "vitrine/native/endpoint_client.hpp"
#include "vitrine/native/product_images.hpp"

namespace vitrine::native {

struct HostedAnswer {
    std::string text;
    std::vector<std::uint32_t> sources;  // record positions, as numbered [1], [2], ...
    std::vector<std::uint32_t> cited;    // those the answer cites, in order of first citation
};

HostedAnswer answer_question(const Index& index, std::string_view question, std::span<const std::uint32_t> positions,
                             const AnswerOptions& options, EndpointClient& client, ProductImages& images,
                             std::vector<std::string>& warnings);

}  // namespace vitrine::native
