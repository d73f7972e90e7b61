// Specification of the /v1/embeddings JSON layer: request bodies, response
// validation, and the shared refusals (size, depth, syntax, error objects).
#include <catch2/catch.hpp>

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "mutated_bodies.hpp"
#include "vitrine/hosted/embeddings_api.hpp"
#include "require_error.hpp"
#include "vitrine/base/error.hpp"

namespace {

using nlohmann::json;
using vitrine::ErrorKind;

using vitrine::test::require_error;

void require_bad_response(std::string_view body, std::initializer_list<std::string_view> fragments,
                          std::size_t expected_count = 2) {
    require_error([&] { vitrine::parse_embeddings_response(body, expected_count); }, ErrorKind::bad_response,
                  fragments);
}

constexpr std::string_view two_vectors = R"({"object":"list","data":[
    {"object":"embedding","index":1,"embedding":[3.5,-4]},
    {"object":"embedding","index":0,"embedding":[1,2e-1]}],
  "model":"Qwen3-Embedding-8B","usage":{"prompt_tokens":4,"total_tokens":4}})";

}  // namespace

TEST_CASE("embeddings request lists the model and every input", "[embeddings_api]") {
    const std::string body = vitrine::build_embeddings_request({"Qwen3-Embedding-8B", {"red shoe", "blue hat"}, {}});
    CHECK(json::parse(body) == json::parse(R"({"model":"Qwen3-Embedding-8B","input":["red shoe","blue hat"]})"));
}

TEST_CASE("embeddings request sends a single input as a list", "[embeddings_api]") {
    const std::string body = vitrine::build_embeddings_request({"m", {"lamp"}, {}});
    CHECK(json::parse(body) == json::parse(R"({"model":"m","input":["lamp"]})"));
}

TEST_CASE("embeddings request includes dimensions only when set", "[embeddings_api]") {
    const json with = json::parse(vitrine::build_embeddings_request({"m", {"lamp"}, 1024}));
    CHECK(with == json::parse(R"({"model":"m","input":["lamp"],"dimensions":1024})"));
    const json without = json::parse(vitrine::build_embeddings_request({"m", {"lamp"}, {}}));
    CHECK_FALSE(without.contains("dimensions"));
}

TEST_CASE("embeddings request replaces invalid UTF-8 instead of throwing", "[embeddings_api]") {
    const std::string body = vitrine::build_embeddings_request({"m", {"caf\xC3", "ok\xFF"}, {}});
    const json parsed = json::parse(body);
    CHECK(parsed["input"][0] == "caf\xEF\xBF\xBD");
    CHECK(parsed["input"][1] == "ok\xEF\xBF\xBD");
}

TEST_CASE("embeddings request refuses an empty model", "[embeddings_api]") {
    require_error([] { vitrine::build_embeddings_request({"", {"lamp"}, {}}); }, ErrorKind::invalid_argument,
                  {"embeddings request", "model is empty"});
}

TEST_CASE("embeddings request refuses an empty input list", "[embeddings_api]") {
    require_error([] { vitrine::build_embeddings_request({"m", {}, {}}); }, ErrorKind::invalid_argument,
                  {"input has no texts"});
}

TEST_CASE("embeddings request refuses an empty input string and names it", "[embeddings_api]") {
    require_error([] { vitrine::build_embeddings_request({"m", {"lamp", ""}, {}}); }, ErrorKind::invalid_argument,
                  {"input 1 is empty"});
}

TEST_CASE("embeddings request refuses dimensions below 1", "[embeddings_api]") {
    require_error([] { vitrine::build_embeddings_request({"m", {"lamp"}, 0}); }, ErrorKind::invalid_argument,
                  {"dimensions must be at least 1, got 0"});
}

TEST_CASE("embeddings response is ordered by index, not by arrival", "[embeddings_api]") {
    const auto vectors = vitrine::parse_embeddings_response(two_vectors, 2, 2);
    REQUIRE(vectors.size() == 2);
    CHECK(vectors[0] == std::vector<float>{1.0f, 0.2f});
    CHECK(vectors[1] == std::vector<float>{3.5f, -4.0f});
}

TEST_CASE("embeddings response without expected dims takes the length of the first entry", "[embeddings_api]") {
    const auto vectors = vitrine::parse_embeddings_response(two_vectors, 2);
    CHECK(vectors[0].size() == 2);
    CHECK(vectors[1].size() == 2);
}

TEST_CASE("embeddings response with fewer entries than inputs is rejected", "[embeddings_api]") {
    require_bad_response(R"({"data":[{"index":0,"embedding":[1]}]})", {"`data` has 1 entries, expected 2"});
}

