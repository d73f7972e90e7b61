// Specification of the native driver of the hosted pipeline over a scripted endpoint:
// query embedding, reranking with product images (batches in flight together), the
// fallback that keeps retrieval results, and answers with their sources.
#include <catch2/catch.hpp>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <fstream>
#include <mutex>
#include <nlohmann/json.hpp>

#include "native_test_support.hpp"
#include "vitrine/embed/local_embedder.hpp"
#include "vitrine/index/writer.hpp"
#include "vitrine/native/hosted_search.hpp"

using namespace vitrine;
using nlohmann::json;

namespace {

constexpr std::uint32_t dims = 32;

// Six lamps whose images are: a file, a missing file, a URL, none, an unsupported scheme, a file.
// Lamp i's vector scores 1 - 0.1 i against the first axis, so that axis retrieves them in order.
struct Shop {
    test::TempDir dir;
    std::vector<std::uint8_t> bytes;
    test::FakeTransport transport;
    test::FakeClock clock;
    native::EndpointClient client{{.base_url = "http://h/v1", .api_key = "sk-test-key-123"}, transport, clock.clock()};
    std::mutex mutex;
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
            std::vector<float> v(dims, 0.0f);
            v[0] = 1.0f - 0.1f * static_cast<float>(i);
            v[1] = std::sqrt(1.0f - v[0] * v[0]);
            vectors.insert(vectors.end(), v.begin(), v.end());
        }
        IndexSpec spec;
        spec.dims = spec.model_dims = dims;
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
            const std::lock_guard lock(mutex);
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

std::vector<float> axis(float sign = 1.0f) {
    std::vector<float> v(dims, 0.0f);
    v[0] = sign;
    return v;
}

// All six lamps, retrieved in order 0..5.
HostedRequest all_in_order(std::size_t top_k = 3) {
    HostedRequest request;
    request.query = "brass lamp";
    request.query_vector = axis();
    request.top_k = top_k;
    request.retrieve_k = 6;
    request.rerank_model = "rr";
    return request;
}

HostedOutcome run(Shop& shop, const Index& index, native::ProductImages& images, HostedRequest request) {
    HostedPipeline pipeline(index, std::move(request));
    return native::run_pipeline(pipeline, shop.client, images);
}

std::vector<std::uint32_t> positions(const HostedOutcome& outcome) {
    std::vector<std::uint32_t> out;
    for (const auto& r : outcome.ranking.results) out.push_back(r.position);
    return out;
}

std::size_t images_in(const std::string& body) {
    const std::string needle = "\"type\":\"image_url\"";
    std::size_t n = 0;
    for (std::size_t at = body.find(needle); at != std::string::npos; at = body.find(needle, at + 1)) ++n;
    return n;
}

}  // namespace

TEST_CASE("a local index's text query needs no request without a rerank", "[hosted_search]") {
    Shop shop;
    const Index index = Index::open(shop.bytes);
    native::ProductImages images(index, shop.dir.path, &shop.client);
    HostedRequest request{.query = "brass lamp", .rerank = false};
    CHECK_FALSE(run(shop, index, images, request).ranking.results.empty());
    CHECK(shop.transport.requests.empty());
}

TEST_CASE("candidates are reranked in image-capped batches and merged", "[hosted_search]") {
    Shop shop;
    const Index index = Index::open(shop.bytes);
    native::ProductImages images(index, shop.dir.path, &shop.client);
    HostedRequest request = all_in_order(3);
    request.max_images_per_request = 1;
    const HostedOutcome outcome = run(shop, index, images, request);
    CHECK(outcome.ranking.reranked);
    // Images: 0 (file), 2 (URL), 5 (file) -> batches {0,1}, {2,3,4}, {5}.
    REQUIRE(shop.transport.count("/rerank") == 3);
    for (const auto& r : shop.transport.requests)
        if (r.url.ends_with("/rerank")) CHECK(images_in(r.body) == 1);
    // Within a batch the later document scores 0.1 more: 1 (0.1), 4 (0.2), 3 (0.1), 5 (0) -> 4, 1, 3.
    CHECK(positions(outcome) == std::vector<std::uint32_t>{4, 1, 3});
    CHECK(*outcome.ranking.results[0].relevance_score == Approx(0.2));
}

TEST_CASE("rerank batches are in flight at the same time", "[hosted_search]") {
    Shop shop;
    const Index index = Index::open(shop.bytes);
    native::ProductImages images(index, shop.dir.path, &shop.client);
    std::mutex mutex;
    std::condition_variable arrived;
    std::size_t in_flight = 0, most_in_flight = 0;
    shop.transport.handler = [&](const native::HttpRequest& r) {
        if (!r.url.ends_with("/rerank")) return shop.answer(r);
        std::unique_lock lock(mutex);
        most_in_flight = std::max(most_in_flight, ++in_flight);
        arrived.notify_all();
        // Each batch waits (2 s at most) until all three have arrived: sent one by one, none would.
        arrived.wait_for(lock, std::chrono::seconds(2), [&] { return most_in_flight == 3; });
        --in_flight;
        lock.unlock();
        return shop.answer(r);
    };
    HostedRequest request = all_in_order(3);
    request.max_images_per_request = 1;
    const HostedOutcome outcome = run(shop, index, images, request);
    CHECK(most_in_flight == 3);
    CHECK(positions(outcome) == std::vector<std::uint32_t>{4, 1, 3});
}

