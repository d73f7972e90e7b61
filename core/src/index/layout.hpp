// index/layout.hpp — byte layout of the catalogue index, format v1 (internal).
//
//   offset  size  header field (all integers little-endian)
//        0     8  magic "VITRINE\x1a"
//        8     2  major version (1): a reader refuses another major version
//       10     2  minor version (1): additions a v1 reader may ignore
//       12     4  header size (256)
//       16     8  file size in bytes
//       24     4  record count          28  4  dims
//       32     4  metric                36  4  storage
//       40     4  embedder kind         44  4  model dims
//       48     4  section count         52  4  section table offset
//       56     8  XXH3-64 of header + section table, computed with this field zeroed
//       64    64  model name, UTF-8, NUL-padded (at most 63 bytes)
//      128   128  reserved, zero
//
//   section table entry (64 bytes each):
//        0  4 type   4  4 flags (bit 0: required — a reader that does not know the type refuses the file)
//        8  8 offset  16  8 length  24  8 XXH3-64 of the section bytes
//       32 24 name, NUL-padded   56  8 reserved
//
//   Sections start on 64-byte boundaries. Unknown, non-required section types are skipped,
//   which is how later versions add vector fields, keyword sections and thumbnails.
#pragma once

#include <cstddef>
#include <cstdint>

namespace vitrine::layout {

inline constexpr unsigned char magic[8] = {'V', 'I', 'T', 'R', 'I', 'N', 'E', 0x1a};
inline constexpr std::uint16_t major_version = 1;
inline constexpr std::uint16_t minor_version = 1;
inline constexpr std::size_t header_size = 256;
inline constexpr std::size_t section_entry_size = 64;
inline constexpr std::size_t section_alignment = 64;
inline constexpr std::size_t model_name_field = 64;
inline constexpr std::size_t section_name_field = 24;

namespace header {
inline constexpr std::size_t major = 8, minor = 10, size = 12, file_size = 16, count = 24, dims = 28,
                             metric = 32, storage = 36, embedder = 40, model_dims = 44,
                             section_count = 48, section_table = 52, checksum = 56, model_name = 64;
}
namespace entry {
inline constexpr std::size_t type = 0, flags = 4, offset = 8, length = 16, checksum = 24, name = 32;
}

inline constexpr std::uint32_t flag_required = 1;

enum class SectionType : std::uint32_t {
    vectors = 1,  // count x dims values in the header's storage type, row-major
    scales = 2,   // int8 storage only: count f32 scales
    records = 3,  // count fixed-size record entries (below)
    strings = 4,  // UTF-8 bytes the records point into
    rescore = 5,  // optional: count x dims f32 copies of int8 or binary vectors, for rescoring
    photos = 6,   // optional, not required (1.1): prepared-photo references (below)
    // optional, together (index/image_field_sections.hpp): the `image` vector field
    image_field = 8,     // its descriptor (below)
    image_presence = 9,  // ceil(count / 8) bytes: bit (i % 8) of byte i / 8 set = product i has an image vector
    image_vectors = 10,  // one row a present product, in position order, in the field's storage
    image_scales = 11,   // int8 field storage only: one f32 scale a row
    keywords = 16,  // optional (1.1): term dictionary, postings, field lengths (below)
    facet_columns = 17,  // optional (1.1): declared metadata fields as value columns (below)
    // optional, binary storage only, together (index/int8_rescore.hpp): int8 copies for rescoring
    rescore_int8 = 24,    // count x dims int8
    rescore_scales = 25,  // count f32 scales of those
    shard = 26,  // optional: which shard of which catalogue (vitrine/index/shard.hpp)
};
inline constexpr std::uint32_t max_known_section_type = 26;

// Photos section: count entries of two (u32 offset, u32 length) references — the
// prepared rerank JPEG and the card thumbnail, each empty when the product has none —
// into the UTF-8 bytes that follow the entries (offsets from the first of those bytes).
inline constexpr std::size_t photo_entry_size = 16;

// Image field descriptor (64 + 64 bytes): u32 storage, u32 dims, u32 model dims, u32 embedder
// kind, u32 flags (bit 0: joint space — the model embeds text into the same space), u32 rows
// (products with an image vector), reserved zero to byte 64, then the model name, UTF-8,
// NUL-padded (at most 63 bytes).
namespace image_field {
inline constexpr std::size_t size = 128, storage = 0, dims = 4, model_dims = 8, embedder = 12, flags = 16, rows = 20,
                             model_name = 64;
inline constexpr std::uint32_t flag_joint_space = 1;
}  // namespace image_field
// Keywords section (vitrine/keyword/keyword_index.hpp), in this order:
//   header (32 bytes): u32 field count (4), u32 term count T, u32 posting count P,
//     u32 term text bytes, u32 metadata field name bytes, 12 reserved zero bytes;
//   count x 4 u16: each record's length in tokens per field (title, description,
//     category, attributes);
//   T x 16: term entries of u32 text offset, u32 text length, u32 first posting,
//     u32 posting count; terms sorted by their bytes, postings in term order;
//   P x 8: postings of u32 record position (ascending within a term), 4 u8 counts;
//   term text (UTF-8), then the metadata fields indexed as attributes, '\n'-separated.
inline constexpr std::size_t keyword_header_size = 32;
inline constexpr std::size_t keyword_term_entry_size = 16;
inline constexpr std::size_t keyword_posting_size = 8;

// Facet columns section (vitrine/index/facet_columns.hpp), in this order:
//   header (16 bytes): u32 field count F, u32 value count V, u32 reference count R,
//     u32 string bytes;
//   F x 16: fields of u32 name offset, u32 name length, u32 first value, u32 value count
//     (fields' values follow each other in the value table);
//   V x 16: values of u32 text offset, u32 text length, f64 number (NaN: not a number);
//     a field's values sorted by their text bytes;
//   F x (count + 1) u32: per field, where each record's value ids start in the references
//     (ascending; field f ends where field f + 1 starts; the last ends at R);
//   R x u32: value ids, local to the field, ascending within a record;
//   the strings (UTF-8) the names and values refer to.
inline constexpr std::size_t facet_header_size = 16;
inline constexpr std::size_t facet_field_entry_size = 16;
inline constexpr std::size_t facet_value_entry_size = 16;

// Shard section (vitrine/index/shard.hpp): a 32-byte header, then count u32 positions.
namespace shard_section {
inline constexpr std::size_t header = 32, shard = 0, shards = 4, catalogue_count = 8, catalogue = 16;
}

// Record entry: six (u32 offset, u32 length) string references into the strings
// section — id, title, description, image, category, metadata JSON — then an f64
// price, u32 flags and 4 reserved bytes. Flag bit 0 (minor version 1): the product has
// no price, and the price field holds 0 (so a 1.0 reader, which ignores the flags,
// reads the 0 every product without a price had before). Other flag bits are written
// 0 and ignored.
inline constexpr std::size_t record_size = 64;
inline constexpr std::size_t record_string_fields = 6;
inline constexpr std::size_t record_price = 48;
inline constexpr std::size_t record_flags = 56;
inline constexpr std::uint32_t record_flag_no_price = 1;

}  // namespace vitrine::layout
