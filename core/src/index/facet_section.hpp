// index/facet_section.hpp — writes the facet columns section (internal; layout in
// index/layout.hpp, reader vitrine/index/facet_columns.hpp).
//
// `fields`: the metadata fields to store; nullopt picks them from the products (every
// field whose values are all strings of at most 100 bytes, numbers, booleans or arrays of
// those, at most 32 fields, by name). "category" and "price" are the records' own columns
// and are never stored here. Returns no bytes when no field is left.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "vitrine/index/format.hpp"

namespace vitrine {

std::vector<std::uint8_t> write_facet_section(std::span<const Product> products,
                                              const std::optional<std::vector<std::string>>& fields);

}  // namespace vitrine
