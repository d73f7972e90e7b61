// search/sort_order.cpp — results sorted by relevance or a number (see vitrine/search/sort_order.hpp).
#include "vitrine/search/sort_order.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "search/top_k.hpp"
#include "vitrine/base/error.hpp"
#include "vitrine/search/field_filter.hpp"

namespace vitrine {

SortOrder parse_sort_order(std::string_view text) {
    SortOrder order;
    if (text.empty() || text == "relevance") return order;
    order.descending = text.front() == '-';
    order.field = std::string(order.descending ? text.substr(1) : text);
    return order;
}

bool sorts_before(const SortOrder& order, double key_a, const SearchHit& a, double key_b, const SearchHit& b) noexcept {
    if (order.field.empty()) return ranks_before(a, b);
    if (std::isnan(key_a) != std::isnan(key_b)) return std::isnan(key_b);  // missing last
    if (!std::isnan(key_a) && key_a != key_b) return order.descending ? key_a > key_b : key_a < key_b;
    return ranks_before(a, b);
}

std::vector<double> sort_keys(const Index& index, const SortOrder& order, std::span<const SearchHit> hits) {
    std::vector<double> keys(hits.size(), std::numeric_limits<double>::quiet_NaN());
    if (order.field.empty()) return keys;
    if (order.field == "price") {
        for (std::size_t i = 0; i < hits.size(); ++i) keys[i] = index.price(hits[i].position);
        return keys;
    }
    const FacetColumns* columns = index.facet_columns();
    const auto field = columns ? columns->find(order.field) : std::nullopt;
    if (!field || !columns->numeric(*field))
        throw Error(ErrorKind::invalid_argument, "sort: '" + order.field + "' is not a numeric field (this index has " +
                                                     filterable_fields(index) + "; price and numeric ones sort)");
    for (std::size_t i = 0; i < hits.size(); ++i)
        for (const std::uint32_t v : columns->values(*field, hits[i].position))
            if (!(columns->value_number(*field, v) >= keys[i])) keys[i] = columns->value_number(*field, v);
    return keys;
}

void sort_hits(const Index& index, const SortOrder& order, std::vector<SearchHit>& hits) {
    if (order.field.empty()) {
        std::sort(hits.begin(), hits.end(), ranks_before);
        return;
    }
    const std::vector<double> keys = sort_keys(index, order, hits);
    std::vector<double> key(index.count(), std::numeric_limits<double>::quiet_NaN());
    for (std::size_t i = 0; i < hits.size(); ++i) key[hits[i].position] = keys[i];
    std::sort(hits.begin(), hits.end(), [&](const SearchHit& a, const SearchHit& b) {
        return sorts_before(order, key[a.position], a, key[b.position], b);
    });
}

}  // namespace vitrine
