// vitrine/embed/local_image_embedder.hpp — the offline image descriptor: look-alikes by
// colour and layout, not by meaning.
//
//   std::vector<float> v = vitrine::embed_image_local(prepare_image(photo).bytes);
//
// The photo (any format prepare_image takes; callers pass the prepared photo, so a build
// and a query describe the same bytes) is prepared again as a thumbnail of at most
// local_image_edge px and decoded to RGB. The background is the mean colour of its outermost
// ring of pixels. Two parts, each L2-normalised, then weighted 0.7 / 0.3 and normalised together:
//   - layout: a 4 x 4 grid over the image, each cell's mean difference from the background
//     per channel ((background - pixel) / 255, so background cells are 0 and only the
//     product counts): 48 values;
//   - colour: a 4 x 4 x 4 RGB histogram of the pixels that are not background (some channel
//     more than 24 from it), square roots of the bins' shares (Hellinger): 64 values.
// Integer sums and double arithmetic in a fixed order: bit-identical natively and in
// WebAssembly. It finds photos with similar colours in similar places — a red shoe
// finds red things shaped alike — and knows nothing of what is in them: the hosted
// multimodal embedding models are the real path.
// Refuses: what prepare_image refuses (bad_image, limit_exceeded), and (bad_image) a photo
// of one colour (blank), which has nothing to describe.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace vitrine {

// The model name written into the image field of indexes built with this descriptor.
inline constexpr std::string_view local_image_embedder_model = "vitrine-local-image-v1";
inline constexpr std::uint32_t local_image_dims = 112;
inline constexpr int local_image_edge = 32;

std::vector<float> embed_image_local(std::span<const std::uint8_t> photo);

}  // namespace vitrine
