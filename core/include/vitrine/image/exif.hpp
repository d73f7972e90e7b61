// vitrine/image/exif.hpp — reads the EXIF orientation of a JPEG, or of an EXIF block
// as other containers store it (a WebP's EXIF chunk).
//
//   int orientation = vitrine::read_exif_orientation(jpeg_bytes);   // 1..8
//   int same = vitrine::exif_block_orientation(webp_exif_chunk);    // TIFF data, "Exif\0\0" prefix or not
//
// Walks the JPEG markers up to the first image scan, takes the first APP1 segment
// that starts with "Exif\0\0", and reads tag 0x0112 (a SHORT, count 1) from IFD0
// of its TIFF block, in either byte order (II or MM). Every offset and length is
// checked against the bytes given, so hostile input is never read out of bounds.
// Refuses nothing loudly: anything absent, malformed or out of range reads as 1
// (upright), which is what a viewer does with such a file. The values: 1 upright,
// 3 rotated 180°, 6 and 8 need a quarter turn clockwise / counter-clockwise,
// 2, 4, 5, 7 are those four mirrored.
#pragma once

#include <cstdint>
#include <span>

namespace vitrine {

int read_exif_orientation(std::span<const std::uint8_t> jpeg) noexcept;
int exif_block_orientation(std::span<const std::uint8_t> block) noexcept;

}  // namespace vitrine
