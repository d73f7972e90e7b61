// hosted/chat_api.cpp — builds /v1/chat/completions bodies (question + numbered
// context items with low-detail images) and extracts the answer text from
// choices[0].message.content. What is refused is listed in vitrine/hosted/chat_api.hpp.
#include "vitrine/hosted/chat_api.hpp"

#include "hosted/json_response.hpp"
#include "vitrine/base/error.hpp"

namespace vitrine {

namespace {

constexpr std::string_view request_name = "chat request";
constexpr std::string_view response_name = "chat response";

nlohmann::json text_part(const std::string& text) { return {{"type", "text"}, {"text", text}}; }

// "low" asks OpenAI-style servers for their small fixed-cost image encoding:
// the images are product photos already resized for the endpoint.
nlohmann::json image_part(const std::string& url) {
    return {{"type", "image_url"}, {"image_url", {{"url", url}, {"detail", "low"}}}};
}

// Why a null content came back: a refusal, or the finish_reason (e.g. "length").
std::string null_content_reason(const nlohmann::json& choice, const nlohmann::json& message) {
    const auto refusal = message.find("refusal");
    if (refusal != message.end() && refusal->is_string()) {
        return " (refusal: \"" + detail::printable_snippet(refusal->get_ref<const std::string&>(), 120) + "\")";
    }
    const auto finish_reason = choice.find("finish_reason");
    if (finish_reason != choice.end() && finish_reason->is_string()) {
        return " (finish_reason \"" +
               detail::printable_snippet(finish_reason->get_ref<const std::string&>(), 40) + "\")";
    }
    return "";
}

}  // namespace

std::string build_chat_request(const ChatRequest& request) {
    if (request.model.empty()) detail::invalid_request(request_name, "model is empty");
    if (request.question.empty()) detail::invalid_request(request_name, "question is empty");
    if (request.system_prompt && request.system_prompt->empty()) {
        detail::invalid_request(request_name, "system_prompt is empty (leave it unset instead)");
    }
    if (request.max_tokens && *request.max_tokens < 1) {
        detail::invalid_request(request_name,
                                "max_tokens must be at least 1, got " + std::to_string(*request.max_tokens));
    }

    nlohmann::json parts = nlohmann::json::array();
    for (std::size_t i = 0; i < request.context.size(); ++i) {
        const ChatContextItem& item = request.context[i];
        if (item.text.empty() && !item.image_url) {
            detail::invalid_request(request_name, "context item " + std::to_string(i) + " has neither text nor an image");
        }
        if (item.image_url && item.image_url->empty()) {
            detail::invalid_request(request_name, "context item " + std::to_string(i) + " has an empty image URL");
        }
        // Built with append: GCC 12 warns falsely (-Wrestrict) on "[" + std::string.
        std::string numbered("[");
        numbered.append(std::to_string(i + 1)).append("]");
        if (!item.text.empty()) numbered.append(" ").append(item.text);
        parts.push_back(text_part(numbered));
        if (item.image_url) parts.push_back(image_part(*item.image_url));
    }
    parts.push_back(text_part(request.question));

    nlohmann::json messages = nlohmann::json::array();
    if (request.system_prompt) messages.push_back({{"role", "system"}, {"content", *request.system_prompt}});
    messages.push_back({{"role", "user"}, {"content", std::move(parts)}});

    nlohmann::json body = {{"model", request.model}, {"messages", std::move(messages)}};
    if (request.max_tokens) body["max_tokens"] = *request.max_tokens;
    return detail::dump_request(body);
}

std::string parse_chat_response(std::string_view body) {
    const detail::Response response{response_name, body};
    const nlohmann::json root = detail::parse_response_object(response);
    const nlohmann::json& choices = detail::array_member(response, root, "choices", "response");
    if (choices.empty()) response.fail("`choices` is empty");

    const nlohmann::json& choice = choices[0];
    detail::require_object(response, choice, "choice 0");
    const nlohmann::json& message = detail::member(response, choice, "message", "choice 0");
    detail::require_object(response, message, "choice 0 message");
    const nlohmann::json& content = detail::member(response, message, "content", "choice 0 message");

    if (content.is_string()) return content.get<std::string>();
    if (content.is_null()) response.fail("choice 0 message content is null" + null_content_reason(choice, message));
    if (!content.is_array()) {
        response.fail("choice 0 message content is " + detail::describe_value(content) +
                      ", expected a string or a list of parts");
    }

    std::string answer;
    bool has_text = false;
    for (std::size_t k = 0; k < content.size(); ++k) {
        const std::string where = "content part " + std::to_string(k);
        const nlohmann::json& part = content[k];
        detail::require_object(response, part, where);
        const nlohmann::json& type = detail::member(response, part, "type", where);
        if (!type.is_string()) {
            response.fail(where + " has a type that is " + detail::describe_value(type) + ", expected a string");
        }
        if (type != "text") continue;
        const nlohmann::json& text = detail::member(response, part, "text", where);
        if (!text.is_string()) {
            response.fail(where + " has text that is " + detail::describe_value(text) + ", expected a string");
        }
        answer += text.get_ref<const std::string&>();
        has_text = true;
    }
    if (!has_text) response.fail("choice 0 message content has no text parts");
    return answer;
}

}  // namespace vitrine
