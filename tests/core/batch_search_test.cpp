// Batched search: every query's answer is the one search() gives it alone, bit for bit.
#include <catch2/catch.hpp>
#include <cstring>

#include "require_error.hpp"
#include "test_catalogue.hpp"
#include "vitrine/search/batch_search.hpp"
#include "vitrine/search/search.hpp"

using namespace vitrine;

namespace {

test::BuiltIndex build(Storage storage, std::size_t count, std::uint32_t dims, bool rescore = false) {
    test::BuiltIndex built{test::numbered_products(count), test::random_vectors(count, dims, dims + count), {}};
    // Every fifth vector repeats the one before it: equal scores, decided by position.
    for (std::size_t i = 5; i < count; i += 5)
        std::memcpy(built.vectors.data() + i * dims, built.vectors.data() + (i - 1) * dims, dims * sizeof(float));
    IndexSpec spec = test::spec_for(storage, dims);
    spec.rescore = rescore;
    built.bytes = write_index(spec, built.products, built.vectors);
    return built;
}

void require_same(const std::vector<SearchHit>& batched, const std::vector<SearchHit>& alone) {
    REQUIRE(batched.size() == alone.size());
    for (std::size_t r = 0; r < alone.size(); ++r) {
        INFO("rank " << r);
        CHECK(batched[r].position == alone[r].position);
        CHECK(std::memcmp(&batched[r].score, &alone[r].score, sizeof(float)) == 0);
    }
}

// search_batch over `queries` equals search() on each, with options[q] (or options[0] for all).
void require_batch_matches_search(const Index& index, const std::vector<float>& queries,
                                  const std::vector<SearchOptions>& options) {
    const std::size_t dims = index.dims(), count = queries.size() / dims;
    const auto answers = search_batch(index, queries, options);
    REQUIRE(answers.size() == count);
    for (std::size_t q = 0; q < count; ++q) {
        INFO("query " << q);
        require_same(answers[q], search(index, {queries.data() + q * dims, dims}, options[options.size() == 1 ? 0 : q]));
    }
}

}  // namespace

TEST_CASE("a batch gives each query search()'s hits and bit-identical scores, for every storage", "[batch]") {
    for (const Storage storage : {Storage::f32, Storage::int8, Storage::binary}) {
        for (const std::uint32_t dims : {8u, 100u, 1031u}) {
            const auto built = build(storage, 301, dims);
            const Index index = Index::open(built.bytes);
            INFO(to_string(storage) << " x " << dims);
            // 11 queries: whole groups of the kernels and a remainder; some are stored vectors.
            auto queries = test::random_vectors(11, dims, 5);
            std::memcpy(queries.data(), built.vectors.data() + 4 * dims, dims * sizeof(float));
            require_batch_matches_search(index, queries, {{.top_k = 10}});
        }
    }
}

TEST_CASE("each query of a batch keeps its own filters and top_k", "[batch]") {
    for (const Storage storage : {Storage::f32, Storage::int8, Storage::binary}) {
        const auto built = build(storage, 400, 64);
        const Index index = Index::open(built.bytes);
        INFO(to_string(storage));
        const std::vector<SearchOptions> options = {
            {.top_k = 5},
            {.top_k = 3, .category = "lighting"},
            {.top_k = 7, .min_price = 100.0, .max_price = 150.0},
            {.top_k = 4, .ids = std::vector<std::string>{"p3", "p77", "p300", "p301", "no-such-id"}},
            {.top_k = 2, .category = "no-such-category"},
            {.top_k = 9, .category = "kitchen", .max_price = 200.0},
        };
        require_batch_matches_search(index, test::random_vectors(options.size(), 64, 9), options);
    }
}

TEST_CASE("a query whose top_k exceeds its matches gets all of them, alone or in a batch", "[batch]") {
    const auto built = build(Storage::int8, 40, 32);
    const Index index = Index::open(built.bytes);
    const std::vector<SearchOptions> options = {{.top_k = 1000}, {.top_k = 50, .category = "apparel"}};
    const auto queries = test::random_vectors(2, 32, 3);
    require_batch_matches_search(index, queries, options);
    const auto answers = search_batch(index, queries, options);
    CHECK(answers[0].size() == 40);
    CHECK(answers[1].size() == 10);
}

