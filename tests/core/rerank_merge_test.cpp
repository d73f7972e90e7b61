// Specification of merging rerank responses across batches, and the
// retrieval-order fallback that never loses results.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "vitrine/base/error.hpp"
#include "vitrine/hosted/rerank_merge.hpp"

using namespace vitrine;
using nlohmann::json;

namespace {

std::vector<RerankCandidate> candidates(std::size_t count, bool images = true) {
    std::vector<RerankCandidate> out;
    for (std::size_t i = 0; i < count; ++i) {
        RerankCandidate c;
        c.position = static_cast<std::uint32_t>(10 * i);
        c.retrieval_score = 1.0f - 0.1f * static_cast<float>(i);
        c.text = "product " + std::to_string(i);
        if (images) c.image_url = "data:image/jpeg;base64,/9j/";
        out.push_back(c);
    }
    return out;
}

std::string results(std::initializer_list<std::pair<int, double>> scored) {
    json list = json::array();
    for (const auto& [index, score] : scored) list.push_back({{"index", index}, {"relevance_score", score}});
    return json{{"results", list}}.dump();
}

std::vector<std::uint32_t> positions(const RerankOutcome& outcome) {
    std::vector<std::uint32_t> out;
    for (const auto& r : outcome.results) out.push_back(r.position);
    return out;
}

}  // namespace

TEST_CASE("scores from all batches are merged best first and mapped back to products", "[rerank_merge]") {
    const auto c = candidates(7);
    const auto batches = plan_rerank(c, {.model = "m", .query = "q", .top_k = 3});
    REQUIRE(batches.size() == 2);  // {0..4}, {5, 6}
    const std::vector<std::string> bodies = {results({{3, 0.9}, {0, 0.5}, {4, 0.2}}), results({{1, 0.95}, {0, 0.4}})};
    const RerankOutcome outcome = merge_rerank_responses(c, batches, bodies, 3);
    CHECK(outcome.reranked);
    CHECK(outcome.rerank_error.empty());
    CHECK(positions(outcome) == std::vector<std::uint32_t>{60, 30, 0});
    CHECK(*outcome.results[0].relevance_score == 0.95);
    CHECK(*outcome.results[0].retrieval_score == c[6].retrieval_score);
}

TEST_CASE("equal relevance keeps retrieval order, across batches too", "[rerank_merge]") {
    const auto c = candidates(6);
    const auto batches = plan_rerank(c, {.model = "m", .query = "q", .top_k = 6});
    const std::vector<std::string> bodies = {results({{4, 0.5}, {2, 0.5}, {0, 0.1}, {1, 0.1}, {3, 0.1}}),
                                             results({{0, 0.5}})};
    CHECK(positions(merge_rerank_responses(c, batches, bodies, 6)) ==
          std::vector<std::uint32_t>{20, 40, 50, 0, 10, 30});
}

TEST_CASE("fewer candidates than top_k are returned as they are", "[rerank_merge]") {
    const auto c = candidates(2, false);
    const auto batches = plan_rerank(c, {.model = "m", .query = "q", .top_k = 3});
    const std::vector<std::string> bodies = {results({{1, 0.3}, {0, 0.2}})};
    CHECK(positions(merge_rerank_responses(c, batches, bodies, 3)) == std::vector<std::uint32_t>{10, 0});
}

TEST_CASE("a batch answering fewer results than its top_n fails the merge", "[rerank_merge]") {
    const auto c = candidates(3, false);
    const auto batches = plan_rerank(c, {.model = "m", .query = "q", .top_k = 3});
    CHECK_THROWS_WITH(merge_rerank_responses(c, batches, std::vector<std::string>{results({{2, 0.3}})}, 3),
                      Catch::Contains("fewer than the 3 asked for"));
}

TEST_CASE("a batch scoring more documents than its top_n gives its best top_n", "[rerank_merge]") {
    const auto c = candidates(7);
    const auto batches = plan_rerank(c, {.model = "m", .query = "q", .top_k = 3});
    const std::vector<std::string> bodies = {results({{0, 0.9}, {1, 0.8}, {2, 0.7}, {3, 0.6}}), results({{0, 0.5}, {1, 0.1}})};
    CHECK(positions(merge_rerank_responses(c, batches, bodies, 3)) == std::vector<std::uint32_t>{0, 10, 20});
}

TEST_CASE("one bad response fails the whole merge", "[rerank_merge]") {
    const auto c = candidates(7);
    const auto batches = plan_rerank(c, {.model = "m", .query = "q", .top_k = 3});
    const auto three = results({{0, 0.9}, {1, 0.8}, {2, 0.7}});
    const std::vector<std::string> out_of_range = {three, results({{2, 0.5}, {0, 0.1}})};
    CHECK_THROWS_WITH(merge_rerank_responses(c, batches, out_of_range, 3), Catch::Contains("out of range"));
    const std::vector<std::string> malformed = {three, "{\"results\": ["};
    CHECK_THROWS_WITH(merge_rerank_responses(c, batches, malformed, 3), Catch::Contains("not valid JSON"));
}

TEST_CASE("bodies must match batches one to one", "[rerank_merge]") {
    const auto c = candidates(2);
    const auto batches = plan_rerank(c, {.model = "m", .query = "q"});
    CHECK_THROWS_WITH(merge_rerank_responses(c, batches, std::vector<std::string>{}, 3), Catch::Contains("0 responses for 1 batches"));
}

TEST_CASE("the fallback keeps the first top_k in retrieval order with the reason", "[rerank_merge]") {
    const auto c = candidates(5);
    const RerankOutcome outcome = retrieval_order(c, 3, "rerank: HTTP 503");
    CHECK_FALSE(outcome.reranked);
    CHECK(outcome.rerank_error == "rerank: HTTP 503");
    CHECK(positions(outcome) == std::vector<std::uint32_t>{0, 10, 20});
    CHECK_FALSE(outcome.results[0].relevance_score);
    CHECK(*outcome.results[1].retrieval_score == c[1].retrieval_score);
    CHECK(retrieval_order(c, 9, "x").results.size() == 5);
    CHECK_THROWS_AS(retrieval_order(c, 3, ""), Error);
}
