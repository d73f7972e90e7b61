// Specification of the /v1/rerank JSON layer: plain and multimodal request
// bodies, response validation and ordering, and error snippets.
#include <catch2/catch.hpp>

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "mutated_bodies.hpp"
#include "require_error.hpp"
#include "vitrine/base/error.hpp"
#include "vitrine/hosted/rerank_api.hpp"

namespace {

using nlohmann::json;
using vitrine::ErrorKind;
using vitrine::RerankRequest;

using vitrine::test::require_error;

void require_bad_response(std::string_view body, std::initializer_list<std::string_view> fragments,
                          std::size_t document_count = 5, std::optional<std::size_t> top_n = {}) {
    require_error([&] { vitrine::parse_rerank_response(body, document_count, top_n); }, ErrorKind::bad_response,
                  fragments);
}

void require_invalid_request(const RerankRequest& request, std::string_view fragment) {
    require_error([&] { vitrine::build_rerank_request(request); }, ErrorKind::invalid_argument,
                  {"rerank request", fragment});
}

RerankRequest text_request() {
    return {"Qwen3-VL-Reranker-2B", "red running shoe", {}, {{"Trail shoe, red", {}}, {"Blue sandal", {}}}, {}, {}};
}

constexpr std::string_view image = "data:image/jpeg;base64,/9j/4AAQ";

// Shaped like vLLM's answer: sorted, with the document echoed back.
constexpr std::string_view three_results = R"({"id":"rerank-1","model":"Qwen3-VL-Reranker-2B",
  "usage":{"prompt_tokens":90,"total_tokens":90},
  "results":[
    {"index":2,"document":{"text":"c","multi_modal":null},"relevance_score":0.25},
    {"index":0,"document":{"text":null,"multi_modal":[{"type":"image_url","image_url":{"url":"data:,"}}]},
     "relevance_score":0.875},
    {"index":1,"document":{"text":"b"},"relevance_score":0.25}]})";

}  // namespace

TEST_CASE("rerank request sends text-only documents as plain strings", "[rerank_api]") {
    const json body = json::parse(vitrine::build_rerank_request(text_request()));
    CHECK(body == json::parse(R"({"model":"Qwen3-VL-Reranker-2B","query":"red running shoe",
                                 "documents":["Trail shoe, red","Blue sandal"]})"));
}

TEST_CASE("rerank request sends a document with an image as a text and image content list", "[rerank_api]") {
    RerankRequest request = text_request();
    request.documents = {{"Trail shoe, red", std::string(image)}, {"Blue sandal", {}}};
    const json body = json::parse(vitrine::build_rerank_request(request));
    CHECK(body["documents"] == json::parse(R"([
        {"content":[{"type":"text","text":"Trail shoe, red"},
                    {"type":"image_url","image_url":{"url":"data:image/jpeg;base64,/9j/4AAQ"}}]},
        "Blue sandal"])"));
}

TEST_CASE("rerank request sends an image-only document without a text part", "[rerank_api]") {
    RerankRequest request = text_request();
    request.documents = {{"", std::string(image)}};
    const json body = json::parse(vitrine::build_rerank_request(request));
    CHECK(body["documents"] == json::parse(R"([
        {"content":[{"type":"image_url","image_url":{"url":"data:image/jpeg;base64,/9j/4AAQ"}}]}])"));
}

TEST_CASE("rerank request sends a photo query as a content list", "[rerank_api]") {
    RerankRequest request = text_request();
    request.query = "";
    request.query_image_url = std::string(image);
    CHECK(json::parse(vitrine::build_rerank_request(request))["query"] ==
          json::parse(R"({"content":[{"type":"image_url","image_url":{"url":"data:image/jpeg;base64,/9j/4AAQ"}}]})"));

    request.query = "like this but in blue";
    CHECK(json::parse(vitrine::build_rerank_request(request))["query"] == json::parse(R"({"content":[
        {"type":"text","text":"like this but in blue"},
        {"type":"image_url","image_url":{"url":"data:image/jpeg;base64,/9j/4AAQ"}}]})"));
}

