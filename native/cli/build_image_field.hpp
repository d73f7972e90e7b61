// build_image_field.hpp — `vitrine build`'s image vector field: --image-embedder local (the
// offline descriptor of each prepared photo), --image-vectors FILE.jsonl --image-model NAME
// (precomputed), or none. Warnings name the products left text-only.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "arguments.hpp"
#include "vitrine/catalogue/image_vectors.hpp"

namespace vitrine::cli {

// The options it reads, for the command's option list.
inline const std::vector<std::string> image_field_options = {"image-embedder", "image-vectors", "image-model",
                                                             "image-storage", "image-dims"};

// The field, or nullopt when no image option is given. `out` is the index path (prepared
// photo references are relative to its folder).
std::optional<ImageVectorsBuild> build_image_field(const Arguments& args, const std::vector<Product>& products,
                                                   Storage text_storage, const std::string& out);

}  // namespace vitrine::cli
