// Hostile index files that pass every checksum: what the reader must still refuse
// so that search results and error messages stay well-formed.
#include <catch2/catch.hpp>

#include <cstring>
#include <string>

#include "index_editing.hpp"
#include "printable_text.hpp"
#include "test_catalogue.hpp"
#include "vitrine/base/error.hpp"
#include "vitrine/index/reader.hpp"

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

std::uint64_t section_offset(std::vector<std::uint8_t>& bytes, std::size_t i) {
    return bytes::load<std::uint64_t>(test::section_entry(bytes, i) + layout::entry::offset);
}

}  // namespace

TEST_CASE("refuses an f32 index holding a value outside [-1, 1], which no unit vector has", "[index][bad-index]") {
    // Stored vectors are L2-normalised. Huge values of both signs would make a score
    // +inf + -inf = NaN, which has no place in a ranking.
    auto built = test::build_random_index(Storage::f32, 2, 16, 21);
    const std::uint64_t vectors = section_offset(built.bytes, 0);
    for (std::size_t i = 0; i < 16; ++i)
        bytes::store<float>(built.bytes.data() + vectors + 4 * i, i % 2 ? -3e38f : 3e38f);
    test::reseal(built.bytes);
    CHECK_THAT(open_error(built.bytes, ErrorKind::corrupt_index), Contains("vector 0"));
}

TEST_CASE("an index error message stays one printable line whatever bytes name a section", "[index][bad-index]") {
    auto built = test::build_random_index(Storage::f32, 2, 8, 22);
    std::uint8_t* entry = test::section_entry(built.bytes, 0);
    std::memcpy(entry + layout::entry::name, "vec\n\x1b[2Jtors\xff", 14);
    bytes::store<std::uint64_t>(entry + layout::entry::offset, section_offset(built.bytes, 0) + 4);  // misaligned
    test::reseal(built.bytes);
    const std::string message = open_error(built.bytes, ErrorKind::corrupt_index);
    CHECK_THAT(message, Contains("not 64-byte aligned"));
    CHECK(test::is_printable_utf8(message));
}
