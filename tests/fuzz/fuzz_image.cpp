// fuzz_image.cpp — fuzz target: prepare_image (JPEG, PNG, WebP, GIF, EXIF orientation) on fuzzed bytes.
//
// The input is an encoded image. max_pixels is kept at 128x128 so that a header
// claiming a huge size is refused before decoding and no input can exhaust memory;
// max_edge is 24, so most seeds are shrunk. Odd-length inputs are encoded at
// quality 95 (stb's 4:4:4 path), even-length ones at 85 (4:2:0). A prepared
// image must be a JPEG of the size reported, within max_edge, of the upright
// source size, and its EXIF orientation (read separately) must be one of 1..8.
#include <algorithm>
#include <span>
#include <string>
#include <string_view>

#include "harness.hpp"
#include "image/jpeg_decode.hpp"
#include "vitrine/image/data_uri.hpp"
#include "vitrine/base/error.hpp"
#include "vitrine/image/exif.hpp"
#include "vitrine/image/prepare.hpp"

namespace {

constexpr vitrine::PrepareOptions options_for(std::size_t input_size) {
    return {.max_edge = 24, .quality = input_size % 2 ? 95 : 85, .max_pixels = 128 * 128};
}

void require_valid(const vitrine::PreparedImage& image, const vitrine::PrepareOptions& options) {
    FUZZ_REQUIRE(image.width >= 1 && image.height >= 1);
    FUZZ_REQUIRE(std::max(image.width, image.height) <= options.max_edge);
    FUZZ_REQUIRE(image.width <= image.source_width && image.height <= image.source_height);
    FUZZ_REQUIRE(static_cast<std::uint64_t>(image.source_width) * image.source_height <= options.max_pixels);
    const vitrine::image::Pixels decoded = vitrine::image::decode_jpeg(image.bytes, 3, {1 << 24, 1 << 24});
    FUZZ_REQUIRE(decoded.width == image.width && decoded.height == image.height);
    const std::string uri = vitrine::to_data_uri(image.bytes);
    FUZZ_REQUIRE(uri.size() == std::string_view("data:image/jpeg;base64,").size() + (image.bytes.size() + 2) / 3 * 4);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::span<const std::uint8_t> bytes(data, size);
    const int orientation = vitrine::read_exif_orientation(bytes);
    FUZZ_REQUIRE(orientation >= 1 && orientation <= 8);
    const vitrine::PrepareOptions options = options_for(size);
    vitrine::PreparedImage image;
    try {
        image = vitrine::prepare_image(bytes, options);
    } catch (const vitrine::Error&) {
        return 0;
    }
    require_valid(image, options);
    return 0;
}
