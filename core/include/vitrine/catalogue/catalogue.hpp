// vitrine/catalogue/catalogue.hpp — catalogue JSON in, index bytes out.
//
//   auto products = vitrine::parse_catalogue(json_text);
//   auto bytes = vitrine::build_local_index(products, {.storage = vitrine::Storage::int8});
//
// parse_catalogue reads a JSON feed: an array of products or {"products": [...]};
// "id" and "title" are required; "description", "image", "category", "price" (none:
// no price) and "metadata" (an object) are optional, other fields join metadata.
// Feeds in other formats and with other field names: vitrine/catalogue/feed.hpp.
// Precomputed vectors come as JSON Lines, {"id": ..., "embedding": [...]} a line.
// Refuses (ErrorKind::bad_catalogue, naming the product and field): invalid JSON,
// wrong types, missing fields, duplicate ids, vectors of mixed length or missing.
#pragma once

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "vitrine/index/format.hpp"
#include "vitrine/index/image_field.hpp"

namespace vitrine {

std::vector<Product> parse_catalogue(std::string_view json);

// Vectors from JSON Lines, in catalogue order (row-major, products.size() x dims).
// With dims > 0 each vector is truncated to its first `dims` values (Matryoshka);
// dims of 0 keeps the length found in the file.
struct LoadedVectors {
    std::vector<float> values;
    std::uint32_t dims = 0;        // stored dims
    std::uint32_t model_dims = 0;  // length in the file
};
LoadedVectors parse_vectors_jsonl(std::string_view jsonl, std::span<const Product> products, std::uint32_t dims = 0);

// Writes an index over a hosted model's vectors (precomputed, or fetched by a transport).
// With rescore, f32 copies are kept beside int8 or binary vectors (IndexSpec::rescore),
// or int8 copies beside binary ones with rescore_with = int8 (IndexSpec::rescore_with).
// `image` adds the image vector field (vitrine/catalogue/image_vectors.hpp).
std::vector<std::uint8_t> build_index_from_vectors(std::span<const Product> products, const LoadedVectors& vectors,
                                                   Storage storage, std::string_view model, bool rescore = false,
                                                   Storage rescore_with = Storage::f32, const ImageVectors& image = {},
                                                   const SearchFields& search_fields = {});

using Progress = std::function<void(std::size_t done, std::size_t total)>;

struct LocalIndexOptions {
    Storage storage = Storage::f32;
    std::uint32_t dims = 256;
    bool rescore = false;
    Storage rescore_with = Storage::f32;
    SearchFields search_fields = {};  // keywords and facet columns
    Progress progress = {};
    const ImageVectors* image = nullptr;  // the image field (image_vectors.hpp), or none
};

// Embeds every product with the local embedder and writes the index.
std::vector<std::uint8_t> build_local_index(std::span<const Product> products, const LocalIndexOptions& options = {});

}  // namespace vitrine
