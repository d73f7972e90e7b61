// build_image_field.hpp — `vitrine build`'s image vector field: --image-embedder local (the
// offline descriptor of each prepared photo), --image-vectors FILE.jsonl --image-model NAME
// (precomputed), --image-embed-model MODEL (each prepared photo through the endpoint's
// multimodal /v1/embeddings, cached in --image-embed-cache, --image-embed-concurrency requests
// at a time; --image-joint-space records that the model embeds text into the same space), or
// none. Warnings name the products left text-only.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "arguments.hpp"
#include "vitrine/catalogue/image_vectors.hpp"

namespace vitrine::cli {

// The options it reads, for the command's option list.
inline const std::vector<std::string> image_field_options = {"image-embedder", "image-vectors", "image-model",
                                                             "image-storage", "image-dims", "image-embed-model",
                                                             "image-embed-cache", "image-embed-concurrency"};
inline const std::vector<std::string> image_field_switches = {"image-joint-space"};

// The field, or nullopt when no image option is given. `out` is the index path (prepared
// photo references are relative to its folder).
std::optional<ImageVectorsBuild> build_image_field(const Arguments& args, const std::vector<Product>& products,
                                                   Storage text_storage, const std::string& out);

}  // namespace vitrine::cli