TEST_CASE("embeddings response with more entries than inputs is rejected", "[embeddings_api]") {
    require_bad_response(R"({"data":[{"index":0,"embedding":[1]},{"index":1,"embedding":[1]},
                                     {"index":2,"embedding":[1]}]})",
                         {"`data` has 3 entries, expected 2"});
}

TEST_CASE("embeddings response with an out-of-range index is rejected", "[embeddings_api]") {
    require_bad_response(R"({"data":[{"index":0,"embedding":[1]},{"index":2,"embedding":[1]}]})",
                         {"embeddings response: data entry 1 has index 2 out of range [0, 2)", "— body: {"});
}

TEST_CASE("embeddings response with a repeated index is rejected", "[embeddings_api]") {
    require_bad_response(R"({"data":[{"index":0,"embedding":[1]},{"index":0,"embedding":[1]}]})",
                         {"data entry 1 repeats index 0"});
}

TEST_CASE("embeddings response with a negative index is rejected", "[embeddings_api]") {
    require_bad_response(R"({"data":[{"index":-1,"embedding":[1]},{"index":0,"embedding":[1]}]})",
                         {"data entry 0 has negative index -1"});
}

TEST_CASE("embeddings response with a non-integer index is rejected", "[embeddings_api]") {
    for (const char* index : {"1.5", "1.0", "\"1\"", "true", "null", "[1]"}) {
        INFO("index: " << index);
        const std::string body =
            std::string(R"({"data":[{"index":0,"embedding":[1]},{"index":)") + index + R"(,"embedding":[1]}]})";
        require_bad_response(body, {"data entry 1 has an index that is", "expected an integer"});
    }
}

TEST_CASE("embeddings response with an index beyond 64 bits is rejected", "[embeddings_api]") {
    require_bad_response(R"({"data":[{"index":0,"embedding":[1]},{"index":18446744073709551616,"embedding":[1]}]})",
                         {"data entry 1 has an index that is a number", "expected an integer"});
}

TEST_CASE("embeddings response entry without an index is rejected", "[embeddings_api]") {
    require_bad_response(R"({"data":[{"index":0,"embedding":[1]},{"embedding":[1]}]})",
                         {"data entry 1 has no `index`"});
}

TEST_CASE("embeddings response entry without an embedding is rejected", "[embeddings_api]") {
    require_bad_response(R"({"data":[{"index":0,"embedding":[1]},{"index":1}]})",
                         {"data entry 1 has no `embedding`"});
}

TEST_CASE("embeddings response entry that is not an object is rejected", "[embeddings_api]") {
    require_bad_response(R"({"data":[{"index":0,"embedding":[1]},[1,2]]})",
                         {"data entry 1 is an array, expected an object"});
}

TEST_CASE("embeddings response with a base64 embedding is rejected with a hint", "[embeddings_api]") {
    require_bad_response(R"({"data":[{"index":0,"embedding":"AACAPw=="},{"index":1,"embedding":"AACAPw=="}]})",
                         {"data entry 0 has a string embedding (base64 encoding_format?)"});
}

TEST_CASE("embeddings response with an embedding that is not an array is rejected", "[embeddings_api]") {
    require_bad_response(R"({"data":[{"index":0,"embedding":{"x":1}},{"index":1,"embedding":[1]}]})",
                         {"data entry 0 has an embedding that is an object"});
}

TEST_CASE("embeddings response with an empty embedding is rejected", "[embeddings_api]") {
    require_bad_response(R"({"data":[{"index":0,"embedding":[]},{"index":1,"embedding":[]}]})",
                         {"data entry 0 has an empty embedding"});
}

TEST_CASE("embeddings response with the wrong dimension count is rejected", "[embeddings_api]") {
    require_error([] { vitrine::parse_embeddings_response(two_vectors, 2, 3); }, ErrorKind::bad_response,
                  {"data entry 0 has 2 dimensions, expected 3"});
}

TEST_CASE("embeddings response with embeddings of different lengths is rejected", "[embeddings_api]") {
    require_bad_response(R"({"data":[{"index":0,"embedding":[1,2]},{"index":1,"embedding":[1,2,3]}]})",
                         {"data entry 1 has 3 dimensions, expected 2 like the entries before it"});
}

TEST_CASE("embeddings response with a string value is rejected", "[embeddings_api]") {
    require_bad_response(R"({"data":[{"index":0,"embedding":[1,"0.5"]},{"index":1,"embedding":[1,2]}]})",
                         {"data entry 0 value 1 is a string (\"0.5\"), expected a number"});
}

