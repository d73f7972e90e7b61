// Specification of the candidate rule for queries without text.
#include <catch2/catch.hpp>

#include "test_catalogue.hpp"
#include "vitrine/search/category_round_robin.hpp"
#include "vitrine/base/error.hpp"

using namespace vitrine;

namespace {

// Products sorted by category, as real catalogues often are: a a a b b c.
test::BuiltIndex grouped() {
    auto products = test::numbered_products(6);
    const char* categories[] = {"a", "a", "a", "b", "b", "c"};
    for (std::size_t i = 0; i < 6; ++i) products[i].category = categories[i];
    test::BuiltIndex built{products, test::random_vectors(6, 4, 1), {}};
    built.bytes = write_index(test::spec_for(Storage::f32, 4), built.products, built.vectors);
    return built;
}

}  // namespace

TEST_CASE("candidates take one product per category in turn, in first-appearance order", "[round_robin]") {
    const auto built = grouped();
    const Index index = Index::open(built.bytes);
    CHECK(round_robin_by_category(index, {.top_k = 4}) == std::vector<std::uint32_t>{0, 3, 5, 1});
    CHECK(round_robin_by_category(index, {.top_k = 10}) == std::vector<std::uint32_t>{0, 3, 5, 1, 4, 2});
}

TEST_CASE("filters apply before the rule, as in search", "[round_robin]") {
    const auto built = grouped();
    const Index index = Index::open(built.bytes);
    CHECK(round_robin_by_category(index, {.top_k = 3, .category = "a"}) == std::vector<std::uint32_t>{0, 1, 2});
    CHECK(round_robin_by_category(index, {.top_k = 9, .min_price = 11, .max_price = 13}) ==
          std::vector<std::uint32_t>{1, 3, 2});
    CHECK(round_robin_by_category(index, {.top_k = 9, .ids = std::vector<std::string>{"p5", "p2"}}) ==
          std::vector<std::uint32_t>{2, 5});
}

TEST_CASE("out-of-contract options are refused like search refuses them", "[round_robin]") {
    const auto built = grouped();
    const Index index = Index::open(built.bytes);
    CHECK_THROWS_AS(round_robin_by_category(index, {.top_k = 0}), Error);
    CHECK_THROWS_AS(round_robin_by_category(index, {.top_k = 1, .min_price = 5, .max_price = 1}), Error);
}
