// Specification of the hosted pipeline as a state machine, without any I/O: what it
// asks for at each step (the query embedding, product photos, every rerank batch at
// once, the answer), how answers in any order merge, the fallbacks, the defaults.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "require_error.hpp"
#include "test_catalogue.hpp"
#include "vitrine/hosted/pipeline.hpp"

using namespace vitrine;
using nlohmann::json;
using vitrine::test::require_error;

namespace {

constexpr std::uint32_t dims = 16;

// Twelve products p0..p11 (four categories in turn), a hosted model's index.
struct Catalogue {
    test::BuiltIndex built = test::build_random_index(Storage::f32, 12, dims, 7);
    Index index = Index::open(built.bytes);
    std::vector<float> query = std::vector<float>(built.vectors.begin(), built.vectors.begin() + dims);  // p0's own vector
};

HostedRequest by_vector(const Catalogue& c, std::size_t top_k = 3) {
    HostedRequest request;
    request.query = "lamp";
    request.query_vector = c.query;
    request.top_k = top_k;
    return request;
}

// Every photo wanted given: a data URI, or a problem for the positions in `missing`.
void give_photos(HostedPipeline& pipeline, const std::vector<std::uint32_t>& missing = {}) {
    for (const WantedImage& w : pipeline.wanted_images()) {
        const bool lost = std::find(missing.begin(), missing.end(), w.position) != missing.end();
        pipeline.give_image(w.position, lost ? GivenImage{{}, "cannot open"} : GivenImage{"data:image/jpeg;base64,/9j/", {}});
    }
}

// Scores each document of a rerank body by its place from the end (later is better).
std::string reversed_scores(std::string_view body) {
    const json request = json::parse(body);
    json results = json::array();
    const std::size_t n = request["documents"].size();
    for (std::size_t i = 0; i < std::min<std::size_t>(n, request["top_n"]); ++i)
        results.push_back({{"index", n - 1 - i}, {"relevance_score", static_cast<double>(n - 1 - i) / 10}});
    return json{{"results", results}}.dump();
}

// The same twelve products with an image field of another hosted model, a joint space:
// product i's image vector is p((i + 5) % 12)'s text vector, so the two fields disagree.
struct JointSpaceCatalogue {
    test::BuiltIndex built = test::build_random_index(Storage::f32, 12, dims, 7);
    std::vector<std::uint8_t> bytes = [this] {
        ImageVectors image{.spec = ImageFieldSpec{.model = "vl-test", .dims = dims, .joint_space = true}};
        for (std::size_t i = 0; i < 12; ++i)
            image.values.insert(image.values.end(), built.vectors.begin() + (i + 5) % 12 * dims,
                                built.vectors.begin() + ((i + 5) % 12 + 1) * dims);
        image.present.assign(12, 1);
        return write_index(test::spec_for(Storage::f32, dims), built.products, built.vectors, image);
    }();
    Index index = Index::open(bytes);
    std::string embedding_of(std::size_t product) const {
        json vector = json::array();
        for (std::size_t d = 0; d < dims; ++d) vector.push_back(built.vectors[product * dims + d]);
        return json{{"data", {{{"index", 0}, {"embedding", vector}}}}}.dump();
    }
};

std::vector<std::uint32_t> positions(const HostedOutcome& outcome) {
    std::vector<std::uint32_t> out;
    for (const RankedProduct& r : outcome.ranking.results) out.push_back(r.position);
    return out;
}

}  // namespace

TEST_CASE("depths default to top_k 3 and retrieve_k max(10, top_k), never below top_k", "[hosted_pipeline]") {
    CHECK(resolve_depths({}, {}).top_k == 3);
    CHECK(resolve_depths({}, {}).retrieve_k == 10);
    CHECK(resolve_depths(std::size_t{12}, {}).retrieve_k == 12);
    CHECK(resolve_depths(std::size_t{2}, std::size_t{4}).retrieve_k == 4);
    require_error([] { resolve_depths(std::size_t{3}, std::size_t{2}); }, ErrorKind::invalid_argument,
                  {"retrieve_k (2) must be at least top_k (3)"});
}

TEST_CASE("a hosted-model index asks for the query embedding first, then retrieves by it", "[hosted_pipeline]") {
    Catalogue c;
    HostedRequest request;
    request.query = "brass lamp";
    request.rerank = false;
    HostedPipeline pipeline(c.index, request);
    CHECK(pipeline.wanted_images().empty());
    const auto calls = pipeline.calls();
    REQUIRE(calls.size() == 1);
    CHECK(calls[0].path == "embeddings");
    CHECK_FALSE(calls[0].falls_back);
    CHECK(json::parse(calls[0].body)["model"] == "test-model");
    json vector = json::array();
    for (const float v : c.query) vector.push_back(v);
    pipeline.receive(calls[0].id, json{{"data", {{{"index", 0}, {"embedding", vector}}}}}.dump());
    REQUIRE(pipeline.finished());
    CHECK(pipeline.outcome().ranking.results.size() == 3);
    CHECK(pipeline.outcome().ranking.results[0].position == 0);
    CHECK_FALSE(pipeline.outcome().ranking.reranked);
}

