// base/hash.hpp — XXH3-64 hashing (internal). Chosen over CRC-32 for index checksums
// because it runs at memory speed (an index is checked in full on every open);
// the seeded form picks the buckets of the local embedder. content_hash128 (XXH3-128) names
// content: product photos' file names, the base and result of a delta update.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace vitrine {

std::uint64_t checksum64(const void* data, std::size_t length) noexcept;
std::uint64_t seeded_hash64(const void* data, std::size_t length, std::uint64_t seed) noexcept;

struct Hash128 {
    std::uint64_t high = 0;
    std::uint64_t low = 0;
    bool operator==(const Hash128&) const = default;
};
Hash128 content_hash128(const void* data, std::size_t length) noexcept;
// 32 lower-case hex digits, high half first.
std::string to_hex(const Hash128& hash);
// 16 lower-case hex digits.
std::string to_hex(std::uint64_t value);

}  // namespace vitrine
