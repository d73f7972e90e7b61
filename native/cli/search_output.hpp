// search_output.hpp — search results as the CLI prints them: an aligned table,
// or one JSON object {"results": [...]} (with --rerank also "reranked",
// "rerank_error" when false, per-result "relevance_score" when true, and
// "warnings" when any; a storefront page adds "total", "facets" ({"category":
// {"lighting": 12, ...}}) and "facet_stats" ({"price": {"min": 9.5, "max": 120}})). Retrieval scores carry 9 significant digits, exactly
// the float32 the core computed; a candidate chosen without a query vector has
// a null score.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "vitrine/index/reader.hpp"
#include "vitrine/hosted/rerank_merge.hpp"
#include "vitrine/search/facet_counts.hpp"
#include "vitrine/search/search.hpp"

namespace vitrine::cli {

struct SearchOutput {
    std::vector<RankedProduct> results;
    bool rerank_requested = false;
    bool reranked = false;
    std::string rerank_error;
    std::vector<std::string> warnings;
    // Storefront pages (vitrine::search_text_page): every match's count and the facets.
    std::optional<std::size_t> total;
    std::vector<FacetCounts> facets;
};

std::vector<RankedProduct> ranked_hits(std::span<const SearchHit> hits);

void print_json(const Index& index, const SearchOutput& output);
void print_table(const Index& index, const SearchOutput& output);

// text fit for a terminal: control characters (C0, DEL, C1) and bytes that are not
// UTF-8 become \xHH, so strings from an index (or an endpoint) cannot drive it.
std::string terminal_safe(std::string_view text);

// A double whose shortest decimal form is the float's 9-significant-digit form.
double round_trip_float(float value);

}  // namespace vitrine::cli