TEST_CASE("a text alone on a hosted-model index is a storefront page by the model's vector: total and facets",
          "[hosted_pipeline]") {
    Catalogue c;
    HostedRequest request{.query = "brass lamp", .rerank = false};
    request.page.facets = {"category"};
    request.page.fusion.vector_floor = 0.99f;  // the model's vector matches p0 alone
    HostedPipeline pipeline(c.index, request);
    const auto calls = pipeline.calls();
    REQUIRE(calls.size() == 1);
    json vector = json::array();
    for (const float v : c.query) vector.push_back(v);
    pipeline.receive(calls[0].id, json{{"data", {{{"index", 0}, {"embedding", vector}}}}}.dump());
    REQUIRE(pipeline.finished());
    const HostedOutcome& out = pipeline.outcome();
    CHECK(positions(out) == std::vector<std::uint32_t>{0});
    CHECK(out.total == std::optional<std::size_t>{1});
    REQUIRE(out.facets.size() == 1);
    CHECK(out.facets[0].field == "category");
}

TEST_CASE("a text with no word in it finds nothing on a hosted-model index, and the model is not asked", "[hosted_pipeline]") {
    Catalogue c;
    HostedPipeline pipeline(c.index, HostedRequest{.query = "???", .rerank = false});
    REQUIRE(pipeline.finished());
    CHECK(pipeline.outcome().ranking.results.empty());
    CHECK(pipeline.outcome().total == std::optional<std::size_t>{0});
}

TEST_CASE("photos come first, then every rerank batch at once, merged in whatever order they answer", "[hosted_pipeline]") {
    Catalogue c;
    HostedPipeline pipeline(c.index, by_vector(c));
    CHECK(pipeline.calls().empty());
    CHECK(pipeline.wanted_images().size() == 10);
    give_photos(pipeline);
    const auto calls = pipeline.calls();
    REQUIRE(calls.size() == 2);  // ten photos, five a request
    for (const HostedCall& call : calls) CHECK((call.path == "rerank" && call.falls_back));
    std::vector<std::pair<std::size_t, std::string>> answers;
    for (const HostedCall& call : calls) answers.emplace_back(call.id, reversed_scores(call.body));
    pipeline.receive(answers[1].first, answers[1].second);
    CHECK_FALSE(pipeline.finished());
    pipeline.receive(answers[0].first, answers[0].second);
    REQUIRE(pipeline.finished());
    const HostedOutcome& outcome = pipeline.outcome();
    CHECK(outcome.ranking.reranked);
    REQUIRE(outcome.ranking.results.size() == 3);
    CHECK(*outcome.ranking.results[0].relevance_score == Approx(0.4));  // the last of a batch of five
}

TEST_CASE("the first failed batch falls back to retrieval order, and later answers are ignored", "[hosted_pipeline]") {
    Catalogue c;
    HostedPipeline pipeline(c.index, by_vector(c));
    give_photos(pipeline);
    const auto calls = pipeline.calls();
    const std::string late = reversed_scores(calls[1].body);
    pipeline.fail(calls[0].id, "POST /rerank failed: HTTP 503");
    REQUIRE(pipeline.finished());
    pipeline.receive(calls[1].id, late);
    const HostedOutcome& outcome = pipeline.outcome();
    CHECK_FALSE(outcome.ranking.reranked);
    CHECK(outcome.ranking.rerank_error == "POST /rerank failed: HTTP 503");
    CHECK(positions(outcome).front() == 0);
    CHECK_FALSE(outcome.ranking.results[0].relevance_score);
}

TEST_CASE("a batch answering fewer results than its top_n falls back with the reason", "[hosted_pipeline]") {
    Catalogue c;
    HostedPipeline pipeline(c.index, by_vector(c));
    give_photos(pipeline);
    for (const HostedCall& call : pipeline.calls()) pipeline.receive(call.id, R"({"results": []})");
    REQUIRE(pipeline.finished());
    CHECK_FALSE(pipeline.outcome().ranking.reranked);
    CHECK_THAT(pipeline.outcome().ranking.rerank_error, Catch::Contains("fewer than the 3 asked for"));
    CHECK(pipeline.outcome().ranking.results.size() == 3);
}

TEST_CASE("a photo that could not be had sends its product as text alone, with one warning", "[hosted_pipeline]") {
    Catalogue c;
    HostedPipeline pipeline(c.index, by_vector(c));
    give_photos(pipeline, {0});
    const auto calls = pipeline.calls();
    CHECK(json::parse(calls[0].body)["documents"][0] == "Product 0\nDescription of product 0\nfurniture");
    for (const HostedCall& call : calls) pipeline.receive(call.id, reversed_scores(call.body));
    CHECK(pipeline.outcome().warnings == std::vector<std::string>{"p0: cannot open; sent as text alone"});
}

