// Binary first passes rescored by int8 copies (IndexSpec::rescore_with = int8): what is
// written, what search scores, and what a reader refuses.
#include <catch2/catch.hpp>
#include <cstring>
#include <set>

#include "base/byte_io.hpp"
#include "index_editing.hpp"
#include "require_error.hpp"
#include "test_catalogue.hpp"
#include "vitrine/search/batch_search.hpp"
#include "vitrine/search/search.hpp"

using namespace vitrine;

namespace {

IndexSpec int8_rescored(std::uint32_t dims) {
    IndexSpec spec = test::spec_for(Storage::binary, dims);
    spec.rescore = true;
    spec.rescore_with = Storage::int8;
    return spec;
}

test::BuiltIndex build(std::size_t count, std::uint32_t dims, std::uint32_t seed, const IndexSpec& spec) {
    test::BuiltIndex built{test::numbered_products(count), test::random_vectors(count, dims, seed), {}};
    built.bytes = write_index(spec, built.products, built.vectors);
    return built;
}

std::size_t section_number(const Index& index, std::string_view name) {
    for (std::size_t i = 0; i < index.sections().size(); ++i)
        if (index.sections()[i].name == name) return i;
    FAIL("no section " << name);
    return 0;
}

}  // namespace

TEST_CASE("int8 rescoring copies cost one byte a dimension and a scale, beside the sign bits", "[rescore][int8-rescore]") {
    const auto lean = build(100, 1024, 1, int8_rescored(1024));
    IndexSpec f32_copies = test::spec_for(Storage::binary, 1024);
    f32_copies.rescore = true;
    const auto full = build(100, 1024, 1, f32_copies);
    const Index index = Index::open(lean.bytes);
    CHECK(index.spec().rescore);
    CHECK(index.spec().rescore_with == Storage::int8);
    CHECK(index.sections()[section_number(index, "rescore_int8")].length == 100 * 1024);
    CHECK(index.sections()[section_number(index, "rescore_scales")].length == 100 * 4);
    CHECK(full.bytes.size() - lean.bytes.size() > 100 * 3000);  // 4096 - 1024 - 4 a product, less a table entry
}

TEST_CASE("int8 rescoring scores the f32 query against each candidate's int8 copy", "[rescore][int8-rescore]") {
    constexpr std::uint32_t dims = 64;
    const auto built = build(200, dims, 2, int8_rescored(dims));
    const Index index = Index::open(built.bytes);
    const auto query = test::random_vectors(1, dims, 3);
    const auto hits = search(index, query, {.top_k = 10});
    REQUIRE(hits.size() == 10);
    for (const auto& hit : hits) {
        // The stored copy approximates the unit vector: the score is close to the cosine.
        const double cosine = test::reference_cosine(query.data(), built.vectors.data() + hit.position * dims, dims);
        CHECK(std::abs(hit.score - cosine) < 0.02);
    }
    // Switched off, the first pass's sign-agreement scores come back.
    for (const auto& hit : search(index, query, {.top_k = 10, .rescore = false}))
        CHECK(hit.score * dims == std::round(hit.score * dims));
}

TEST_CASE("int8 rescoring finds nearly what f32 rescoring finds", "[rescore][int8-rescore]") {
    constexpr std::uint32_t dims = 256;
    IndexSpec f32_copies = test::spec_for(Storage::binary, dims);
    f32_copies.rescore = true;
    const auto lean = build(3000, dims, 4, int8_rescored(dims));
    const auto full = build(3000, dims, 4, f32_copies);
    const auto exact = build(3000, dims, 4, test::spec_for(Storage::f32, dims));
    const Index index = Index::open(lean.bytes), f32_rescored = Index::open(full.bytes), reference = Index::open(exact.bytes);
    const auto queries = test::random_vectors(30, dims, 5);
    const auto recall = [&](const Index& tested, std::size_t factor) {
        std::size_t found = 0;
        for (std::size_t q = 0; q < 30; ++q) {
            const std::span<const float> query(queries.data() + q * dims, dims);
            std::set<std::uint32_t> truth;
            for (const auto& h : search(reference, query, {.top_k = 10})) truth.insert(h.position);
            for (const auto& h : search(tested, query, {.top_k = 10, .rescore_factor = factor})) found += truth.count(h.position);
        }
        return found / 300.0;
    };
    // Uniform random data is binary's worst case: by default both find what its first pass kept.
    INFO("int8 copies " << recall(index, 16) << ", f32 copies " << recall(f32_rescored, 16));
    CHECK(recall(index, 16) >= recall(f32_rescored, 16) - 0.05);
    // Rescoring everything, the copies alone decide: int8 copies nearly reach f32.
    INFO("every record rescored: " << recall(index, 300));
    CHECK(recall(index, 300) >= 0.95);
}

