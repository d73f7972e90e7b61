// search_output.hpp — search results as the CLI prints them: an aligned table,
// or one JSON object {"results": [...]} (with --rerank also "reranked",
// "rerank_error" when false, per-result "relevance_score" when true, and
// "warnings" when any). Retrieval scores carry 9 significant digits, exactly
// the float32 the core computed; a candidate chosen without a query vector has
// a null score.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "vitrine/index/reader.hpp"
#include "vitrine/hosted/rerank_merge.hpp"
#include "vitrine/search/search.hpp"

namespace vitrine::cli {

struct SearchOutput {
    std::vector<RankedProduct> results;
    bool rerank_requested = false;
    bool reranked = false;
    std::string rerank_error;
    std::vector<std::string> warnings;
};

std::vector<RankedProduct> ranked_hits(std::span<const SearchHit> hits);

void print_json(const Index& index, const SearchOutput& output);
void print_table(const Index& index, const SearchOutput& output);

// A double whose shortest decimal form is the float's 9-significant-digit form.
double round_trip_float(float value);

}  // namespace vitrine::cli
