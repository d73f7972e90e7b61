// Web packs: an index split into a manifest, an int8 first pass and content-named chunks,
// searched lazily (vitrine/web/), with the full index's results and clear refusals.
#include <catch2/catch.hpp>
#include <map>
#include <set>

#include "require_error.hpp"
#include "test_catalogue.hpp"
#include "vitrine/image/product_photos.hpp"
#include "vitrine/search/search.hpp"
#include "vitrine/web/pack_writer.hpp"
#include "vitrine/web/web_index.hpp"

using namespace vitrine;

namespace {

constexpr std::uint32_t dims = 48;
constexpr std::size_t count = 203;  // not a multiple of the chunk size: a short last chunk

struct Packed {
    test::BuiltIndex built;
    Index index;
    WebPack pack;
    std::map<std::string, const WebPackFile*> chunks;
};

Packed packed(Storage storage, std::uint32_t seed) {
    test::BuiltIndex built = test::build_random_index(storage, count, dims, seed);
    Index index = Index::open(built.bytes);
    WebPack pack = write_web_pack(index, {.first_pass_dims = 12, .chunk_products = 5});
    Packed p{std::move(built), std::move(index), std::move(pack), {}};
    for (const WebPackFile& chunk : p.pack.chunks) p.chunks[chunk.name] = &chunk;
    return p;
}

// The manifest naming `bytes` (of the same length) in place of one file, as a pack holding them would.
std::string renamed(std::string manifest, const WebPackFile& file, const std::vector<std::uint8_t>& bytes) {
    REQUIRE(bytes.size() == file.bytes.size());
    manifest.replace(manifest.find(file.name), file.name.size(), photo_content_key(bytes) + ".bin");
    return manifest;
}

WebIndex open(const Packed& p) { return WebIndex::open(p.pack.manifest_json, p.pack.first_pass.bytes); }

std::vector<SearchHit> lazy_search(const Packed& p, WebIndex& web, std::span<const float> query,
                                   const WebSearchOptions& options) {
    const WebFirstPass first = web.first_pass(query, options);
    for (const std::string& name : first.chunks) web.add_chunk(name, p.chunks.at(name)->bytes);
    return web.rescore(query, first, options);
}

void require_same_as_search(Storage storage) {
    const Packed p = packed(storage, 7);
    WebIndex web = open(p);
    const std::vector<float> queries = test::random_vectors(5, dims, 99);
    for (std::size_t q = 0; q < 5; ++q) {
        const std::span<const float> query(queries.data() + q * dims, dims);
        const auto expected = search(p.index, query, {.top_k = 10});
        const auto got = lazy_search(p, web, query, {.top_k = 10, .candidates = count});
        REQUIRE(got.size() == expected.size());
        for (std::size_t i = 0; i < got.size(); ++i) {
            CHECK(got[i].position == expected[i].position);
            CHECK(got[i].score == expected[i].score);  // bit-identical, not approximately equal
            const RecordView a = web.record(got[i].position), b = p.index.record(expected[i].position);
            CHECK(a.id == b.id);
            CHECK(a.title == b.title);
            CHECK(a.category == b.category);
            CHECK(a.price == b.price);
            CHECK(a.image == b.image);
            CHECK(a.metadata_json == b.metadata_json);
        }
    }
}

}  // namespace

TEST_CASE("a web pack of an f32 index gives search()'s hits, bit-identical scores and order", "[web]") {
    require_same_as_search(Storage::f32);
}

TEST_CASE("a web pack of an int8 index gives search()'s hits, bit-identical scores and order", "[web]") {
    require_same_as_search(Storage::int8);
}

