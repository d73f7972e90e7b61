// The catalogue index format v1: round trips, and a clear error for every bad file.
#include <catch2/catch.hpp>
#include <cstring>

#include "base/byte_io.hpp"
#include "base/hash.hpp"
#include "index/layout.hpp"
#include "test_catalogue.hpp"
#include "vitrine/base/error.hpp"
#include "vitrine/index/reader.hpp"

using namespace vitrine;
using Catch::Matchers::Contains;

namespace {

ErrorKind open_error_kind(const std::vector<std::uint8_t>& bytes, std::string* message = nullptr) {
    try {
        Index::open(bytes);
    } catch (const Error& e) {
        if (message) *message = e.what();
        return e.kind();
    }
    FAIL("the index opened but should have been refused");
    return ErrorKind::invalid_argument;
}

// Rewrites the header checksum so a deliberately edited header passes it
// and the check under test is the one that fires.
void reseal_header(std::vector<std::uint8_t>& bytes) {
    const auto count = bytes::load<std::uint32_t>(bytes.data() + layout::header::section_count);
    const auto table = bytes::load<std::uint32_t>(bytes.data() + layout::header::section_table);
    bytes::store<std::uint64_t>(bytes.data() + layout::header::checksum, 0);
    const std::size_t covered = table + std::size_t{count} * layout::section_entry_size;
    bytes::store<std::uint64_t>(bytes.data() + layout::header::checksum, checksum64(bytes.data(), covered));
}

std::uint8_t* section_entry(std::vector<std::uint8_t>& bytes, std::size_t i) {
    return bytes.data() + layout::header_size + i * layout::section_entry_size;
}

// A copy of an index with one more section (64 bytes of payload) in its table,
// as a later writer might add: existing sections move down by one table entry's room.
std::vector<std::uint8_t> with_extra_section(const std::vector<std::uint8_t>& bytes, std::uint32_t type,
                                             std::uint32_t flags, const char* name) {
    const auto count = bytes::load<std::uint32_t>(bytes.data() + layout::header::section_count);
    constexpr std::size_t shift = 64;
    std::vector<std::uint8_t> out(bytes.size() + shift + 64 + 64, 0);
    std::memcpy(out.data(), bytes.data(), layout::header_size + count * layout::section_entry_size);
    const std::size_t first = bytes::load<std::uint64_t>(bytes.data() + layout::header_size + layout::entry::offset);
    std::memcpy(out.data() + first + shift, bytes.data() + first, bytes.size() - first);
    for (std::uint32_t i = 0; i < count; ++i) {
        std::uint8_t* e = section_entry(out, i) + layout::entry::offset;
        bytes::store<std::uint64_t>(e, bytes::load<std::uint64_t>(e) + shift);
    }
    const std::size_t block = bytes::align_up(bytes.size() + shift, 64);
    out.resize(block + 64);
    std::memset(out.data() + block, 0x11, 64);
    std::uint8_t* e = section_entry(out, count);
    bytes::store<std::uint32_t>(e + layout::entry::type, type);
    bytes::store<std::uint32_t>(e + layout::entry::flags, flags);
    bytes::store<std::uint64_t>(e + layout::entry::offset, block);
    bytes::store<std::uint64_t>(e + layout::entry::length, 64);
    bytes::store<std::uint64_t>(e + layout::entry::checksum, checksum64(out.data() + block, 64));
    std::memcpy(e + layout::entry::name, name, std::strlen(name));
    bytes::store<std::uint32_t>(out.data() + layout::header::section_count, count + 1);
    bytes::store<std::uint64_t>(out.data() + layout::header::file_size, out.size());
    reseal_header(out);
    return out;
}

}  // namespace

TEST_CASE("an f32 index round-trips header, records and unit-length vectors", "[index]") {
    auto built = test::build_random_index(Storage::f32, 37, 24, 1);
    const Index index = Index::open(built.bytes);
    CHECK(index.count() == 37);
    CHECK(index.dims() == 24);
    CHECK(index.storage() == Storage::f32);
    CHECK(index.model() == "test-model");
    CHECK(index.spec().embedder == EmbedderKind::hosted);
    for (std::uint32_t i = 0; i < index.count(); ++i) {
        const RecordView r = index.record(i);
        const Product& p = built.products[i];
        CHECK(r.id == p.id);
        CHECK(r.title == p.title);
        CHECK(r.description == p.description);
        CHECK(r.image == p.image);
        CHECK(r.category == p.category);
        CHECK(r.metadata_json == p.metadata_json);
        CHECK(r.price == p.price);
        const auto* row = reinterpret_cast<const float*>(index.vector_row(i));
        double norm = 0;
        for (std::uint32_t d = 0; d < 24; ++d) norm += double(row[d]) * row[d];
        CHECK(norm == Approx(1.0).epsilon(1e-6));
        CHECK(test::reference_cosine(row, built.vectors.data() + i * 24, 24) == Approx(1.0).epsilon(1e-6));
    }
}

