// exif_test.cpp — read_exif_orientation: both byte orders, where EXIF may sit, and hostile segments.
#include <catch2/catch.hpp>

#include <random>

#include "image_test_support.hpp"
#include "vitrine/image/exif.hpp"

using namespace vitrine;
using namespace vitrine::test;

namespace {

std::vector<std::uint8_t> plain_jpeg() { return encode_jpeg(Raster(8, 8, 3), 80); }

std::vector<std::uint8_t> with_app1(const std::vector<std::uint8_t>& tiff) {
    return insert_after_soi(plain_jpeg(), segment(0xE1, exif_payload(tiff)));
}

}  // namespace

TEST_CASE("reads each orientation 1..8 from a little-endian (II) EXIF block") {
    for (int value = 1; value <= 8; ++value)
        CHECK(read_exif_orientation(with_exif_orientation(plain_jpeg(), value)) == value);
}

TEST_CASE("reads each orientation 1..8 from a big-endian (MM) EXIF block") {
    for (int value = 1; value <= 8; ++value)
        CHECK(read_exif_orientation(with_exif_orientation(plain_jpeg(), value, true)) == value);
}

TEST_CASE("reads 1 from a JPEG without EXIF") {
    CHECK(read_exif_orientation(plain_jpeg()) == 1);
}

TEST_CASE("reads 1 from empty input and from bytes that are not a JPEG") {
    CHECK(read_exif_orientation({}) == 1);
    const std::vector<std::uint8_t> png = encode_png(Raster(4, 4, 3));
    CHECK(read_exif_orientation(png) == 1);
    const std::vector<std::uint8_t> soi_only{0xFF, 0xD8};
    CHECK(read_exif_orientation(soi_only) == 1);
}

TEST_CASE("reads 1 for an orientation value outside 1..8") {
    for (int value : {0, 9, 255, 0xFFFF}) CHECK(read_exif_orientation(with_exif_orientation(plain_jpeg(), value)) == 1);
}

TEST_CASE("reads 1 when the orientation entry is not a single SHORT") {
    CHECK(read_exif_orientation(with_app1(tiff_with_entry(6, false, 4, 1))) == 1);  // LONG
    CHECK(read_exif_orientation(with_app1(tiff_with_entry(6, false, 3, 2))) == 1);  // two values
}

TEST_CASE("reads 1 when IFD0 has no orientation tag") {
    CHECK(read_exif_orientation(with_app1(tiff_with_entry(6, false, 3, 1, 0x010F))) == 1);  // Make
}

TEST_CASE("finds EXIF after an XMP APP1 segment and other application segments") {
    const std::string xmp = std::string("http://ns.adobe.com/xap/1.0/") + std::string(1, '\0') + "<x:xmpmeta/>";
    auto jpeg = with_exif_orientation(plain_jpeg(), 8);
    jpeg = insert_after_soi(jpeg, segment(0xE1, std::vector<std::uint8_t>(xmp.begin(), xmp.end())));
    jpeg = insert_after_soi(jpeg, segment(0xED, {'P', 'h', 'o', 't', 'o', 's', 'h', 'o', 'p'}));
    CHECK(read_exif_orientation(jpeg) == 8);
}

TEST_CASE("skips fill bytes between markers") {
    auto jpeg = with_exif_orientation(plain_jpeg(), 3);
    jpeg.insert(jpeg.begin() + 2, {0xFF, 0xFF});
    CHECK(read_exif_orientation(jpeg) == 3);
}

TEST_CASE("ignores EXIF that appears only after the start of scan") {
    auto jpeg = plain_jpeg();
    std::size_t sos = 2;
    while (!(jpeg[sos] == 0xFF && jpeg[sos + 1] == 0xDA)) ++sos;
    const auto app1 = segment(0xE1, exif_payload(tiff_with_entry(6, false)));
    jpeg.insert(jpeg.begin() + static_cast<std::ptrdiff_t>(sos) + 2 + 12, app1.begin(), app1.end());
    CHECK(read_exif_orientation(jpeg) == 1);
}

TEST_CASE("reads 1 when the IFD0 offset points outside the EXIF segment") {
    auto tiff = tiff_with_entry(6, false);
    tiff[4] = 0xF0;  // IFD0 at 0x...F0: past the end
    CHECK(read_exif_orientation(with_app1(tiff)) == 1);
    tiff[4] = 0xFF, tiff[5] = 0xFF, tiff[6] = 0xFF, tiff[7] = 0xFF;  // 4 GiB - 1
    CHECK(read_exif_orientation(with_app1(tiff)) == 1);
}

TEST_CASE("reads 1 when the IFD0 entry count runs past the EXIF segment") {
    auto tiff = tiff_with_entry(6, false);
    tiff[8] = 0xFF, tiff[9] = 0xFF;  // 65535 entries
    CHECK(read_exif_orientation(with_app1(tiff)) == 1);
}

TEST_CASE("reads 1 when a segment length runs past the end of the file") {
    auto jpeg = with_exif_orientation(plain_jpeg(), 6);
    jpeg[4] = 0xFF, jpeg[5] = 0xFF;  // APP1 length 65535
    jpeg.resize(200);
    CHECK(read_exif_orientation(jpeg) == 1);
    jpeg[4] = 0x00, jpeg[5] = 0x01;  // a length below its own two bytes
    CHECK(read_exif_orientation(jpeg) == 1);
}

TEST_CASE("reads 1 for a TIFF header with a bad byte order or magic number") {
    auto tiff = tiff_with_entry(6, false);
    tiff[0] = 'X';
    CHECK(read_exif_orientation(with_app1(tiff)) == 1);
    tiff = tiff_with_entry(6, false);
    tiff[2] = 43;
    CHECK(read_exif_orientation(with_app1(tiff)) == 1);
}

TEST_CASE("never reads outside the bytes given, however the input is cut or corrupted") {
    // Each case is copied into its own exact-size buffer, so that a sanitizer build
    // catches any read past the end.
    const auto jpeg = with_exif_orientation(plain_jpeg(), 6, true);
    for (std::size_t length = 0; length <= jpeg.size(); ++length) {
        const std::vector<std::uint8_t> prefix(jpeg.begin(), jpeg.begin() + static_cast<std::ptrdiff_t>(length));
        const int orientation = read_exif_orientation(prefix);
        CHECK((orientation == 1 || orientation == 6));
    }
    std::mt19937 random(99);
    for (int round = 0; round < 3000; ++round) {
        auto bytes = std::vector<std::uint8_t>(jpeg.begin(), jpeg.begin() + 60);  // SOI, APP1, start of APP0
        const int flips = 1 + static_cast<int>(random() % 6);
        for (int k = 0; k < flips; ++k) bytes[2 + random() % 58] = static_cast<std::uint8_t>(random());
        const int orientation = read_exif_orientation(bytes);
        CHECK((orientation >= 1 && orientation <= 8));
    }
}

TEST_CASE("reads an EXIF block as other containers store it, with or without the Exif prefix") {
    const std::vector<std::uint8_t> tiff = tiff_with_entry(6, true);
    CHECK(exif_block_orientation(tiff) == 6);
    CHECK(exif_block_orientation(exif_payload(tiff)) == 6);
    CHECK(exif_block_orientation({}) == 1);
    CHECK(exif_block_orientation(std::vector<std::uint8_t>(tiff.begin(), tiff.begin() + 9)) == 1);  // cut short
}
