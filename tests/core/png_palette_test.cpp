// Palette PNGs whose pixels index past the end of their PLTE: stb_image 2.27 reads
// those entries from a stack array it never fills, so without care the output would
// carry stack memory (different from run to run, native to WASM) to the reranker.
#include <catch2/catch.hpp>

#include <vector>

#include "png_builder.hpp"
#include "vitrine/image/prepare.hpp"

using namespace vitrine;

TEST_CASE("pixels indexing past a PNG's palette come out opaque black, as browsers show them", "[image]") {
    // 16x16, palette of one red entry; pixel (x, y) has index 16y + x, so all but (0, 0) are past it.
    std::vector<std::uint8_t> rows;
    for (int y = 0; y < 16; ++y) {
        rows.push_back(0);  // filter: none
        for (int x = 0; x < 16; ++x) rows.push_back(static_cast<std::uint8_t>(16 * y + x));
    }
    const auto png = test::png_file({.width = 16, .height = 16, .colour_type = 3}, test::zlib_stored(rows),
                                    {{"PLTE", {255, 0, 0}}});
    const test::Raster upright = test::decode_rgb(prepare_image(png, {.quality = 100}).bytes);
    for (int y = 4; y < 16; ++y)  // clear of the red pixel's JPEG ringing
        for (int x = 0; x < 16; ++x) {
            INFO("pixel " << x << "," << y);
            const std::uint8_t* rgb = upright.at(x, y);
            CHECK((rgb[0] < 16 && rgb[1] < 16 && rgb[2] < 16));
        }
}
