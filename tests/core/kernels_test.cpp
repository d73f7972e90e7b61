// The SIMD kernels: every instruction-set variant gives the same bits.
#include <catch2/catch.hpp>
#include <algorithm>
#include <random>

#include "search/kernels/kernels.hpp"
#include "vitrine/search/search.hpp"
#include "test_catalogue.hpp"

using namespace vitrine::kernels;

namespace {

float canonical_scalar_dot(const float* a, const float* b, std::size_t n) {
    float lanes[16] = {};
    for (std::size_t i = 0; i < n; ++i) {
        const float product = a[i] * b[i];
        lanes[i % 16] = lanes[i % 16] + product;
    }
    for (std::size_t w = 8; w >= 1; w /= 2)
        for (std::size_t j = 0; j < w; ++j) lanes[j] = lanes[j] + lanes[j + w];
    return lanes[0];
}

}  // namespace

TEST_CASE("the f32 kernel follows the canonical 16-lane order bit for bit", "[kernels]") {
    for (std::size_t n : {1u, 7u, 15u, 16u, 17u, 100u, 256u, 1000u, 1024u, 1031u}) {
        const auto a = vitrine::test::random_vectors(1, n, std::uint32_t(n));
        const auto b = vitrine::test::random_vectors(1, n, std::uint32_t(n + 1));
        const float expected = canonical_scalar_dot(a.data(), b.data(), n);
        INFO("n = " << n);
        CHECK(baseline_kernels().dot_f32(a.data(), b.data(), n) == expected);
        CHECK(active_kernels().dot_f32(a.data(), b.data(), n) == expected);
    }
}

TEST_CASE("the int8 kernel computes the exact integer dot product", "[kernels]") {
    std::mt19937 rng(3);
    std::uniform_int_distribution<int> value(-127, 127);
    for (std::size_t n : {1u, 15u, 16u, 31u, 32u, 33u, 100u, 1024u, 1037u}) {
        std::vector<std::int8_t> a(n), b(n);
        for (auto& x : a) x = static_cast<std::int8_t>(value(rng));
        for (auto& x : b) x = static_cast<std::int8_t>(value(rng));
        b[0] = -128;  // a hostile index may hold -128; the query side never does
        std::int32_t expected = 0;
        for (std::size_t i = 0; i < n; ++i) expected += std::int32_t{a[i]} * b[i];
        INFO("n = " << n);
        CHECK(baseline_kernels().dot_i8(a.data(), b.data(), n) == expected);
        CHECK(active_kernels().dot_i8(a.data(), b.data(), n) == expected);
    }
}

TEST_CASE("the int8 kernel is exact at the extremes of a stored vector", "[kernels]") {
    for (const std::int8_t query_value : {std::int8_t{127}, std::int8_t{-127}}) {
        const std::vector<std::int8_t> a(1024, query_value), b(1024, -128);
        const std::int32_t expected = 1024 * std::int32_t{query_value} * -128;
        INFO("query value " << int(query_value));
        CHECK(active_kernels().dot_i8(a.data(), b.data(), a.size()) == expected);
        CHECK(baseline_kernels().dot_i8(a.data(), b.data(), a.size()) == expected);
    }
}

TEST_CASE("the four-row int8 kernel gives each row's exact dot product", "[kernels]") {
    std::mt19937 rng(4);
    std::uniform_int_distribution<int> value(-128, 127);
    for (std::size_t n : {1u, 15u, 16u, 17u, 33u, 1024u, 1037u}) {
        std::vector<std::int8_t> a(n), rows(4 * n);
        for (auto& x : a) x = static_cast<std::int8_t>(std::max(-127, value(rng)));  // the query never holds -128
        for (auto& x : rows) x = static_cast<std::int8_t>(value(rng));
        rows[n - 1] = -128;
        const std::int8_t* const row_starts[4] = {&rows[0], &rows[n], &rows[2 * n], &rows[3 * n]};
        for (const KernelTable* table : {&baseline_kernels(), &active_kernels()}) {
            std::int32_t dots[4] = {};
            table->dot_i8_x4(a.data(), row_starts, n, dots);
            for (int r = 0; r < 4; ++r) {
                std::int32_t expected = 0;
                for (std::size_t i = 0; i < n; ++i) expected += std::int32_t{a[i]} * row_starts[r][i];
                INFO("n = " << n << ", kernels " << table->name << ", row " << r);
                CHECK(dots[r] == expected);
            }
        }
    }
}

TEST_CASE("the four-row int8 kernel stays exact at the extremes over long vectors", "[kernels]") {
    for (const std::int8_t query_value : {std::int8_t{127}, std::int8_t{-127}}) {
        const std::size_t n = 8200;  // several of the kernel's 1024-element partial sums
        const std::vector<std::int8_t> a(n, query_value), low(n, -128), high(n, 127);
        const std::int8_t* const rows[4] = {low.data(), high.data(), low.data(), high.data()};
        std::int32_t dots[4] = {};
        baseline_kernels().dot_i8_x4(a.data(), rows, n, dots);
        INFO("query value " << int(query_value));
        CHECK(dots[0] == std::int32_t(n) * query_value * -128);
        CHECK(dots[1] == std::int32_t(n) * query_value * 127);
        CHECK(dots[2] == dots[0]);
        CHECK(dots[3] == dots[1]);
    }
}