TEST_CASE("an int8 index round-trips with per-vector scales reconstructing each vector", "[index]") {
    auto built = test::build_random_index(Storage::int8, 20, 64, 2);
    const Index index = Index::open(built.bytes);
    CHECK(index.storage() == Storage::int8);
    for (std::uint32_t i = 0; i < index.count(); ++i) {
        const auto* q = reinterpret_cast<const std::int8_t*>(index.vector_row(i));
        std::vector<float> restored(64);
        for (int d = 0; d < 64; ++d) restored[d] = float(q[d]) * index.scale(i);
        CHECK(test::reference_cosine(restored.data(), built.vectors.data() + i * 64, 64) > 0.999);
        CHECK(index.record(i).id == built.products[i].id);
    }
}

TEST_CASE("sections are 64-byte aligned and listed by name", "[index]") {
    auto built = test::build_random_index(Storage::int8, 5, 10, 3);
    const Index index = Index::open(built.bytes);
    std::vector<std::string> names;
    for (const SectionInfo& s : index.sections()) {
        CHECK(s.offset % 64 == 0);
        CHECK(s.known);
        names.push_back(s.name);
    }
    CHECK(names == std::vector<std::string>{"vectors", "scales", "records", "strings", "keywords", "facet_columns"});
}

TEST_CASE("the same input writes the same bytes", "[index]") {
    auto a = test::build_random_index(Storage::int8, 30, 17, 4);
    auto b = test::build_random_index(Storage::int8, 30, 17, 4);
    CHECK(a.bytes == b.bytes);
}

TEST_CASE("find locates a record by id", "[index]") {
    auto built = test::build_random_index(Storage::f32, 12, 8, 5);
    const Index index = Index::open(built.bytes);
    CHECK(index.find("p7") == 7u);
    CHECK_FALSE(index.find("p70").has_value());
    CHECK_FALSE(index.find("").has_value());
}

TEST_CASE("reading a record past the end is an invalid_argument error", "[index]") {
    auto built = test::build_random_index(Storage::f32, 3, 8, 6);
    const Index index = Index::open(built.bytes);
    CHECK_THROWS_MATCHES(index.record(3), Error, Catch::Matchers::Predicate<Error>([](const Error& e) {
                             return e.kind() == ErrorKind::invalid_argument;
                         }));
}

TEST_CASE("an index of zero products opens and is empty", "[index]") {
    auto built = test::build_random_index(Storage::f32, 0, 8, 7);
    CHECK(Index::open(built.bytes).count() == 0);
}

TEST_CASE("an index truncated at any byte is refused as corrupt", "[index][bad-index]") {
    auto built = test::build_random_index(Storage::int8, 4, 8, 8);
    for (std::size_t length = 0; length < built.bytes.size(); ++length) {
        std::vector<std::uint8_t> truncated(built.bytes.begin(), built.bytes.begin() + length);
        std::string message;
        INFO("truncated to " << length << " bytes");
        CHECK(open_error_kind(truncated, &message) == ErrorKind::corrupt_index);
        CHECK_THAT(message, Contains("index:"));
    }
}

TEST_CASE("an index with any single flipped byte is refused", "[index][bad-index]") {
    auto built = test::build_random_index(Storage::f32, 3, 8, 9);
    for (std::size_t at = 0; at < built.bytes.size(); ++at) {
        auto flipped = built.bytes;
        flipped[at] ^= 0x5a;
        INFO("byte " << at << " flipped");
        // Padding between sections is covered by no checksum: it may stay readable.
        bool refused = false;
        try {
            Index::open(flipped);
        } catch (const Error&) {
            refused = true;
        }
        const bool in_padding = [&] {
            const Index index = Index::open(built.bytes);
            if (at < layout::header_size + index.sections().size() * layout::section_entry_size) return false;
            for (const SectionInfo& s : index.sections())
                if (at >= s.offset && at < s.offset + s.length) return false;
            return true;
        }();
        CHECK((refused || in_padding));
    }
}

