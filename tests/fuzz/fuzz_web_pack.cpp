// fuzz_web_pack.cpp — fuzz target: write_web_pack, WebIndex::open, add_chunk and rescore.
//
// The input is an index file. One that opens, in f32 or int8 with products, is packed (4
// first-pass dims or fewer, 2 products a chunk) and searched with every product a candidate:
// the pack must give search()'s hits and bit-identical scores. Then the first pass and one
// chunk (chosen by a hash of the input) are mutated at a byte chosen the same way, the manifest
// renamed to their new content names, so the mutation passes the hash check and reaches the
// layout checks behind it: a refusal must be a vitrine::Error that keeps nothing, and what is
// accepted must search without an error.
#include <cstring>
#include <optional>
#include <string>
#include <vector>

#include "harness.hpp"
#include "vitrine/base/error.hpp"
#include "vitrine/image/product_photos.hpp"
#include "vitrine/index/reader.hpp"
#include "vitrine/search/search.hpp"
#include "vitrine/web/pack_writer.hpp"
#include "vitrine/web/web_index.hpp"

namespace {

using namespace vitrine;

std::string renamed(std::string manifest, const WebPackFile& file, const std::vector<std::uint8_t>& bytes) {
    manifest.replace(manifest.find(file.name), file.name.size(), photo_content_key(bytes) + ".bin");
    return manifest;
}

void round_trip(const Index& index, std::size_t seed) {
    const WebPack pack = write_web_pack(index, {.first_pass_dims = std::min<std::uint32_t>(4, index.dims()), .chunk_products = 2});
    WebIndex web = WebIndex::open(pack.manifest_json, pack.first_pass.bytes);
    const std::vector<float> query(index.dims(), 1.0f);
    const WebSearchOptions options{.top_k = 3, .candidates = index.count()};
    const WebFirstPass first = web.first_pass(query, options);
    for (const std::string& name : first.chunks)
        for (const WebPackFile& chunk : pack.chunks)
            if (chunk.name == name) web.add_chunk(name, chunk.bytes);
    const auto lazy = web.rescore(query, first, options);
    const auto full = search(index, query, {.top_k = 3});
    FUZZ_REQUIRE(lazy.size() == full.size());
    for (std::size_t i = 0; i < lazy.size(); ++i)
        FUZZ_REQUIRE(lazy[i].position == full[i].position && std::memcmp(&lazy[i].score, &full[i].score, sizeof(float)) == 0);

    std::vector<std::uint8_t> first_pass = pack.first_pass.bytes;
    first_pass[seed % first_pass.size()] ^= static_cast<std::uint8_t>(1 + seed % 255);
    try {
        const WebIndex mutated = WebIndex::open(renamed(pack.manifest_json, pack.first_pass, first_pass), first_pass);
        (void)mutated.first_pass(query, options);
    } catch (const Error&) {
    }

    const WebPackFile& chunk = pack.chunks[seed % pack.chunks.size()];
    std::vector<std::uint8_t> bytes = chunk.bytes;
    bytes[(seed / 7) % bytes.size()] ^= static_cast<std::uint8_t>(1 + seed % 255);
    const std::string name = photo_content_key(bytes) + ".bin";
    WebIndex mutated = WebIndex::open(renamed(pack.manifest_json, chunk, bytes), pack.first_pass.bytes);
    try {
        mutated.add_chunk(name, bytes);
    } catch (const Error&) {
        FUZZ_REQUIRE(!mutated.has_chunk(name) && mutated.chunk_bytes_held() == 0);
        return;
    }
    const WebFirstPass all = mutated.first_pass(query, options);
    for (const std::string& needed : all.chunks)
        for (const WebPackFile& other : pack.chunks)
            if (other.name == needed) mutated.add_chunk(needed, other.bytes);
    for (const SearchHit& hit : mutated.rescore(query, all, options)) (void)mutated.record(hit.position);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::vector<std::uint8_t> bytes(data, data + size);
    std::optional<Index> index;
    try {
        index.emplace(Index::open(bytes));
    } catch (const Error&) {
        return 0;
    }
    if (index->count() == 0 || index->spec().rescore ||
        (index->storage() != Storage::f32 && index->storage() != Storage::int8))
        return 0;
    std::size_t seed = 14695981039346656037u;  // FNV-1a of the input: where the mutations fall
    for (const std::uint8_t byte : bytes) seed = (seed ^ byte) * 1099511628211u;
    round_trip(*index, seed);
    return 0;
}
