// delta_test.cpp — delta updates (vitrine/delta/): made natively, applied over their base,
// the result is the new index byte for byte; hostile deltas are refused with their reason.
#include <catch2/catch.hpp>

#include <vector>

#include "base/byte_io.hpp"
#include "base/hash.hpp"
#include "require_error.hpp"
#include "test_catalogue.hpp"
#include "vitrine/delta/apply_delta.hpp"
#include "vitrine/delta/delta_format.hpp"
#include "vitrine/delta/make_delta.hpp"
#include "vitrine/index/reader.hpp"

using vitrine::ErrorKind;
using vitrine::test::require_error;

namespace {

constexpr std::size_t count = 400;
constexpr std::uint32_t dims = 64;

// OLD, and NEW: p7's price changed, p100 removed, p400 added.
struct TwoIndexes {
    std::vector<std::uint8_t> old_bytes;
    std::vector<std::uint8_t> new_bytes;
};

TwoIndexes two_indexes() {
    const auto spec = vitrine::test::spec_for(vitrine::Storage::int8, dims);
    std::vector<vitrine::Product> products = vitrine::test::numbered_products(count + 1);
    std::vector<float> vectors = vitrine::test::random_vectors(count + 1, dims, 7);
    TwoIndexes indexes;
    indexes.old_bytes = vitrine::write_index(spec, std::span(products).first(count),
                                             std::span(vectors).first(count * dims));
    products[7].price = 99.5;
    products.erase(products.begin() + 100);
    vectors.erase(vectors.begin() + 100 * dims, vectors.begin() + 101 * dims);
    indexes.new_bytes = vitrine::write_index(spec, products, vectors);
    return indexes;
}

// A hostile delta whose checksums were made to match its edited frame.
std::vector<std::uint8_t> resealed(std::vector<std::uint8_t> delta) {
    const std::size_t frame = vitrine::delta_header_bytes;
    vitrine::bytes::store(delta.data() + 64, vitrine::checksum64(delta.data() + frame, delta.size() - frame));
    vitrine::bytes::store(delta.data() + 72, vitrine::checksum64(delta.data(), 72));
    return delta;
}

}  // namespace

TEST_CASE("a delta applied over its base gives the new index's bytes, and is much smaller", "[delta]") {
    const TwoIndexes indexes = two_indexes();
    const std::vector<std::uint8_t> delta = vitrine::make_delta(indexes.old_bytes, indexes.new_bytes);
    CHECK(delta.size() * 10 < indexes.new_bytes.size());

    const std::vector<std::uint8_t> applied = vitrine::apply_delta(indexes.old_bytes, delta);
    REQUIRE(applied == indexes.new_bytes);
    const vitrine::Index index = vitrine::Index::open(applied);
    CHECK(index.count() == count);
    CHECK(index.record(7).price == 99.5);
    CHECK(index.record(99).id == "p99");
    CHECK(index.record(100).id == "p101");
    CHECK(index.record(count - 1).id == "p400");
}

TEST_CASE("make_delta is deterministic and the header names both indexes", "[delta]") {
    const TwoIndexes indexes = two_indexes();
    const std::vector<std::uint8_t> delta = vitrine::make_delta(indexes.old_bytes, indexes.new_bytes);
    CHECK(vitrine::make_delta(indexes.old_bytes, indexes.new_bytes) == delta);
    const vitrine::DeltaHeader header = vitrine::read_delta_header(delta);
    CHECK(header.base_bytes == indexes.old_bytes.size());
    CHECK(header.new_bytes == indexes.new_bytes.size());
    CHECK_FALSE(header.base_hash == header.new_hash);
}

TEST_CASE("a delta is refused over another base, naming both hashes", "[delta]") {
    const TwoIndexes indexes = two_indexes();
    const std::vector<std::uint8_t> delta = vitrine::make_delta(indexes.old_bytes, indexes.new_bytes);
    require_error([&] { vitrine::apply_delta(indexes.new_bytes, delta); }, ErrorKind::bad_delta,
                  {"made for base index", "not for this one",
                   std::to_string(indexes.old_bytes.size()) + " bytes", std::to_string(indexes.new_bytes.size()) + " bytes"});
    // Same length, one byte different: the hash tells them apart.
    std::vector<std::uint8_t> edited = indexes.old_bytes;
    edited[edited.size() / 2] ^= 1;
    require_error([&] { vitrine::apply_delta(edited, delta); }, ErrorKind::bad_delta, {"not for this one"});
}

