// vitrine/search/photo_query.hpp — a query photo as a vector of the index's image field.
//
//   auto vector = vitrine::local_photo_query(index, photo_bytes);   // then search_fields
//
// The photo (JPEG, PNG, WebP, GIF) is prepared by the core first (prepare_image: upright,
// at most 1024 px, JPEG), as product photos are at build time — unless it is a prepared
// photo already (check_prepared_photo: a JPEG of at most 1024 px, e.g. one a worker prepared
// under its own pixel budget), which is taken as it is — then described by the index's
// image model. So an original and its prepared photo give the same vector. Offline that is the local descriptor (local_image_embedder.hpp);
// an image field of a hosted model needs that model (the hosted client embeds the photo).
// Refuses: invalid_argument for an index without an image field or with a hosted image
// model (the message names it); what prepare_image and embed_image_local refuse.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "vitrine/index/reader.hpp"

namespace vitrine {

std::vector<float> local_photo_query(const Index& index, std::span<const std::uint8_t> photo);

}  // namespace vitrine
