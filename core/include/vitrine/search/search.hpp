// vitrine/search/search.hpp — exact top-k search over an opened index.
//
//   auto hits = vitrine::search(index, query, {.top_k = 5, .category = "lighting"});
//
// Score is the inner product of the L2-normalised query with each stored vector
// (cosine similarity). Filters apply before top-k; results are ordered by score,
// ties by lower record position, so they are the same on every run and platform.
// int8 indexes quantise the query to int8 and score exactly in integers:
// score = dot(q, v) * scale_q * scale_v. binary indexes compare signs:
// score = 1 - 2 * hamming(q, v) / dims. Indexes that keep f32 vectors for rescoring
// return exact f32 scores for the best first-pass candidates; binary indexes that keep
// int8 copies instead return dot(f32 query, int8 copy) * its scale for them.
// Many queries in one pass over the vectors: vitrine/search/batch_search.hpp.
//
// Documented behaviour at the edges:
//   - query length != index dims, a zero or non-finite query: ErrorKind::invalid_argument
//   - top_k == 0: ErrorKind::invalid_argument
//   - top_k larger than the matches: all matches are returned (fewer than top_k)
//   - min_price > max_price, rescore_factor == 0, threads outside 1..256: ErrorKind::invalid_argument
//   - ids naming no record: they match nothing (no error)
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "vitrine/index/reader.hpp"

namespace vitrine {

struct SearchOptions {
    std::size_t top_k = 10;
    std::optional<std::string> category = {};         // exact, case-sensitive match
    std::optional<double> min_price = {};             // inclusive
    std::optional<double> max_price = {};             // inclusive
    std::optional<std::vector<std::string>> ids = {}; // allow-list of record ids
    // Indexes built with rescore: the first pass keeps top_k x rescore_factor
    // candidates, then scores them exactly against the stored f32 vectors. Unset:
    // 4 for int8 and 16 for binary, which reach f32's recall@10 on clustered
    // 1024-dim data (binary with 4: 0.64; see vitrine_recall_bench).
    bool rescore = true;
    std::optional<std::size_t> rescore_factor = {};
    // Threads the scan is split across (contiguous ranges of the candidates, their best
    // hits merged exactly: the same results for any number). 1 by default; 0 is refused.
    // The WebAssembly build has no threads: there every range runs on the calling thread.
    std::size_t threads = 1;  // 1..max_search_threads
};

inline constexpr std::size_t max_search_threads = 256;

struct SearchHit {
    std::uint32_t position;  // record position in the index
    float score;
};

std::vector<SearchHit> search(const Index& index, std::span<const float> query, const SearchOptions& options = {});

// Name of the SIMD kernels in use ("sse2", "avx2", "sse4.1" under WASM...).
const char* search_kernel_name() noexcept;

// Which SIMD kernels search uses: the best this CPU has (the default, chosen once at start)
// or the portable baseline (SSE2 natively, SIMD128 in WASM), e.g. to compare or profile
// them. Every choice gives the same bits. Takes effect for searches started afterwards.
enum class KernelChoice { best, baseline };
void set_kernels(KernelChoice choice) noexcept;

}  // namespace vitrine