TEST_CASE("rerank request includes instruction and top_n only when set", "[rerank_api]") {
    const json plain = json::parse(vitrine::build_rerank_request(text_request()));
    CHECK_FALSE(plain.contains("instruction"));
    CHECK_FALSE(plain.contains("top_n"));

    RerankRequest request = text_request();
    request.instruction = "Given a shopper's query, retrieve matching products.";
    request.top_n = 1;
    const json body = json::parse(vitrine::build_rerank_request(request));
    CHECK(body["instruction"] == "Given a shopper's query, retrieve matching products.");
    CHECK(body["top_n"] == 1);
}

TEST_CASE("rerank request replaces invalid UTF-8 instead of throwing", "[rerank_api]") {
    RerankRequest request = text_request();
    request.query = "shoe\xE2\x82";
    const json body = json::parse(vitrine::build_rerank_request(request));
    CHECK(body["query"] == "shoe\xEF\xBF\xBD");
}

TEST_CASE("rerank request refuses an empty document list", "[rerank_api]") {
    RerankRequest request = text_request();
    request.documents.clear();
    require_invalid_request(request, "documents is empty");
}

TEST_CASE("rerank request refuses an empty model", "[rerank_api]") {
    RerankRequest request = text_request();
    request.model.clear();
    require_invalid_request(request, "model is empty");
}

TEST_CASE("rerank request refuses a query with neither text nor image", "[rerank_api]") {
    RerankRequest request = text_request();
    request.query.clear();
    require_invalid_request(request, "query has neither text nor an image");
}

TEST_CASE("rerank request refuses a document with neither text nor image", "[rerank_api]") {
    RerankRequest request = text_request();
    request.documents[1].text.clear();
    require_invalid_request(request, "document 1 has neither text nor an image");
}

TEST_CASE("rerank request refuses an empty image URL", "[rerank_api]") {
    RerankRequest request = text_request();
    request.documents[0].image_url = "";
    require_invalid_request(request, "document 0 has an empty image URL");
    request = text_request();
    request.query_image_url = "";
    require_invalid_request(request, "query has an empty image URL");
}

TEST_CASE("rerank request refuses top_n of 0", "[rerank_api]") {
    RerankRequest request = text_request();
    request.top_n = 0;
    require_invalid_request(request, "top_n is 0");
}

TEST_CASE("rerank request refuses an empty instruction", "[rerank_api]") {
    RerankRequest request = text_request();
    request.instruction = "";
    require_invalid_request(request, "instruction is empty");
}

TEST_CASE("rerank response is sorted by score, ties by lower index", "[rerank_api]") {
    const auto ranked = vitrine::parse_rerank_response(three_results, 3);
    REQUIRE(ranked.size() == 3);
    CHECK(ranked[0].index == 0);
    CHECK(ranked[0].relevance_score == 0.875);
    CHECK(ranked[1].index == 1);
    CHECK(ranked[2].index == 2);
    CHECK(ranked[2].relevance_score == 0.25);
}

TEST_CASE("rerank response may hold fewer results than documents", "[rerank_api]") {
    const auto ranked =
        vitrine::parse_rerank_response(R"({"results":[{"index":4,"relevance_score":0.5}]})", 5, std::size_t{1});
    REQUIRE(ranked.size() == 1);
    CHECK(ranked[0].index == 4);
}

TEST_CASE("rerank response accepts integer and negative scores", "[rerank_api]") {
    const auto ranked = vitrine::parse_rerank_response(
        R"({"results":[{"index":0,"relevance_score":-2.5},{"index":1,"relevance_score":1}]})", 2);
    CHECK(ranked[0].index == 1);
    CHECK(ranked[0].relevance_score == 1.0);
    CHECK(ranked[1].relevance_score == -2.5);
}

TEST_CASE("rerank response with an out-of-range index is rejected", "[rerank_api]") {
    require_bad_response(R"({"results":[{"index":0,"relevance_score":0.9},{"index":1,"relevance_score":0.8},
                                        {"index":7,"relevance_score":0.1}]})",
                         {"rerank response: result 2 has index 7 out of range [0, 5) — body: {\"results\":[{"});
}