TEST_CASE("the first pass names only the chunks holding its candidates, each once", "[web]") {
    const Packed p = packed(Storage::int8, 3);
    const WebIndex web = open(p);
    const auto query = test::random_vectors(1, dims, 4);
    const WebFirstPass first = web.first_pass(query, {.top_k = 5, .candidates = 12});
    CHECK(first.candidates.size() == 12);
    CHECK(first.chunks.size() <= 12);
    std::set<std::string> needed;
    for (const std::uint32_t position : first.candidates) needed.insert(std::string(web.chunk_file(position)));
    CHECK(std::set<std::string>(first.chunks.begin(), first.chunks.end()) == needed);
    CHECK(needed.size() == first.chunks.size());
}

TEST_CASE("fewer candidates than the whole pack still return exact scores for the hits they find", "[web]") {
    const Packed p = packed(Storage::f32, 5);
    WebIndex web = open(p);
    const auto query = test::random_vectors(1, dims, 6);
    const auto all = search(p.index, query, {.top_k = count});
    std::map<std::uint32_t, float> exact;
    for (const SearchHit& h : all) exact[h.position] = h.score;
    const auto hits = lazy_search(p, web, query, {.top_k = 10, .candidates = 40});
    REQUIRE(hits.size() == 10);
    for (const SearchHit& h : hits) CHECK(h.score == exact.at(h.position));
    CHECK(web.chunk_bytes_held() < p.built.bytes.size());
}

TEST_CASE("a truncated chunk is refused naming it, and is not kept", "[web]") {
    const Packed p = packed(Storage::int8, 8);
    WebIndex web = open(p);
    const WebPackFile& chunk = p.pack.chunks[3];
    const std::span<const std::uint8_t> cut(chunk.bytes.data(), chunk.bytes.size() - 9);
    test::require_error([&] { web.add_chunk(chunk.name, cut); }, ErrorKind::corrupt_index, {chunk.name, "truncated"});
    CHECK_FALSE(web.has_chunk(chunk.name));
    CHECK(web.chunk_bytes_held() == 0);
    web.add_chunk(chunk.name, chunk.bytes);
    CHECK(web.has_chunk(chunk.name));
}

TEST_CASE("a chunk whose bytes do not hash to its name is refused naming it", "[web]") {
    const Packed p = packed(Storage::f32, 9);
    WebIndex web = open(p);
    const WebPackFile& chunk = p.pack.chunks[0];
    std::vector<std::uint8_t> flipped = chunk.bytes;
    flipped[flipped.size() / 2] ^= 0x40;
    test::require_error([&] { web.add_chunk(chunk.name, flipped); }, ErrorKind::corrupt_index, {chunk.name, "content hash"});
    CHECK_FALSE(web.has_chunk(chunk.name));
    const WebPackFile& other = p.pack.chunks[1];
    test::require_error([&] { web.add_chunk(chunk.name, other.bytes); }, ErrorKind::corrupt_index, {chunk.name});
}

TEST_CASE("rescoring before a candidate's chunk is added is refused naming the chunk", "[web]") {
    const Packed p = packed(Storage::int8, 10);
    const WebIndex web = open(p);
    const auto query = test::random_vectors(1, dims, 11);
    const WebFirstPass first = web.first_pass(query, {.top_k = 3, .candidates = 3});
    test::require_error([&] { web.rescore(query, first, {.top_k = 3}); }, ErrorKind::invalid_argument,
                        {first.chunks.front(), "not added"});
}

TEST_CASE("another pack's manifest, first pass or chunks are refused", "[web]") {
    const Packed mine = packed(Storage::int8, 12);
    const Packed theirs = packed(Storage::int8, 13);
    test::require_error([&] { WebIndex::open(mine.pack.manifest_json, theirs.pack.first_pass.bytes); },
                        ErrorKind::corrupt_index, {"first pass", mine.pack.first_pass.name, "another pack"});
    WebIndex web = open(mine);
    test::require_error([&] { web.add_chunk(theirs.pack.chunks[0].name, theirs.pack.chunks[0].bytes); },
                        ErrorKind::invalid_argument, {theirs.pack.chunks[0].name, "lists no chunk"});
}

