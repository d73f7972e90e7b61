// delta/content_hash.hpp — the XXH3-128 a delta header names an index by (internal).
#pragma once

#include <cstdint>
#include <span>
#include <string>

#include "base/hash.hpp"
#include "vitrine/delta/delta_format.hpp"

namespace vitrine::delta {

inline DeltaContentHash content_hash(std::span<const std::uint8_t> bytes) noexcept {
    const Hash128 hash = content_hash128(bytes.data(), bytes.size());
    return {hash.high, hash.low};
}

inline std::string describe(const DeltaContentHash& hash, std::uint64_t length) {
    return to_hex({hash.high, hash.low}) + " (" + std::to_string(length) + " bytes)";
}

}  // namespace vitrine::delta
