// search/facet_counts.cpp — exact facet counts (see vitrine/search/facet_counts.hpp).
#include "vitrine/search/facet_counts.hpp"

#include <algorithm>
#include <cmath>

#include "vitrine/base/error.hpp"
#include "vitrine/search/field_filter.hpp"

namespace vitrine {
namespace {

void widen(FacetCounts& facet, double value) {
    if (std::isnan(value)) return;
    facet.min = facet.min ? std::min(*facet.min, value) : value;
    facet.max = facet.max ? std::max(*facet.max, value) : value;
}

}  // namespace

std::vector<FacetValueCount> rank_facet_values(std::vector<FacetValueCount> counts) {
    std::erase_if(counts, [](const FacetValueCount& c) { return c.count == 0; });
    std::sort(counts.begin(), counts.end(), [](const FacetValueCount& a, const FacetValueCount& b) {
        return a.count != b.count ? a.count > b.count : a.value < b.value;
    });
    return counts;
}

void check_facet_fields(const Index& index, std::span<const std::string> fields) {
    const FacetColumns* columns = index.facet_columns();
    for (const std::string& field : fields)
        if (field != "category" && field != "price" && !(columns && columns->find(field)))
            throw Error(ErrorKind::invalid_argument,
                        "facet: unknown field '" + field + "' (this index has " + filterable_fields(index) + ")");
}

std::vector<FacetCounts> count_facets(const Index& index, std::span<const std::string> fields,
                                      std::span<const SearchHit> matches) {
    check_facet_fields(index, fields);
    std::vector<FacetCounts> out;
    for (const std::string& name : fields) {
        FacetCounts facet{name, {}, {}, {}};
        if (name == "category") {
            std::vector<std::size_t> counts(index.category_count(), 0);
            for (const SearchHit& hit : matches) ++counts[index.category_number(hit.position)];
            for (std::uint32_t c = 0; c < counts.size(); ++c)
                facet.counts.push_back({std::string(index.category_name(c)), counts[c]});
        } else if (name == "price") {
            for (const SearchHit& hit : matches) widen(facet, index.price(hit.position));
        } else {
            const FacetColumns& columns = *index.facet_columns();
            const std::size_t field = *columns.find(name);
            std::vector<std::size_t> counts(columns.value_count(field), 0);
            for (const SearchHit& hit : matches)
                for (const std::uint32_t v : columns.values(field, hit.position)) {
                    ++counts[v];
                    if (columns.numeric(field)) widen(facet, columns.value_number(field, v));
                }
            for (std::uint32_t v = 0; v < counts.size(); ++v)
                facet.counts.push_back({std::string(columns.value_text(field, v)), counts[v]});
        }
        facet.counts = rank_facet_values(std::move(facet.counts));
        out.push_back(std::move(facet));
    }
    return out;
}

}  // namespace vitrine
