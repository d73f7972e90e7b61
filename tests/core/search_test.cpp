// Exact top-k search: agreement with a scalar reference, ordering, filters, edges.
#include <algorithm>
#include <catch2/catch.hpp>
#include <numeric>
#include <set>

#include "test_catalogue.hpp"
#include "vitrine/base/error.hpp"
#include "vitrine/search/search.hpp"

using namespace vitrine;

namespace {

// Reference top-k: double-precision cosine, ties by lower position.
std::vector<std::pair<std::uint32_t, double>> reference_top_k(const test::BuiltIndex& built, std::uint32_t dims,
                                                              const float* query, std::size_t k) {
    const std::size_t count = built.products.size();
    std::vector<std::pair<std::uint32_t, double>> scored;
    for (std::uint32_t i = 0; i < count; ++i)
        scored.emplace_back(i, test::reference_cosine(query, built.vectors.data() + std::size_t{i} * dims, dims));
    std::stable_sort(scored.begin(), scored.end(), [](auto& a, auto& b) { return a.second > b.second; });
    scored.resize(std::min(k, scored.size()));
    return scored;
}

ErrorKind search_error_kind(const Index& index, std::span<const float> query, const SearchOptions& options) {
    try {
        search(index, query, options);
    } catch (const Error& e) {
        return e.kind();
    }
    FAIL("search succeeded but should have been refused");
    return ErrorKind::corrupt_index;
}

}  // namespace

TEST_CASE("f32 search returns the reference top-k with scores within 1e-5", "[search]") {
    for (std::uint32_t dims : {8u, 100u, 256u, 1000u}) {
        auto built = test::build_random_index(Storage::f32, 500, dims, dims);
        const Index index = Index::open(built.bytes);
        const auto queries = test::random_vectors(20, dims, dims + 1);
        for (std::size_t q = 0; q < 20; ++q) {
            const float* query = queries.data() + q * dims;
            const auto expected = reference_top_k(built, dims, query, 10);
            const auto hits = search(index, {query, dims}, {.top_k = 10});
            INFO("dims " << dims << " query " << q);
            REQUIRE(hits.size() == expected.size());
            for (std::size_t r = 0; r < hits.size(); ++r) {
                CHECK(hits[r].position == expected[r].first);
                CHECK(std::abs(hits[r].score - expected[r].second) < 1e-5);
            }
        }
    }
}

TEST_CASE("int8 recall@10 against f32 exact is at least 0.95 on random 256-d data", "[search]") {
    constexpr std::uint32_t dims = 256;
    auto f32 = test::build_random_index(Storage::f32, 5000, dims, 42);
    auto int8 = test::build_random_index(Storage::int8, 5000, dims, 42);
    const Index exact = Index::open(f32.bytes);
    const Index quantised = Index::open(int8.bytes);
    const auto queries = test::random_vectors(100, dims, 43);
    std::size_t found = 0;
    for (std::size_t q = 0; q < 100; ++q) {
        const std::span<const float> query(queries.data() + q * dims, dims);
        std::set<std::uint32_t> truth;
        for (const auto& h : search(exact, query, {.top_k = 10})) truth.insert(h.position);
        for (const auto& h : search(quantised, query, {.top_k = 10})) found += truth.count(h.position);
    }
    const double recall = double(found) / 1000.0;
    INFO("recall@10 = " << recall);
    CHECK(recall >= 0.95);
}

TEST_CASE("int8 scores approximate the cosine", "[search]") {
    auto built = test::build_random_index(Storage::int8, 200, 64, 7);
    const Index index = Index::open(built.bytes);
    const auto query = test::random_vectors(1, 64, 8);
    for (const auto& hit : search(index, query, {.top_k = 200}))
        CHECK(hit.score == Approx(test::reference_cosine(query.data(), built.vectors.data() + hit.position * 64, 64))
                               .margin(0.02));
}

TEST_CASE("equal scores are ordered by lower record position", "[search]") {
    auto products = test::numbered_products(6);
    std::vector<float> vectors;
    for (int i = 0; i < 6; ++i) vectors.insert(vectors.end(), {1.0f, float(i % 2), 0.0f, 0.0f});
    for (Storage storage : {Storage::f32, Storage::int8}) {
        const auto bytes = write_index(test::spec_for(storage, 4), products, vectors);
        const Index index = Index::open(bytes);
        const std::vector<float> query{1.0f, 0.0f, 0.0f, 0.0f};
        const auto hits = search(index, query, {.top_k = 6});
        std::vector<std::uint32_t> order;
        for (const auto& h : hits) order.push_back(h.position);
        CHECK(order == std::vector<std::uint32_t>{0, 2, 4, 1, 3, 5});
    }
}

