// vitrine/index/format.hpp — the vocabulary of a prebuilt catalogue index (format v1).
//
// An index is one little-endian binary file: a 256-byte header, a section table,
// then typed, named, 64-byte aligned sections (vectors, scales, records, strings),
// each with an XXH3-64 checksum. It is made to be used in place: fetched into a
// browser or mmap'ed natively and searched without parsing. The byte layout is
// documented in core/src/index/layout.hpp; this header holds what callers need.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vitrine {

// Similarity the index is scored by. Vectors are L2-normalised at build time,
// so inner product is cosine similarity.
enum class Metric : std::uint32_t { inner_product = 1 };

// How vectors are stored. New storage types get new numbers; a reader refuses
// a number it does not know with ErrorKind::unsupported, so v1 files stay valid.
enum class Storage : std::uint32_t {
    f32 = 1,   // 4 bytes a value
    int8 = 2,    // 1 byte a value plus one f32 scale a vector (value = q * scale)
    binary = 3,  // 1 bit a value: its sign (score = 1 - 2 * hamming / dims)
};

// Which embedder produced the vectors, so a reader knows how to embed queries.
enum class EmbedderKind : std::uint32_t {
    hosted = 1,         // a hosted embeddings endpoint, named by the model field
    local_hashing = 2,  // the offline feature-hashing embedder (local_embedder.hpp)
    local_image = 3,    // image field only: the offline colour-and-layout descriptor (local_image_embedder.hpp)
};

const char* to_string(Storage storage) noexcept;
const char* to_string(Metric metric) noexcept;
const char* to_string(EmbedderKind kind) noexcept;
std::optional<Storage> storage_from_string(std::string_view name) noexcept;

// What an index's keyword search and facets cover, chosen at build time. The reader sets
// them from the index's sections (no keywords and no facet fields without them).
struct SearchFields {
    // A keywords section (vitrine/keyword/) over title, description, category, id and
    // these metadata fields.
    bool keywords = true;
    std::vector<std::string> keyword_fields = {"brand", "colour", "color", "material", "sku", "tags"};
    // Metadata fields stored as facet columns, for filters, facet counts and sorting
    // (vitrine/index/facet_columns.hpp); nullopt: every field with short scalar values
    // (or arrays of them), at most 32.
    std::optional<std::vector<std::string>> facet_fields = std::nullopt;
};

// What describes the vectors of an index; stored in its header.
struct IndexSpec {
    Storage storage = Storage::f32;
    std::uint32_t dims = 0;        // dimension of the stored vectors
    std::string model;             // embedding model name (at most 63 bytes)
    std::uint32_t model_dims = 0;  // the model's native dimension (>= dims: Matryoshka truncation)
    EmbedderKind embedder = EmbedderKind::local_hashing;
    // Also store the f32 vectors (int8 and binary storage): search then rescores its
    // best first-pass candidates exactly. Costs 4 bytes a dimension.
    bool rescore = false;
    // The copies rescoring reads: f32 (exact), or int8 for binary storage (1 byte a
    // dimension and a scale a vector; the f32 query scores them, score = scale x dot).
    Storage rescore_with = Storage::f32;
    // The keywords and facet columns sections: what they hold.
    SearchFields search_fields = {};
};

// One product of the catalogue.
struct Product {
    std::string id = {};
    std::string title = {};
    std::string description = {};
    std::string image = {};  // URL or path of the product photo
    std::string category = {};
    std::optional<double> price = {};  // none: the product has no price (not 0)
    std::string metadata_json = "{}";  // free-form JSON object, stored verbatim
    // Photos prepared at build time (vitrine build --images-out): references, like
    // `image`, to a <= 1024 px rerank JPEG and a card thumbnail; empty: none.
    std::string prepared_image = {};
    std::string thumbnail = {};
};

// Limits a reader and writer enforce; an input past one gets ErrorKind::limit_exceeded.
struct IndexLimits {
    static constexpr std::uint32_t max_dims = 16384;
    static constexpr std::uint32_t max_records = 50'000'000;
    static constexpr std::uint64_t max_file_bytes = std::uint64_t{1} << 40;
    static constexpr std::size_t max_model_name_bytes = 63;
    static constexpr std::uint32_t max_sections = 256;
};

}  // namespace vitrine
