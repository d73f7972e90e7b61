// web/pack_files.hpp — the byte layouts of a web pack's first-pass and chunk files (internal).
//
// Little-endian, like the index. Both start with an 8-byte magic naming file and version.
//   first pass: "VTXWFP01", u32 count, u32 dims, count x dims int8 rows, count f32 scales,
//               count u32 slots: product p is the (slot % chunk_products)-th of chunk
//               slot / chunk_products (a permutation of 0..count-1: chunks group similar products)
//   chunk:      "VTXWCK01", u32 chunk number, u32 products, u32 dims, u32 storage, the products'
//               positions (u32 each), their rows as the index stores them (dims f32, or dims
//               int8), int8: one f32 scale each, then each record: u8 has price, f64 price, and
//               id, title, description, image, category, metadata, prepared image, thumbnail as
//               u32 length + bytes.
// The decoders check a file against what the manifest says it holds and refuse
// (ErrorKind::corrupt_index, naming the file) any other length, header or record bounds.
#pragma once

#include <cstdint>
#include <cstring>
#include <span>
#include <string>
#include <vector>

#include "vitrine/index/reader.hpp"
#include "vitrine/web/manifest.hpp"

namespace vitrine::web {

// The name a pack gives these bytes: photo_content_key + ".bin".
std::string content_name(std::span<const std::uint8_t> bytes);
// Refuses bytes whose length or content name is not the manifest's (the length first: it is cheap).
void check_pack_file(const WebPackFileRef& ref, std::span<const std::uint8_t> bytes, const std::string& what);

std::vector<std::uint8_t> encode_first_pass(std::uint32_t count, std::uint32_t dims, std::span<const std::int8_t> rows,
                                            std::span<const float> scales, std::span<const std::uint32_t> slots);
struct FirstPassRows {
    const std::int8_t* rows = nullptr;     // count x first_pass_dims
    const std::uint8_t* scales = nullptr;  // count f32, unaligned
    const std::uint8_t* slots = nullptr;   // count u32, unaligned
};
FirstPassRows decode_first_pass(std::span<const std::uint8_t> bytes, const WebManifest& manifest);
inline std::uint32_t slot_of(const FirstPassRows& rows, std::uint32_t position) noexcept {
    std::uint32_t slot;
    std::memcpy(&slot, rows.slots + std::size_t{position} * sizeof slot, sizeof slot);
    return slot;
}

// Chunk `number`: the given positions of the index, in that order.
std::vector<std::uint8_t> encode_chunk(const Index& index, std::uint32_t number, std::span<const std::uint32_t> positions);
struct ChunkView {
    const std::uint8_t* rows = nullptr;    // products x row bytes
    const std::uint8_t* scales = nullptr;  // int8: products f32, unaligned
    std::vector<RecordView> records;       // viewing the chunk's bytes
};
// Refuses a chunk whose positions are not those the first pass puts in it.
ChunkView decode_chunk(std::span<const std::uint8_t> bytes, const WebManifest& manifest, const FirstPassRows& first,
                       std::uint32_t chunk);

inline std::size_t row_bytes(const WebManifest& m) noexcept {
    return static_cast<std::size_t>(m.dims) * (m.storage == Storage::int8 ? 1 : sizeof(float));
}

}  // namespace vitrine::web
