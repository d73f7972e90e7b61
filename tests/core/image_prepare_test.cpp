// image_prepare_test.cpp — prepare_image: sizes, EXIF orientation, alpha, limits, hostile input.
#include <catch2/catch.hpp>

#include <chrono>
#include <cstdlib>
#include <random>
#include <sys/mman.h>

#include "image_test_support.hpp"
#include "vitrine/base/error.hpp"
#include "vitrine/image/prepare.hpp"

using namespace vitrine;
using namespace vitrine::test;

namespace {

PreparedImage prepare(const std::vector<std::uint8_t>& bytes, PrepareOptions options = {}) {
    return prepare_image(bytes, options);
}

ErrorKind refusal_kind(const std::vector<std::uint8_t>& bytes, PrepareOptions options = {}) {
    try {
        prepare_image(bytes, options);
    } catch (const Error& error) {
        return error.kind();
    }
    FAIL("prepare_image accepted the input");
    return ErrorKind::invalid_argument;
}

std::string refusal_message(const std::vector<std::uint8_t>& bytes, PrepareOptions options = {}) {
    try {
        prepare_image(bytes, options);
    } catch (const Error& error) {
        return error.what();
    }
    FAIL("prepare_image accepted the input");
    return {};
}

// Output dimensions for a plain RGB JPEG of the given size.
std::pair<int, int> prepared_size(int width, int height, int max_edge = 1024) {
    PrepareOptions options;
    options.max_edge = max_edge;
    const PreparedImage out = prepare(encode_jpeg(Raster(width, height, 3, blue), 50), options);
    return {out.width, out.height};
}

int distance2(const std::uint8_t* rgb, Colour c) {
    int sum = 0;
    for (int i = 0; i < 3; ++i) sum += (rgb[i] - c[i]) * (rgb[i] - c[i]);
    return sum;
}

// Which of the marker colours a decoded pixel is closest to.
char nearest_marker(const std::uint8_t* rgb) {
    static const std::pair<char, Colour> markers[] = {
        {'R', red}, {'G', green}, {'B', blue}, {'Y', yellow}, {'W', white}};
    char best = '?';
    int best_distance = 1 << 30;
    for (const auto& [name, colour] : markers) {
        if (distance2(rgb, colour) < best_distance) {
            best = name;
            best_distance = distance2(rgb, colour);
        }
    }
    return best;
}

// Stored 48x32: red top-left, green top-right, blue bottom-left, yellow bottom-right.
Raster corner_markers() {
    Raster raster(48, 32, 3, white);
    raster.fill_rect(0, 0, 12, 12, red);
    raster.fill_rect(36, 0, 12, 12, green);
    raster.fill_rect(0, 20, 12, 12, blue);
    raster.fill_rect(36, 20, 12, 12, yellow);
    return raster;
}

Raster noise(int width, int height, unsigned seed) {
    Raster raster(width, height, 3);
    std::mt19937 random(seed);
    for (auto& byte : raster.pixels) byte = static_cast<std::uint8_t>(random());
    return raster;
}

}  // namespace

// --- output size ------------------------------------------------------------------------

TEST_CASE("keeps an image smaller than max_edge at its size (never upscales)") {
    CHECK(prepared_size(300, 200) == std::pair{300, 200});
    CHECK(prepared_size(1, 1) == std::pair{1, 1});
}

TEST_CASE("keeps an image whose longest edge is exactly max_edge at its size") {
    CHECK(prepared_size(1024, 700) == std::pair{1024, 700});
}

TEST_CASE("shrinks a landscape image so that its width is max_edge") {
    CHECK(prepared_size(2048, 1536) == std::pair{1024, 768});
}

TEST_CASE("shrinks a portrait image so that its height is max_edge") {
    CHECK(prepared_size(1536, 2048) == std::pair{768, 1024});
}

TEST_CASE("shrinks a square image to max_edge on both edges") {
    CHECK(prepared_size(1500, 1500) == std::pair{1024, 1024});
}

