// keyword/keyword_section.hpp — writes the keywords section of an index (internal; the
// layout is in index/layout.hpp, the reader is vitrine/keyword/keyword_index.hpp).
//
// Each product's title, description, category and attributes (its id and the values of
// `metadata_fields` in its metadata: strings, numbers, booleans or arrays of them) are
// tokenised (vitrine/keyword/tokens.hpp); codes are also indexed by their parts.
// The output is deterministic. Metadata must already be valid JSON objects.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "vitrine/index/format.hpp"

namespace vitrine {

std::vector<std::uint8_t> write_keyword_section(std::span<const Product> products,
                                                std::span<const std::string> metadata_fields);

}  // namespace vitrine
