#include "base/hash.hpp"

#define XXH_INLINE_ALL
#include <xxhash.h>

namespace vitrine {

std::uint64_t checksum64(const void* data, std::size_t length) noexcept { return XXH3_64bits(data, length); }

std::uint64_t seeded_hash64(const void* data, std::size_t length, std::uint64_t seed) noexcept {
    return XXH3_64bits_withSeed(data, length, seed);
}

}  // namespace vitrine
