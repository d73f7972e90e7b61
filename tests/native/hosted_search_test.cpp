// Specification of the native search pipeline over a scripted endpoint: query
// embedding, reranking with product images, the fallback that keeps retrieval
// results, and answers with their sources.
#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>

#include "native_test_support.hpp"
#include "vitrine/index/writer.hpp"
#include "vitrine/embed/local_embedder.hpp"
#include "vitrine/native/hosted_answer.hpp"
#include "vitrine/native/hosted_search.hpp"

using namespace vitrine;
using nlohmann::json;

namespace {

// Six lamps whose images are: a file, a missing file, a URL, none, an unsupported scheme, a file.
struct Shop {
    test::TempDir dir;
    std::vector<std::uint8_t> bytes;
    test::FakeTransport transport;
    test::FakeClock clock;
    native::EndpointClient client{{.base_url = "http://h/v1", .api_key = "sk-test-key-123"}, transport, clock.clock()};
    std::vector<std::string> rerank_bodies;  // answers to successive rerank calls; empty: score by position

    Shop() {
        const char* images[] = {"img/a.png", "img/missing.png", "https://cdn.example/c.png", "", "ftp://x/e.png", "img/f.png"};
        std::vector<Product> products(6);
        std::vector<float> vectors;
        for (std::size_t i = 0; i < 6; ++i) {
            products[i].id = "lamp-" + std::to_string(i);
            products[i].title = "Brass lamp number " + std::to_string(i);
            products[i].image = images[i];
            products[i].category = "lighting";
            const auto v = embed_local(products[i].title, 32);
            vectors.insert(vectors.end(), v.begin(), v.end());
        }
        IndexSpec spec;
        spec.dims = spec.model_dims = 32;
        spec.model = std::string(local_embedder_model);
        bytes = write_index(spec, products, vectors);
        std::filesystem::create_directories(dir.path / "img");
        for (const char* name : {"a.png", "f.png"}) {
            const auto image = test::png(1600, 900);
            std::ofstream(dir.path / "img" / name, std::ios::binary)
                .write(reinterpret_cast<const char*>(image.data()), static_cast<std::streamsize>(image.size()));
        }
        transport.handler = [this](const native::HttpRequest& r) { return answer(r); };
    }

    native::HttpResponse answer(const native::HttpRequest& r) {
        if (r.method == "GET") return test::respond(200, [] { auto p = test::png(64, 64); return std::string(p.begin(), p.end()); }());
        const json body = json::parse(r.body);
        if (r.url.ends_with("/rerank")) {
            if (!rerank_bodies.empty()) {
                std::string next = rerank_bodies.front();
                rerank_bodies.erase(rerank_bodies.begin());
                return test::respond(200, next);
            }
            // Later documents score higher, so reranking reverses the order.
            json results = json::array();
            for (std::size_t i = 0; i < std::min<std::size_t>(body["documents"].size(), body["top_n"]); ++i) {
                const std::size_t index = body["documents"].size() - 1 - i;
                results.push_back({{"index", index}, {"relevance_score", 0.1 * static_cast<double>(index)}});
            }
            return test::respond(200, json{{"results", results}}.dump());
        }
        return test::respond(200, json{{"choices", {{{"message", {{"content", "Take [2], not [1]."}}}}}}}.dump());
    }
};

std::vector<native::Retrieved> all_in_order() {
    std::vector<native::Retrieved> out;
    for (std::uint32_t i = 0; i < 6; ++i) out.push_back({i, 1.0f - 0.1f * static_cast<float>(i)});
    return out;
}

std::vector<std::uint32_t> positions(const RerankOutcome& outcome) {
    std::vector<std::uint32_t> out;
    for (const auto& r : outcome.results) out.push_back(r.position);
    return out;
}

std::size_t images_in(const std::string& body) {
    const std::string needle = "\"type\":\"image_url\"";
    std::size_t n = 0;
    for (std::size_t at = body.find(needle); at != std::string::npos; at = body.find(needle, at + 1)) ++n;
    return n;
}

}  // namespace

TEST_CASE("a local index embeds the query locally, without a request", "[hosted_search]") {
    Shop shop;
    const Index index = Index::open(shop.bytes);
    CHECK(native::embed_query(index, "brass lamp", nullptr, {}) == embed_local("brass lamp", 32));
    CHECK(shop.transport.requests.empty());
}

TEST_CASE("candidates are reranked in image-capped batches and merged", "[hosted_search]") {
    Shop shop;
    const Index index = Index::open(shop.bytes);
    native::ProductImages images(index, shop.dir.path, &shop.client);
    std::vector<std::string> warnings;
    const auto retrieved = all_in_order();
    const RerankOutcome outcome = native::rerank_products(
        index, retrieved, {.model = "rr", .query = "brass lamp", .top_k = 3, .max_images_per_request = 1}, shop.client,
        images, warnings);
    CHECK(outcome.reranked);
    // Images: 0 (file), 2 (URL), 5 (file) -> batches {0,1}, {2,3,4}, {5}.
    REQUIRE(shop.transport.count("/rerank") == 3);
    for (const auto& r : shop.transport.requests)
        if (r.url.ends_with("/rerank")) CHECK(images_in(r.body) == 1);
    // Within a batch the later document scores 0.1 more: 1 (0.1), 4 (0.2), 3 (0.1), 5 (0) -> 4, 1, 3.
    CHECK(positions(outcome) == std::vector<std::uint32_t>{4, 1, 3});
    CHECK(*outcome.results[0].relevance_score == Approx(0.2));
}