TEST_CASE("rerank response with a repeated index is rejected", "[rerank_api]") {
    require_bad_response(R"({"results":[{"index":3,"relevance_score":0.9},{"index":3,"relevance_score":0.8}]})",
                         {"result 1 repeats index 3"});
}

TEST_CASE("rerank response with a negative index is rejected", "[rerank_api]") {
    require_bad_response(R"({"results":[{"index":-2,"relevance_score":0.9}]})", {"result 0 has negative index -2"});
}

TEST_CASE("rerank response with a non-integer index is rejected", "[rerank_api]") {
    for (const char* index : {"0.5", "2.0", "\"2\"", "false", "null", "{}"}) {
        INFO("index: " << index);
        require_bad_response(std::string(R"({"results":[{"index":)") + index + R"(,"relevance_score":0.9}]})",
                             {"result 0 has an index that is", "expected an integer"});
    }
}

TEST_CASE("rerank response entry without an index is rejected", "[rerank_api]") {
    require_bad_response(R"({"results":[{"relevance_score":0.9}]})", {"result 0 has no `index`"});
}

TEST_CASE("rerank response entry without a score is rejected", "[rerank_api]") {
    require_bad_response(R"({"results":[{"index":0,"score":0.9}]})", {"result 0 has no `relevance_score`"});
}

TEST_CASE("rerank response with a string score is rejected", "[rerank_api]") {
    for (const char* score : {"\"0.9\"", "\"NaN\"", "\"Infinity\""}) {
        INFO("score: " << score);
        require_bad_response(std::string(R"({"results":[{"index":0,"relevance_score":)") + score + "}]}",
                             {"result 0 has a relevance_score that is a string", "expected a number"});
    }
}

TEST_CASE("rerank response with a null score is rejected", "[rerank_api]") {
    require_bad_response(R"({"results":[{"index":0,"relevance_score":null}]})",
                         {"result 0 has a relevance_score that is null"});
}

TEST_CASE("rerank response with an overflowing score is rejected", "[rerank_api]") {
    require_bad_response(R"({"results":[{"index":0,"relevance_score":1e999}]})",
                         {"not valid JSON", "number overflow parsing '1e999'"});
    require_bad_response(R"({"results":[{"index":0,"relevance_score":-1e999}]})", {"number overflow"});
}

TEST_CASE("rerank response with NaN or Infinity literals is rejected", "[rerank_api]") {
    require_bad_response(R"({"results":[{"index":0,"relevance_score":NaN}]})", {"not valid JSON"});
    require_bad_response(R"({"results":[{"index":0,"relevance_score":Infinity}]})", {"not valid JSON"});
}

TEST_CASE("rerank response with more results than documents is rejected", "[rerank_api]") {
    require_bad_response(R"({"results":[{"index":0,"relevance_score":0.9},{"index":1,"relevance_score":0.8}]})",
                         {"`results` has 2 entries for 1 documents"}, 1);
}

TEST_CASE("rerank response scoring more documents than top_n keeps the best top_n", "[rerank_api]") {
    const auto ranked = vitrine::parse_rerank_response(
        R"({"results":[{"index":0,"relevance_score":0.8},{"index":1,"relevance_score":0.9},{"index":2,"relevance_score":0.1}]})",
        5, std::size_t{2});
    REQUIRE(ranked.size() == 2);
    CHECK(ranked[0].index == 1);
    CHECK(ranked[1].index == 0);
}

TEST_CASE("rerank response with fewer results than min(top_n, documents) is rejected", "[rerank_api]") {
    require_bad_response(R"({"results":[]})", {"`results` has 0 entries, fewer than the 3 asked for (top_n 3 of 5 documents)"},
                         5, std::size_t{3});
    require_bad_response(R"({"results":[{"index":0,"relevance_score":0.9}]})",
                         {"fewer than the 2 asked for (top_n 3 of 2 documents)"}, 2, std::size_t{3});
    CHECK(vitrine::parse_rerank_response(R"({"results":[{"index":1,"relevance_score":0.9}]})", 2).size() == 1);
}

TEST_CASE("rerank response without results is rejected", "[rerank_api]") {
    require_bad_response(R"({"data":[{"index":0,"score":0.9}]})", {"response has no `results`"});
}