TEST_CASE("rounds the short edge of an odd size to the nearest pixel") {
    CHECK(prepared_size(1999, 1001) == std::pair{1024, 513});  // 512.77
    CHECK(prepared_size(1001, 1999) == std::pair{513, 1024});
    CHECK(prepared_size(2047, 1023) == std::pair{1024, 512});  // 511.75
    CHECK(prepared_size(301, 201, 100) == std::pair{100, 67});  // 66.78
}

TEST_CASE("keeps a very thin image at least one pixel thick") {
    CHECK(prepared_size(5000, 1) == std::pair{1024, 1});
    CHECK(prepared_size(1, 3000, 100) == std::pair{1, 100});
}

TEST_CASE("honours a custom max_edge") {
    CHECK(prepared_size(640, 480, 320) == std::pair{320, 240});
}

TEST_CASE("reports the source size next to the output size") {
    const PreparedImage out = prepare(encode_png(Raster(2000, 1000, 3)));
    CHECK(out.source_width == 2000);
    CHECK(out.source_height == 1000);
    CHECK(out.width == 1024);
    CHECK(out.height == 512);
}

TEST_CASE("produces a JPEG that decodes to the reported size") {
    for (const auto& input : {encode_png(Raster(1300, 900, 3, green)), encode_jpeg(Raster(1300, 900, 3, green), 90)}) {
        const PreparedImage out = prepare(input);
        REQUIRE(out.bytes.size() > 4);
        CHECK(out.bytes[0] == 0xFF);
        CHECK(out.bytes[1] == 0xD8);
        const Raster decoded = decode_rgb(out.bytes);
        CHECK(decoded.width == out.width);
        CHECK(decoded.height == out.height);
        CHECK(distance2(decoded.at(500, 300), green) < 3 * 6 * 6);
    }
}

TEST_CASE("prepares greyscale JPEG and PNG input") {
    Raster grey(1200, 600, 1, {90, 0, 0, 0});
    for (const auto& input : {encode_png(grey), encode_jpeg(grey, 95)}) {
        const PreparedImage out = prepare(input);
        CHECK(out.width == 1024);
        CHECK(out.height == 512);
        const Raster decoded = decode_rgb(out.bytes);
        for (int c = 0; c < 3; ++c) CHECK(std::abs(decoded.at(512, 256)[c] - 90) <= 3);
    }
}

TEST_CASE("gives a larger file at a higher quality") {
    const auto input = encode_png(noise(256, 256, 7));
    PrepareOptions low, high;
    low.quality = 30;
    high.quality = 95;
    CHECK(prepare(input, low).bytes.size() < prepare(input, high).bytes.size());
}

TEST_CASE("gives the same bytes for the same input and options") {
    const auto input = encode_jpeg(noise(1300, 900, 3), 90);
    CHECK(prepare(input).bytes == prepare(input).bytes);
}

TEST_CASE("keeps a flat colour flat when shrinking") {
    const PreparedImage out = prepare(encode_png(Raster(1800, 1200, 3, {200, 120, 40, 255})));
    const Raster decoded = decode_rgb(out.bytes);
    for (const auto& [x, y] : {std::pair{0, 0}, {1023, 682}, {500, 300}})
        CHECK(distance2(decoded.at(x, y), {200, 120, 40, 255}) < 3 * 5 * 5);
}

TEST_CASE("shrinks in linear light: a black and white pixel checkerboard becomes sRGB 188, not 128") {
    Raster checkerboard(512, 512, 3, black);
    for (int y = 0; y < 512; ++y)
        for (int x = (y & 1); x < 512; x += 2) checkerboard.fill_rect(x, y, 1, 1, white);
    PrepareOptions options;
    options.max_edge = 128;
    const Raster decoded = decode_rgb(prepare(encode_png(checkerboard), options).bytes);
    const int grey = decoded.at(64, 64)[1];
    CHECK(grey >= 182);
    CHECK(grey <= 193);
}