TEST_CASE("batched search rescores by int8 copies exactly as search does", "[rescore][int8-rescore][batch]") {
    const auto built = build(300, 100, 6, int8_rescored(100));
    const Index index = Index::open(built.bytes);
    const auto queries = test::random_vectors(7, 100, 7);
    const auto answers = search_batch(index, queries, {.top_k = 8, .category = "kitchen"});
    for (std::size_t q = 0; q < 7; ++q) {
        const auto alone = search(index, {queries.data() + q * 100, 100}, {.top_k = 8, .category = "kitchen"});
        REQUIRE(answers[q].size() == alone.size());
        for (std::size_t r = 0; r < alone.size(); ++r) {
            CHECK(answers[q][r].position == alone[r].position);
            CHECK(std::memcmp(&answers[q][r].score, &alone[r].score, sizeof(float)) == 0);
        }
    }
}

TEST_CASE("the writer refuses int8 rescoring copies except for a binary index with rescore", "[rescore][int8-rescore]") {
    const auto products = test::numbered_products(2);
    const auto vectors = test::random_vectors(2, 8, 8);
    IndexSpec spec = int8_rescored(8);
    spec.storage = Storage::int8;
    test::require_error([&] { write_index(spec, products, vectors); }, ErrorKind::invalid_argument,
                        {"rescoring with int8 copies needs binary storage and rescore"});
    spec = int8_rescored(8);
    spec.rescore = false;
    test::require_error([&] { write_index(spec, products, vectors); }, ErrorKind::invalid_argument,
                        {"needs binary storage and rescore"});
    spec = int8_rescored(8);
    spec.rescore_with = Storage::binary;
    test::require_error([&] { write_index(spec, products, vectors); }, ErrorKind::invalid_argument,
                        {"rescoring copies are f32 or int8"});
}

TEST_CASE("a reader refuses int8 rescoring copies that are wrong", "[rescore][int8-rescore][bad-index]") {
    const auto built = build(5, 16, 9, int8_rescored(16));
    const Index index = Index::open(built.bytes);
    const std::size_t values = section_number(index, "rescore_int8"), scales = section_number(index, "rescore_scales");
    const auto edited = [&](auto&& edit) {
        std::vector<std::uint8_t> bytes = built.bytes;
        edit(bytes);
        test::reseal(bytes);
        return bytes;
    };
    const auto refused = [](const std::vector<std::uint8_t>& bytes, std::string_view message) {
        test::require_error([&] { Index::open(bytes); }, ErrorKind::corrupt_index, {message});
    };
    refused(edited([&](auto& b) {
                bytes::store<std::uint32_t>(test::section_entry(b, scales) + layout::entry::type, 99);
                bytes::store<std::uint32_t>(test::section_entry(b, scales) + layout::entry::flags, 0);
            }),
            "the rescore_int8 and rescore_scales sections come together");
    refused(edited([&](auto& b) { bytes::store<std::uint64_t>(test::section_entry(b, values) + layout::entry::length, 79); }),
            "the rescore_int8 section is 79 bytes, expected 80");
    refused(edited([&](auto& b) { bytes::store<std::uint64_t>(test::section_entry(b, scales) + layout::entry::length, 16); }),
            "the rescore_scales section is 16 bytes, expected 20");
    refused(edited([&](auto& b) {
                const auto offset = bytes::load<std::uint64_t>(test::section_entry(b, scales) + layout::entry::offset);
                bytes::store<float>(b.data() + offset + 8, 0.5f);
            }),
            "rescore vector 2 has an invalid int8 scale");
}
