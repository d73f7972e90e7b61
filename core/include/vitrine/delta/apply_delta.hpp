// vitrine/delta/apply_delta.hpp — a delta applied over its base index (sans-I/O).
//
//   std::vector<std::uint8_t> next = vitrine::apply_delta(base_bytes, delta_bytes);
//   vitrine::Index index = vitrine::Index::open(next);   // the new index, as if downloaded in full
//
// Returns the new index's bytes, proven equal to the index the delta was made from by its
// length and XXH3-128 (delta/delta_format.hpp), so searching them gives exactly what the new
// full index gives. Decodes in one pass into the result (zstd's one-shot decoder, the base as
// its prefix): memory is the base, the delta and the result, whatever window the frame declares. Refuses, losing nothing (the base
// is only read): what read_delta_header refuses; bad_delta for a delta made for another base
// (naming both hashes and lengths), a compressed part that fails its checksum (truncated,
// corrupted), a zstd frame followed by other bytes or declaring another size, and a result
// whose hash is not the one the header promises.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace vitrine {

std::vector<std::uint8_t> apply_delta(std::span<const std::uint8_t> base, std::span<const std::uint8_t> delta);

}  // namespace vitrine
