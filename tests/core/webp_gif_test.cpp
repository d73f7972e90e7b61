// WebP (libwebp) and GIF (stb_image, first frame) input to prepare_image: colours,
// transparency onto white, limits from the header, and clear refusals. The fixtures are
// a few tiny files made by tests/fixtures/images/make-images.py.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>

#include "image_test_support.hpp"
#include "require_error.hpp"
#include "vitrine/image/prepare.hpp"

using namespace vitrine;
using vitrine::test::require_error;

namespace {

std::vector<std::uint8_t> fixture(const std::string& name) {
    std::ifstream in(std::string(VITRINE_FIXTURES_DIR) + "/images/" + name, std::ios::binary);
    REQUIRE(in);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// The colour of one pixel of a prepared JPEG is within `tolerance` of the expected one.
void check_colour(const test::Raster& raster, int x, int y, test::Colour expected, int tolerance = 12) {
    const std::uint8_t* p = raster.at(x, y);
    INFO("pixel " << x << "," << y << " is " << int(p[0]) << " " << int(p[1]) << " " << int(p[2]));
    for (int c = 0; c < 3; ++c) CHECK(std::abs(int(p[c]) - int(expected[c])) <= tolerance);
}

}  // namespace

TEST_CASE("prepares a lossy WebP at its size with its colours", "[image][webp]") {
    const PreparedImage image = prepare_image(fixture("rgb-24x16-lossy.webp"));
    CHECK(image.width == 24);
    CHECK(image.height == 16);
    const test::Raster out = test::decode_rgb(image.bytes);
    check_colour(out, 12, 8, {120, 120, 128, 255}, 24);  // the gradient (x * 10, y * 15, 128) near its middle
}

TEST_CASE("flattens a lossless WebP's transparent pixels onto white", "[image][webp]") {
    const test::Raster out = test::decode_rgb(prepare_image(fixture("half-clear-8x8-lossless.webp")).bytes);
    check_colour(out, 0, 4, test::white);
    check_colour(out, 7, 4, {200, 30, 30, 255});
}

TEST_CASE("shrinks a WebP to max_edge", "[image][webp]") {
    const PreparedImage image = prepare_image(fixture("rgb-24x16-lossy.webp"), {.max_edge = 12});
    CHECK(image.width == 12);
    CHECK(image.height == 8);
    CHECK(image.source_width == 24);
}

TEST_CASE("turns a WebP upright by its EXIF orientation, as browsers show it", "[image][webp][exif]") {
    const PreparedImage image = prepare_image(fixture("rgb-24x16-orientation-6.webp"));  // stored 24x16, shown a quarter turn clockwise
    CHECK(image.width == 16);
    CHECK(image.height == 24);
    CHECK(image.source_width == 16);
    const test::Raster out = test::decode_rgb(image.bytes);
    check_colour(out, 1, 1, {10, 210, 128, 255}, 40);   // stored (1, 14): the gradient's low-left
    check_colour(out, 14, 1, {10, 15, 128, 255}, 40);   // stored (1, 1)
}

TEST_CASE("refuses an animated WebP by name", "[image][webp]") {
    require_error([] { prepare_image(fixture("animated-24x16.webp")); }, ErrorKind::bad_image, {"animated WebP"});
}

TEST_CASE("refuses a truncated WebP as bad_image", "[image][webp]") {
    auto bytes = fixture("rgb-24x16-lossy.webp");
    for (const std::size_t keep : {std::size_t{12}, std::size_t{20}, bytes.size() - 10}) {
        const std::vector<std::uint8_t> cut(bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(keep));
        INFO("kept " << keep << " bytes");
        require_error([&] { prepare_image(cut); }, ErrorKind::bad_image, {"WebP"});
    }
}

TEST_CASE("refuses a WebP over max_pixels from its header", "[image][webp]") {
    require_error([] { prepare_image(fixture("rgb-24x16-lossy.webp"), {.max_pixels = 383}); }, ErrorKind::limit_exceeded,
                  {"24x16 is 384 pixels"});
}

TEST_CASE("prepares a GIF with its palette colours", "[image][gif]") {
    const PreparedImage image = prepare_image(fixture("red-blue-6x4.gif"));
    CHECK(image.width == 6);
    CHECK(image.height == 4);
    const test::Raster out = test::decode_rgb(image.bytes);
    check_colour(out, 0, 1, test::red, 40);
    check_colour(out, 5, 1, test::blue, 40);
}

TEST_CASE("a GIF's transparent colour becomes white", "[image][gif]") {
    const test::Raster out = test::decode_rgb(prepare_image(fixture("transparent-left-4x4.gif"), {.quality = 100}).bytes);
    check_colour(out, 0, 0, test::white, 20);
    check_colour(out, 3, 3, test::red, 40);
}

TEST_CASE("an animated GIF gives its first frame", "[image][gif]") {
    const test::Raster out = test::decode_rgb(prepare_image(fixture("animated-red-then-green-5x5.gif")).bytes);
    check_colour(out, 2, 2, test::red, 40);
}

TEST_CASE("refuses a truncated or empty GIF as bad_image", "[image][gif]") {
    const auto bytes = fixture("red-blue-6x4.gif");
    for (const std::size_t keep : {std::size_t{6}, std::size_t{13}, std::size_t{800}, bytes.size() - 30}) {
        const std::vector<std::uint8_t> cut(bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(keep));
        INFO("kept " << keep << " bytes");
        require_error([&] { prepare_image(cut); }, ErrorKind::bad_image, {"GIF"});
    }
}

TEST_CASE("refuses a GIF over max_pixels from its screen descriptor", "[image][gif]") {
    auto bytes = fixture("red-blue-6x4.gif");
    bytes[6] = 0xFF, bytes[7] = 0xFF, bytes[8] = 0xFF, bytes[9] = 0xFF;  // 65535 x 65535
    require_error([&] { prepare_image(bytes); }, ErrorKind::limit_exceeded, {"65535x65535"});
}
