// recall_bench — index bytes per product and recall@10 for every storage type,
// with and without rescoring (by f32 copies; binary also by int8 copies), at Matryoshka truncations of a 1024-d embedding
// (first 256 / 512 / 1024 dims, re-normalised), against f32 exact search at 1024 dims.
//
// The data is clustered and "real-shaped", not uniform: 200 cluster centres, points
// scattered around them, and per-dimension energy that decays with the dimension
// (as in Matryoshka-trained models, whose leading dims carry the most signal).
// Usage: vitrine_recall_bench [N=20000] [queries=200]
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <set>
#include <vector>

#include "vitrine/index/reader.hpp"
#include "vitrine/index/writer.hpp"
#include "vitrine/search/search.hpp"

namespace {

constexpr std::uint32_t full_dims = 1024;

std::vector<float> clustered(std::size_t count, std::mt19937& rng, const std::vector<float>& centres) {
    const std::size_t clusters = centres.size() / full_dims;
    std::normal_distribution<float> noise(0.0f, 0.6f);
    std::uniform_int_distribution<std::size_t> pick(0, clusters - 1);
    std::vector<float> out(count * full_dims);
    for (std::size_t i = 0; i < count; ++i) {
        const float* centre = centres.data() + pick(rng) * full_dims;
        for (std::uint32_t d = 0; d < full_dims; ++d)
            out[i * full_dims + d] = (centre[d] + noise(rng)) / std::sqrt(1.0f + d / 64.0f);
    }
    return out;
}

std::vector<float> truncated(const std::vector<float>& vectors, std::uint32_t dims) {
    const std::size_t count = vectors.size() / full_dims;
    std::vector<float> out(count * dims);
    for (std::size_t i = 0; i < count; ++i)
        std::copy_n(vectors.begin() + static_cast<std::ptrdiff_t>(i * full_dims), dims, out.begin() + static_cast<std::ptrdiff_t>(i * dims));
    return out;  // the index writer re-normalises each row
}

std::vector<std::set<std::uint32_t>> top10(const vitrine::Index& index, const std::vector<float>& queries) {
    std::vector<std::set<std::uint32_t>> out;
    for (std::size_t q = 0; q * index.dims() < queries.size(); ++q) {
        std::set<std::uint32_t> ids;
        for (const auto& hit : vitrine::search(index, {queries.data() + q * index.dims(), index.dims()}, {.top_k = 10}))
            ids.insert(hit.position);
        out.push_back(std::move(ids));
    }
    return out;
}

}  // namespace

int main(int argc, char** argv) {
    const std::size_t count = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 20'000;
    const std::size_t query_count = argc > 2 ? std::strtoul(argv[2], nullptr, 10) : 200;
    std::mt19937 rng(7);
    std::normal_distribution<float> normal;
    std::vector<float> centres(200 * full_dims);
    for (float& c : centres) c = normal(rng);
    const auto vectors = clustered(count, rng, centres);
    const auto queries = clustered(query_count, rng, centres);
    std::vector<vitrine::Product> products(count);
    for (std::size_t i = 0; i < count; ++i) products[i].id = std::to_string(i);

    const auto build = [&](vitrine::Storage storage, std::uint32_t dims, bool rescore,
                           vitrine::Storage rescore_with = vitrine::Storage::f32) {
        vitrine::IndexSpec spec;
        spec.storage = storage;
        spec.dims = dims;
        spec.model = "bench";
        spec.model_dims = full_dims;
        spec.embedder = vitrine::EmbedderKind::hosted;
        spec.rescore = rescore;
        spec.rescore_with = rescore_with;
        return vitrine::write_index(spec, products, truncated(vectors, dims));
    };
    const auto truth_bytes = build(vitrine::Storage::f32, full_dims, false);
    const auto truth = top10(vitrine::Index::open(truth_bytes), queries);

    std::printf("recall@10 against f32 exact at %u dims; N = %zu, %zu queries, clustered data\n", full_dims, count,
                query_count);
    std::printf("%-22s %6s %16s %11s\n", "storage", "dims", "bytes/product", "recall@10");
    struct Variant {
        vitrine::Storage storage;
        bool rescore;
        const char* name;
        vitrine::Storage rescore_with = vitrine::Storage::f32;
    };
    for (const Variant v : {Variant{vitrine::Storage::f32, false, "f32"}, Variant{vitrine::Storage::int8, false, "int8"},
                            Variant{vitrine::Storage::int8, true, "int8 + rescore"},
                            Variant{vitrine::Storage::binary, false, "binary"},
                            Variant{vitrine::Storage::binary, true, "binary + rescore"},
                            Variant{vitrine::Storage::binary, true, "binary + int8 rescore", vitrine::Storage::int8}}) {
        for (const std::uint32_t dims : {256u, 512u, 1024u}) {
            const auto bytes = build(v.storage, dims, v.rescore, v.rescore_with);
            const auto index = vitrine::Index::open(bytes);
            std::vector<float> cut = truncated(queries, dims);
            const auto found = top10(index, cut);
            std::size_t hits = 0;
            for (std::size_t q = 0; q < truth.size(); ++q)
                for (const auto id : found[q]) hits += truth[q].count(id);
            std::printf("%-22s %6u %16.0f %11.3f\n", v.name, dims, double(bytes.size()) / double(count),
                        double(hits) / double(10 * truth.size()));
        }
    }
}
