// text_page_binding.cpp — storefront pages for index.search (see text_page_binding.hpp).
#include "text_page_binding.hpp"

#include <cmath>

#include "opened_index.hpp"
#include "vitrine/base/error.hpp"
#include "vitrine/search/text_page.hpp"

namespace vitrine::wasm {

using emscripten::val;

namespace {

constexpr const char* page_option_names[] = {"facets", "filter", "sort", "offset", "keywordWeight", "fusion", "vectorFloor"};

// {results, total, facets, facetStats} of a page in `sort` order.
val page_to_js(const Index& index, const SortOrder& sort, const SearchPage& page) {
    val out = hits_to_js(index, page.hits);
    val results = out["results"];
    set_merge_fields(results, index, sort, page.hits);
    set_page_counts(out, page.total, page.facets);
    return out;
}

}  // namespace

PageOptions page_options_from(const SearchOptions& filters, const val& js) {
    PageOptions options;
    options.filters = filters;
    if (const val facets = js["facets"]; !facets.isUndefined()) options.facets = emscripten::vecFromJSArray<std::string>(facets);
    if (const val filter = js["filter"]; !filter.isUndefined())
        for (const std::string& text : emscripten::vecFromJSArray<std::string>(filter))
            options.field_filters.push_back(parse_field_filter(text));
    if (const val sort = js["sort"]; !sort.isUndefined()) options.sort = parse_sort_order(sort.as<std::string>());
    if (const val offset = js["offset"]; !offset.isUndefined()) options.offset = offset.as<std::uint32_t>();
    if (const val weight = js["keywordWeight"]; !weight.isUndefined()) options.fusion.keyword_weight = weight.as<double>();
    if (const val fusion = js["fusion"]; !fusion.isUndefined()) {
        const auto chosen = fusion_from_string(fusion.as<std::string>());
        if (!chosen) throw Error(ErrorKind::invalid_argument, "search: fusion must be convex or rrf");
        options.fusion.fusion = *chosen;
    }
    if (const val floor = js["vectorFloor"]; !floor.isUndefined()) options.fusion.vector_floor = floor.as<float>();
    return options;
}

bool has_page_options(const val& options) {
    for (const char* name : page_option_names)
        if (!options[name].isUndefined()) return true;
    return false;
}

val search_page(const Index& index, const std::string& text, const SearchOptions& filters, const val& options) {
    const PageOptions page_options = page_options_from(filters, options);
    return page_to_js(index, page_options.sort, search_text_page(index, text, page_options));
}

val browse_page_js(const Index& index, const SearchOptions& filters, const val& options) {
    const PageOptions page_options = page_options_from(filters, options);
    return page_to_js(index, page_options.sort, browse_page(index, page_options));
}

void set_merge_fields(val& results, const Index& index, const SortOrder& sort, std::span<const SearchHit> hits) {
    const bool sorted = !sort.field.empty();
    const std::vector<double> keys = sorted ? sort_keys(index, sort, hits) : std::vector<double>{};
    for (std::size_t i = 0; i < hits.size(); ++i) {
        val hit = results[i];
        if (sorted) hit.set("sortKey", std::isnan(keys[i]) ? val::null() : val(keys[i]));
        if (index.shard()) hit.set("cataloguePosition", index.catalogue_position(hits[i].position));
    }
}

void set_page_counts(val& out, std::size_t total, const std::vector<FacetCounts>& facet_counts) {
    out.set("total", total);
    val facets = val::object(), stats = val::object();
    for (const FacetCounts& facet : facet_counts) {
        val counts = val::object();
        for (const FacetValueCount& c : facet.counts) counts.set(c.value, c.count);
        if (facet.field != "price") facets.set(facet.field, counts);
        if (facet.min) {
            val range = val::object();
            range.set("min", *facet.min);
            range.set("max", *facet.max);
            stats.set(facet.field, range);
        }
    }
    out.set("facets", facets);
    out.set("facetStats", stats);
}

}  // namespace vitrine::wasm
