// search_bench — exact top-10 search throughput on N x D random unit vectors
// (default 100,000 x 1024), f32 and int8, beside a memory-read baseline: one SIMD
// pass summing every word of the same vector bytes, in the same process; then batched
// search (vitrine::search_batch, 32 queries a batch, median of `batches` runs) and,
// natively, the scan split across 2 threads, single-query and batched. Built
// natively (build/bin/) and for WASM: `node --no-liftoff build-wasm/bin/vitrine_search_bench.js`
// (V8 never moved this loop, which runs 20 times inside main, out of its baseline
// compiler: 19 GB/s instead of 30; --no-liftoff measures both as optimised code).
// Usage: vitrine_search_bench [N] [D] [queries] [batches]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>
#include <string>
#include <vector>
#include <xsimd/xsimd.hpp>

#include "vitrine/index/reader.hpp"
#include "vitrine/index/writer.hpp"
#include "vitrine/search/batch_search.hpp"
#include "vitrine/search/search.hpp"

namespace {

using clock_type = std::chrono::steady_clock;

double seconds_since(clock_type::time_point start) {
    return std::chrono::duration<double>(clock_type::now() - start).count();
}

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

// Reads every byte once, as fast as this build can: full-width SIMD loads added into
// four independent accumulators (wrapping integer sums; only the reads matter).
std::uint64_t read_all(const std::uint8_t* bytes, std::size_t length) {
    using batch = xsimd::batch<std::uint32_t>;
    constexpr std::size_t step = 4 * batch::size;  // words
    batch s0(0u), s1(0u), s2(0u), s3(0u);
    const auto* word = reinterpret_cast<const std::uint32_t*>(bytes);
    const auto* const end = word + length / 4 / step * step;
    for (; word != end; word += step) {
        s0 = s0 + batch::load_unaligned(word);
        s1 = s1 + batch::load_unaligned(word + batch::size);
        s2 = s2 + batch::load_unaligned(word + 2 * batch::size);
        s3 = s3 + batch::load_unaligned(word + 3 * batch::size);
    }
    std::uint64_t sum = xsimd::hadd(s0 + s1 + s2 + s3);
    for (auto* byte = reinterpret_cast<const std::uint8_t*>(end); byte != bytes + length; ++byte) sum += *byte;
    return sum;
}

struct Row {
    std::string name;
    double queries_per_second;
    double gigabytes_per_second;
    double vectors_per_second;
};

}  // namespace

