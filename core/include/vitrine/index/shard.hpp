// vitrine/index/shard.hpp — a catalogue split into shard indexes by a hash of the product id.
//
//   std::uint32_t s = vitrine::shard_of("sku-123", 4);               // the shard a product lives in
//   auto bytes = vitrine::mark_shard(shard_bytes, {.shard = s, .shards = 4, .catalogue = fingerprint,
//                                                  .catalogue_count = n, .positions = positions});
//   index.shard();                                                    // read back (reader.hpp)
//
// A shard is an ordinary index over the products shard_of puts in it, in catalogue order,
// built exactly as the whole catalogue's index is (rows are normalised and quantised one by
// one, so a product's vector bytes, and its score for a query, are the same in both). Its
// optional shard section says which shard it is, of how many, of which catalogue (the
// whole index's XXH3-64) and, per product, its position in the whole catalogue: merged
// shard pages (vitrine/search/merge_pages.hpp) then break score ties by that position, as
// the whole index does, and a front that finds shards of two catalogues, or a shard in
// another's place, can say so. Section layout (little-endian):
//
//   0   u32 shard   4   u32 shards   8   u32 catalogue count   12  u32 reserved, 0
//   16  u64 catalogue (XXH3-64 of the whole index)             24  u64 reserved, 0
//   32  count x u32 catalogue positions, strictly ascending, each < the catalogue count
//
// The reader refuses (corrupt_index) a section of another length, a shard >= shards, shard
// counts outside 2..max_shards, positions out of order or range, and a product whose id
// shard_of does not put in this shard. mark_shard refuses the same as invalid_argument.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace vitrine {

inline constexpr std::uint32_t max_shards = 256;

// XXH3-64 of the id's bytes, modulo shards: stable across builds, platforms and versions.
std::uint32_t shard_of(std::string_view id, std::uint32_t shards) noexcept;

struct ShardSpec {
    std::uint32_t shard = 0;
    std::uint32_t shards = 0;
    std::uint64_t catalogue = 0;             // XXH3-64 of the whole catalogue's index
    std::uint32_t catalogue_count = 0;       // products in the whole catalogue
    std::span<const std::uint32_t> positions = {};  // per product of the shard: its catalogue position
};

// The XXH3-64 a ShardSpec's `catalogue` holds, of a whole index's bytes.
std::uint64_t catalogue_fingerprint(std::span<const std::uint8_t> whole_index) noexcept;

// The fingerprint as 16 lower-case hex digits, as `vitrine info` and index.shard show it
// (a u64 is not a JS number).
std::string catalogue_id(std::uint64_t catalogue);

// The shard's index bytes with the shard section added (any earlier one replaced).
std::vector<std::uint8_t> mark_shard(std::span<const std::uint8_t> index, const ShardSpec& spec);

}  // namespace vitrine