TEST_CASE("wrong magic is refused as not a Vitrine index", "[index][bad-index]") {
    auto built = test::build_random_index(Storage::f32, 2, 8, 10);
    built.bytes[0] = 'X';
    std::string message;
    CHECK(open_error_kind(built.bytes, &message) == ErrorKind::corrupt_index);
    CHECK_THAT(message, Contains("not a Vitrine index"));
}

TEST_CASE("a newer major version is refused as unsupported", "[index][bad-index]") {
    auto built = test::build_random_index(Storage::f32, 2, 8, 11);
    bytes::store<std::uint16_t>(built.bytes.data() + layout::header::major, 2);
    std::string message;
    CHECK(open_error_kind(built.bytes, &message) == ErrorKind::unsupported);
    CHECK_THAT(message, Contains("version 2." + std::to_string(layout::minor_version)));
}

TEST_CASE("a newer minor version with an unknown optional section still opens", "[index]") {
    auto built = test::build_random_index(Storage::f32, 2, 8, 12);
    auto extended = with_extra_section(built.bytes, 99, 0, "bm25");
    bytes::store<std::uint16_t>(extended.data() + layout::header::minor, 3);
    reseal_header(extended);

    const Index index = Index::open(extended);
    CHECK(index.minor_version() == 3);
    CHECK(index.sections().back().name == "bm25");
    CHECK_FALSE(index.sections().back().known);
    CHECK(index.record(1).id == "p1");
}

TEST_CASE("an unknown section marked required is refused as unsupported", "[index][bad-index]") {
    auto built = test::build_random_index(Storage::f32, 2, 8, 12);
    auto extended = with_extra_section(built.bytes, 99, layout::flag_required, "vectors2");
    std::string message;
    CHECK(open_error_kind(extended, &message) == ErrorKind::unsupported);
    CHECK_THAT(message, Contains("vectors2"));
}

TEST_CASE("an unknown storage type is refused as unsupported", "[index][bad-index]") {
    auto built = test::build_random_index(Storage::f32, 2, 8, 13);
    bytes::store<std::uint32_t>(built.bytes.data() + layout::header::storage, 7);
    reseal_header(built.bytes);
    std::string message;
    CHECK(open_error_kind(built.bytes, &message) == ErrorKind::unsupported);
    CHECK_THAT(message, Contains("storage type 7"));
}

TEST_CASE("section offsets and lengths outside the file are refused", "[index][bad-index]") {
    auto built = test::build_random_index(Storage::f32, 2, 8, 14);
    SECTION("offset past the end") {
        bytes::store<std::uint64_t>(section_entry(built.bytes, 0) + layout::entry::offset, 1u << 30);
    }
    SECTION("length past the end") {
        bytes::store<std::uint64_t>(section_entry(built.bytes, 3) + layout::entry::length, UINT64_MAX - 8);
    }
    SECTION("offset inside the header") {
        bytes::store<std::uint64_t>(section_entry(built.bytes, 1) + layout::entry::offset, 64);
    }
    SECTION("offset not aligned") {
        bytes::store<std::uint64_t>(section_entry(built.bytes, 1) + layout::entry::offset,
                                    bytes::load<std::uint64_t>(section_entry(built.bytes, 1) + layout::entry::offset) + 4);
    }
    reseal_header(built.bytes);
    CHECK(open_error_kind(built.bytes) == ErrorKind::corrupt_index);
}

TEST_CASE("counts that disagree with section sizes are refused", "[index][bad-index]") {
    auto built = test::build_random_index(Storage::f32, 4, 8, 15);
    std::string message;
    SECTION("record count too large") {
        bytes::store<std::uint32_t>(built.bytes.data() + layout::header::count, 5);
        reseal_header(built.bytes);
        CHECK(open_error_kind(built.bytes, &message) == ErrorKind::corrupt_index);
        CHECK_THAT(message, Contains("vectors section"));
    }
    SECTION("record count past the limit") {
        bytes::store<std::uint32_t>(built.bytes.data() + layout::header::count, UINT32_MAX);
        reseal_header(built.bytes);
        CHECK(open_error_kind(built.bytes) == ErrorKind::limit_exceeded);
    }
    SECTION("dims zero") {
        bytes::store<std::uint32_t>(built.bytes.data() + layout::header::dims, 0);
        reseal_header(built.bytes);
        CHECK(open_error_kind(built.bytes) == ErrorKind::corrupt_index);
    }
    SECTION("section count zero") {
        bytes::store<std::uint32_t>(built.bytes.data() + layout::header::section_count, 0);
        reseal_header(built.bytes);
        CHECK(open_error_kind(built.bytes) == ErrorKind::corrupt_index);
    }
    SECTION("section table past the end") {
        bytes::store<std::uint32_t>(built.bytes.data() + layout::header::section_count, 200);
        CHECK(open_error_kind(built.bytes) == ErrorKind::corrupt_index);
    }
}