TEST_CASE("a product whose image cannot be used is reranked on its text and a warning says why", "[hosted_search]") {
    Shop shop;
    const Index index = Index::open(shop.bytes);
    native::ProductImages images(index, shop.dir.path, &shop.client);
    const HostedOutcome outcome = run(shop, index, images, all_in_order());
    const std::vector<std::string>& warnings = outcome.warnings;
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
    HostedRequest request = all_in_order(6);
    request.answer = AnswerOptions{.model = "vlm"};
    const HostedOutcome outcome = run(shop, index, images, request);
    CHECK(outcome.answer == "Take [2], not [1].");
    CHECK(images.prepared() == 3);  // a, c by URL, f; the missing file was tried once, nothing to prepare
    CHECK(shop.transport.count("/c.png") == 1);
    CHECK(outcome.warnings.size() == 2);  // once per product, not once per use
    for (const auto& r : shop.transport.requests)
        if (r.method == "GET")
            for (const auto& h : r.headers) CHECK(h.name != "Authorization");
}

TEST_CASE("a failing reranker gives the retrieval order, reranked false and the reason", "[hosted_search]") {
    Shop shop;
    const Index index = Index::open(shop.bytes);
    native::ProductImages images(index, shop.dir.path, &shop.client);

    shop.transport.handler = [&](const native::HttpRequest& r) {
        return r.method == "GET" ? shop.answer(r) : test::respond(503, "{\"error\":\"overloaded sk-test-key-123\"}");
    };
    HostedOutcome outcome = run(shop, index, images, all_in_order());
    CHECK_FALSE(outcome.ranking.reranked);
    CHECK(positions(outcome) == std::vector<std::uint32_t>{0, 1, 2});
    CHECK_THAT(outcome.ranking.rerank_error, Catch::Contains("HTTP 503"));
    CHECK_THAT(outcome.ranking.rerank_error, !Catch::Contains("sk-test-key-123"));

    shop.transport.handler = [&](const native::HttpRequest& r) { return shop.answer(r); };
    shop.rerank_bodies = {"{\"results\": [{\"index\": 99, \"relevance_score\": 1}]}"};
    outcome = run(shop, index, images, all_in_order());
    CHECK_FALSE(outcome.ranking.reranked);
    CHECK_THAT(outcome.ranking.rerank_error, Catch::Contains("out of range"));
    CHECK(outcome.ranking.results.size() == 3);
}

TEST_CASE("a rerank answer with fewer results than asked for falls back to retrieval order", "[hosted_search]") {
    Shop shop;
    const Index index = Index::open(shop.bytes);
    native::ProductImages images(index, shop.dir.path, &shop.client);
    for (const char* body : {R"({"results": []})", R"({"results": [{"index": 5, "relevance_score": 0.9}]})"}) {
        shop.rerank_bodies = {body};
        const HostedOutcome outcome = run(shop, index, images, all_in_order(3));
        CHECK_FALSE(outcome.ranking.reranked);
        CHECK_THAT(outcome.ranking.rerank_error, Catch::Contains("fewer than the 3 asked for"));
        CHECK(positions(outcome) == std::vector<std::uint32_t>{0, 1, 2});
    }
}

TEST_CASE("a reranker scoring every document despite top_n keeps the best top_n", "[hosted_search]") {
    Shop shop;
    const Index index = Index::open(shop.bytes);
    native::ProductImages images(index, shop.dir.path, &shop.client);
    json results = json::array();
    for (int i = 0; i < 6; ++i) results.push_back({{"index", i}, {"relevance_score", 0.1 * i}});
    shop.rerank_bodies = {json{{"results", results}}.dump()};
    const HostedOutcome outcome = run(shop, index, images, all_in_order(2));
    CHECK(outcome.ranking.reranked);
    CHECK(positions(outcome) == std::vector<std::uint32_t>{5, 4});
}

TEST_CASE("a photo query counts against the image limit", "[hosted_search]") {
    Shop shop;
    const Index index = Index::open(shop.bytes);
    native::ProductImages images(index, shop.dir.path, &shop.client);
    HostedRequest request;
    request.query_image_url = "data:image/jpeg;base64,/9j/";
    request.query_vector = axis(1.0f);
    request.top_k = 2;
    request.retrieve_k = 4;
    request.max_images_per_request = 2;
    request.rerank_model = "rr";
    const HostedOutcome outcome = run(shop, index, images, request);
    CHECK(outcome.ranking.reranked);
    std::size_t documents = 0;
    for (const auto& r : shop.transport.requests) {
        if (!r.url.ends_with("/rerank")) continue;
        CHECK(images_in(r.body) <= 2);
        documents += json::parse(r.body)["documents"].size();
    }
    CHECK(documents == 4);
}

TEST_CASE("an answer cites its sources by number and maps them to products", "[hosted_search]") {
    Shop shop;
    const Index index = Index::open(shop.bytes);
    native::ProductImages images(index, shop.dir.path, &shop.client);
    HostedRequest request;
    request.query = "which lamp?";
    request.query_vector = axis(-1.0f);  // the reverse order: 5, 3, 0 among these ids
    request.filters.ids = std::vector<std::string>{"lamp-0", "lamp-3", "lamp-5"};
    request.rerank = false;
    request.answer = AnswerOptions{.model = "vlm"};
    const HostedOutcome outcome = run(shop, index, images, request);
    CHECK(outcome.answer == "Take [2], not [1].");
    CHECK(positions(outcome) == std::vector<std::uint32_t>{5, 3, 0});
    CHECK(outcome.cited == std::vector<std::uint32_t>{3, 5});
    const json body = json::parse(shop.transport.requests.back().body);
    CHECK(body["messages"][1]["content"][0]["text"].get<std::string>().starts_with("[1] Brass lamp number 5"));
}