TEST_CASE("a manifest that is not JSON, not a pack's, or from a newer version is refused", "[web]") {
    const Packed p = packed(Storage::f32, 14);
    const auto& first = p.pack.first_pass.bytes;
    test::require_error([&] { WebIndex::open("\x89PNG garbage", first); }, ErrorKind::corrupt_index, {"not a JSON object"});
    test::require_error([&] { WebIndex::open(R"({"format":"something-else"})", first); }, ErrorKind::corrupt_index,
                        {"format"});
    std::string newer = p.pack.manifest_json;
    newer.replace(newer.find("\"version\":1"), 11, "\"version\":2");
    test::require_error([&] { WebIndex::open(newer, first); }, ErrorKind::unsupported, {"version 2"});
    std::string short_table = p.pack.manifest_json;
    short_table.replace(short_table.find("\"chunk_products\":5"), 18, "\"chunk_products\":6");
    test::require_error([&] { WebIndex::open(short_table, first); }, ErrorKind::corrupt_index, {"chunks", "must list"});
    std::string bad_name = p.pack.manifest_json;
    bad_name.replace(bad_name.find(p.pack.chunks[2].name), 4, "../x");
    test::require_error([&] { WebIndex::open(bad_name, first); }, ErrorKind::corrupt_index, {"chunk 2", "content name"});
}

TEST_CASE("queries of the wrong length, zero queries and zero counts are refused", "[web]") {
    const Packed p = packed(Storage::f32, 15);
    const WebIndex web = open(p);
    const std::vector<float> wrong(dims + 1, 1.0f), zero(dims, 0.0f), good(dims, 1.0f);
    test::require_error([&] { web.first_pass(wrong); }, ErrorKind::invalid_argument, {"49 dims", "48"});
    test::require_error([&] { web.first_pass(zero); }, ErrorKind::invalid_argument, {"zero"});
    test::require_error([&] { web.first_pass(good, {.top_k = 0}); }, ErrorKind::invalid_argument, {"top_k"});
    test::require_error([&] { web.first_pass(good, {.top_k = 1, .candidates = 0}); }, ErrorKind::invalid_argument,
                        {"candidates"});
}

TEST_CASE("binary indexes and indexes with rescoring copies are not packed", "[web]") {
    const auto binary = test::build_random_index(Storage::binary, 20, dims, 16);
    test::require_error([&] { write_web_pack(Index::open(binary.bytes)); }, ErrorKind::unsupported, {"binary"});
    IndexSpec spec = test::spec_for(Storage::int8, dims);
    spec.rescore = true;
    const auto rescoring = write_index(spec, test::numbered_products(20), test::random_vectors(20, dims, 17));
    test::require_error([&] { write_web_pack(Index::open(rescoring)); }, ErrorKind::unsupported, {"rescor"});
}

TEST_CASE("chunks group similar products, so a query's candidates need few chunks", "[web]") {
    // Four tight clusters, interleaved by position (product i in cluster i % 4).
    constexpr std::size_t products = 1024;
    const auto centres = test::random_vectors(4, dims, 20);
    auto vectors = test::random_vectors(products, dims, 21);
    for (std::size_t i = 0; i < products; ++i)
        for (std::size_t d = 0; d < dims; ++d)
            vectors[i * dims + d] = centres[(i % 4) * dims + d] + 0.05f * vectors[i * dims + d];
    const auto bytes = write_index(test::spec_for(Storage::int8, dims), test::numbered_products(products), vectors);
    const Index index = Index::open(bytes);
    const WebPack pack = write_web_pack(index, {.first_pass_dims = 16, .chunk_products = 8});
    const WebIndex web = WebIndex::open(pack.manifest_json, pack.first_pass.bytes);
    const std::span<const float> centre(centres.data(), dims);
    const WebFirstPass first = web.first_pass(centre, {.top_k = 10, .candidates = products / 4});
    for (const std::uint32_t position : first.candidates) REQUIRE(position % 4 == 0);
    // Chunks of consecutive positions would need 128 (two of a cluster's products in each); 32 hold them all.
    CHECK(first.chunks.size() <= 40);
}

