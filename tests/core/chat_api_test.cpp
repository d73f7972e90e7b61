// Specification of the /v1/chat/completions JSON layer: request bodies with
// numbered context and low-detail images, and extraction of the answer text.
#include <catch2/catch.hpp>

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "mutated_bodies.hpp"
#include "vitrine/hosted/chat_api.hpp"
#include "require_error.hpp"
#include "vitrine/base/error.hpp"

namespace {

using nlohmann::json;
using vitrine::ChatRequest;
using vitrine::ErrorKind;

using vitrine::test::require_error;

void require_bad_response(std::string_view body, std::initializer_list<std::string_view> fragments) {
    require_error([&] { vitrine::parse_chat_response(body); }, ErrorKind::bad_response, fragments);
}

void require_invalid_request(const ChatRequest& request, std::string_view fragment) {
    require_error([&] { vitrine::build_chat_request(request); }, ErrorKind::invalid_argument,
                  {"chat request", fragment});
}

ChatRequest full_request() {
    return {"Qwen3-VL-8B-Instruct",
            "Answer only from the products given and cite them as [n].",
            "Which one is waterproof?",
            {{"Trail shoe, Gore-Tex", "data:image/jpeg;base64,AAAA"}, {"Canvas sneaker", {}}, {"", "data:,b"}},
            300};
}

std::string answer_body(std::string_view content_json) {
    return std::string(R"({"id":"chatcmpl-1","object":"chat.completion","model":"m","choices":[{"index":0,
        "message":{"role":"assistant","content":)") +
           std::string(content_json) + R"(},"finish_reason":"stop"}],"usage":{"total_tokens":9}})";
}

}  // namespace

TEST_CASE("chat request numbers context items and sends their images at low detail", "[chat_api]") {
    const json body = json::parse(vitrine::build_chat_request(full_request()));
    CHECK(body == json::parse(R"({
      "model": "Qwen3-VL-8B-Instruct",
      "max_tokens": 300,
      "messages": [
        {"role": "system", "content": "Answer only from the products given and cite them as [n]."},
        {"role": "user", "content": [
          {"type": "text", "text": "[1] Trail shoe, Gore-Tex"},
          {"type": "image_url", "image_url": {"url": "data:image/jpeg;base64,AAAA", "detail": "low"}},
          {"type": "text", "text": "[2] Canvas sneaker"},
          {"type": "text", "text": "[3]"},
          {"type": "image_url", "image_url": {"url": "data:,b", "detail": "low"}},
          {"type": "text", "text": "Which one is waterproof?"}]}]})"));
}

TEST_CASE("chat request omits the system message and max_tokens when unset", "[chat_api]") {
    ChatRequest request = full_request();
    request.system_prompt.reset();
    request.max_tokens.reset();
    const json body = json::parse(vitrine::build_chat_request(request));
    CHECK_FALSE(body.contains("max_tokens"));
    REQUIRE(body["messages"].size() == 1);
    CHECK(body["messages"][0]["role"] == "user");
}

TEST_CASE("chat request without context sends only the question", "[chat_api]") {
    const json body = json::parse(vitrine::build_chat_request({"m", {}, "Do you ship to Norway?", {}, {}}));
    CHECK(body == json::parse(R"({"model":"m","messages":[{"role":"user","content":[
                                   {"type":"text","text":"Do you ship to Norway?"}]}]})"));
}

TEST_CASE("chat request replaces invalid UTF-8 instead of throwing", "[chat_api]") {
    const json body = json::parse(vitrine::build_chat_request({"m", {}, "size \xF0\x9F?", {}, {}}));
    CHECK(body["messages"][0]["content"][0]["text"] == "size \xEF\xBF\xBD?");
}

TEST_CASE("chat request refuses an empty model", "[chat_api]") {
    ChatRequest request = full_request();
    request.model.clear();
    require_invalid_request(request, "model is empty");
}

TEST_CASE("chat request refuses an empty question", "[chat_api]") {
    ChatRequest request = full_request();
    request.question.clear();
    require_invalid_request(request, "question is empty");
}

TEST_CASE("chat request refuses an empty system prompt", "[chat_api]") {
    ChatRequest request = full_request();
    request.system_prompt = "";
    require_invalid_request(request, "system_prompt is empty");
}

TEST_CASE("chat request refuses a context item with neither text nor image", "[chat_api]") {
    ChatRequest request = full_request();
    request.context[1].text.clear();
    require_invalid_request(request, "context item 1 has neither text nor an image");
}

TEST_CASE("chat request refuses an empty image URL", "[chat_api]") {
    ChatRequest request = full_request();
    request.context[0].image_url = "";
    require_invalid_request(request, "context item 0 has an empty image URL");
}

TEST_CASE("chat request refuses max_tokens below 1", "[chat_api]") {
    ChatRequest request = full_request();
    request.max_tokens = 0;
    require_invalid_request(request, "max_tokens must be at least 1, got 0");
}

TEST_CASE("chat response returns the first choice's content", "[chat_api]") {
    CHECK(vitrine::parse_chat_response(answer_body(R"("The trail shoe [1] is waterproof.")")) ==
          "The trail shoe [1] is waterproof.");
}

TEST_CASE("chat response accepts an empty answer", "[chat_api]") {
    CHECK(vitrine::parse_chat_response(answer_body(R"("")")).empty());
}