TEST_CASE("batched rescoring gives search()'s rescored answers, and its first pass when switched off", "[batch]") {
    for (const Storage storage : {Storage::int8, Storage::binary}) {
        const auto built = build(storage, 500, 100, true);
        const Index index = Index::open(built.bytes);
        INFO(to_string(storage));
        require_batch_matches_search(index, test::random_vectors(6, 100, 11),
                                     {{.top_k = 10},
                                      {.top_k = 10, .rescore = false},
                                      {.top_k = 3, .category = "furniture", .rescore_factor = 2},
                                      {.top_k = 40},
                                      {.top_k = 1, .rescore_factor = 1000},
                                      {.top_k = 10, .min_price = 50.0}});
    }
}

TEST_CASE("the same answers for any number of threads, alone and in a batch", "[batch][threads]") {
    for (const Storage storage : {Storage::f32, Storage::int8, Storage::binary}) {
        const auto built = build(storage, 257, 48, storage != Storage::f32);
        const Index index = Index::open(built.bytes);
        const auto queries = test::random_vectors(5, 48, 2);
        const auto one_thread = search_batch(index, queries, {.top_k = 12});
        for (std::size_t threads = 1; threads <= 4; ++threads) {
            INFO(to_string(storage) << ", " << threads << " threads");
            const auto answers = search_batch(index, queries, {.top_k = 12, .threads = threads});
            for (std::size_t q = 0; q < 5; ++q) {
                const std::span<const float> query(queries.data() + q * 48, 48);
                require_same(answers[q], one_thread[q]);
                require_same(search(index, query, {.top_k = 12, .threads = threads}), one_thread[q]);
                require_same(search(index, query, {.top_k = 6, .category = "kitchen", .threads = threads}),
                             search(index, query, {.top_k = 6, .category = "kitchen"}));
            }
        }
    }
}

TEST_CASE("more threads than candidates still finds every candidate", "[batch][threads]") {
    const auto built = build(Storage::f32, 3, 16);
    const Index index = Index::open(built.bytes);
    const auto query = test::random_vectors(1, 16, 1);
    CHECK(search(index, query, {.top_k = 10, .threads = 8}).size() == 3);
    CHECK(search_batch(index, query, {.top_k = 10, .threads = 8})[0].size() == 3);
}

TEST_CASE("a batch names the query search() would refuse, before scanning", "[batch]") {
    const auto built = build(Storage::f32, 20, 16);
    const Index index = Index::open(built.bytes);
    auto queries = test::random_vectors(3, 16, 4);
    std::fill_n(queries.begin() + 32, 16, 0.0f);
    test::require_error([&] { search_batch(index, queries); }, ErrorKind::invalid_argument,
                        {"search batch: query 2: query vector is zero or not finite"});
    const std::vector<float> short_query(15, 0.5f);
    const std::span<const float> rows[] = {{queries.data(), 16}, short_query};
    const SearchOptions shared;
    test::require_error([&] { search_batch(index, rows, {&shared, 1}); }, ErrorKind::invalid_argument,
                        {"query 1: query has 15 dims, the index has 16"});
    test::require_error([&] { search_batch(index, std::span<const float>(queries).first(40)); },
                        ErrorKind::invalid_argument, {"40 values, not a whole number of 16-dim rows"});
    const std::vector<SearchOptions> two(2);
    test::require_error([&] { search_batch(index, queries, two); }, ErrorKind::invalid_argument,
                        {"one set of options or one per query (3), got 2"});
    test::require_error([&] { search_batch(index, std::span<const float>(queries).first(16), {.top_k = 0}); },
                        ErrorKind::invalid_argument, {"query 0: top_k must be at least 1"});
    for (const std::size_t threads : {std::size_t{0}, max_search_threads + 1})
        test::require_error([&] { search(index, std::span<const float>(queries).first(16), {.threads = threads}); },
                            ErrorKind::invalid_argument, {"threads must be in 1..256"});
}

TEST_CASE("an empty batch has no answers", "[batch]") {
    const auto built = build(Storage::int8, 10, 16);
    CHECK(search_batch(Index::open(built.bytes), std::span<const float>()).empty());
}
