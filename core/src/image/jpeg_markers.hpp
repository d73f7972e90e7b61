// image/jpeg_markers.hpp — the one walk over a JPEG's markers, and the structure check built
// on it (internal).
//
//   image::jpeg::Structure s = image::jpeg::read_structure(bytes);      // throws on a bad file
//   for (std::size_t at = 2;;) {                                        // or walk it yourself
//       const image::jpeg::Step step = image::jpeg::next_segment(bytes, at);
//       if (step.status != image::jpeg::Status::segment) break;
//       ... step.marker, step.body ...;  at = step.next;
//   }
//
// next_segment reads one marker (fill bytes skipped) and its length-counted body, checking
// every length against the bytes given; it never throws, so the lenient EXIF reader and the
// strict structure check share it. read_structure walks the whole file before any decoder
// sees it (entropy-coded data skipped at memchr speed): it asks for a complete file (one
// frame header, tables defined before the scans that use them, every component scanned, an
// end-of-image marker), refuses kinds the decoder is not built for (12-bit, lossless,
// hierarchical, arithmetic-coded) and progressive files of more than max_scans scans (each
// scan walks every block, so thousands of tiny scans would cost minutes of CPU).
// Refuses (Error): bad_image for a corrupt, truncated or unsupported file, naming what is
// wrong; limit_exceeded past max_scans.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

namespace vitrine::image::jpeg {

using Bytes = std::span<const std::uint8_t>;

inline constexpr unsigned max_scans = 256;  // libjpeg-turbo's own tools default to 500; encoders write about 10

enum class Status {
    segment,           // a marker was read: marker, body (empty for markers without a length), next
    end_of_image,      // EOI
    truncated,         // the bytes end inside a marker or segment
    no_marker,         // no 0xFF where a marker must start
    misplaced_marker,  // a stuffed 0x00 or a second SOI outside a scan
    short_length,      // a segment length below 2
};

struct Step {
    Status status = Status::truncated;
    std::uint8_t marker = 0;
    Bytes body = {};
    std::size_t next = 0;  // where the next marker starts (for SOS: where its entropy-coded data starts)
};

// One marker from `at` (which must be where a marker is expected).
Step next_segment(Bytes jpeg, std::size_t at) noexcept;

// From just after a scan header to the 0xFF of the next marker that is not a restart.
std::size_t skip_entropy_coded_data(Bytes jpeg, std::size_t at) noexcept;

struct Structure {
    std::uint32_t width = 0, height = 0;
    int components = 0;  // 1 (grey), 3 (YCbCr) or 4 (CMYK)
    bool progressive = false;
    unsigned scans = 0;
};

Structure read_structure(Bytes jpeg);

}  // namespace vitrine::image::jpeg
