// vitrine/delta/delta_format.hpp — the delta file: what `vitrine delta` writes, what
// apply_delta reads.
//
//   const vitrine::DeltaHeader header = vitrine::read_delta_header(delta_bytes);
//   header.base_bytes, header.new_bytes;   // header.base_hash names the base it applies to
//
// A delta turns one base index into one new index. It is an 80-byte header and one zstd
// frame: the new index compressed with the base index as zstd's raw-content prefix ("patch
// from" mode, long-distance matching on), so what the two indexes share costs a few bytes
// a match and a price change costs about the record it changed. Layout, little-endian:
//
//   0   magic "VTXDELTA"            8   format version (u32, delta_format_version)
//   12  flags (u32, 0)              16  base index length (u64)
//   24  base XXH3-128 (high, low)   40  new index length (u64)
//   48  new XXH3-128 (high, low)    64  XXH3-64 of the zstd frame
//   72  XXH3-64 of bytes 0..71
//   80  the zstd frame (its content size = the new length), to the end of the file
//
// The two XXH3-128 make a delta refuse any base but its own and prove the result is the new
// index byte for byte; the header's own checksum tells a damaged header from a delta for
// another base, and the frame's checksum refuses a damaged frame before decoding (some bit
// flips zstd would decode to the same bytes: refused anyway, a damaged file is not trusted).
// read_delta_header checks the header alone and refuses: bad_delta (shorter than a header,
// wrong magic, header checksum), unsupported (another format version, flags), limit_exceeded
// (a new length over max_delta_result_bytes, refused before any allocation).
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

namespace vitrine {

inline constexpr std::uint32_t delta_format_version = 1;
inline constexpr std::size_t delta_header_bytes = 80;
// The largest new index a delta may make: the base and the result are both in memory when
// a delta is applied (a browser's WASM heap is at most a few GiB).
inline constexpr std::uint64_t max_delta_result_bytes = std::uint64_t{512} << 20;

struct DeltaContentHash {
    std::uint64_t high = 0;
    std::uint64_t low = 0;
    bool operator==(const DeltaContentHash&) const = default;
};

struct DeltaHeader {
    std::uint64_t base_bytes = 0;
    DeltaContentHash base_hash;
    std::uint64_t new_bytes = 0;
    DeltaContentHash new_hash;
    std::uint64_t frame_checksum = 0;
};

DeltaHeader read_delta_header(std::span<const std::uint8_t> delta);

// The header's bytes (magic, version and the header's own checksum filled in).
void write_delta_header(const DeltaHeader& header, std::span<std::uint8_t, delta_header_bytes> out);

}  // namespace vitrine
