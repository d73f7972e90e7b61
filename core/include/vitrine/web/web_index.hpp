// vitrine/web/web_index.hpp — searches a web pack, fetching only what the best candidates need.
//
//   vitrine::WebIndex web = vitrine::WebIndex::open(manifest_json, first_pass_bytes);
//   vitrine::WebFirstPass fp = web.first_pass(query, {.top_k = 10});
//   for (const std::string& name : fp.chunks) if (!web.has_chunk(name)) web.add_chunk(name, fetch(name));
//   std::vector<vitrine::SearchHit> hits = web.rescore(query, fp, {.top_k = 10});
//   web.record(hits[0].position).title;
//
// Sans-I/O: the caller fetches; this says what to fetch and checks what came back.
// first_pass scores every product by its int8 Matryoshka prefix (query prefix
// re-normalised and quantised the same way) and keeps the best `candidates`, naming the
// chunks that hold them (in order of their best candidate). rescore scores those
// candidates against their full rows exactly as vitrine::search scores the whole index
// (same normalisation, quantisation and kernels), so scores are bit-identical and order is
// by score, ties by lower position. The result equals search() on the full index whenever
// search()'s top_k are among the first pass's best `candidates`: default_web_candidates is
// the smallest of 50, 100, 200, 300, 500 with recall@10 = 1.0 (200 of 200 answers identical) on
// the clustered 100k x 1024 benchmark with 64 first-pass dims (300: 0.9965; bench/lazy/, README).
//
// Refuses, with a vitrine::Error naming the file: a manifest that parse_web_manifest
// refuses; a first pass whose length, content hash or contents are not the manifest's
// (corrupt_index); add_chunk with a name the manifest does not list (invalid_argument), or
// bytes whose length or content hash differ from the manifest's (truncated, corrupted, another
// pack's: corrupt_index) — a refused chunk is not kept, so nothing is half-applied. rescore
// and record need every chunk they read added first (invalid_argument naming the chunk).
// Queries: wrong length, zero or non-finite, a zero first-pass prefix, top_k or candidates
// of 0 — invalid_argument. Filters are not supported (the pack has no filter columns).
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "vitrine/search/search.hpp"
#include "vitrine/web/manifest.hpp"

namespace vitrine {
namespace web {
struct FirstPassRows;
}

inline constexpr std::size_t default_web_candidates = 500;

struct WebSearchOptions {
    std::size_t top_k = 10;
    std::size_t candidates = default_web_candidates;  // first-pass hits rescored; at least top_k is used
};

struct WebFirstPass {
    std::vector<std::uint32_t> candidates;  // positions, best first-pass score first
    std::vector<std::string> chunks;        // the chunk files holding them, each once
};

class WebIndex {
public:
    static WebIndex open(std::string_view manifest_json, std::span<const std::uint8_t> first_pass_bytes);
    WebIndex(WebIndex&&) noexcept;
    WebIndex& operator=(WebIndex&&) noexcept;
    ~WebIndex();

    const WebManifest& manifest() const noexcept { return manifest_; }
    std::uint32_t count() const noexcept { return manifest_.count; }
    std::uint32_t dims() const noexcept { return manifest_.dims; }

    WebFirstPass first_pass(std::span<const float> query, const WebSearchOptions& options = {}) const;

    // Checks (length, XXH3-128 against the name, layout) and keeps a chunk's bytes (copied);
    // a chunk already held is not checked or copied again.
    void add_chunk(std::string_view file, std::span<const std::uint8_t> bytes);
    bool has_chunk(std::string_view file) const;
    std::size_t chunk_bytes_held() const noexcept { return chunk_bytes_held_; }

    std::vector<SearchHit> rescore(std::span<const float> query, const WebFirstPass& first,
                                   const WebSearchOptions& options = {}) const;
    RecordView record(std::uint32_t position) const;
    // The chunk file holding a product (position < count()).
    std::string_view chunk_file(std::uint32_t position) const;

private:
    struct Chunk;
    struct Held;  // a product's chunk and its place there
    WebIndex() = default;
    Held held(std::uint32_t position) const;  // refuses a position whose chunk is not added
    web::FirstPassRows first() const;
    WebManifest manifest_;
    std::vector<std::uint8_t> first_pass_bytes_;
    // Into first_pass_bytes_ (web/pack_files.hpp): rows, scales, slots.
    const std::int8_t* first_rows_ = nullptr;
    const std::uint8_t* first_scales_ = nullptr;
    const std::uint8_t* first_slots_ = nullptr;
    std::unordered_map<std::string, std::uint32_t> chunk_numbers_;  // file name -> chunk
    std::vector<std::unique_ptr<Chunk>> chunks_;                    // by chunk; null until added
    std::size_t chunk_bytes_held_ = 0;
};

}  // namespace vitrine
