// Which PNGs are decoded with alpha: those with an alpha channel or a tRNS chunk.
// Opaque ones skip the alpha path; a tRNS colour key must still turn its colour white.
#include <catch2/catch.hpp>

#include <vector>

#include "png_builder.hpp"
#include "vitrine/image/prepare.hpp"

using namespace vitrine;

namespace {

// 16x16 RGB: the left half pure blue (0, 0, 255), the right half grey (100, 100, 100).
std::vector<std::uint8_t> half_blue_rows() {
    std::vector<std::uint8_t> rows;
    for (int y = 0; y < 16; ++y) {
        rows.push_back(0);  // filter: none
        for (int x = 0; x < 16; ++x) {
            const bool blue = x < 8;
            rows.insert(rows.end(), {std::uint8_t(blue ? 0 : 100), std::uint8_t(blue ? 0 : 100), std::uint8_t(blue ? 255 : 100)});
        }
    }
    return rows;
}

}  // namespace

TEST_CASE("an RGB PNG's tRNS colour key shows white, and without tRNS the colour stays", "[image]") {
    const std::vector<std::uint8_t> key{0, 0, 0, 0, 0, 255};  // 16-bit samples: blue is transparent
    const auto keyed = test::png_file({.width = 16, .height = 16}, test::zlib_stored(half_blue_rows()), {{"tRNS", key}});
    const auto opaque = test::png_file({.width = 16, .height = 16}, test::zlib_stored(half_blue_rows()));

    const test::Raster with_key = test::decode_rgb(prepare_image(keyed, {.quality = 100}).bytes);
    const test::Raster without_key = test::decode_rgb(prepare_image(opaque, {.quality = 100}).bytes);
    const std::uint8_t* keyed_left = with_key.at(2, 8);
    const std::uint8_t* opaque_left = without_key.at(2, 8);
    CHECK((keyed_left[0] > 240 && keyed_left[1] > 240 && keyed_left[2] > 240));
    CHECK((opaque_left[0] < 30 && opaque_left[1] < 30 && opaque_left[2] > 220));
    for (const test::Raster* image : {&with_key, &without_key}) {
        const std::uint8_t* right = image->at(13, 8);
        CHECK((right[0] > 90 && right[0] < 110 && right[2] > 90 && right[2] < 110));
    }
}
