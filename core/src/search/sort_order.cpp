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

void sort_hits(const Index& index, const SortOrder& order, std::vector<SearchHit>& hits) {
    if (order.field.empty()) {
        std::sort(hits.begin(), hits.end(), ranks_before);
        return;
    }
    // The number each hit sorts by (NaN: none); for several values, the smallest.
    std::vector<double> key(index.count(), std::numeric_limits<double>::quiet_NaN());
    if (order.field == "price") {
        for (const SearchHit& hit : hits) key[hit.position] = index.price(hit.position);
    } else {
        const FacetColumns* columns = index.facet_columns();
        const auto field = columns ? columns->find(order.field) : std::nullopt;
        if (!field || !columns->numeric(*field))
            throw Error(ErrorKind::invalid_argument, "sort: '" + order.field + "' is not a numeric field (this index has " +
                                                         filterable_fields(index) + "; price and numeric ones sort)");
        for (const SearchHit& hit : hits)
            for (const std::uint32_t v : columns->values(*field, hit.position))
                if (!(columns->value_number(*field, v) >= key[hit.position])) key[hit.position] = columns->value_number(*field, v);
    }
    std::sort(hits.begin(), hits.end(), [&](const SearchHit& a, const SearchHit& b) {
        const double x = key[a.position], y = key[b.position];
        if (std::isnan(x) != std::isnan(y)) return std::isnan(y);  // missing last
        if (!std::isnan(x) && x != y) return order.descending ? x > y : x < y;
        return ranks_before(a, b);
    });
}

}  // namespace vitrine
