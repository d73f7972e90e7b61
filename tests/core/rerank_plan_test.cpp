// Specification of rerank planning: image-capped batches in retrieval order,
// per-batch top_n, and the request bodies.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "vitrine/base/error.hpp"
#include "vitrine/hosted/rerank_plan.hpp"

using namespace vitrine;
using nlohmann::json;

namespace {

// Candidates p0.. whose image presence follows `pattern` ('i' image, 't' text only).
std::vector<RerankCandidate> candidates(const std::string& pattern) {
    std::vector<RerankCandidate> out;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        RerankCandidate c;
        c.position = static_cast<std::uint32_t>(100 + i);
        c.retrieval_score = 1.0f - 0.01f * static_cast<float>(i);
        c.text = "product " + std::to_string(i);
        if (pattern[i] == 'i') c.image_url = "data:image/jpeg;base64,/9j/" + std::to_string(i);
        out.push_back(c);
    }
    return out;
}

RerankPlanOptions options(std::size_t top_k = 3) {
    return {.model = "reranker", .query = "red shoe", .top_k = top_k};
}

std::vector<std::vector<std::size_t>> members(const std::vector<RerankBatch>& batches) {
    std::vector<std::vector<std::size_t>> out;
    for (const auto& b : batches) out.push_back(b.candidates);
    return out;
}

}  // namespace

TEST_CASE("ten candidates with images go out in two requests of five images", "[rerank_plan]") {
    const auto c = candidates("iiiiiiiiii");
    const auto batches = plan_rerank(c, options());
    CHECK(members(batches) == std::vector<std::vector<std::size_t>>{{0, 1, 2, 3, 4}, {5, 6, 7, 8, 9}});
    for (const auto& b : batches) CHECK(b.images == 5);
}

TEST_CASE("text-only candidates cost no image and stay in the batch being filled", "[rerank_plan]") {
    const auto batches = plan_rerank(candidates("iitiiitiit"), {.model = "m", .query = "q", .max_images_per_request = 3});
    CHECK(members(batches) == std::vector<std::vector<std::size_t>>{{0, 1, 2, 3}, {4, 5, 6, 7}, {8, 9}});
    CHECK(plan_rerank(candidates("tttttttt"), options()).size() == 1);
}

TEST_CASE("the query's image counts against the limit", "[rerank_plan]") {
    RerankPlanOptions o = options();
    o.query_image_url = "data:image/jpeg;base64,/9j/q";
    const auto batches = plan_rerank(candidates("iiiiiiii"), o);
    CHECK(members(batches) == std::vector<std::vector<std::size_t>>{{0, 1, 2, 3}, {4, 5, 6, 7}});
    for (const auto& b : batches) CHECK(b.images == 5);
    const json body = json::parse(batches[0].request_body);
    CHECK(body["query"]["content"].size() == 2);
}

TEST_CASE("each batch asks for top_n = min(top_k, its size)", "[rerank_plan]") {
    const auto batches = plan_rerank(candidates("iiiiiii"), options(3));
    REQUIRE(batches.size() == 2);
    CHECK(batches[0].top_n == 3);
    CHECK(batches[1].top_n == 2);
    CHECK(json::parse(batches[1].request_body)["top_n"] == 2);
}

TEST_CASE("the request body carries model, query, instruction and documents in batch order", "[rerank_plan]") {
    RerankPlanOptions o = options();
    o.instruction = "Judge by colour";
    const auto batches = plan_rerank(candidates("ti"), o);
    const json body = json::parse(batches[0].request_body);
    CHECK(body["model"] == "reranker");
    CHECK(body["query"] == "red shoe");
    CHECK(body["instruction"] == "Judge by colour");
    CHECK(body["documents"][0] == "product 0");
    CHECK(body["documents"][1]["content"][0]["text"] == "product 1");
    CHECK(body["documents"][1]["content"][1]["image_url"]["url"] == "data:image/jpeg;base64,/9j/1");
}

TEST_CASE("plans out of contract are refused", "[rerank_plan]") {
    CHECK_THROWS_WITH(plan_rerank({}, options()), Catch::Contains("no candidates"));
    CHECK_THROWS_WITH(plan_rerank(candidates("i"), options(0)), Catch::Contains("top_k"));
    RerankPlanOptions o = options();
    o.max_images_per_request = 0;
    CHECK_THROWS_WITH(plan_rerank(candidates("t"), o), Catch::Contains("at least 1"));
    o.max_images_per_request = 1;
    o.query_image_url = "data:image/jpeg;base64,/9j/q";
    CHECK_THROWS_WITH(plan_rerank(candidates("ti"), o), Catch::Contains("leaves no room"));
    CHECK_NOTHROW(plan_rerank(candidates("tt"), o));
    CHECK_THROWS_AS(plan_rerank(candidates("t"), {.model = "", .query = "q"}), Error);
}
