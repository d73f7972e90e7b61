// JPEG decoding with libjpeg-turbo: reduced-scale decoding, and corrupt or costly files
// refused rather than patched over.
#include <catch2/catch.hpp>

#include <algorithm>
#include <vector>

#include "image_test_support.hpp"
#include "image/jpeg_decode.hpp"
#include "vitrine/base/error.hpp"
#include "vitrine/image/prepare.hpp"

using namespace vitrine;

namespace {

// Where the first scan's entropy-coded data starts (after the SOS segment), and where EOI is.
std::size_t after_first_scan_header(const std::vector<std::uint8_t>& jpeg) {
    for (std::size_t at = 2; at + 4 < jpeg.size();) {
        const std::size_t length = (std::size_t{jpeg[at + 2]} << 8) | jpeg[at + 3];
        if (jpeg[at + 1] == 0xDA) return at + 2 + length;
        at += 2 + length;
    }
    FAIL("no scan");
    return 0;
}

test::Raster gradient(int width, int height) {
    test::Raster raster(width, height, 3);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x) {
            std::uint8_t* p = raster.at(x, y);
            p[0] = static_cast<std::uint8_t>(x * 255 / width);
            p[1] = static_cast<std::uint8_t>(y * 255 / height);
            p[2] = 128;
        }
    return raster;
}

}  // namespace

TEST_CASE("a JPEG decodes at the smallest eighth that leaves both edges twice the target", "[image]") {
    const auto jpeg = test::encode_jpeg(gradient(800, 480), 90);
    struct Case {
        image::Extent target;
        int width, height;
    };
    for (const Case c : {Case{{100, 60}, 200, 120},      // 2/8
                         Case{{300, 180}, 600, 360},     // 6/8
                         Case{{400, 240}, 800, 480},     // 8/8: exactly twice is full size
                         Case{{1 << 24, 1 << 24}, 800, 480}}) {
        const image::Pixels pixels = image::decode_jpeg(jpeg, 3, c.target);
        INFO("target " << c.target.width << "x" << c.target.height);
        CHECK(pixels.width == c.width);
        CHECK(pixels.height == c.height);
        CHECK(pixels.data.size() == static_cast<std::size_t>(c.width) * c.height * 3);
    }
    // The scaled decode still shows the picture: the gradient's corners.
    const image::Pixels small = image::decode_jpeg(jpeg, 3, {100, 60});
    CHECK(small.data[0] < 20);
    CHECK(small.data[(static_cast<std::size_t>(119) * 200 + 199) * 3 + 1] > 235);
}

TEST_CASE("a JPEG whose entropy-coded data is cut short is refused, not filled with grey", "[image]") {
    const auto jpeg = test::encode_jpeg(gradient(256, 256), 90);
    const std::size_t data_start = after_first_scan_header(jpeg);
    // Keep the first third of the scan, then end the file properly.
    std::vector<std::uint8_t> cut(jpeg.begin(), jpeg.begin() + static_cast<std::ptrdiff_t>(data_start + (jpeg.size() - data_start) / 3));
    cut.insert(cut.end(), {0xFF, 0xD9});
    try {
        prepare_image(cut);
        FAIL("accepted");
    } catch (const Error& error) {
        CHECK(error.kind() == ErrorKind::bad_image);
        CHECK_THAT(error.what(), Catch::Contains("corrupt JPEG") && Catch::Contains("libjpeg"));
    }
}

TEST_CASE("a JPEG of more than 256 scans is refused before decoding", "[image]") {
    const auto jpeg = test::encode_jpeg(gradient(32, 32), 90);
    // The one scan (SOS segment and its data) repeated: a valid structure, costly to decode.
    std::size_t sos = 2;
    while (jpeg[sos + 1] != 0xDA) sos += 2 + ((std::size_t{jpeg[sos + 2]} << 8) | jpeg[sos + 3]);
    const std::vector<std::uint8_t> scan(jpeg.begin() + static_cast<std::ptrdiff_t>(sos), jpeg.end() - 2);
    for (const int scans : {256, 257}) {
        std::vector<std::uint8_t> many(jpeg.begin(), jpeg.begin() + static_cast<std::ptrdiff_t>(sos));
        for (int i = 0; i < scans; ++i) many.insert(many.end(), scan.begin(), scan.end());
        many.insert(many.end(), {0xFF, 0xD9});
        INFO(scans << " scans");
        ErrorKind kind = ErrorKind::invalid_argument;  // stays so if accepted
        try {
            prepare_image(many);
        } catch (const Error& error) {
            kind = error.kind();
            if (scans == 257) CHECK_THAT(error.what(), Catch::Contains("256 scans"));
        }
        // 256 gets past the count (libjpeg itself then refuses repeated baseline scans).
        CHECK((kind == ErrorKind::limit_exceeded) == (scans == 257));
    }
}