TEST_CASE("a record pointing outside the strings section is refused", "[index][bad-index]") {
    auto built = test::build_random_index(Storage::f32, 3, 8, 16);
    const std::size_t records = bytes::load<std::uint64_t>(section_entry(built.bytes, 1) + layout::entry::offset);
    bytes::store<std::uint32_t>(built.bytes.data() + records + 64 + 8 * 2 + 4, 1u << 20);  // record 1 description length
    const std::size_t length = bytes::load<std::uint64_t>(section_entry(built.bytes, 1) + layout::entry::length);
    bytes::store<std::uint64_t>(section_entry(built.bytes, 1) + layout::entry::checksum,
                                checksum64(built.bytes.data() + records, length));
    reseal_header(built.bytes);
    std::string message;
    CHECK(open_error_kind(built.bytes, &message) == ErrorKind::corrupt_index);
    CHECK_THAT(message, Contains("record 1"));
}

TEST_CASE("a non-finite stored vector value is refused even with valid checksums", "[index][bad-index]") {
    auto built = test::build_random_index(Storage::f32, 3, 8, 17);
    const std::size_t vectors = bytes::load<std::uint64_t>(section_entry(built.bytes, 0) + layout::entry::offset);
    bytes::store<float>(built.bytes.data() + vectors + 4 * 9, std::nanf(""));
    bytes::store<std::uint64_t>(section_entry(built.bytes, 0) + layout::entry::checksum,
                                checksum64(built.bytes.data() + vectors, 3 * 8 * 4));
    reseal_header(built.bytes);
    std::string message;
    CHECK(open_error_kind(built.bytes, &message) == ErrorKind::corrupt_index);
    CHECK_THAT(message, Contains("vector 1"));
}

TEST_CASE("the writer refuses invalid catalogues with the reason", "[index][writer]") {
    auto products = test::numbered_products(3);
    auto vectors = test::random_vectors(3, 8, 18);
    const auto spec = test::spec_for(Storage::f32, 8);
    const auto kind_of = [&](auto&& mutate) {
        auto p = products;
        auto v = vectors;
        auto s = spec;
        mutate(p, v, s);
        try {
            write_index(s, p, v);
        } catch (const Error& e) {
            return e.kind();
        }
        FAIL("write_index accepted a bad catalogue");
        return ErrorKind::invalid_argument;
    };
    CHECK(kind_of([](auto& p, auto&, auto&) { p[1].id = p[0].id; }) == ErrorKind::bad_catalogue);
    CHECK(kind_of([](auto& p, auto&, auto&) { p[2].id.clear(); }) == ErrorKind::bad_catalogue);
    CHECK(kind_of([](auto& p, auto&, auto&) { p[0].price = std::nan(""); }) == ErrorKind::bad_catalogue);
    CHECK(kind_of([](auto& p, auto&, auto&) { p[0].metadata_json = "[1,2]"; }) == ErrorKind::bad_catalogue);
    CHECK(kind_of([](auto& p, auto&, auto&) { p[0].metadata_json = "{oops"; }) == ErrorKind::bad_catalogue);
    CHECK(kind_of([](auto&, auto& v, auto&) { std::fill(v.begin(), v.begin() + 8, 0.0f); }) == ErrorKind::bad_catalogue);
    CHECK(kind_of([](auto&, auto& v, auto&) { v[3] = INFINITY; }) == ErrorKind::bad_catalogue);
    CHECK(kind_of([](auto&, auto& v, auto&) { v.pop_back(); }) == ErrorKind::invalid_argument);
    CHECK(kind_of([](auto&, auto&, auto& s) { s.model = std::string(64, 'm'); }) == ErrorKind::invalid_argument);
    CHECK(kind_of([](auto&, auto&, auto& s) { s.dims = 0; }) == ErrorKind::invalid_argument);
    CHECK(kind_of([](auto&, auto&, auto& s) { s.dims = 20000; }) == ErrorKind::limit_exceeded);
}
