// vitrine/search/text_page.hpp — storefront search: one page of a text query's results,
// with the total and facet counts. The one entry point the CLI and the JS binding call.
//
//   vitrine::PageOptions options;
//   options.filters.top_k = 24;                        // the page size
//   options.field_filters = {vitrine::parse_field_filter("brand=Acme,Zeta")};
//   options.facets = {"category", "brand", "price"};
//   options.sort = vitrine::parse_sort_order("-price");
//   vitrine::SearchPage page = vitrine::search_text_page(index, "brass lamp", options);
//   vitrine::SearchPage all = vitrine::browse_page(index, options);    // no query: the filtered catalogue
//
// Matches: keyword (vitrine/keyword/keyword_search.hpp) and vector matches (the text's
// vector at or above the relevance floor) fused as vitrine/search/fusion.hpp says. The
// vector is text_vector when given (a hosted model's, from its /embeddings: the hosted
// pipeline passes it; floor unset: hosted_vector_floor), else the local embedder's for a
// local index (floor unset: default_vector_floor). An index without a keywords section
// matches by vector alone, and a hosted model's index without text_vector by keywords
// alone; then a hit's score is that signal's own (cosine, BM25). All filters (options.filters and field_filters) apply
// before anything is counted; `total` and the facets cover every match, the page is
// [offset, offset + top_k) of them in `sort` order.
// A text without a word (empty after folding: "???", "-") matches nothing: total 0, no error.
// Refuses (ErrorKind::invalid_argument): what vitrine::search refuses in options.filters,
// unknown filter, facet or sort fields, a keyword weight outside 0..1, a text_vector of
// another length than the index's dims, and a hosted-model index with neither a keywords
// section nor text_vector (its queries need the model: see text_search.hpp).
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "vitrine/index/reader.hpp"
#include "vitrine/search/facet_counts.hpp"
#include "vitrine/search/field_filter.hpp"
#include "vitrine/search/fusion.hpp"
#include "vitrine/search/search.hpp"
#include "vitrine/search/sort_order.hpp"

namespace vitrine {

struct PageOptions {
    SearchOptions filters = {};  // top_k is the page size
    std::vector<FieldFilter> field_filters = {};
    std::vector<std::string> facets = {};
    SortOrder sort = {};
    std::size_t offset = 0;
    FusionOptions fusion = {};
};

struct SearchPage {
    std::vector<SearchHit> hits;  // the page
    std::size_t total = 0;        // every match
    std::vector<FacetCounts> facets;
};

SearchPage search_text_page(const Index& index, std::string_view text, const PageOptions& options = {},
                            std::span<const float> text_vector = {});

// A page without a query (a category page, "all products under 50"): every record that passes
// the filters is a match with score 0, in `sort` order (relevance: catalogue order), with the
// total and facet counts as search_text_page gives them; `fusion` is unused. Refuses what
// search_text_page refuses of the filters, facets and sort.
SearchPage browse_page(const Index& index, const PageOptions& options = {});

}  // namespace vitrine
