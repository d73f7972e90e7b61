#include "base/hash.hpp"

#include <cstdio>

#define XXH_INLINE_ALL
#include <xxhash.h>

namespace vitrine {

std::uint64_t checksum64(const void* data, std::size_t length) noexcept { return XXH3_64bits(data, length); }

std::uint64_t seeded_hash64(const void* data, std::size_t length, std::uint64_t seed) noexcept {
    return XXH3_64bits_withSeed(data, length, seed);
}

Hash128 content_hash128(const void* data, std::size_t length) noexcept {
    const XXH128_hash_t hash = XXH3_128bits(data, length);
    return {hash.high64, hash.low64};
}

std::string to_hex(const Hash128& hash) { return to_hex(hash.high) + to_hex(hash.low); }

std::string to_hex(std::uint64_t value) {
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(value));
    return hex;
}

}  // namespace vitrine
