// Downscaling in linear light, through the block average (4x or more) and without it.
#include <catch2/catch.hpp>
#include <cstdint>
#include <vector>

#include "image/shrink.hpp"

using vitrine::image::Pixels;
using vitrine::image::PixelView;
using vitrine::image::shrink;

namespace {

Pixels filled(int width, int height, int channels, std::uint8_t value) {
    return {std::vector<std::uint8_t>(static_cast<std::size_t>(width) * height * channels, value), width, height, channels};
}

}  // namespace

TEST_CASE("every grey level survives a shrink through the block average unchanged", "[image]") {
    for (int level = 0; level < 256; ++level) {
        const Pixels flat = filled(97, 61, 1, static_cast<std::uint8_t>(level));  // 9x: blocks of 4, cut at the edges
        const Pixels small = shrink(vitrine::image::view_of(flat), 10, 6);
        INFO("level " << level);
        for (const std::uint8_t v : small.data) REQUIRE(int(v) == level);
    }
}

TEST_CASE("the block average keeps edges where they were, also when blocks are cut by the border", "[image]") {
    // 1003 x 40, black left of x = 500, white from there: shrunk 10x, the step is at 50.
    Pixels step = filled(1003, 40, 3, 0);
    for (int y = 0; y < 40; ++y)
        for (int x = 500; x < 1003; ++x)
            for (int c = 0; c < 3; ++c) step.data[(static_cast<std::size_t>(y) * 1003 + x) * 3 + c] = 255;
    const Pixels small = shrink(vitrine::image::view_of(step), 100, 4);
    const auto at = [&](int x) { return int(small.data[(static_cast<std::size_t>(2) * 100 + x) * 3]); };
    for (int x = 0; x < 48; ++x) CHECK(at(x) == 0);
    for (int x = 52; x < 100; ++x) CHECK(at(x) == 255);
    CHECK(at(49) < 128);
    CHECK(at(50) > 128);
}

TEST_CASE("a pixel checkerboard averages to linear mid-grey with and without the block average", "[image]") {
    for (const int to : {128, 300}) {  // 512 -> 128 averages blocks of 2 first; 512 -> 300 does not
        Pixels board = filled(512, 512, 1, 0);
        for (int y = 0; y < 512; ++y)
            for (int x = y & 1; x < 512; x += 2) board.data[static_cast<std::size_t>(y) * 512 + x] = 255;
        const Pixels small = shrink(vitrine::image::view_of(board), to, to);
        INFO("to " << to);
        const int centre = small.data[static_cast<std::size_t>(to / 2) * to + to / 2];
        CHECK(centre >= 186);
        CHECK(centre <= 190);
    }
}
