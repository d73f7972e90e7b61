// search/field_filter.cpp — field filters parsed and applied (see vitrine/search/field_filter.hpp).
#include "vitrine/search/field_filter.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <optional>

#include "vitrine/base/error.hpp"

namespace vitrine {
namespace {

[[noreturn]] void refuse(const std::string& message) { throw Error(ErrorKind::invalid_argument, "filter: " + message); }

std::vector<std::string> split_values(std::string_view list) {
    std::vector<std::string> values;
    for (std::size_t start = 0; start <= list.size();) {
        const std::size_t end = std::min(list.find(',', start), list.size());
        if (end > start) values.emplace_back(list.substr(start, end - start));
        start = end + 1;
    }
    return values;
}

bool in_range(double value, const FieldFilter& filter) {
    switch (filter.op) {
        case FieldFilter::Op::at_least: return value >= filter.bound;
        case FieldFilter::Op::at_most: return value <= filter.bound;
        case FieldFilter::Op::above: return value > filter.bound;
        case FieldFilter::Op::below: return value < filter.bound;
        case FieldFilter::Op::equals: break;
    }
    return false;
}

// A whole finite number, or nullopt (strtod, not from_chars: Emscripten's libc++ has no
// floating-point from_chars).
std::optional<double> to_number(const std::string& text) {
    if (text.empty() || std::isspace(static_cast<unsigned char>(text[0]))) return std::nullopt;
    char* end = nullptr;
    const double value = std::strtod(text.c_str(), &end);
    if (end != text.c_str() + text.size() || !std::isfinite(value)) return std::nullopt;
    return value;
}

double parse_number(std::string_view text) {
    const auto value = to_number(std::string(text));
    if (!value) refuse("'" + std::string(text) + "' is not a number");
    return *value;
}

// Equal as text, or as numbers when both are ("4" and "4.0").
bool same_value(std::string_view value, double number, const std::string& wanted) {
    if (value == wanted) return true;
    if (std::isnan(number)) return false;
    const auto parsed = to_number(wanted);
    return parsed && *parsed == number;
}

}  // namespace

FieldFilter parse_field_filter(std::string_view text) {
    const std::size_t at = text.find_first_of("=<>");
    if (at == std::string_view::npos || at == 0) refuse("'" + std::string(text) + "' is not field=value or field>=number");
    FieldFilter filter;
    filter.field = std::string(text.substr(0, at));
    std::string_view rest = text.substr(at);
    if (rest.starts_with(">=")) filter.op = FieldFilter::Op::at_least, rest.remove_prefix(2);
    else if (rest.starts_with("<=")) filter.op = FieldFilter::Op::at_most, rest.remove_prefix(2);
    else if (rest.starts_with(">")) filter.op = FieldFilter::Op::above, rest.remove_prefix(1);
    else if (rest.starts_with("<")) filter.op = FieldFilter::Op::below, rest.remove_prefix(1);
    else rest.remove_prefix(1);
    if (filter.op == FieldFilter::Op::equals) {
        filter.values = split_values(rest);
        if (filter.values.empty()) refuse("'" + std::string(text) + "' has no value");
    } else {
        filter.bound = parse_number(rest);
    }
    return filter;
}

std::string filterable_fields(const Index& index) {
    std::string names = "category, price";
    if (const FacetColumns* columns = index.facet_columns())
        for (std::size_t f = 0; f < columns->field_count(); ++f) names += ", " + std::string(columns->field_name(f));
    return names;
}

void apply_field_filters(const Index& index, std::span<const FieldFilter> filters, std::vector<std::uint8_t>& flags) {
    const FacetColumns* columns = index.facet_columns();
    for (const FieldFilter& filter : filters) {
        const bool range = filter.op != FieldFilter::Op::equals;
        if (filter.field == "category") {
            if (range) refuse("category takes values (category=a,b), not a range");
            std::vector<std::uint8_t> wanted(index.category_count(), 0);
            for (const std::string& value : filter.values)
                if (const auto number = index.find_category(value)) wanted[*number] = 1;
            for (std::uint32_t i = 0; i < index.count(); ++i) flags[i] &= wanted[index.category_number(i)];
        } else if (filter.field == "price") {
            for (std::uint32_t i = 0; i < index.count(); ++i) {
                const double price = index.price(i);  // NaN without a price: matches nothing
                const bool keep = range ? in_range(price, filter)
                                        : std::any_of(filter.values.begin(), filter.values.end(),
                                                      [&](const std::string& v) { return same_value("", price, v); });
                if (!keep) flags[i] = 0;
            }
        } else {
            const auto field = columns ? columns->find(filter.field) : std::nullopt;
            if (!field) refuse("unknown field '" + filter.field + "' (this index has " + filterable_fields(index) + ")");
            if (range && !columns->numeric(*field)) refuse("'" + filter.field + "' is not numeric: filter it by value");
            // Which of the field's values pass, then which records hold one.
            std::vector<std::uint8_t> passes(columns->value_count(*field), 0);
            for (std::uint32_t v = 0; v < passes.size(); ++v) {
                const double number = columns->value_number(*field, v);
                passes[v] = range ? in_range(number, filter)
                                  : std::any_of(filter.values.begin(), filter.values.end(), [&](const std::string& wanted) {
                                        return same_value(columns->value_text(*field, v), number, wanted);
                                    });
            }
            for (std::uint32_t i = 0; i < index.count(); ++i) {
                if (!flags[i]) continue;
                const auto held = columns->values(*field, i);
                flags[i] = std::any_of(held.begin(), held.end(), [&](std::uint32_t v) { return passes[v] != 0; });
            }
        }
    }
}

}  // namespace vitrine
