// Values inside an index that pass every checksum but no writer produces, refused on
// open so that no search can score outside [-1, 1] or fail later on one record; and
// the header checked on its own before a large buffer is copied anywhere.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

#include "index_editing.hpp"
#include "test_catalogue.hpp"
#include "vitrine/base/error.hpp"
#include "vitrine/index/reader.hpp"
#include "vitrine/search/search.hpp"

using namespace vitrine;
using Catch::Matchers::Contains;

namespace {

std::string open_error(const std::vector<std::uint8_t>& bytes, ErrorKind expected) {
    try {
        Index::open(bytes);
    } catch (const Error& error) {
        CHECK(error.kind() == expected);
        return error.what();
    }
    FAIL("the index opened but should have been refused");
    return {};
}

std::uint8_t* vectors_of(std::vector<std::uint8_t>& bytes) {
    return bytes.data() + bytes::load<std::uint64_t>(test::section_entry(bytes, 0) + layout::entry::offset);
}

}  // namespace

TEST_CASE("refuses a binary index whose rows have bits set past dims", "[index][bad-index]") {
    auto built = test::build_random_index(Storage::binary, 3, 12, 31);  // 12 dims: 2 bytes a row, 4 padding bits
    REQUIRE_NOTHROW(Index::open(built.bytes));
    vectors_of(built.bytes)[2 * 2 + 1] |= 0x80;  // row 2, last byte, a padding bit
    test::reseal(built.bytes);
    CHECK_THAT(open_error(built.bytes, ErrorKind::corrupt_index), Contains("vector 2 has bits set past dims 12"));
}

TEST_CASE("a binary index of whole bytes has no padding to check", "[index]") {
    auto built = test::build_random_index(Storage::binary, 3, 16, 32);
    std::fill_n(vectors_of(built.bytes), 6, std::uint8_t{0xff});
    test::reseal(built.bytes);
    CHECK_NOTHROW(Index::open(built.bytes));
}

TEST_CASE("refuses an int8 index holding the value -128", "[index][bad-index]") {
    auto built = test::build_random_index(Storage::int8, 3, 16, 33);
    REQUIRE_NOTHROW(Index::open(built.bytes));
    vectors_of(built.bytes)[16 + 5] = 0x80;  // row 1
    test::reseal(built.bytes);
    CHECK_THAT(open_error(built.bytes, ErrorKind::corrupt_index), Contains("vector 1 holds the int8 value -128"));
}

TEST_CASE("refuses metadata that is not a JSON object on open, not at search time", "[index][bad-index]") {
    auto built = test::build_random_index(Storage::f32, 4, 8, 34);
    const std::string original = R"({"n":2})";
    const auto at = std::search(built.bytes.begin(), built.bytes.end(), original.begin(), original.end());
    REQUIRE(at != built.bytes.end());
    for (const std::string replacement : {R"({"n":2,)", R"(["n",2])", "\"n\":2  "}) {
        auto bytes = built.bytes;
        std::copy(replacement.begin(), replacement.end(), bytes.begin() + (at - built.bytes.begin()));
        test::reseal(bytes);
        CHECK_THAT(open_error(bytes, ErrorKind::corrupt_index), Contains("record 2 ('p2') has metadata that is not a JSON object"));
    }
}

TEST_CASE("check_index_header refuses junk from its first bytes alone", "[index][bad-index]") {
    auto built = test::build_random_index(Storage::f32, 2, 8, 35);
    const std::span<const std::uint8_t> head(built.bytes.data(), Index::header_bytes);
    CHECK_NOTHROW(check_index_header(head, built.bytes.size()));
    CHECK_THROWS_WITH(check_index_header(head, built.bytes.size() + 1), Contains("header says the file is"));
    std::vector<std::uint8_t> junk(Index::header_bytes, 0x41);
    CHECK_THROWS_WITH(check_index_header(junk, std::uint64_t{300} << 20), Contains("bad magic bytes"));
    CHECK_THROWS_WITH(check_index_header({}, 10), Contains("shorter than the 256-byte header"));
}
