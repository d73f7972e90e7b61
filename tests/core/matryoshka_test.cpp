// Specification of Matryoshka truncation: prefix, re-normalised like the index writer.
#include <catch2/catch.hpp>
#include <cmath>
#include <limits>
#include <vector>

#include "test_catalogue.hpp"
#include "vitrine/base/error.hpp"
#include "vitrine/index/reader.hpp"
#include "vitrine/embed/matryoshka.hpp"

using namespace vitrine;

TEST_CASE("truncation keeps the leading dims and restores unit length", "[matryoshka]") {
    const std::vector<float> v = {3, 4, 12, 84};
    const auto t = matryoshka_truncate(v, 2);
    REQUIRE(t.size() == 2);
    CHECK(t[0] == Approx(0.6));
    CHECK(t[1] == Approx(0.8));
}

TEST_CASE("the full length just normalises", "[matryoshka]") {
    const auto t = matryoshka_truncate(std::vector<float>{0, 2}, 2);
    CHECK(t == std::vector<float>{0, 1});
}

TEST_CASE("a truncated vector has the same bits as the row the index writer stores", "[matryoshka]") {
    const auto full = test::random_vectors(1, 64, 7);
    const auto truncated = matryoshka_truncate(full, 16);
    const std::vector<float> prefix(full.begin(), full.begin() + 16);
    const auto bytes = write_index(test::spec_for(Storage::f32, 16), test::numbered_products(1), prefix);
    const Index index = Index::open(bytes);
    const auto* row = reinterpret_cast<const float*>(index.vector_row(0));
    for (std::size_t i = 0; i < 16; ++i) CHECK(row[i] == truncated[i]);
}

TEST_CASE("dims of 0 or beyond the vector are refused", "[matryoshka]") {
    const std::vector<float> v = {1, 2};
    CHECK_THROWS_WITH(matryoshka_truncate(v, 0), Catch::Contains("cannot take 0 dims"));
    CHECK_THROWS_WITH(matryoshka_truncate(v, 3), Catch::Contains("cannot take 3 dims from a vector of 2"));
}

TEST_CASE("an all-zero or non-finite prefix is refused", "[matryoshka]") {
    CHECK_THROWS_WITH(matryoshka_truncate(std::vector<float>{0, 0, 1}, 2), Catch::Contains("all zero or not finite"));
    CHECK_THROWS_AS(matryoshka_truncate(std::vector<float>{std::numeric_limits<float>::infinity(), 1}, 2), Error);
}