// --- EXIF orientation ---------------------------------------------------------------------

TEST_CASE("turns each of the eight EXIF orientations upright") {
    // Where the stored corners (R top-left, G top-right, B bottom-left, Y bottom-right)
    // appear once displayed, per the EXIF definition of each value.
    struct Case {
        int orientation;
        const char* corners;  // displayed top-left, top-right, bottom-left, bottom-right
    };
    const Case c = GENERATE(Case{1, "RGBY"}, Case{2, "GRYB"}, Case{3, "YBGR"}, Case{4, "BYRG"},
                            Case{5, "RBGY"}, Case{6, "BRYG"}, Case{7, "YGBR"}, Case{8, "GYRB"});
    CAPTURE(c.orientation);

    PrepareOptions options;
    options.quality = 100;
    const PreparedImage out = prepare(with_exif_orientation(encode_jpeg(corner_markers()), c.orientation), options);
    const bool swapped = c.orientation >= 5;
    REQUIRE(out.width == (swapped ? 32 : 48));
    REQUIRE(out.height == (swapped ? 48 : 32));

    const Raster shown = decode_rgb(out.bytes);
    const int right = shown.width - 5, bottom = shown.height - 5;
    const std::string corners{nearest_marker(shown.at(4, 4)), nearest_marker(shown.at(right, 4)),
                              nearest_marker(shown.at(4, bottom)), nearest_marker(shown.at(right, bottom))};
    CHECK(corners == c.corners);
}

TEST_CASE("reads a big-endian (Motorola) EXIF block as well as a little-endian one") {
    const auto jpeg = encode_jpeg(corner_markers());
    const PreparedImage motorola = prepare(with_exif_orientation(jpeg, 6, true));
    const PreparedImage intel = prepare(with_exif_orientation(jpeg, 6, false));
    CHECK(motorola.width == 32);
    CHECK(motorola.bytes == intel.bytes);
}

TEST_CASE("reports the upright source size, swapped for orientations 5 to 8") {
    const auto jpeg = encode_jpeg(Raster(60, 20, 3));
    for (int orientation = 1; orientation <= 8; ++orientation) {
        CAPTURE(orientation);
        const PreparedImage out = prepare(with_exif_orientation(jpeg, orientation));
        CHECK(out.source_width == (orientation >= 5 ? 20 : 60));
        CHECK(out.source_height == (orientation >= 5 ? 60 : 20));
    }
}

TEST_CASE("limits the longest edge of the upright image, not of the stored one") {
    PrepareOptions options;
    options.max_edge = 100;
    const auto stored_landscape = encode_jpeg(Raster(400, 200, 3));
    const PreparedImage rotated = prepare(with_exif_orientation(stored_landscape, 6), options);
    CHECK(rotated.width == 50);
    CHECK(rotated.height == 100);
    CHECK(decode_rgb(rotated.bytes).width == 50);
}

TEST_CASE("treats an EXIF orientation outside 1..8 as upright") {
    const auto jpeg = encode_jpeg(corner_markers());
    CHECK(prepare(with_exif_orientation(jpeg, 9)).bytes == prepare(jpeg).bytes);
    CHECK(prepare(with_exif_orientation(jpeg, 0)).bytes == prepare(jpeg).bytes);
}

// --- transparency -----------------------------------------------------------------------

TEST_CASE("composites a fully transparent pixel onto white") {
    Raster rgba(64, 32, 4, {0, 0, 0, 0});  // transparent black
    rgba.fill_rect(32, 0, 32, 32, red);    // opaque red right half
    PrepareOptions options;
    options.quality = 100;
    const Raster out = decode_rgb(prepare(encode_png(rgba), options).bytes);
    CHECK(distance2(out.at(8, 16), white) < 3 * 4 * 4);
    CHECK(distance2(out.at(56, 16), red) < 3 * 6 * 6);
}