TEST_CASE("a first pass that gives two products one chunk slot is refused, even with a matching hash", "[web]") {
    const Packed p = packed(Storage::int8, 22);
    std::vector<std::uint8_t> bytes = p.pack.first_pass.bytes;
    std::copy_n(bytes.end() - 8, 4, bytes.end() - 4);  // the last product takes the one before's slot
    test::require_error([&] { WebIndex::open(renamed(p.pack.manifest_json, p.pack.first_pass, bytes), bytes); },
                        ErrorKind::corrupt_index, {"first pass", "slot"});
}

TEST_CASE("a chunk holding other products than the first pass puts there is refused, even with a matching hash", "[web]") {
    const Packed p = packed(Storage::f32, 23);
    const WebPackFile& chunk = p.pack.chunks[1];
    std::vector<std::uint8_t> bytes = chunk.bytes;
    std::swap_ranges(bytes.begin() + 24, bytes.begin() + 28, bytes.begin() + 28);  // its first two positions swapped
    WebIndex web = WebIndex::open(renamed(p.pack.manifest_json, chunk, bytes), p.pack.first_pass.bytes);
    const std::string name = photo_content_key(bytes) + ".bin";
    test::require_error([&] { web.add_chunk(name, bytes); }, ErrorKind::corrupt_index, {name, "where the first pass puts another"});
    CHECK_FALSE(web.has_chunk(name));
}

TEST_CASE("a single-file pack names every part as a byte range of one file, checked against the parts", "[web]") {
    const test::BuiltIndex built = test::build_random_index(Storage::int8, count, dims, 11);
    const Index index = Index::open(built.bytes);
    const WebPack pack = write_web_pack(index, {.first_pass_dims = 12, .chunk_products = 5, .single_file = true});
    REQUIRE(pack.single);
    const WebManifest manifest = parse_web_manifest(pack.manifest_json);
    REQUIRE(manifest.pack);
    CHECK(manifest.pack->file == pack.single->name);
    CHECK(manifest.pack->bytes == pack.single->bytes.size());
    // Every part's range of the single file holds exactly that part's bytes.
    const auto holds = [&](const WebPackFile& part) {
        const auto range = web_pack_range(manifest, part.name);
        REQUIRE(range);
        CHECK(range->file == pack.single->name);
        REQUIRE(range->offset + range->bytes <= pack.single->bytes.size());
        const auto first = pack.single->bytes.begin() + static_cast<std::ptrdiff_t>(range->offset);
        CHECK(std::vector<std::uint8_t>(first, first + static_cast<std::ptrdiff_t>(range->bytes)) == part.bytes);
    };
    holds(pack.first_pass);
    for (const WebPackFile& chunk : pack.chunks) holds(chunk);
    CHECK_FALSE(web_pack_range(manifest, "00000000000000000000000000000000.bin"));
    const WebPack files = write_web_pack(index, {.first_pass_dims = 12, .chunk_products = 5});
    CHECK_FALSE(web_pack_range(parse_web_manifest(files.manifest_json), pack.first_pass.name));

    // A pack whose length is not the sum of its parts is refused.
    std::string lying = pack.manifest_json;
    const std::string length = "\"pack\":{\"bytes\":" + std::to_string(pack.single->bytes.size());
    REQUIRE(lying.find(length) != std::string::npos);
    lying.replace(lying.find(length), length.size(), "\"pack\":{\"bytes\":" + std::to_string(pack.single->bytes.size() - 1));
    test::require_error([&] { parse_web_manifest(lying); }, ErrorKind::corrupt_index, {"\"pack\" is", "not the"});
}
