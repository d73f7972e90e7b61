// index/facet_columns.cpp — the facet columns section checked and read in place
// (see vitrine/index/facet_columns.hpp; layout in index/layout.hpp).
#include "vitrine/index/facet_columns.hpp"

#include <algorithm>

#include "base/byte_io.hpp"
#include "index/layout.hpp"
#include "vitrine/base/error.hpp"

namespace vitrine {
namespace {

[[noreturn]] void corrupt(const std::string& message) {
    throw Error(ErrorKind::corrupt_index, "index: the facet columns section " + message);
}
std::string num(std::uint64_t value) { return std::to_string(value); }

}  // namespace

FacetColumns FacetColumns::open(std::span<const std::uint8_t> section, std::uint32_t record_count) {
    if (section.size() < layout::facet_header_size) corrupt("is shorter than its header");
    const std::uint8_t* h = section.data();
    const std::uint64_t fields = bytes::load<std::uint32_t>(h), values = bytes::load<std::uint32_t>(h + 4),
                        refs = bytes::load<std::uint32_t>(h + 8), string_bytes = bytes::load<std::uint32_t>(h + 12);
    const std::uint64_t fields_at = layout::facet_header_size;
    const std::uint64_t values_at = fields_at + fields * layout::facet_field_entry_size;
    const std::uint64_t starts_at = values_at + values * layout::facet_value_entry_size;
    const std::uint64_t refs_at = starts_at + fields * (std::uint64_t{record_count} + 1) * 4;
    const std::uint64_t strings_at = refs_at + refs * 4;
    if (fields == 0) corrupt("has no fields");
    if (section.size() != strings_at + string_bytes)
        corrupt("is " + num(section.size()) + " bytes, its header describes " + num(strings_at + string_bytes));

    FacetColumns columns;
    columns.record_count_ = record_count;
    columns.fields_ = h + fields_at;
    columns.values_ = h + values_at;
    columns.starts_ = h + starts_at;
    columns.strings_ = h + strings_at;
    const auto text = [&](const std::uint8_t* at, const std::string& what) {
        const std::uint64_t offset = bytes::load<std::uint32_t>(at), length = bytes::load<std::uint32_t>(at + 4);
        if (offset + length > string_bytes) corrupt(what + " refers to text outside the section");
        return std::string_view(reinterpret_cast<const char*>(columns.strings_) + offset, length);
    };
    std::uint64_t next_value = 0, next_ref = 0;
    columns.refs_.resize(refs);
    for (std::uint64_t r = 0; r < refs; ++r) columns.refs_[r] = bytes::load<std::uint32_t>(h + refs_at + r * 4);
    for (std::uint64_t f = 0; f < fields; ++f) {
        const std::uint8_t* entry = columns.fields_ + f * layout::facet_field_entry_size;
        const std::string label = "field " + num(f);
        const std::string_view name = text(entry, label);
        if (name.empty() || std::find(columns.names_.begin(), columns.names_.end(), name) != columns.names_.end())
            corrupt(label + " has an empty or repeated name");
        const std::uint64_t first = bytes::load<std::uint32_t>(entry + 8), count = bytes::load<std::uint32_t>(entry + 12);
        if (first != next_value || first + count > values) corrupt(label + " has values out of order or outside the values");
        next_value = first + count;
        columns.names_.push_back(name);
        bool numeric = true;
        std::string_view previous;
        for (std::uint64_t v = 0; v < count; ++v) {
            const std::uint8_t* value = columns.values_ + (first + v) * layout::facet_value_entry_size;
            const std::string_view value_text = text(value, label + " value " + num(v));
            if (v > 0 && !(previous < value_text)) corrupt(label + " has values out of order");
            previous = value_text;
            const double number = bytes::load<double>(value + 8);
            if (std::isinf(number)) corrupt(label + " value " + num(v) + " has an infinite number");
            numeric = numeric && !std::isnan(number);
        }
        columns.numeric_.push_back(numeric && count > 0);
        for (std::uint64_t i = 0; i <= record_count; ++i) {
            const std::uint64_t start = bytes::load<std::uint32_t>(columns.starts_ + (f * (record_count + std::uint64_t{1}) + i) * 4);
            if (i == 0 ? start != next_ref : start < next_ref) corrupt(label + " has record values out of order");
            if (start > refs) corrupt(label + " has record values outside the references");
            for (std::uint64_t r = next_ref; r < start; ++r) {
                if (columns.refs_[r] >= count) corrupt(label + " refers to a value it does not have");
                if (r > next_ref && columns.refs_[r] <= columns.refs_[r - 1]) corrupt(label + " repeats a record's value");
            }
            next_ref = start;
        }
    }
    if (next_value != values || next_ref != refs) corrupt("has values or references no field uses");
    return columns;
}

std::optional<std::size_t> FacetColumns::find(std::string_view name) const noexcept {
    const auto it = std::find(names_.begin(), names_.end(), name);
    if (it == names_.end()) return std::nullopt;
    return static_cast<std::size_t>(it - names_.begin());
}

std::uint32_t FacetColumns::value_count(std::size_t field) const noexcept {
    return bytes::load<std::uint32_t>(fields_ + field * layout::facet_field_entry_size + 12);
}

std::string_view FacetColumns::value_text(std::size_t field, std::uint32_t value) const noexcept {
    const std::uint32_t first = bytes::load<std::uint32_t>(fields_ + field * layout::facet_field_entry_size + 8);
    const std::uint8_t* at = values_ + (std::size_t{first} + value) * layout::facet_value_entry_size;
    return {reinterpret_cast<const char*>(strings_) + bytes::load<std::uint32_t>(at), bytes::load<std::uint32_t>(at + 4)};
}

double FacetColumns::value_number(std::size_t field, std::uint32_t value) const noexcept {
    const std::uint32_t first = bytes::load<std::uint32_t>(fields_ + field * layout::facet_field_entry_size + 8);
    return bytes::load<double>(values_ + (std::size_t{first} + value) * layout::facet_value_entry_size + 8);
}

std::span<const std::uint32_t> FacetColumns::values(std::size_t field, std::uint32_t position) const noexcept {
    const std::size_t row = field * (std::size_t{record_count_} + 1) + position;
    const std::uint32_t begin = bytes::load<std::uint32_t>(starts_ + row * 4), end = bytes::load<std::uint32_t>(starts_ + row * 4 + 4);
    return {refs_.data() + begin, end - begin};
}

}  // namespace vitrine
