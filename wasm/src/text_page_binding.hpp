// text_page_binding.hpp — storefront pages (vitrine::search_text_page) for index.search.
//
//   val answer = search_page(index, "brass lamp", {topK: 24, facets: ["brand"], filter: ["in_stock=true"],
//                                                  sort: "-price", offset: 24, keywordWeight: 0.3, fusion: "rrf",
//                                                  vectorFloor: 0.3});
//
// Options arrive type-checked by the JS layer; their values (filter syntax, field names,
// weights) are the core's to judge. Answers {results, total, facets: {field: {value:
// count}}, facetStats: {field: {min, max}}}; `results` as hits_to_js gives them.
#pragma once

#include <emscripten/val.h>

#include <span>

#include "vitrine/index/reader.hpp"
#include "vitrine/search/search.hpp"
#include "vitrine/search/text_page.hpp"

namespace vitrine::wasm {

// Whether options hold any page option (facets, filter, sort, offset, keywordWeight, fusion, vectorFloor).
bool has_page_options(const emscripten::val& options);
emscripten::val search_page(const Index& index, const std::string& text, const SearchOptions& filters,
                            const emscripten::val& options);
// vitrine::browse_page: the same options (fusion's unused), the same answer.
emscripten::val browse_page_js(const Index& index, const SearchOptions& filters, const emscripten::val& options);

// The page options of a JS object (the hosted client's too), and a page's total and facets
// set on an answer as search_page sets them.
PageOptions page_options_from(const SearchOptions& filters, const emscripten::val& options);
void set_page_counts(emscripten::val& answer, std::size_t total, const std::vector<FacetCounts>& facets);
// What merging shard pages needs (shard_binding.hpp) set on a page's results, hit i being
// hits[i]: the number a page sorted by a field sorts by (sortKey, null: none), and on a
// shard's index the catalogue position (cataloguePosition).
void set_merge_fields(emscripten::val& results, const Index& index, const SortOrder& sort, std::span<const SearchHit> hits);

}  // namespace vitrine::wasm
