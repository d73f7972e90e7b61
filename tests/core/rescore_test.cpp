// Compact storage with exact rescoring: binary (sign) vectors, and int8 or binary
// first passes rescored against f32 copies kept in the index.
#include <catch2/catch.hpp>
#include <set>

#include "test_catalogue.hpp"
#include "vitrine/base/error.hpp"
#include "vitrine/search/search.hpp"

using namespace vitrine;

namespace {

test::BuiltIndex build(Storage storage, bool rescore, std::size_t count, std::uint32_t dims, std::uint32_t seed) {
    test::BuiltIndex built{test::numbered_products(count), test::random_vectors(count, dims, seed), {}};
    IndexSpec spec = test::spec_for(storage, dims);
    spec.rescore = rescore;
    built.bytes = write_index(spec, built.products, built.vectors);
    return built;
}

double recall_at_10(const Index& exact, const Index& approximate, const std::vector<float>& queries, std::uint32_t dims) {
    std::size_t found = 0, total = 0;
    for (std::size_t q = 0; q * dims < queries.size(); ++q) {
        const std::span<const float> query(queries.data() + q * dims, dims);
        std::set<std::uint32_t> truth;
        for (const auto& h : search(exact, query, {.top_k = 10})) truth.insert(h.position);
        for (const auto& h : search(approximate, query, {.top_k = 10})) found += truth.count(h.position);
        total += 10;
    }
    return double(found) / double(total);
}

}  // namespace

TEST_CASE("a binary index scores by sign agreement: 1 - 2 * hamming / dims", "[rescore]") {
    auto built = build(Storage::binary, false, 50, 100, 1);
    const Index index = Index::open(built.bytes);
    CHECK(index.storage() == Storage::binary);
    const auto query = test::random_vectors(1, 100, 2);
    for (const auto& hit : search(index, query, {.top_k = 50})) {
        int agree = 0;
        for (int d = 0; d < 100; ++d)
            agree += (query[d] > 0) == (built.vectors[hit.position * 100 + d] > 0);
        CHECK(hit.score == float(2 * agree - 100) / 100.0f);
    }
}

TEST_CASE("rescored results carry the exact f32 scores of the f32 index", "[rescore]") {
    for (Storage storage : {Storage::int8, Storage::binary}) {
        auto compact = build(storage, true, 300, 64, 3);
        auto exact = build(Storage::f32, false, 300, 64, 3);
        const Index rescored = Index::open(compact.bytes);
        const Index reference = Index::open(exact.bytes);
        CHECK(rescored.spec().rescore);
        const auto query = test::random_vectors(1, 64, 4);
        const auto all = search(reference, query, {.top_k = 300});
        for (const auto& hit : search(rescored, query, {.top_k = 10})) {
            const auto same = std::find_if(all.begin(), all.end(), [&](const SearchHit& h) { return h.position == hit.position; });
            REQUIRE(same != all.end());
            CHECK(hit.score == same->score);
        }
    }
}

TEST_CASE("int8 with f32 rescoring reaches recall@10 of at least 0.98", "[rescore]") {
    constexpr std::uint32_t dims = 256;
    auto exact = build(Storage::f32, false, 5000, dims, 5);
    auto compact = build(Storage::int8, true, 5000, dims, 5);
    const Index reference = Index::open(exact.bytes);
    const Index rescored = Index::open(compact.bytes);
    const double recall = recall_at_10(reference, rescored, test::random_vectors(50, dims, 6), dims);
    INFO("recall@10 = " << recall);
    CHECK(recall >= 0.98);
}

TEST_CASE("switching rescoring off returns first-pass scores", "[rescore]") {
    auto compact = build(Storage::int8, true, 100, 32, 7);
    auto plain = build(Storage::int8, false, 100, 32, 7);
    const Index rescored = Index::open(compact.bytes);
    const Index first_pass = Index::open(plain.bytes);
    const auto query = test::random_vectors(1, 32, 8);
    const auto a = search(rescored, query, {.top_k = 5, .rescore = false});
    const auto b = search(first_pass, query, {.top_k = 5});
    REQUIRE(a.size() == b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        CHECK(a[i].position == b[i].position);
        CHECK(a[i].score == b[i].score);
    }
}

TEST_CASE("rescoring is refused for f32 storage and a zero rescore factor", "[rescore]") {
    IndexSpec spec = test::spec_for(Storage::f32, 8);
    spec.rescore = true;
    const auto products = test::numbered_products(2);
    const auto vectors = test::random_vectors(2, 8, 9);
    CHECK_THROWS_AS(write_index(spec, products, vectors), Error);
    auto built = build(Storage::int8, true, 10, 8, 10);
    const Index index = Index::open(built.bytes);
    CHECK_THROWS_AS(search(index, vectors, {.top_k = 1}), Error);  // 16 values for 8 dims
    CHECK_THROWS_AS(search(index, std::span<const float>(vectors).first(8), {.top_k = 1, .rescore_factor = 0}), Error);
}

TEST_CASE("top_k times the rescore factor past the index size rescores every record", "[rescore]") {
    auto built = build(Storage::binary, true, 12, 16, 11);
    const Index index = Index::open(built.bytes);
    const auto query = test::random_vectors(1, 16, 12);
    CHECK(search(index, query, {.top_k = 10, .rescore_factor = 1000}).size() == 10);
}

TEST_CASE("the default rescore factor is 4 for int8 and 16 for binary", "[rescore]") {
    const auto same = [](const std::vector<SearchHit>& a, const std::vector<SearchHit>& b) {
        if (a.size() != b.size()) return false;
        for (std::size_t i = 0; i < a.size(); ++i)
            if (a[i].position != b[i].position || a[i].score != b[i].score) return false;
        return true;
    };
    for (const auto& [storage, factor] : {std::pair{Storage::int8, std::size_t{4}}, {Storage::binary, std::size_t{16}}}) {
        auto built = build(storage, true, 2000, 32, 21);
        const Index index = Index::open(built.bytes);
        bool a_smaller_factor_differs = false;
        for (std::uint32_t seed = 0; seed < 40; ++seed) {
            const auto query = test::random_vectors(1, 32, 100 + seed);
            const auto by_default = search(index, query, {.top_k = 10});
            INFO(to_string(storage) << ", query " << seed);
            CHECK(same(by_default, search(index, query, {.top_k = 10, .rescore_factor = factor})));
            a_smaller_factor_differs |= !same(by_default, search(index, query, {.top_k = 10, .rescore_factor = factor / 4}));
        }
        CHECK(a_smaller_factor_differs);  // the factor matters on this data, so the check above means something
    }
}