TEST_CASE("a product whose image cannot be used is reranked on its text and a warning says why", "[hosted_search]") {
    Shop shop;
    const Index index = Index::open(shop.bytes);
    native::ProductImages images(index, shop.dir.path, &shop.client);
    std::vector<std::string> warnings;
    native::rerank_products(index, all_in_order(), {.model = "rr", .query = "lamp"}, shop.client, images, warnings);
    REQUIRE(warnings.size() == 2);
    CHECK_THAT(warnings[0], Catch::StartsWith("lamp-1: image 'img/missing.png' cannot be used: cannot open"));
    CHECK_THAT(warnings[0], Catch::EndsWith("; sent as text alone"));
    CHECK_THAT(warnings[1], Catch::StartsWith("lamp-4: image 'ftp://x/e.png' is neither a file path nor an http(s) URL"));
    const json first = json::parse(shop.transport.requests.back().body);
    CHECK(first["documents"].size() == 6);
    CHECK(first["documents"][1] == "Brass lamp number 1\nlighting");
}

TEST_CASE("product images are fetched and prepared once, then reused for the answer", "[hosted_search]") {
    Shop shop;
    const Index index = Index::open(shop.bytes);
    native::ProductImages images(index, shop.dir.path, &shop.client);
    std::vector<std::string> warnings;
    const RerankOutcome outcome =
        native::rerank_products(index, all_in_order(), {.model = "rr", .query = "lamp", .top_k = 6}, shop.client, images, warnings);
    std::vector<std::uint32_t> top;
    for (const auto& r : outcome.results) top.push_back(r.position);
    native::answer_question(index, "which lamp?", top, {.model = "vlm"}, shop.client, images, warnings);
    CHECK(images.prepared() == 3);  // a, c by URL, f; the missing file was tried once, nothing to prepare
    CHECK(shop.transport.count("/c.png") == 1);
    CHECK(warnings.size() == 2);  // once per product, not once per use
    for (const auto& r : shop.transport.requests)
        if (r.method == "GET")
            for (const auto& h : r.headers) CHECK(h.name != "Authorization");
}

TEST_CASE("a failing reranker gives the retrieval order, reranked false and the reason", "[hosted_search]") {
    Shop shop;
    const Index index = Index::open(shop.bytes);
    native::ProductImages images(index, shop.dir.path, &shop.client);
    std::vector<std::string> warnings;
    const auto settings = native::RerankSettings{.model = "rr", .query = "lamp", .top_k = 3};

    shop.transport.handler = [&](const native::HttpRequest& r) {
        return r.method == "GET" ? shop.answer(r) : test::respond(503, "{\"error\":\"overloaded sk-test-key-123\"}");
    };
    RerankOutcome outcome = native::rerank_products(index, all_in_order(), settings, shop.client, images, warnings);
    CHECK_FALSE(outcome.reranked);
    CHECK(positions(outcome) == std::vector<std::uint32_t>{0, 1, 2});
    CHECK_THAT(outcome.rerank_error, Catch::Contains("HTTP 503"));
    CHECK_THAT(outcome.rerank_error, !Catch::Contains("sk-test-key-123"));

    shop.transport.handler = [&](const native::HttpRequest& r) { return shop.answer(r); };
    shop.rerank_bodies = {"{\"results\": [{\"index\": 99, \"relevance_score\": 1}]}"};
    outcome = native::rerank_products(index, all_in_order(), settings, shop.client, images, warnings);
    CHECK_FALSE(outcome.reranked);
    CHECK_THAT(outcome.rerank_error, Catch::Contains("out of range"));
    CHECK(outcome.results.size() == 3);
}

TEST_CASE("a photo query counts against the image limit and retrieval falls back to the round-robin rule", "[hosted_search]") {
    Shop shop;
    const Index index = Index::open(shop.bytes);
    const auto retrieved = native::retrieve(index, {}, {.top_k = 4});
    REQUIRE(retrieved.size() == 4);
    CHECK_FALSE(retrieved[0].score);
    native::ProductImages images(index, shop.dir.path, &shop.client);
    std::vector<std::string> warnings;
    const RerankOutcome outcome = native::rerank_products(
        index, retrieved,
        {.model = "rr", .query_image_url = "data:image/jpeg;base64,/9j/", .top_k = 2, .max_images_per_request = 2},
        shop.client, images, warnings);
    CHECK(outcome.reranked);
    for (const auto& r : shop.transport.requests)
        if (r.url.ends_with("/rerank")) CHECK(images_in(r.body) <= 2);
}

TEST_CASE("an answer cites its sources by number and maps them to products", "[hosted_search]") {
    Shop shop;
    const Index index = Index::open(shop.bytes);
    native::ProductImages images(index, shop.dir.path, &shop.client);
    std::vector<std::string> warnings;
    const std::vector<std::uint32_t> given = {5, 3, 0};
    const auto answer = native::answer_question(index, "which lamp?", given, {.model = "vlm"}, shop.client, images, warnings);
    CHECK(answer.text == "Take [2], not [1].");
    CHECK(answer.sources == given);
    CHECK(answer.cited == std::vector<std::uint32_t>{3, 5});
    const json body = json::parse(shop.transport.requests.back().body);
    CHECK(body["messages"][1]["content"][0]["text"].get<std::string>().starts_with("[1] Brass lamp number 5"));
}