TEST_CASE("the hamming kernel counts differing bits", "[kernels]") {
    std::mt19937 rng(5);
    for (std::size_t bytes : {1u, 7u, 8u, 13u, 128u, 131u}) {
        std::vector<std::uint8_t> a(bytes), b(bytes);
        std::uint32_t expected = 0;
        for (std::size_t i = 0; i < bytes; ++i) {
            a[i] = static_cast<std::uint8_t>(rng());
            b[i] = static_cast<std::uint8_t>(rng());
            for (int bit = 0; bit < 8; ++bit) expected += ((a[i] ^ b[i]) >> bit) & 1u;
        }
        INFO("bytes = " << bytes);
        CHECK(baseline_kernels().hamming(a.data(), b.data(), bytes) == expected);
        CHECK(active_kernels().hamming(a.data(), b.data(), bytes) == expected);
    }
}

TEST_CASE("set_kernels switches search to the baseline kernels and back, with the same hits and scores",
          "[kernels]") {
    using namespace vitrine;
    for (Storage storage : {Storage::f32, Storage::int8, Storage::binary}) {
        const auto built = test::build_random_index(storage, 300, 200, 41);
        const Index index = Index::open(built.bytes);
        const auto query = test::random_vectors(1, 200, 42);
        const auto best = search(index, query, {.top_k = 12});
        set_kernels(KernelChoice::baseline);
        const std::string baseline_name = search_kernel_name();
        const auto baseline = search(index, query, {.top_k = 12});
        set_kernels(KernelChoice::best);
        CHECK(baseline_name == baseline_kernels().name);
        CHECK(std::string(search_kernel_name()) == active_kernels().name);
        REQUIRE(baseline.size() == best.size());
        for (std::size_t i = 0; i < best.size(); ++i) {
            CHECK(baseline[i].position == best[i].position);
            CHECK(baseline[i].score == best[i].score);
        }
    }
}

TEST_CASE("the batched kernels give each query the one-query kernels' bits", "[kernels]") {
    std::mt19937 rng(11);
    std::uniform_int_distribution<int> value(-127, 127), any_byte(-128, 127);
    for (const KernelTable* table : {&baseline_kernels(), &active_kernels()}) {
        for (std::size_t n : {1u, 15u, 16u, 33u, 100u, 1024u, 2049u}) {
            for (std::size_t count : {1u, 2u, 3u, 4u, 5u, 9u}) {
                INFO(table->name << ", n = " << n << ", " << count << " queries");
                const auto row = vitrine::test::random_vectors(1, n, std::uint32_t(n));
                const auto queries = vitrine::test::random_vectors(count, n, std::uint32_t(n + count));
                std::vector<std::int8_t> row8(n), queries8(count * n);
                for (auto& v : row8) v = static_cast<std::int8_t>(any_byte(rng));  // a stored row may hold -128
                for (auto& v : queries8) v = static_cast<std::int8_t>(value(rng));
                std::vector<const float*> f(count);
                std::vector<const std::int8_t*> i8(count);
                std::vector<const std::uint8_t*> bits(count);
                for (std::size_t q = 0; q < count; ++q) {
                    f[q] = queries.data() + q * n;
                    i8[q] = queries8.data() + q * n;
                    bits[q] = reinterpret_cast<const std::uint8_t*>(queries8.data() + q * n);
                }
                std::vector<float> dots(count);
                std::vector<std::int32_t> dots8(count);
                std::vector<std::uint32_t> distances(count);
                table->dot_f32_many(row.data(), f.data(), count, n, dots.data());
                table->dot_i8_many(row8.data(), i8.data(), count, n, dots8.data());
                const auto* row_bits = reinterpret_cast<const std::uint8_t*>(row8.data());
                table->hamming_many(row_bits, bits.data(), count, n, distances.data());
                for (std::size_t q = 0; q < count; ++q) {
                    CHECK(dots[q] == canonical_scalar_dot(f[q], row.data(), n));
                    std::int32_t exact = 0;
                    for (std::size_t j = 0; j < n; ++j) exact += std::int32_t{i8[q][j]} * std::int32_t{row8[j]};
                    CHECK(dots8[q] == exact);
                    CHECK(distances[q] == table->hamming(bits[q], row_bits, n));
                }
            }
        }
    }
}

TEST_CASE("the f32-by-int8 rescoring kernel follows the canonical 16-lane order bit for bit", "[kernels]") {
    std::mt19937 rng(12);
    std::uniform_int_distribution<int> any_byte(-128, 127);
    for (std::size_t n : {1u, 15u, 16u, 17u, 100u, 1024u, 1031u}) {
        const auto a = vitrine::test::random_vectors(1, n, std::uint32_t(n));
        std::vector<std::int8_t> b(n);
        std::vector<float> b_as_floats(n);
        for (std::size_t i = 0; i < n; ++i) b_as_floats[i] = b[i] = static_cast<std::int8_t>(any_byte(rng));
        const float expected = canonical_scalar_dot(a.data(), b_as_floats.data(), n);
        INFO("n = " << n);
        CHECK(baseline_kernels().dot_f32_i8(a.data(), b.data(), n) == expected);
        CHECK(active_kernels().dot_f32_i8(a.data(), b.data(), n) == expected);
    }
}