TEST_CASE("composites half-transparent black onto white as mid grey") {
    const Raster rgba(32, 32, 4, {0, 0, 0, 128});
    const Raster out = decode_rgb(prepare(encode_png(rgba)).bytes);
    for (int c = 0; c < 3; ++c) CHECK(std::abs(out.at(16, 16)[c] - 127) <= 3);  // 255 * 127/255
}

TEST_CASE("composites a grey+alpha PNG onto white") {
    Raster grey_alpha(40, 40, 2, {0, 0, 0, 0});
    grey_alpha.fill_rect(0, 0, 20, 40, {50, 255, 0, 0});  // opaque dark grey left half
    PrepareOptions options;
    options.quality = 100;
    const Raster out = decode_rgb(prepare(encode_png(grey_alpha), options).bytes);
    CHECK(std::abs(out.at(5, 20)[0] - 50) <= 3);
    CHECK(out.at(35, 20)[0] >= 252);
}

TEST_CASE("composites transparency in a PNG that is also shrunk") {
    Raster rgba(2048, 1024, 4, {0, 0, 255, 0});  // transparent blue: its colour must not leak
    rgba.fill_rect(0, 0, 1024, 1024, green);
    const PreparedImage out = prepare(encode_png(rgba));
    CHECK(out.width == 1024);
    const Raster shown = decode_rgb(out.bytes);
    CHECK(distance2(shown.at(100, 256), green) < 3 * 6 * 6);
    CHECK(distance2(shown.at(900, 256), white) < 3 * 4 * 4);
}

// --- limits -------------------------------------------------------------------------------

TEST_CASE("refuses a PNG over the pixel limit from its header, before decoding") {
    // A real PNG whose IHDR claims 60000x60000: decoding would need ~14 GB and minutes;
    // and its data cannot fill that size, so a decode attempt would report bad_image.
    const auto bomb = with_png_size(encode_png(Raster(64, 64, 3)), 60000, 60000);
    const auto started = std::chrono::steady_clock::now();
    CHECK(refusal_kind(bomb) == ErrorKind::limit_exceeded);
    CHECK(std::chrono::steady_clock::now() - started < std::chrono::milliseconds(200));
    const std::string message = refusal_message(bomb);
    CHECK_THAT(message, Catch::Contains("60000x60000") && Catch::Contains("50000000"));
}

TEST_CASE("refuses a JPEG over the pixel limit from its header, before decoding") {
    const auto bomb = with_jpeg_size(encode_jpeg(Raster(64, 64, 3)), 60000, 60000);
    const auto started = std::chrono::steady_clock::now();
    CHECK(refusal_kind(bomb) == ErrorKind::limit_exceeded);
    CHECK(std::chrono::steady_clock::now() - started < std::chrono::milliseconds(200));
    CHECK_THAT(refusal_message(bomb), Catch::Contains("60000x60000") && Catch::Contains("50000000"));
}

TEST_CASE("accepts an image of exactly max_pixels and refuses one a pixel larger") {
    PrepareOptions options;
    options.max_pixels = 100 * 50;
    CHECK(prepare(encode_png(Raster(100, 50, 3)), options).width == 100);
    CHECK(refusal_kind(encode_png(Raster(101, 50, 3)), options) == ErrorKind::limit_exceeded);
    CHECK(refusal_kind(encode_jpeg(Raster(50, 101, 3)), options) == ErrorKind::limit_exceeded);
}

TEST_CASE("refuses an image too large for the decoder even when max_pixels allows it") {
    PrepareOptions unlimited;
    unlimited.max_pixels = std::uint64_t{1} << 62;
    const auto png = encode_png(Raster(16, 16, 4));
    CHECK(refusal_kind(with_png_size(png, 20000, 20000), unlimited) == ErrorKind::limit_exceeded);      // 1.6 GB RGBA
    CHECK(refusal_kind(with_png_size(png, 20'000'000, 2), unlimited) == ErrorKind::limit_exceeded);     // edge > 2^24
    CHECK(refusal_kind(with_png_size(png, 0xFFFFFFFF, 0xFFFFFFFF), unlimited) == ErrorKind::limit_exceeded);
}

