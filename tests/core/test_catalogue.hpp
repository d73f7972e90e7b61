// test_catalogue.hpp — deterministic random catalogues and vectors for the tests.
#pragma once

#include <cmath>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "vitrine/index/format.hpp"
#include "vitrine/index/writer.hpp"

namespace vitrine::test {

inline std::vector<float> random_vectors(std::size_t count, std::size_t dims, std::uint32_t seed) {
    std::mt19937 rng(seed);
    std::normal_distribution<float> normal(0.0f, 1.0f);
    std::vector<float> v(count * dims);
    for (float& x : v) x = normal(rng);
    return v;
}

inline std::vector<Product> numbered_products(std::size_t count) {
    static const char* categories[] = {"furniture", "lighting", "apparel", "kitchen"};
    std::vector<Product> products(count);
    for (std::size_t i = 0; i < count; ++i) {
        products[i].id = "p" + std::to_string(i);
        products[i].title = "Product " + std::to_string(i);
        products[i].description = "Description of product " + std::to_string(i);
        products[i].image = "images/p" + std::to_string(i) + ".png";
        products[i].category = categories[i % 4];
        products[i].price = 10.0 + static_cast<double>(i);
        products[i].metadata_json = R"({"n":)" + std::to_string(i) + "}";
    }
    return products;
}

inline IndexSpec spec_for(Storage storage, std::uint32_t dims) {
    IndexSpec spec;
    spec.storage = storage;
    spec.dims = dims;
    spec.model = "test-model";
    spec.model_dims = dims;
    spec.embedder = EmbedderKind::hosted;
    return spec;
}

struct BuiltIndex {
    std::vector<Product> products;
    std::vector<float> vectors;
    std::vector<std::uint8_t> bytes;
};

inline BuiltIndex build_random_index(Storage storage, std::size_t count, std::uint32_t dims, std::uint32_t seed) {
    BuiltIndex built{numbered_products(count), random_vectors(count, dims, seed), {}};
    built.bytes = write_index(spec_for(storage, dims), built.products, built.vectors);
    return built;
}

// Scalar reference in double precision: what the SIMD search must agree with.
inline double reference_cosine(const float* a, const float* b, std::size_t dims) {
    double dot = 0, na = 0, nb = 0;
    for (std::size_t i = 0; i < dims; ++i) {
        dot += double(a[i]) * b[i];
        na += double(a[i]) * a[i];
        nb += double(b[i]) * b[i];
    }
    return dot / std::sqrt(na * nb);
}

}  // namespace vitrine::test