int main(int argc, char** argv) {
    const std::size_t count = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 100'000;
    const std::uint32_t dims = argc > 2 ? static_cast<std::uint32_t>(std::strtoul(argv[2], nullptr, 10)) : 1024;
    const int query_count = argc > 3 ? std::atoi(argv[3]) : 20;
    constexpr std::size_t batch_size = 32;
    const int batch_runs = argc > 4 ? std::atoi(argv[4]) : 3;

    std::mt19937 rng(1);
    std::normal_distribution<float> normal;
    std::vector<float> vectors(count * dims);
    for (float& v : vectors) v = normal(rng);
    std::vector<vitrine::Product> products(count);
    for (std::size_t i = 0; i < count; ++i) products[i].id = std::to_string(i);
    std::vector<float> queries(static_cast<std::size_t>(query_count) * dims);
    for (float& v : queries) v = normal(rng);

    std::printf("search bench: N = %zu, D = %u, %d queries, top-10, kernels %s\n", count, dims, query_count,
                vitrine::search_kernel_name());
    std::vector<Row> rows;
    for (const auto storage : {vitrine::Storage::f32, vitrine::Storage::int8}) {
        vitrine::IndexSpec spec;
        spec.storage = storage;
        spec.dims = dims;
        spec.model = "bench";
        spec.embedder = vitrine::EmbedderKind::hosted;
        const auto bytes = vitrine::write_index(spec, products, vectors);
        const auto open_start = clock_type::now();
        const auto index = vitrine::Index::open(bytes);
        std::printf("%s index: %.1f MB, opened (all checks and checksums) in %.1f ms\n", vitrine::to_string(storage),
                    bytes.size() / 1e6, seconds_since(open_start) * 1e3);
        const std::size_t scanned = count * dims * (storage == vitrine::Storage::f32 ? 4 : 1);

        std::vector<double> read_times, search_times;
        std::uint64_t sink = 0;
        for (int q = 0; q < query_count; ++q) {
            auto start = clock_type::now();
            sink += read_all(index.vector_row(0), scanned);
            read_times.push_back(seconds_since(start));
            start = clock_type::now();
            const auto hits = vitrine::search(index, {queries.data() + static_cast<std::size_t>(q) * dims, dims}, {.top_k = 10});
            search_times.push_back(seconds_since(start));
            sink += hits.front().position;
        }
        const double read = median(read_times), searched = median(search_times);
        const std::string label = std::string(vitrine::to_string(storage));
        rows.push_back({label + " search", 1 / searched, scanned / searched / 1e9, count / searched});
        rows.push_back({label + " memory read", 1 / read, scanned / read / 1e9, count / read});
        // The batches reuse the single-query vectors, round robin, batch_size at a time.
        const auto batch_rate = [&](std::size_t threads) {
            std::vector<double> times;
            for (int b = 0; b < batch_runs; ++b) {
                std::vector<float> batch(batch_size * dims);
                for (std::size_t q = 0; q < batch_size; ++q) {
                    const std::size_t from = (b * batch_size + q) % static_cast<std::size_t>(query_count);
                    std::copy_n(queries.begin() + static_cast<std::ptrdiff_t>(from * dims), dims,
                                batch.begin() + static_cast<std::ptrdiff_t>(q * dims));
                }
                const auto start = clock_type::now();
                const auto answers = vitrine::search_batch(index, batch, {.top_k = 10, .threads = threads});
                times.push_back(seconds_since(start));
                sink += answers.back().front().position;
            }
            return batch_size / median(times);
        };
        const auto add_rate = [&](const std::string& name, double queries_per_second) {
            rows.push_back({name, queries_per_second, scanned * queries_per_second / 1e9, count * queries_per_second});
        };
        add_rate(label + " batch of 32", batch_rate(1));
#if !defined(__EMSCRIPTEN__)
        std::vector<double> threaded;
        for (int q = 0; q < query_count; ++q) {
            const auto start = clock_type::now();
            sink += vitrine::search(index, {queries.data() + static_cast<std::size_t>(q) * dims, dims},
                                    {.top_k = 10, .threads = 2}).front().position;
            threaded.push_back(seconds_since(start));
        }
        add_rate(label + " search, 2 thr.", 1 / median(threaded));
        add_rate(label + " batch, 2 thr.", batch_rate(2));
#endif
        if (sink == 42) std::puts("");  // keeps the reads from being optimised away
    }
    std::printf("%-22s %10s %14s %10s\n", "", "queries/s", "vectors/s", "GB/s");
    for (const Row& r : rows)
        std::printf("%-22s %10.1f %14.3g %10.2f\n", r.name.c_str(), r.queries_per_second, r.vectors_per_second,
                    r.gigabytes_per_second);
    const auto rate = [&](const std::string& name) {
        for (const Row& r : rows)
            if (r.name == name) return r.queries_per_second;
        return 0.0;
    };
    for (const std::string storage : {"f32", "int8"}) {
        std::printf("%s: search at %.0f%% of memory-read speed; batch of 32 %.2fx single-query queries/s", storage.c_str(),
                    100 * rate(storage + " search") / rate(storage + " memory read"),
                    rate(storage + " batch of 32") / rate(storage + " search"));
#if !defined(__EMSCRIPTEN__)
        std::printf("; 2 threads %.2fx one (single query), %.2fx (batch)", rate(storage + " search, 2 thr.") / rate(storage + " search"),
                    rate(storage + " batch, 2 thr.") / rate(storage + " batch of 32"));
#endif
        std::puts("");
    }
    std::printf("int8 search %.2fx the f32 vectors/s\n", rate("int8 search") / rate("f32 search"));
}
