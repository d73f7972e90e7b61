// Specification of the decode budget: what an image costs to decode is read from its
// headers, and an image within every pixel limit is still refused, before any decoder
// runs, when its coefficient buffers, 16-bit or interlaced rows or scans x blocks
// would take more memory or time than max_pixels allows.
#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <string>
#include <vector>

#include "image_test_support.hpp"
#include "vitrine/base/error.hpp"
#include "vitrine/image/prepare.hpp"

using namespace vitrine;
using namespace vitrine::test;

namespace {

// A JPEG of headers only (tables, a frame, `scans` scans with no entropy-coded data):
// every check made before decoding sees a well-formed file of that size and kind.
// sampling: 0x11 for each component (4:4:4) or 0x22 for the first (4:2:0).
std::vector<std::uint8_t> header_only_jpeg(std::uint8_t sof, unsigned width, unsigned height, std::uint8_t luma_sampling,
                                           unsigned scans) {
    std::vector<std::uint8_t> jpeg = {0xFF, 0xD8};
    const auto add = [&](std::uint8_t marker, const std::vector<std::uint8_t>& payload) {
        const auto seg = segment(marker, payload);
        jpeg.insert(jpeg.end(), seg.begin(), seg.end());
    };
    std::vector<std::uint8_t> quant(65, 1);
    quant[0] = 0;
    add(0xDB, quant);
    for (std::uint8_t table : {0x00, 0x10}) {  // DC 0 and AC 0: one one-bit code
        std::vector<std::uint8_t> dht(18, 0);  // class and number, 16 code counts, one symbol
        dht[0] = table;
        dht[1] = 1;
        add(0xC4, dht);
    }
    add(sof, {8, static_cast<std::uint8_t>(height >> 8), static_cast<std::uint8_t>(height), static_cast<std::uint8_t>(width >> 8),
              static_cast<std::uint8_t>(width), 3, 1, luma_sampling, 0, 2, 0x11, 0, 3, 0x11, 0});
    add(0xDA, {3, 1, 0x00, 2, 0x00, 3, 0x00, 0, sof == 0xC2 ? std::uint8_t{0} : std::uint8_t{63}, 0});  // all components
    for (unsigned i = 1; i < scans; ++i)
        add(0xDA, {1, static_cast<std::uint8_t>(1 + i % 3), 0x00, 1, 63, 0});  // one component's AC coefficients
    jpeg.push_back(0xFF);
    jpeg.push_back(0xD9);
    return jpeg;
}

// A PNG of an IHDR only: the size, depth, colour type and interlacing the budget reads.
std::vector<std::uint8_t> header_only_png(std::uint32_t width, std::uint32_t height, std::uint8_t depth,
                                          std::uint8_t colour_type, std::uint8_t interlace) {
    static constexpr std::uint8_t start[16] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    std::vector<std::uint8_t> png(45, 0);  // signature, IHDR (length, type, 13 bytes, CRC), IEND
    std::copy(start, start + 16, png.begin());
    put_be32(png.data() + 16, width);
    put_be32(png.data() + 20, height);
    png[24] = depth;
    png[25] = colour_type;
    png[28] = interlace;
    put_be32(png.data() + 29, crc32(png.data() + 12, 17));
    static constexpr std::uint8_t iend[12] = {0, 0, 0, 0, 'I', 'E', 'N', 'D', 0xAE, 0x42, 0x60, 0x82};
    std::copy(iend, iend + 12, png.begin() + 33);
    return png;
}

std::pair<ErrorKind, std::string> refusal(const std::vector<std::uint8_t>& bytes, PrepareOptions options = {}) {
    try {
        prepare_image(bytes, options);
    } catch (const Error& error) {
        return {error.kind(), error.what()};
    }
    FAIL("the image was prepared");
    return {};
}

}  // namespace

TEST_CASE("refuses a progressive JPEG of many scans by its block visits, before decoding", "[decode-budget]") {
    // 49 MP, 4:2:0, 253 scans: under the pixel and scan limits, but each scan walks the
    // luma's 767,376 blocks again (minutes of CPU).
    const auto bomb = header_only_jpeg(0xC2, 7000, 7000, 0x22, 253);
    const auto started = std::chrono::steady_clock::now();
    const auto [kind, message] = refusal(bomb);
    CHECK(std::chrono::steady_clock::now() - started < std::chrono::milliseconds(200));
    CHECK(kind == ErrorKind::limit_exceeded);
    CHECK_THAT(message, Catch::Contains("blocks in all, over the budget of 50000000"));
}

TEST_CASE("refuses a progressive 4:4:4 JPEG whose coefficient buffer exceeds the memory budget", "[decode-budget]") {
    // 49 MP 4:4:4 progressive: 2,296,875 blocks x 128 bytes = 294 MB of coefficients, at any DCT scale.
    const auto [kind, message] = refusal(header_only_jpeg(0xC2, 7000, 7000, 0x11, 10));
    CHECK(kind == ErrorKind::limit_exceeded);
    CHECK_THAT(message, Catch::Contains("of memory, over the budget of 287 MiB"));
}

TEST_CASE("the same size as a baseline JPEG passes the budget: it is decoded by scanlines", "[decode-budget]") {
    // No pixel data: what the decoder then says is bad_image, not a limit.
    CHECK(refusal(header_only_jpeg(0xC0, 7000, 7000, 0x11, 1)).first == ErrorKind::bad_image);
}

TEST_CASE("refuses an interlaced 16-bit RGBA PNG by its memory, an 8-bit RGB one of the same size passes", "[decode-budget]") {
    const auto [kind, message] = refusal(header_only_png(4000, 4000, 16, 6, 1));
    CHECK(kind == ErrorKind::limit_exceeded);
    CHECK_THAT(message, Catch::Contains("of memory, over the budget of"));
    CHECK(refusal(header_only_png(4000, 4000, 8, 2, 0)).first == ErrorKind::bad_image);
}

TEST_CASE("the budget follows max_pixels: a smaller one refuses a progressive photo a larger one takes", "[decode-budget]") {
    const auto photo = header_only_jpeg(0xC2, 4000, 3000, 0x22, 10);  // 12 MP, 36 MB of coefficients
    PrepareOptions worker;
    worker.max_pixels = 12'000'000;
    CHECK(refusal(photo).first == ErrorKind::bad_image);
    CHECK(refusal(photo, worker).first == ErrorKind::bad_image);
    worker.max_pixels = 8'000'000;
    CHECK(refusal(photo, worker).first == ErrorKind::limit_exceeded);  // by pixels
    worker.max_pixels = 12'000'000;
    CHECK(refusal(header_only_jpeg(0xC2, 4000, 3000, 0x11, 10), worker).first == ErrorKind::limit_exceeded);  // 4:4:4: 72 MB
}