TEST_CASE("chat response joins the text parts of a content list", "[chat_api]") {
    const std::string body = answer_body(R"([{"type":"text","text":"The trail shoe "},
        {"type":"image_url","image_url":{"url":"data:,"}},{"type":"text","text":"[1]."}])");
    CHECK(vitrine::parse_chat_response(body) == "The trail shoe [1].");
}

TEST_CASE("chat response with a content list without text is rejected", "[chat_api]") {
    require_bad_response(answer_body(R"([{"type":"image_url","image_url":{"url":"data:,"}}])"),
                         {"choice 0 message content has no text parts"});
}

TEST_CASE("chat response with a malformed content part is rejected", "[chat_api]") {
    require_bad_response(answer_body(R"(["text"])"), {"content part 0 is a string (\"text\"), expected an object"});
    require_bad_response(answer_body(R"([{"text":"a"}])"), {"content part 0 has no `type`"});
    require_bad_response(answer_body(R"([{"type":1,"text":"a"}])"), {"content part 0 has a type that is a number"});
    require_bad_response(answer_body(R"([{"type":"text"}])"), {"content part 0 has no `text`"});
    require_bad_response(answer_body(R"([{"type":"text","text":["a"]}])"),
                         {"content part 0 has text that is an array"});
}

TEST_CASE("chat response with null content quotes the finish reason", "[chat_api]") {
    require_bad_response(R"({"choices":[{"message":{"role":"assistant","content":null},"finish_reason":"length"}]})",
                         {"choice 0 message content is null (finish_reason \"length\")"});
}

TEST_CASE("chat response with null content quotes a refusal", "[chat_api]") {
    require_bad_response(
        R"({"choices":[{"message":{"content":null,"refusal":"I can't help with that."},"finish_reason":"stop"}]})",
        {"content is null (refusal: \"I can't help with that.\")"});
}

TEST_CASE("chat response with non-text content is rejected", "[chat_api]") {
    require_bad_response(answer_body("42"),
                         {"choice 0 message content is a number (42), expected a string or a list of parts"});
}

TEST_CASE("chat response without choices is rejected", "[chat_api]") {
    require_bad_response(R"({"id":"x","object":"chat.completion"})", {"response has no `choices`"});
}

TEST_CASE("chat response with an empty choices list is rejected", "[chat_api]") {
    require_bad_response(R"({"choices":[]})", {"`choices` is empty"});
}

TEST_CASE("chat response whose choices is not an array is rejected", "[chat_api]") {
    require_bad_response(R"({"choices":{"message":{}}})", {"response has `choices` as an object, expected an array"});
}

TEST_CASE("chat response whose first choice is not an object is rejected", "[chat_api]") {
    require_bad_response(R"({"choices":["hi"]})", {"choice 0 is a string (\"hi\"), expected an object"});
}

TEST_CASE("chat response without a message is rejected", "[chat_api]") {
    require_bad_response(R"({"choices":[{"text":"hi"}]})", {"choice 0 has no `message`"});
}

TEST_CASE("chat response whose message is not an object is rejected", "[chat_api]") {
    require_bad_response(R"({"choices":[{"message":"hi"}]})", {"choice 0 message is a string"});
}

TEST_CASE("chat response without content is rejected", "[chat_api]") {
    require_bad_response(R"({"choices":[{"message":{"role":"assistant"}}]})", {"choice 0 message has no `content`"});
}

TEST_CASE("chat response that is an error object reports its message", "[chat_api]") {
    require_bad_response(R"({"error":{"message":"This model's maximum context length is 4096 tokens.\nReduce it."}})",
                         {"endpoint returned an error: \"This model's maximum context length is 4096 tokens.\\nReduce it.\""});
}

TEST_CASE("chat response that is truncated is rejected", "[chat_api]") {
    require_bad_response(R"({"choices":[{"message":{"content":"The tra)", {"chat response: not valid JSON"});
}

TEST_CASE("chat response that is not JSON is rejected", "[chat_api]") {
    require_bad_response("upstream connect error", {"not valid JSON", "— body: upstream connect error"});
}

TEST_CASE("chat response that is empty is rejected", "[chat_api]") {
    require_bad_response("", {"chat response: body is empty"});
}

TEST_CASE("chat response that is a JSON string is rejected", "[chat_api]") {
    require_bad_response(R"("hello")", {"expected a JSON object, got a string (\"hello\")"});
}

TEST_CASE("chat response over 64 MiB is refused as a limit", "[chat_api]") {
    const std::string body((std::size_t{64} << 20) + 1, ' ');
    require_error([&] { vitrine::parse_chat_response(body); }, ErrorKind::limit_exceeded,
                  {"chat response: body is", "over the 64 MiB limit"});
}

TEST_CASE("chat response nested deeper than 64 levels is rejected", "[chat_api]") {
    std::string deep;
    for (int i = 0; i < 10000; ++i) deep += R"({"a":)";
    require_bad_response(deep, {"JSON nests deeper than 64 levels"});
}

TEST_CASE("chat response parser throws only vitrine::Error on mutated bodies", "[chat_api]") {
    vitrine::test::parse_mutations(answer_body(R"([{"type":"text","text":"a [1]"},{"type":"image_url"}])"), 42, [](const std::string& body) { vitrine::parse_chat_response(body); });
}
