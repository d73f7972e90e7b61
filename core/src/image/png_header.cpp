// image/png_header.cpp — IHDR and the tRNS look-ahead (see png_header.hpp).
#include "image/png_header.hpp"

#include <algorithm>
#include <string>

#include "base/byte_io.hpp"
#include "image/image_error.hpp"

namespace vitrine::image::png {
namespace {

using Bytes = std::span<const std::uint8_t>;

bool may_be_transparent(Bytes png, int colour_type) {
    if (colour_type == 4 || colour_type == 6) return true;
    static constexpr std::uint8_t kTrns[4] = {'t', 'R', 'N', 'S'}, kIdat[4] = {'I', 'D', 'A', 'T'};
    for (std::size_t at = 8; png.size() >= 12 && at <= png.size() - 12;) {
        const std::uint32_t length = bytes::load_be32(png.data() + at);
        const auto type = png.begin() + static_cast<std::ptrdiff_t>(at + 4);
        if (std::equal(kTrns, kTrns + 4, type)) return true;
        if (std::equal(kIdat, kIdat + 4, type)) return false;
        if (length > png.size() - 12 - at) return true;
        at += 12 + length;
    }
    return true;
}

}  // namespace

Header read_header(Bytes png) {
    if (png.size() < 26) fail(ErrorKind::bad_image, "truncated PNG (it ends inside the IHDR header)");
    static constexpr std::uint8_t kIhdr[4] = {'I', 'H', 'D', 'R'};
    if (bytes::load_be32(png.data() + 8) != 13 || !std::equal(kIhdr, kIhdr + 4, png.begin() + 12))
        fail(ErrorKind::bad_image, "corrupt PNG (the first chunk is not a 13-byte IHDR)");
    Header header;
    header.width = bytes::load_be32(png.data() + 16);
    header.height = bytes::load_be32(png.data() + 20);
    if (header.width == 0 || header.height == 0) fail(ErrorKind::bad_image, "corrupt PNG (zero width or height)");
    header.bit_depth = png[24];
    header.colour_type = png[25];
    const int c = header.colour_type;
    if (c != 0 && c != 2 && c != 3 && c != 4 && c != 6)
        fail(ErrorKind::bad_image, "corrupt PNG (colour type " + std::to_string(c) + ")");
    header.grey = c == 0 || c == 4;
    header.may_be_transparent = may_be_transparent(png, c);
    return header;
}

}  // namespace vitrine::image::png
