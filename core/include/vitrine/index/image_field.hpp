// vitrine/index/image_field.hpp — the index's second named vector field: one image vector
// per product that has a usable photo.
//
//   vitrine::ImageVectors image{.spec = {.model = "vitrine-local-image-v1", .dims = 112, ...}};
//   image.values = ...;  image.present = ...;          // count x dims, and one flag a product
//   auto bytes = vitrine::write_index(text_spec, products, text_vectors, image);
//   vitrine::Index index = vitrine::Index::open(bytes);
//   if (const auto row = index.image_row(position)) index.image_vector(*row);
//
// The header's vectors are the `text` field (every product has one). The `image` field has
// its own model, model dims, stored dims (Matryoshka truncation), storage, embedder kind and a
// joint-space flag: its model also embeds text into the same space, so a text query may
// search it (embedded by that model). A product without a usable photo has no image vector
// — a presence bit says so, never a zero vector — and is found through its text alone.
// Stored in optional sections 8..11 (layout.hpp), which a reader before them skips: it
// opens the file as the text-only index it also is. Every one is checked on open.
// Storage: f32 or int8 (one scale a vector); binary is refused until it is written.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "vitrine/index/format.hpp"

namespace vitrine {

// The names of the two fields, as the CLI, JS and JSON output spell them.
inline constexpr const char* text_field_name = "text";
inline constexpr const char* image_field_name = "image";

struct ImageFieldSpec {
    std::string model;             // at most 63 bytes, not empty
    std::uint32_t model_dims = 0;  // the model's own dimension (>= dims); 0: dims
    std::uint32_t dims = 0;        // stored dimension
    Storage storage = Storage::f32;
    EmbedderKind embedder = EmbedderKind::hosted;  // hosted, or local_image
    bool joint_space = false;      // the model embeds text into the same space as images
};

// What write_index stores for the image field: nothing when spec is unset.
struct ImageVectors {
    std::optional<ImageFieldSpec> spec = {};
    std::vector<float> values = {};         // count x spec->dims; rows of absent products are ignored
    std::vector<std::uint8_t> present = {}; // count flags, non-zero: the product has an image vector
};

}  // namespace vitrine
