// vitrine/search/field_filter.hpp — filters on a product's fields, as shoppers pick them.
//
//   auto filter = vitrine::parse_field_filter("brand=Acme,Zeta");   // or "rating>=4", "in_stock=true"
//
// "field=a,b" keeps records with any of the values (OR within a field; tags match when
// one of them does); "field>=x", "<=", ">" and "<" keep records with a number in range.
// Several filters all apply (AND across fields). The fields: "category", "price" (the
// records' own columns) and the index's facet columns (vitrine/index/facet_columns.hpp).
// A record without the field matches no filter on it: a missing price is not 0.
// Refuses (ErrorKind::invalid_argument): text without a field, an operator or a value,
// a range bound that is not a number, and (when applied) a field the index does not have
// (the message lists those it has) or a range on a field that is not numeric.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "vitrine/index/reader.hpp"

namespace vitrine {

struct FieldFilter {
    enum class Op { equals, at_least, at_most, above, below };
    std::string field;
    Op op = Op::equals;
    std::vector<std::string> values;  // equals
    double bound = 0;                 // ranges
};

FieldFilter parse_field_filter(std::string_view text);

// The fields filters, facets and sorting accept on this index, for messages.
std::string filterable_fields(const Index& index);

// Clears the flag of every position a filter leaves out (flags: one per record).
void apply_field_filters(const Index& index, std::span<const FieldFilter> filters, std::vector<std::uint8_t>& flags);

}  // namespace vitrine
