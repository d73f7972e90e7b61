// base/hash.hpp — XXH3-64 hashing (internal). Chosen over CRC-32 for index checksums
// because it runs at memory speed (an index is checked in full on every open);
// the seeded form picks the buckets of the local embedder.
#pragma once

#include <cstddef>
#include <cstdint>

namespace vitrine {

std::uint64_t checksum64(const void* data, std::size_t length) noexcept;
std::uint64_t seeded_hash64(const void* data, std::size_t length, std::uint64_t seed) noexcept;

}  // namespace vitrine
