// vitrine/index/writer.hpp — builds a catalogue index (format v1) in memory.
//
//   std::vector<std::uint8_t> bytes = vitrine::write_index(spec, products, vectors);
//
// `vectors` holds products.size() x spec.dims floats, row-major, in product order;
// each row is L2-normalised here (and quantised for int8 storage). The output is
// deterministic: the same input gives the same bytes on every platform.
// Refuses (vitrine::Error): dims of 0 or over the limit, a vector count that does
// not match, zero or non-finite vectors, empty or duplicate ids, non-finite prices,
// metadata that is not a JSON object, a model name over 63 bytes.
// `image`, when its spec is set, adds the image vector field (vitrine/index/image_field.hpp),
// in optional sections a reader that does not know them skips.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "vitrine/index/format.hpp"
#include "vitrine/index/image_field.hpp"

namespace vitrine {

std::vector<std::uint8_t> write_index(const IndexSpec& spec, std::span<const Product> products,
                                      std::span<const float> vectors, const ImageVectors& image = {});

}  // namespace vitrine
