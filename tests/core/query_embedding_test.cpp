// Specification of query embedding through a hosted model: the text and request
// sent, and the response cut to the index's dims.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "vitrine/base/error.hpp"
#include "vitrine/embed/query_embedding.hpp"

using namespace vitrine;
using nlohmann::json;

namespace {

IndexSpec hosted(const std::string& model, std::uint32_t dims, std::uint32_t model_dims) {
    IndexSpec spec;
    spec.model = model;
    spec.dims = dims;
    spec.model_dims = model_dims;
    spec.embedder = EmbedderKind::hosted;
    return spec;
}

std::string response(const std::vector<float>& v) {
    return json{{"data", {{{"index", 0}, {"embedding", v}}}}}.dump();
}

}  // namespace

TEST_CASE("a Qwen3-Embedding query is sent with the instruction, as one input, without dimensions", "[query_embedding]") {
    const json body = json::parse(build_query_embedding_request(hosted("Qwen/Qwen3-Embedding-8B", 2, 4), "red shoe"));
    CHECK(body == json{{"model", "Qwen/Qwen3-Embedding-8B"},
                       {"input", {"Instruct: " + std::string(default_query_task) + "\nQuery:red shoe"}}});
}

TEST_CASE("the task and the template are configurable", "[query_embedding]") {
    const IndexSpec spec = hosted("Qwen/Qwen3-Embedding-8B", 2, 4);
    CHECK(query_embedding_text(spec, "lamp", {.task = "Find lighting"}) == "Instruct: Find lighting\nQuery:lamp");
    CHECK(query_embedding_text(spec, "lamp", {.query_template = "query: {query}"}) == "query: lamp");
    CHECK(query_embedding_text(hosted("e5", 2, 4), "lamp") == "lamp");
}

TEST_CASE("the response vector is cut to the index dims and re-normalised", "[query_embedding]") {
    const auto v = parse_query_embedding_response(response({3, 4, 100, 100}), hosted("m", 2, 4));
    REQUIRE(v.size() == 2);
    CHECK(v[0] == Approx(0.6));
    CHECK(v[1] == Approx(0.8));
}

TEST_CASE("a response of another length than the index's model_dims is refused", "[query_embedding]") {
    CHECK_THROWS_WITH(parse_query_embedding_response(response({1, 2, 3}), hosted("m", 2, 4)),
                      Catch::Contains("the query vector has 3 dims, but the index was built from 4-dim vectors of 'm'"));
}

TEST_CASE("an all-zero prefix is a bad response", "[query_embedding]") {
    try {
        parse_query_embedding_response(response({0, 0, 1, 1}), hosted("m", 2, 4));
        FAIL("no error");
    } catch (const Error& e) {
        CHECK(e.kind() == ErrorKind::bad_response);
    }
}

TEST_CASE("a local-embedder index or an empty query is refused", "[query_embedding]") {
    IndexSpec local = hosted("vitrine-local-hash-v1", 4, 4);
    local.embedder = EmbedderKind::local_hashing;
    CHECK_THROWS_WITH(build_query_embedding_request(local, "x"), Catch::Contains("embed the query locally"));
    CHECK_THROWS_WITH(build_query_embedding_request(hosted("m", 2, 4), ""), Catch::Contains("the query is empty"));
}
