// hosted_answer.cpp — products to chat context, the call, and the cited sources.
// See vitrine/native/hosted_answer.hpp.
#include "vitrine/native/hosted_answer.hpp"

#include "vitrine/hosted/chat_api.hpp"

namespace vitrine::native {

HostedAnswer answer_question(const Index& index, std::string_view question, std::span<const std::uint32_t> positions,
                             const AnswerOptions& options, EndpointClient& client, ProductImages& images,
                             std::vector<std::string>& warnings) {
    std::vector<ChatContextItem> context;
    for (const std::uint32_t position : positions) {
        const RecordView record = index.record(position);
        const ProductImage& image = images.get(position);
        warn_if_text_only(warnings, record.id, image);
        context.push_back({answer_source_text(record), image.data_uri});
    }
    const std::string body = client.post_json("chat/completions", build_answer_request(options, question, context));
    HostedAnswer answer;
    answer.text = parse_chat_response(body);
    answer.sources.assign(positions.begin(), positions.end());
    for (const std::size_t i : cited_sources(answer.text, positions.size())) answer.cited.push_back(positions[i]);
    return answer;
}

}  // namespace vitrine::native
