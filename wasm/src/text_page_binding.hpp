// text_page_binding.hpp — storefront pages (vitrine::search_text_page) for index.search.
//
//   val answer = search_page(index, "brass lamp", {topK: 24, facets: ["brand"], filter: ["in_stock=true"],
//                                                  sort: "-price", offset: 24, keywordWeight: 0.3, fusion: "rrf"});
//
// Options arrive type-checked by the JS layer; their values (filter syntax, field names,
// weights) are the core's to judge. Answers {results, total, facets: {field: {value:
// count}}, facetStats: {field: {min, max}}}; `results` as hits_to_js gives them.
#pragma once

#include <emscripten/val.h>

#include "vitrine/index/reader.hpp"
#include "vitrine/search/search.hpp"

namespace vitrine::wasm {

// Whether options hold any page option (facets, filter, sort, offset, keywordWeight, fusion).
bool has_page_options(const emscripten::val& options);
emscripten::val search_page(const Index& index, const std::string& text, const SearchOptions& filters,
                            const emscripten::val& options);

}  // namespace vitrine::wasm
