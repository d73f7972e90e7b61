// vitrine/index/facet_columns.hpp — the facet columns section of an index, read in place.
//
//   if (const vitrine::FacetColumns* columns = index.facet_columns()) columns->find("brand");
//
// Metadata fields declared at build time (IndexSpec::facet_fields) are stored as columns
// (layout in core/src/index/layout.hpp, type 17): per field a sorted dictionary of its
// values (strings, booleans as "true"/"false", numbers as JSON writes them, each with its
// number when it is one) and per record the ids of its values (none: missing; several:
// tags). Filters, facet counts and sorting read these instead of parsing metadata JSON.
// open() checks every size, reference and order; a bad section is ErrorKind::corrupt_index.
#pragma once

#include <cmath>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace vitrine {

class FacetColumns {
public:
    static FacetColumns open(std::span<const std::uint8_t> section, std::uint32_t record_count);

    std::size_t field_count() const noexcept { return names_.size(); }
    std::string_view field_name(std::size_t field) const noexcept { return names_[field]; }
    std::optional<std::size_t> find(std::string_view name) const noexcept;
    // Numeric: every value of the field is a number (sorting and ranges use them).
    bool numeric(std::size_t field) const noexcept { return numeric_[field]; }

    std::uint32_t value_count(std::size_t field) const noexcept;
    std::string_view value_text(std::size_t field, std::uint32_t value) const noexcept;
    double value_number(std::size_t field, std::uint32_t value) const noexcept;  // NaN: not a number
    // The ids of a record's values in a field, ascending.
    std::span<const std::uint32_t> values(std::size_t field, std::uint32_t position) const noexcept;

private:
    std::uint32_t record_count_ = 0;
    const std::uint8_t* fields_ = nullptr;
    const std::uint8_t* values_ = nullptr;
    const std::uint8_t* starts_ = nullptr;
    const std::uint8_t* strings_ = nullptr;
    std::vector<std::uint32_t> refs_;  // copied: read as u32 spans whatever the alignment
    std::vector<std::string_view> names_;
    std::vector<bool> numeric_;
};

}  // namespace vitrine
