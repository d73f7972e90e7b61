// Specification of document embedding for index builds: batches and index rows.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "vitrine/embed/document_embedding.hpp"
#include "vitrine/base/error.hpp"

using namespace vitrine;
using nlohmann::json;

TEST_CASE("batches are consecutive, in order, at most batch_size long", "[document_embedding]") {
    const auto batches = plan_embedding_batches(7, 3);
    REQUIRE(batches.size() == 3);
    CHECK((batches[0].begin == 0 && batches[0].end == 3));
    CHECK((batches[1].begin == 3 && batches[1].end == 6));
    CHECK((batches[2].begin == 6 && batches[2].end == 7));
    CHECK(plan_embedding_batches(3, 32).size() == 1);
    CHECK_THROWS_AS(plan_embedding_batches(0, 3), Error);
    CHECK_THROWS_AS(plan_embedding_batches(3, 0), Error);
}

TEST_CASE("rows come back in input order, cut and normalised, with the model length", "[document_embedding]") {
    const std::string body = json{{"data", {{{"index", 1}, {"embedding", {0, 2, 9}}}, {{"index", 0}, {"embedding", {3, 4, 9}}}}}}.dump();
    const auto out = parse_document_embeddings(body, 2, 2);
    CHECK(out.model_dims == 3);
    REQUIRE(out.vectors.size() == 2);
    CHECK(out.vectors[0][0] == Approx(0.6));
    CHECK(out.vectors[1] == std::vector<float>{0, 1});
}

TEST_CASE("index_dims of 0 keeps the model length", "[document_embedding]") {
    const std::string body = json{{"data", {{{"index", 0}, {"embedding", {0, 0, 5}}}}}}.dump();
    CHECK(parse_document_embeddings(body, 1, 0).vectors[0] == std::vector<float>{0, 0, 1});
}

TEST_CASE("vectors shorter than the index or of another model length are refused", "[document_embedding]") {
    const std::string body = json{{"data", {{{"index", 0}, {"embedding", {1, 2, 3}}}}}}.dump();
    CHECK_THROWS_WITH(parse_document_embeddings(body, 1, 4), Catch::Contains("fewer than the 4 the index stores"));
    CHECK_THROWS_WITH(parse_document_embeddings(body, 1, 2, 8), Catch::Contains("expected 8"));
}

TEST_CASE("a wrong count or an all-zero prefix names the input", "[document_embedding]") {
    const std::string body = json{{"data", {{{"index", 0}, {"embedding", {1, 2}}}, {{"index", 1}, {"embedding", {0, 2}}}}}}.dump();
    CHECK_THROWS_WITH(parse_document_embeddings(body, 3, 1), Catch::Contains("expected 3"));
    CHECK_THROWS_WITH(parse_document_embeddings(body, 2, 1), Catch::Contains("input 1"));
}
