// vitrine/delta/make_delta.hpp — the delta from one index to the next (native builds only:
// the WASM core has zstd's decoder alone, to stay small; making deltas is the CLI's job).
//
//   std::vector<std::uint8_t> delta = vitrine::make_delta(old_index_bytes, new_index_bytes);
//   // later, in a browser or worker that has old_index_bytes:
//   vitrine::apply_delta(old_index_bytes, delta) == new_index_bytes
//
// zstd compresses the new bytes with the old ones as a raw-content prefix, long-distance
// matching on and a window spanning old + new (up to 2^delta_window_log_max bytes; past
// that, matches reach less far back and the delta is larger, never wrong). The bytes are
// taken as they are: any two files make a valid delta, two indexes make a small one.
// Deterministic: the same inputs and level give the same delta. Refuses limit_exceeded for
// a new index over max_delta_result_bytes, invalid_argument for a level outside 1..22.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace vitrine {

// The largest zstd window make_delta uses: the most zstd allows on 32-bit targets
// (ZSTD_WINDOWLOG_MAX_32), so every delta is made the same way on every host.
inline constexpr int delta_window_log_max = 30;

// zstd's level: 19 (its strongest non-"ultra" level) makes the smallest deltas at a speed
// fine for a build step (see README, Numbers).
inline constexpr int default_delta_level = 19;

std::vector<std::uint8_t> make_delta(std::span<const std::uint8_t> old_index, std::span<const std::uint8_t> new_index,
                                     int level = default_delta_level);

}  // namespace vitrine
