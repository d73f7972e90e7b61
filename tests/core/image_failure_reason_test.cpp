// What prepare_image says when stb_image refuses an image: the reason stb gave for
// this image, never one left over from an earlier image (stb does not set a reason
// on every failure, and keeps its last one).
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "png_builder.hpp"
#include "vitrine/base/error.hpp"
#include "vitrine/image/prepare.hpp"

using namespace vitrine;
using Catch::Matchers::Contains;

namespace {

std::string refusal_message(const std::vector<std::uint8_t>& image) {
    try {
        prepare_image(image);
    } catch (const Error& error) {
        CHECK(error.kind() == ErrorKind::bad_image);
        return error.what();
    }
    FAIL("the image was prepared but should have been refused");
    return {};
}

}  // namespace

TEST_CASE("an image stb refuses without a reason is not blamed on an earlier image's reason", "[image]") {
    const auto not_zlib = test::png_file({}, {0x00, 0x00, 1, 2, 3});
    // A 1x1 PNG's signature and IHDR, then an IDAT header claiming 2 GiB: stb stops
    // there (its offset would overflow an int) without setting a reason.
    std::vector<std::uint8_t> idat_past_int = test::png_file({}, test::zlib_stored({0, 1, 2, 3}));
    idat_past_int.resize(8 + 25);
    idat_past_int.insert(idat_past_int.end(), {0x80, 0x00, 0x00, 0x00, 'I', 'D', 'A', 'T'});

    CHECK_THAT(refusal_message(not_zlib), Contains("bad compression"));
    CHECK_THAT(refusal_message(idat_past_int), !Contains("bad compression"));
}