TEST_CASE("a truncated, extended, corrupted or empty delta is refused", "[delta]") {
    const TwoIndexes indexes = two_indexes();
    const std::vector<std::uint8_t> delta = vitrine::make_delta(indexes.old_bytes, indexes.new_bytes);
    const auto apply = [&](std::vector<std::uint8_t> bytes) { return [&indexes, bytes] { vitrine::apply_delta(indexes.old_bytes, bytes); }; };

    require_error(apply({}), ErrorKind::bad_delta, {"0 bytes is shorter than its 80-byte header"});
    require_error(apply({delta.begin(), delta.begin() + 40}), ErrorKind::bad_delta, {"shorter than its"});
    require_error(apply({delta.begin(), delta.begin() + vitrine::delta_header_bytes}), ErrorKind::bad_delta,
                  {"checksum mismatch in the compressed part"});
    require_error(apply({delta.begin(), delta.end() - 1}), ErrorKind::bad_delta, {"truncated or corrupted"});
    std::vector<std::uint8_t> longer = delta;
    longer.push_back(0);
    require_error(apply(longer), ErrorKind::bad_delta, {"checksum mismatch in the compressed part"});

    // Resealed, so zstd and the result's hash are what refuse them.
    require_error(apply(resealed({delta.begin(), delta.end() - 1})), ErrorKind::bad_delta,
                  {"the compressed part is truncated or corrupted"});
    require_error(apply(resealed(longer)), ErrorKind::bad_delta, {"1 unexpected bytes after the compressed part"});
    std::vector<std::uint8_t> other_literal = delta;
    other_literal[vitrine::delta_header_bytes + 20] ^= 0x01;
    require_error(apply(resealed(other_literal)), ErrorKind::bad_delta, {"delta: "});

    std::vector<std::uint8_t> bad_magic = delta;
    bad_magic[0] = 'X';
    require_error(apply(bad_magic), ErrorKind::bad_delta, {"not a Vitrine delta file"});
    std::vector<std::uint8_t> bad_header = delta;
    bad_header[44] ^= 0x10;  // the new length
    require_error(apply(bad_header), ErrorKind::bad_delta, {"header checksum mismatch"});

    // Every byte of the compressed part flipped in turn: each is refused, none crashes.
    // (The frame's checksum refuses them first; the hash of the result is the second line.)
    for (std::size_t at = vitrine::delta_header_bytes; at < delta.size(); ++at) {
        std::vector<std::uint8_t> flipped = delta;
        flipped[at] ^= 0x40;
        INFO("flipped byte " << at);
        require_error(apply(flipped), ErrorKind::bad_delta, {"delta: "});
    }
}

TEST_CASE("a delta of another format version, or promising too large an index, is refused before decoding", "[delta]") {
    const TwoIndexes indexes = two_indexes();
    vitrine::DeltaHeader header = vitrine::read_delta_header(vitrine::make_delta(indexes.old_bytes, indexes.new_bytes));
    std::vector<std::uint8_t> delta(vitrine::delta_header_bytes);
    header.new_bytes = vitrine::max_delta_result_bytes + 1;
    vitrine::write_delta_header(header, std::span<std::uint8_t, vitrine::delta_header_bytes>(delta.data(), delta.size()));
    require_error([&] { vitrine::apply_delta(indexes.old_bytes, delta); }, ErrorKind::limit_exceeded,
                  {"over the limit of 536870912 bytes"});

    std::vector<std::uint8_t> next_version = vitrine::make_delta(indexes.old_bytes, indexes.new_bytes);
    next_version[8] = 2;
    vitrine::bytes::store(next_version.data() + 72, vitrine::checksum64(next_version.data(), 72));
    require_error([&] { vitrine::apply_delta(indexes.old_bytes, next_version); }, ErrorKind::unsupported,
                  {"format version 2 is not supported"});
    require_error([&] { vitrine::make_delta(indexes.old_bytes, indexes.new_bytes, 0); }, ErrorKind::invalid_argument,
                  {"level 0 is outside 1..22"});
}