TEST_CASE("refuses an input over 2 GiB without reading it") {
    const std::size_t size = (std::size_t{1} << 31) + 1;  // reserved, never touched: costs no memory
    void* pages = mmap(nullptr, size, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    REQUIRE(pages != MAP_FAILED);
    try {
        prepare_image(std::span(static_cast<const std::uint8_t*>(pages), size));
        FAIL("accepted");
    } catch (const Error& error) {
        CHECK(error.kind() == ErrorKind::limit_exceeded);
    }
    munmap(pages, size);
}

// --- hostile and broken input -------------------------------------------------------------

TEST_CASE("refuses empty input") {
    CHECK(refusal_kind({}) == ErrorKind::bad_image);
    CHECK_THAT(refusal_message({}), Catch::Contains("empty"));
}

TEST_CASE("refuses bytes that are no image format it reads, naming the first bytes") {
    const std::string bmp = "BM6\x0c";
    const std::vector<std::uint8_t> bmp_bytes(bmp.begin(), bmp.end());
    CHECK(refusal_kind(bmp_bytes) == ErrorKind::bad_image);
    CHECK_THAT(refusal_message(bmp_bytes), Catch::Contains("not a JPEG, PNG, WebP or GIF") && Catch::Contains("42 4d 36 0c"));

    std::mt19937 random(42);
    for (int i = 0; i < 200; ++i) {
        std::vector<std::uint8_t> noise(1 + random() % 4096);
        for (auto& byte : noise) byte = static_cast<std::uint8_t>(random());
        CHECK(refusal_kind(noise) == ErrorKind::bad_image);
    }
}

TEST_CASE("refuses a JPEG truncated at any of several lengths") {
    const auto jpeg = encode_jpeg(corner_markers(), 90);
    const std::size_t n = jpeg.size();
    for (std::size_t length : {std::size_t{1}, std::size_t{2}, std::size_t{3}, std::size_t{20}, std::size_t{100},
                               std::size_t{300}, n / 3, n / 2, 3 * n / 4, n - 3, n - 2, n - 1}) {
        CAPTURE(length, n);
        const std::vector<std::uint8_t> truncated(jpeg.begin(), jpeg.begin() + static_cast<std::ptrdiff_t>(length));
        CHECK(refusal_kind(truncated) == ErrorKind::bad_image);
    }
}

TEST_CASE("refuses a PNG truncated at any of several lengths") {
    const auto png = encode_png(noise(40, 30, 5));
    const std::size_t n = png.size();
    // n - 4 keeps every pixel and all of IEND but its CRC, which stb does not read.
    for (std::size_t length : {std::size_t{1}, std::size_t{8}, std::size_t{20}, std::size_t{29}, std::size_t{33},
                               std::size_t{50}, n / 3, n / 2, 3 * n / 4, n - 12, n - 8, n - 5}) {
        CAPTURE(length, n);
        const std::vector<std::uint8_t> truncated(png.begin(), png.begin() + static_cast<std::ptrdiff_t>(length));
        CHECK(refusal_kind(truncated) == ErrorKind::bad_image);
    }
}

TEST_CASE("refuses a PNG whose first chunk is not IHDR") {
    auto png = encode_png(Raster(8, 8, 3));
    png[12] = 'X';
    CHECK(refusal_kind(png) == ErrorKind::bad_image);
    CHECK_THAT(refusal_message(png), Catch::Contains("IHDR"));
}

// stb_image 2.27 writes out of bounds on these three; prepare_image must refuse them first.
TEST_CASE("refuses a JPEG whose Huffman table has more than 256 codes") {
    auto jpeg = encode_jpeg(corner_markers(), 80);
    const std::size_t dht = find_marker(jpeg, 0xC4);
    for (std::size_t i = 0; i < 16; ++i) jpeg[dht + 5 + i] = 200;  // code counts of the first table
    CHECK(refusal_kind(jpeg) == ErrorKind::bad_image);
    CHECK_THAT(refusal_message(jpeg), Catch::Contains("more than 256 codes"));
}

TEST_CASE("refuses a JPEG whose sampling factors do not divide the largest") {
    auto jpeg = encode_jpeg(corner_markers(), 80);  // 4:2:0: Y samples 2x2, chroma 1x1
    const std::size_t sof = find_marker(jpeg, 0xC0);
    jpeg[sof + 14] = 0x31;  // Cb samples 3x1 next to Y's 2x2
    CHECK(refusal_kind(jpeg) == ErrorKind::bad_image);
    CHECK_THAT(refusal_message(jpeg), Catch::Contains("sampling factors"));
}

TEST_CASE("refuses a JPEG whose scan uses a Huffman table never defined") {
    auto jpeg = encode_jpeg(corner_markers(), 80);
    const std::size_t sos = find_marker(jpeg, 0xDA);
    jpeg[sos + 6] = 0x33;  // first component: DC and AC table 3
    CHECK(refusal_kind(jpeg) == ErrorKind::bad_image);
    CHECK_THAT(refusal_message(jpeg), Catch::Contains("undefined Huffman table"));
}

TEST_CASE("refuses a JPEG with no frame header") {
    auto jpeg = encode_jpeg(corner_markers(), 80);
    jpeg[find_marker(jpeg, 0xC0) + 1] = 0xE5;  // SOF0 becomes an APP5 segment
    CHECK(refusal_kind(jpeg) == ErrorKind::bad_image);
}

TEST_CASE("survives randomly corrupted JPEG and PNG bytes, refusing them as bad images") {
    PrepareOptions options;
    options.max_pixels = 1'000'000;  // corrupt sizes stay cheap to decode
    const std::vector<std::vector<std::uint8_t>> originals{encode_jpeg(corner_markers(), 80),
                                                           with_exif_orientation(encode_jpeg(corner_markers(), 80), 6),
                                                           encode_png(noise(24, 16, 9)), encode_png(Raster(24, 16, 4))};
    std::mt19937 random(1234);
    for (const auto& original : originals) {
        for (int round = 0; round < 250; ++round) {
            auto bytes = original;
            const int flips = 1 + static_cast<int>(random() % 8);
            for (int k = 0; k < flips; ++k) bytes[random() % bytes.size()] = static_cast<std::uint8_t>(random());
            try {
                const PreparedImage out = prepare_image(bytes, options);
                CHECK(out.width >= 1);
            } catch (const Error& error) {
                CHECK((error.kind() == ErrorKind::bad_image || error.kind() == ErrorKind::limit_exceeded));
            }
        }
    }
}

// --- options --------------------------------------------------------------------------------

TEST_CASE("refuses max_edge outside 1..65535") {
    const auto png = encode_png(Raster(8, 8, 3));
    for (int max_edge : {0, -1, 65536}) {
        PrepareOptions options;
        options.max_edge = max_edge;
        CHECK(refusal_kind(png, options) == ErrorKind::invalid_argument);
    }
}

TEST_CASE("refuses quality outside 1..100") {
    const auto png = encode_png(Raster(8, 8, 3));
    for (int quality : {0, 101, -5}) {
        PrepareOptions options;
        options.quality = quality;
        CHECK(refusal_kind(png, options) == ErrorKind::invalid_argument);
    }
}

TEST_CASE("refuses a max_pixels of 0") {
    PrepareOptions options;
    options.max_pixels = 0;
    CHECK(refusal_kind(encode_png(Raster(8, 8, 3)), options) == ErrorKind::invalid_argument);
}