TEST_CASE("embeddings response with a null value is rejected", "[embeddings_api]") {
    require_bad_response(R"({"data":[{"index":0,"embedding":[null,1]},{"index":1,"embedding":[1,2]}]})",
                         {"data entry 0 value 0 is null, expected a number"});
}

TEST_CASE("embeddings response with a value beyond float range is rejected", "[embeddings_api]") {
    require_bad_response(R"({"data":[{"index":0,"embedding":[1,-1e300]},{"index":1,"embedding":[1,2]}]})",
                         {"data entry 0 value 1 is a number (-1e+300), outside the float range"});
}

TEST_CASE("embeddings response with an overflowing number literal is rejected", "[embeddings_api]") {
    require_bad_response(R"({"data":[{"index":0,"embedding":[1e999,1]},{"index":1,"embedding":[1,2]}]})",
                         {"not valid JSON", "number overflow parsing '1e999'"});
}

TEST_CASE("embeddings response without data is rejected", "[embeddings_api]") {
    require_bad_response(R"({"object":"list","model":"m"})", {"response has no `data`"});
}

TEST_CASE("embeddings response whose data is not an array is rejected", "[embeddings_api]") {
    require_bad_response(R"({"data":{"index":0}})", {"response has `data` as an object, expected an array"});
}

TEST_CASE("embeddings response that is an OpenAI error object reports its message", "[embeddings_api]") {
    require_bad_response(R"({"error":{"message":"The model `x` does not exist.","type":"NotFoundError","code":404}})",
                         {"endpoint returned an error: \"The model `x` does not exist.\""});
}

TEST_CASE("embeddings response that is a vLLM error object reports its message", "[embeddings_api]") {
    require_bad_response(R"({"object":"error","message":"input is too long","type":"BadRequestError","code":400})",
                         {"endpoint returned an error: \"input is too long\""});
}

TEST_CASE("embeddings response with a string error reports it", "[embeddings_api]") {
    require_bad_response(R"({"error":"overloaded"})", {"endpoint returned an error: \"overloaded\""});
}

TEST_CASE("embeddings response with an error object lacking a message is rejected", "[embeddings_api]") {
    require_bad_response(R"({"error":{"code":500}})", {"endpoint returned an error object without a message"});
}

TEST_CASE("embeddings response that is truncated is rejected", "[embeddings_api]") {
    require_bad_response(R"({"data":[{"index":0,"embedding":[1,2)", {"not valid JSON", "unexpected end of input"});
}

TEST_CASE("embeddings response that is not JSON is rejected with a snippet of it", "[embeddings_api]") {
    require_bad_response("<html><body>502 Bad Gateway</body></html>",
                         {"not valid JSON", "— body: <html><body>502 Bad Gateway</body></html>"});
}

TEST_CASE("embeddings response that is empty is rejected", "[embeddings_api]") {
    require_bad_response("", {"embeddings response: body is empty"});
}

TEST_CASE("embeddings response that is a JSON array is rejected", "[embeddings_api]") {
    require_bad_response("[[1,2],[3,4]]", {"expected a JSON object, got an array"});
}

TEST_CASE("embeddings response with ill-formed UTF-8 is rejected", "[embeddings_api]") {
    require_bad_response("{\"data\":[],\"model\":\"\xC3\x28\"}", {"not valid JSON", "\\xc3("});
}

TEST_CASE("embeddings response over 64 MiB is refused as a limit", "[embeddings_api]") {
    const std::string body((std::size_t{64} << 20) + 1, ' ');
    require_error([&] { vitrine::parse_embeddings_response(body, 1); }, ErrorKind::limit_exceeded,
                  {"embeddings response: body is 67108865 bytes, over the 64 MiB limit"});
}

TEST_CASE("embeddings response nested deeper than 64 levels is rejected", "[embeddings_api]") {
    const std::string body = R"({"data":)" + std::string(100000, '[') + std::string(100000, ']') + "}";
    require_bad_response(body, {"JSON nests deeper than 64 levels"});
}

TEST_CASE("embeddings response parser refuses an expected count of 0", "[embeddings_api]") {
    require_error([] { vitrine::parse_embeddings_response(two_vectors, 0); }, ErrorKind::invalid_argument,
                  {"expected_count is 0"});
}

TEST_CASE("embeddings response parser throws only vitrine::Error on mutated bodies", "[embeddings_api]") {
    vitrine::test::parse_mutations(std::string(two_vectors), 12345, [](const std::string& body) { vitrine::parse_embeddings_response(body, 2); });
}
