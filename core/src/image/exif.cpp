// image/exif.cpp — EXIF orientation from JPEG bytes (see vitrine/image/exif.hpp).
//
// Bounds discipline: every read goes through `fits(bytes, at, n)`, written as
// `n <= size && at <= size - n` so that no offset arithmetic can overflow, and
// segment and IFD offsets are only ever followed after that check.
#include "vitrine/image/exif.hpp"

#include <cstddef>

#include "base/byte_io.hpp"
#include "image/jpeg_markers.hpp"

namespace vitrine {
namespace {

using Bytes = std::span<const std::uint8_t>;

constexpr int kUpright = 1;
constexpr std::uint16_t kOrientationTag = 0x0112;
constexpr std::uint16_t kTypeShort = 3;

bool fits(Bytes bytes, std::size_t at, std::size_t n) noexcept {
    return n <= bytes.size() && at <= bytes.size() - n;
}

std::uint16_t load16(Bytes bytes, std::size_t at, bool big_endian) noexcept {
    return big_endian ? bytes::load_be16(bytes.data() + at) : bytes::load_le16(bytes.data() + at);
}

std::uint32_t load32(Bytes bytes, std::size_t at, bool big_endian) noexcept {
    return big_endian ? bytes::load_be32(bytes.data() + at) : bytes::load_le32(bytes.data() + at);
}

// `tiff` is the TIFF block that follows "Exif\0\0": header, then IFD0 at an
// offset relative to the start of the block.
int orientation_from_tiff(Bytes tiff) noexcept {
    if (!fits(tiff, 0, 8)) return kUpright;
    bool big_endian;
    if (tiff[0] == 'I' && tiff[1] == 'I') big_endian = false;
    else if (tiff[0] == 'M' && tiff[1] == 'M') big_endian = true;
    else return kUpright;
    if (load16(tiff, 2, big_endian) != 42) return kUpright;

    const std::size_t ifd = load32(tiff, 4, big_endian);
    if (!fits(tiff, ifd, 2)) return kUpright;
    const std::size_t count = load16(tiff, ifd, big_endian);
    const std::size_t entries = ifd + 2;
    if (!fits(tiff, entries, count * 12)) return kUpright;

    for (std::size_t i = 0; i < count; ++i) {
        const std::size_t entry = entries + i * 12;  // tag u16, type u16, count u32, value [4]
        if (load16(tiff, entry, big_endian) != kOrientationTag) continue;
        if (load16(tiff, entry + 2, big_endian) != kTypeShort || load32(tiff, entry + 4, big_endian) != 1)
            return kUpright;
        const int value = load16(tiff, entry + 8, big_endian);  // a lone SHORT sits left-justified
        return value >= 1 && value <= 8 ? value : kUpright;
    }
    return kUpright;
}

bool is_exif_payload(Bytes payload) noexcept {
    static constexpr std::uint8_t kExif[6] = {'E', 'x', 'i', 'f', 0, 0};
    if (!fits(payload, 0, sizeof kExif)) return false;
    for (std::size_t i = 0; i < sizeof kExif; ++i)
        if (payload[i] != kExif[i]) return false;
    return true;
}

}  // namespace

int exif_block_orientation(std::span<const std::uint8_t> block) noexcept {
    return orientation_from_tiff(is_exif_payload(block) ? block.subspan(6) : block);
}

int read_exif_orientation(std::span<const std::uint8_t> jpeg) noexcept {
    if (!fits(jpeg, 0, 2) || jpeg[0] != 0xFF || jpeg[1] != 0xD8) return kUpright;  // SOI
    // EXIF comes before the first scan: stop there, or wherever the file is malformed.
    for (std::size_t at = 2;;) {
        const image::jpeg::Step step = image::jpeg::next_segment(jpeg, at);
        if (step.status != image::jpeg::Status::segment || step.marker == 0xDA) return kUpright;
        if (step.marker == 0xE1 && is_exif_payload(step.body)) return orientation_from_tiff(step.body.subspan(6));
        at = step.next;
    }
}

}  // namespace vitrine