TEST_CASE("an answer reuses the photos given, asks for the chat call, and cites by position", "[hosted_pipeline]") {
    Catalogue c;
    HostedRequest request = by_vector(c, 2);
    request.rerank = false;
    request.answer = AnswerOptions{};
    HostedPipeline pipeline(c.index, request);
    CHECK(pipeline.wanted_images().size() == 2);  // the two sources only
    give_photos(pipeline);
    const auto calls = pipeline.calls();
    REQUIRE(calls.size() == 1);
    CHECK(calls[0].path == "chat/completions");
    CHECK(json::parse(calls[0].body)["model"] == std::string(default_chat_model));
    pipeline.receive(calls[0].id, R"({"choices":[{"message":{"content":"Take [2]."}}]})");
    REQUIRE(pipeline.finished());
    CHECK(pipeline.outcome().answer == "Take [2].");
    CHECK(pipeline.outcome().cited == std::vector<std::uint32_t>{pipeline.outcome().ranking.results[1].position});
}

TEST_CASE("no candidates to rerank: the retrieval order, empty, says so", "[hosted_pipeline]") {
    Catalogue c;
    HostedRequest request = by_vector(c);
    request.filters.category = "garden";
    HostedPipeline pipeline(c.index, request);
    REQUIRE(pipeline.finished());
    CHECK(pipeline.outcome().ranking.results.empty());
    CHECK(pipeline.outcome().ranking.rerank_error == "there were no candidates to rerank");
    request.answer = AnswerOptions{};
    require_error([&] { HostedPipeline{c.index, request}; }, ErrorKind::invalid_argument, {"nothing to answer from"});
}

TEST_CASE("a photo alone without its image-field vector is refused (there is no candidate rule without one)", "[hosted_pipeline]") {
    Catalogue c;
    HostedRequest request;
    request.query_image_url = "data:image/jpeg;base64,/9j/";
    require_error([&] { HostedPipeline{c.index, request}; }, ErrorKind::invalid_argument, {"image field", "or a query text"});
}

TEST_CASE("calls out of contract are refused", "[hosted_pipeline]") {
    Catalogue c;
    require_error([&] { HostedPipeline(c.index, HostedRequest{}); }, ErrorKind::invalid_argument, {"neither a query text nor a photo"});
    HostedRequest request;
    request.query = "lamp";
    HostedPipeline embedding(c.index, request);
    const std::size_t id = embedding.calls().at(0).id;
    require_error([&] { embedding.fail(id, "down"); }, ErrorKind::invalid_argument, {"only a rerank call falls back"});
    require_error([&] { embedding.receive(id + 5, "{}"); }, ErrorKind::invalid_argument, {"never asked for"});
    require_error([&] { embedding.give_image(0, {}); }, ErrorKind::invalid_argument, {"was not asked for"});
    require_error([&] { embedding.outcome(); }, ErrorKind::invalid_argument, {"has not finished"});
}

TEST_CASE("a joint-space image field of another model gets the text from that model too, and both fields are searched",
          "[hosted_pipeline]") {
    JointSpaceCatalogue c;
    HostedRequest request{.query = "brass lamp", .weights = {.text = 1.0f, .image = 0.0f}, .rerank = false};
    for (const float image_weight : {0.0f, 1.0f}) {
        request.weights = {.text = 1.0f - image_weight, .image = image_weight};
        HostedPipeline pipeline(c.index, request);
        const auto calls = pipeline.calls();
        REQUIRE(calls.size() == 2);  // both at once
        std::size_t text_call = 0, image_call = 0;
        for (const HostedCall& call : calls) {
            CHECK((call.path == "embeddings" && !call.falls_back));
            const json body = json::parse(call.body);
            CHECK(body["input"].dump().find("brass lamp") != std::string::npos);
            (body["model"] == "vl-test" ? image_call : text_call) = call.id;
        }
        REQUIRE(text_call != image_call);
        // The text model says p0, the image model says p3: p3's photo is image row 10 ((10 + 5) % 12 = 3).
        pipeline.receive(image_call, c.embedding_of(3));
        CHECK_FALSE(pipeline.finished());
        pipeline.receive(text_call, c.embedding_of(0));
        REQUIRE(pipeline.finished());
        CHECK(pipeline.outcome().ranking.results.at(0).position == (image_weight == 0.0f ? 0u : 10u));
    }
}

TEST_CASE("a photo for a hosted image field goes to that model in the chat form, and retrieves by its answer",
          "[hosted_pipeline]") {
    JointSpaceCatalogue c;
    HostedRequest request{.query_image_url = "data:image/jpeg;base64,/9j/", .rerank = false};
    HostedPipeline pipeline(c.index, request);
    const auto calls = pipeline.calls();
    REQUIRE(calls.size() == 1);
    const json body = json::parse(calls[0].body);
    CHECK(body["model"] == "vl-test");
    CHECK(body["messages"][0]["content"][0]["image_url"]["url"] == "data:image/jpeg;base64,/9j/");
    require_error([&] { HostedPipeline(c.index, request).receive(calls[0].id, "{\"data\": []}"); }, ErrorKind::bad_response,
                  {"the image model's query embedding"});
    pipeline.receive(calls[0].id, c.embedding_of(7));
    REQUIRE(pipeline.finished());
    CHECK(pipeline.outcome().ranking.results.at(0).position == 2);  // (2 + 5) % 12 = 7
}
