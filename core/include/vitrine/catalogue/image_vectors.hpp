// vitrine/catalogue/image_vectors.hpp — the image field's vectors for a build: precomputed, or
// from the offline image descriptor.
//
//   auto built = vitrine::parse_image_vectors_jsonl(text, products, "clip-vit-b-32", Storage::f32);
//   auto built = vitrine::local_image_vectors(products, photo_of, Storage::int8);
//   for (auto& w : built.warnings) note(w);      // products left text-only, by id
//   write_index(spec, products, text_vectors, built.vectors);
//
// Precomputed vectors come as JSON Lines, {"id": ..., "vector": [numbers]} a line (e.g. CLIP
// vectors made elsewhere); with dims > 0 each is truncated to its first dims values
// (Matryoshka). A product with no line, or (local) no prepared photo or one the descriptor
// refuses, has no image vector: it stays text-only and a warning names it. Refused
// (ErrorKind::bad_catalogue, naming the line): invalid JSON, another shape, an id not in the
// catalogue or twice, vectors of differing length, a value not a finite number, a zero vector.
// Image field storage: f32 or int8; default_image_storage picks int8 beside int8 or binary text.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "vitrine/catalogue/catalogue.hpp"
#include "vitrine/index/image_field.hpp"

namespace vitrine {

struct ImageVectorsBuild {
    ImageVectors vectors;
    std::vector<std::string> warnings;  // "<id>: no image vector (<why>); found by its text alone"
};

Storage default_image_storage(Storage text_storage) noexcept;

// The warning for a product left without an image vector (one wording for every source).
std::string image_vector_warning(std::string_view id, std::string_view why);

ImageVectorsBuild parse_image_vectors_jsonl(std::string_view jsonl, std::span<const Product> products,
                                            std::string_view model, Storage storage, std::uint32_t dims = 0);

// The product at a position's prepared photo bytes, or nullopt with `why` set (no photo).
using PreparedPhotoSource = std::function<std::optional<std::vector<std::uint8_t>>(std::size_t position, std::string& why)>;

ImageVectorsBuild local_image_vectors(std::span<const Product> products, const PreparedPhotoSource& photo, Storage storage,
                                      const Progress& progress = {});

}  // namespace vitrine
