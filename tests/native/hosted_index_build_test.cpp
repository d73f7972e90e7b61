// Specification of building an index through an embeddings endpoint: batches,
// order, Matryoshka truncation, the cache across rebuilds and interruptions.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "native_test_support.hpp"
#include "vitrine/base/error.hpp"
#include "vitrine/index/reader.hpp"
#include "vitrine/native/hosted_index_build.hpp"

using namespace vitrine;
using nlohmann::json;

namespace {

constexpr std::size_t model_dims = 8;

// Each text's vector is one-hot at (its length % model_dims), plus a little of
// everything, and the `data` entries come back reversed.
native::HttpResponse embeddings(const native::HttpRequest& request) {
    const json body = json::parse(request.body);
    json data = json::array();
    for (std::size_t i = body["input"].size(); i-- > 0;) {
        std::vector<float> v(model_dims, 0.01f);
        v[body["input"][i].get<std::string>().size() % model_dims] = 1.0f;
        data.push_back({{"index", i}, {"embedding", v}});
    }
    return test::respond(200, json{{"data", data}}.dump());
}

std::vector<Product> products(std::size_t count) {
    std::vector<Product> out(count);
    for (std::size_t i = 0; i < count; ++i) {
        out[i].id = "p" + std::to_string(i);
        out[i].title = std::string(i + 1, 'a');  // distinct lengths: distinct vectors
    }
    return out;
}

struct Build {
    test::TempDir dir;
    test::FakeTransport transport;
    test::FakeClock clock;
    native::EndpointClient client{{.base_url = "http://h/v1", .api_key = "k"}, transport, clock.clock()};
    Build() { transport.handler = embeddings; }

    std::vector<std::uint8_t> run(std::span<const Product> catalogue, std::uint32_t dims, std::size_t batch,
                                  native::HostedIndexReport& report) {
        native::EmbeddingCache cache(dir.path / "cache", "Qwen/Qwen3-Embedding-8B", dims);
        return native::build_hosted_index(catalogue, {.model = "Qwen/Qwen3-Embedding-8B", .dims = dims, .batch_size = batch},
                                          client, cache, report);
    }
};

}  // namespace

TEST_CASE("products are embedded in batches, in catalogue order, without instructions", "[hosted_build]") {
    Build b;
    native::HostedIndexReport report;
    const auto catalogue = products(7);
    const auto bytes = b.run(catalogue, 0, 3, report);
    CHECK(report.requests == 3);
    CHECK(report.embedded == 7);
    const json first = json::parse(b.transport.requests.at(0).body);
    CHECK(first["input"] == json{"a", "aa", "aaa"});
    CHECK_FALSE(first.contains("dimensions"));

    const Index index = Index::open(bytes);
    CHECK(index.spec().embedder == EmbedderKind::hosted);
    CHECK(index.dims() == model_dims);
    CHECK(index.spec().model_dims == model_dims);
    for (std::uint32_t i = 0; i < 7; ++i) {
        const auto* row = reinterpret_cast<const float*>(index.vector_row(i));
        CHECK(std::max_element(row, row + model_dims) - row == static_cast<long>((i + 1) % model_dims));
    }
}

TEST_CASE("fewer index dims than the model returns are cut and recorded (Matryoshka)", "[hosted_build]") {
    Build b;
    native::HostedIndexReport report;
    const Index index = Index::open(b.run(products(3), 4, 32, report));
    CHECK(index.dims() == 4);
    CHECK(index.spec().model_dims == model_dims);
}

TEST_CASE("a rebuild embeds only the products whose text changed", "[hosted_build]") {
    Build b;
    native::HostedIndexReport report;
    auto catalogue = products(5);
    b.run(catalogue, 0, 2, report);
    b.transport.requests.clear();
    b.run(catalogue, 0, 2, report);
    CHECK(report.from_cache == 5);
    CHECK(b.transport.requests.empty());

    catalogue[3].title = "a changed title";
    b.run(catalogue, 0, 2, report);
    CHECK(report.from_cache == 4);
    CHECK(report.embedded == 1);
    CHECK(json::parse(b.transport.requests.at(0).body)["input"] == json{"a changed title"});
}

TEST_CASE("products sharing a text are embedded once", "[hosted_build]") {
    Build b;
    auto catalogue = products(3);
    catalogue[2].title = catalogue[0].title;
    native::HostedIndexReport report;
    b.run(catalogue, 0, 32, report);
    CHECK(report.embedded == 2);
}

TEST_CASE("an interrupted build resumes from the batches already cached", "[hosted_build]") {
    Build b;
    int calls = 0;
    b.transport.handler = [&](const native::HttpRequest& r) {
        if (++calls == 3) return test::respond(400, "{\"error\":\"stop here\"}");
        return embeddings(r);
    };
    native::HostedIndexReport report;
    const auto catalogue = products(10);
    CHECK_THROWS_AS(b.run(catalogue, 0, 3, report), native::EndpointError);
    b.transport.handler = embeddings;
    b.transport.requests.clear();
    b.run(catalogue, 0, 3, report);
    CHECK(report.from_cache == 6);
    CHECK(report.embedded == 4);
    CHECK(report.requests == 2);
}

TEST_CASE("an invalid response names the batch it answered", "[hosted_build]") {
    Build b;
    int calls = 0;
    b.transport.handler = [&](const native::HttpRequest& r) {
        return ++calls == 2 ? test::respond(200, "{\"data\": []}") : embeddings(r);
    };
    native::HostedIndexReport report;
    CHECK_THROWS_WITH(b.run(products(4), 0, 2, report), Catch::Contains("embedding batch 2 of 2"));
}

TEST_CASE("vectors of another length than the cached ones are refused with the cache named", "[hosted_build]") {
    Build b;
    native::HostedIndexReport report;
    b.run(products(2), 0, 32, report);
    b.transport.handler = [](const native::HttpRequest&) {
        return test::respond(200, json{{"data", {{{"index", 0}, {"embedding", {1, 0, 0}}}}}}.dump());
    };
    auto catalogue = products(2);
    catalogue[0].title = "new";
    CHECK_THROWS_WITH(b.run(catalogue, 0, 32, report),
                      Catch::Contains("returned 3-dim vectors, but") && Catch::Contains("holds 8-dim ones"));
}