TEST_CASE("filters apply before top-k", "[search]") {
    auto built = test::build_random_index(Storage::f32, 400, 16, 9);
    const Index index = Index::open(built.bytes);
    const auto query = test::random_vectors(1, 16, 10);

    SECTION("category") {
        const auto hits = search(index, query, {.top_k = 10, .category = "lighting"});
        REQUIRE(hits.size() == 10);
        for (const auto& h : hits) CHECK(index.record(h.position).category == "lighting");
    }
    SECTION("price range, inclusive") {
        const auto hits = search(index, query, {.top_k = 500, .min_price = 20.0, .max_price = 29.0});
        CHECK(hits.size() == 10);
        for (const auto& h : hits) CHECK((index.record(h.position).price >= 20.0 && index.record(h.position).price <= 29.0));
    }
    SECTION("id allow-list, unknown ids ignored") {
        const auto hits = search(index, query, {.top_k = 10, .ids = std::vector<std::string>{"p3", "p300", "nope"}});
        std::set<std::string_view> ids;
        for (const auto& h : hits) ids.insert(index.record(h.position).id);
        CHECK(ids == std::set<std::string_view>{"p3", "p300"});
    }
    SECTION("filtered results are the best among the matches") {
        const auto all = search(index, query, {.top_k = 400});
        std::vector<std::uint32_t> expected;
        for (const auto& h : all)
            if (index.record(h.position).category == "kitchen" && expected.size() < 5) expected.push_back(h.position);
        std::vector<std::uint32_t> got;
        for (const auto& h : search(index, query, {.top_k = 5, .category = "kitchen"})) got.push_back(h.position);
        CHECK(got == expected);
    }
    SECTION("a filter nothing matches gives no results") {
        CHECK(search(index, query, {.top_k = 10, .category = "garden"}).empty());
    }
}

TEST_CASE("top_k larger than the index returns every record", "[search]") {
    auto built = test::build_random_index(Storage::int8, 7, 8, 11);
    const Index index = Index::open(built.bytes);
    const auto query = test::random_vectors(1, 8, 12);
    CHECK(search(index, query, {.top_k = 1000}).size() == 7);
}

TEST_CASE("an empty index returns no results", "[search]") {
    auto built = test::build_random_index(Storage::f32, 0, 8, 13);
    const Index index = Index::open(built.bytes);
    const auto query = test::random_vectors(1, 8, 14);
    CHECK(search(index, query, {.top_k = 3}).empty());
}

TEST_CASE("search refuses bad queries and options with invalid_argument", "[search]") {
    auto built = test::build_random_index(Storage::f32, 10, 8, 15);
    const Index index = Index::open(built.bytes);
    auto query = test::random_vectors(1, 8, 16);
    CHECK(search_error_kind(index, std::span<const float>(query).first(7), {}) == ErrorKind::invalid_argument);
    CHECK(search_error_kind(index, query, {.top_k = 0}) == ErrorKind::invalid_argument);
    CHECK(search_error_kind(index, query, {.min_price = 5.0, .max_price = 1.0}) == ErrorKind::invalid_argument);
    CHECK(search_error_kind(index, std::vector<float>(8, 0.0f), {}) == ErrorKind::invalid_argument);
    query[2] = std::nanf("");
    CHECK(search_error_kind(index, query, {}) == ErrorKind::invalid_argument);
}

TEST_CASE("the query is normalised: scaling it does not change results", "[search]") {
    auto built = test::build_random_index(Storage::f32, 100, 32, 17);
    const Index index = Index::open(built.bytes);
    auto query = test::random_vectors(1, 32, 18);
    const auto a = search(index, query, {.top_k = 5});
    for (float& x : query) x *= 8.0f;  // a power of two: normalising gives the same bits
    const auto b = search(index, query, {.top_k = 5});
    for (std::size_t i = 0; i < 5; ++i) {
        CHECK(a[i].position == b[i].position);
        CHECK(a[i].score == b[i].score);
    }
}