TEST_CASE("rerank response whose results is not an array is rejected", "[rerank_api]") {
    require_bad_response(R"({"results":"none"})", {"response has `results` as a string (\"none\"), expected an array"});
}

TEST_CASE("rerank response entry that is not an object is rejected", "[rerank_api]") {
    require_bad_response(R"({"results":[3]})", {"result 0 is a number (3), expected an object"});
}

TEST_CASE("rerank response that is an error object reports its message", "[rerank_api]") {
    require_bad_response(R"({"error":{"message":"MultiModalParam is not supported","type":"BadRequestError"}})",
                         {"endpoint returned an error: \"MultiModalParam is not supported\""});
}

TEST_CASE("rerank response that is truncated is rejected", "[rerank_api]") {
    require_bad_response(R"({"results":[{"index":0,"relevance_sc)", {"not valid JSON"});
}

TEST_CASE("rerank response that is not JSON is rejected", "[rerank_api]") {
    require_bad_response("Internal Server Error", {"not valid JSON", "— body: Internal Server Error"});
}

TEST_CASE("rerank response that is empty is rejected", "[rerank_api]") {
    require_bad_response("", {"rerank response: body is empty"});
}

TEST_CASE("rerank response over 64 MiB is refused as a limit", "[rerank_api]") {
    const std::string body((std::size_t{64} << 20) + 1, ' ');
    require_error([&] { vitrine::parse_rerank_response(body, 1); }, ErrorKind::limit_exceeded,
                  {"rerank response: body is", "over the 64 MiB limit"});
}

TEST_CASE("rerank response nested deeper than 64 levels is rejected", "[rerank_api]") {
    const std::string body = R"({"results":[{"index":0,"relevance_score":0.5,"document":)" +
                             std::string(70, '[') + std::string(70, ']') + "}]}";
    require_bad_response(body, {"JSON nests deeper than 64 levels"});
}

TEST_CASE("rerank response nesting counts only brackets outside strings", "[rerank_api]") {
    const std::string body = R"({"results":[{"index":0,"relevance_score":0.5,"document":{"text":")" +
                             std::string(500, '[') + R"(\"{"}}]})";
    CHECK(vitrine::parse_rerank_response(body, 1).size() == 1);
}

TEST_CASE("rerank error messages quote at most 120 printable characters of the body", "[rerank_api]") {
    const std::string body = "{\"results\":\n\t[\x01\x7f" + std::string(400, 'x');
    try {
        vitrine::parse_rerank_response(body, 1);
        FAIL("no error");
    } catch (const vitrine::Error& error) {
        const std::string message = error.what();
        const std::string marker = "— body: ";
        const auto at = message.find(marker);
        REQUIRE(at != std::string::npos);
        const std::string snippet = message.substr(at + marker.size());
        CHECK(snippet.size() <= 120);
        CHECK(snippet.rfind("{\"results\":\\n\\t[\\x01\\x7fxxx", 0) == 0);
        CHECK(snippet.substr(snippet.size() - 3) == "...");
        for (const char ch : message) CHECK(static_cast<unsigned char>(ch) >= 0x20);
    }
}

TEST_CASE("rerank error snippets escape ill-formed UTF-8 and keep well-formed characters", "[rerank_api]") {
    const std::string body = "caf\xC3\xA9 \xFF\xC3";
    require_bad_response(body, {"— body: caf\xC3\xA9 \\xff\\xc3"});
}

TEST_CASE("rerank response parser refuses a document count or top_n of 0", "[rerank_api]") {
    require_error([] { vitrine::parse_rerank_response(three_results, 0); }, ErrorKind::invalid_argument,
                  {"document_count is 0"});
    require_error([] { vitrine::parse_rerank_response(three_results, 3, std::size_t{0}); },
                  ErrorKind::invalid_argument, {"top_n is 0"});
}

TEST_CASE("rerank response parser throws only vitrine::Error on mutated bodies", "[rerank_api]") {
    vitrine::test::parse_mutations(std::string(three_results), 987654321, [](const std::string& body) { vitrine::parse_rerank_response(body, 3, std::size_t{3}); });
}
