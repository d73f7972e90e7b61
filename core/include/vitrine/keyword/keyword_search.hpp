// vitrine/keyword/keyword_search.hpp — BM25F keyword scores of every matching record.
//
//   std::vector<vitrine::SearchHit> hits = vitrine::keyword_search(index, "theire KX-44");
//
// The query is tokenised like the records (vitrine/keyword/tokens.hpp). Each query term
// matches dictionary terms exactly, within its typo budget (vitrine/keyword/edit_distance.hpp)
// and, for the last term only, as a prefix (search-as-you-type); a looser match scores
// less (match_weight). A record's score for a query term is its best match's BM25F score:
//   idf(t) x tf' x (k1 + 1) / (k1 + tf'),  tf' = sum over fields of weight x tf / (1 - b + b x len / mean len)
// with idf(t) = ln(1 + (N - n + 0.5) / (n + 0.5)); the record's score is the sum over
// query terms. Hits come in ascending position, each score > 0; a query without tokens,
// or an index without a keywords section, gives none. Deterministic and the same in every
// build: the logarithm is computed by the core itself, in double, without library calls.
#pragma once

#include <string_view>
#include <vector>

#include "vitrine/index/reader.hpp"
#include "vitrine/search/search.hpp"

namespace vitrine {

struct Bm25Parameters {
    double k1 = 1.2;
    double b = 0.75;
    // Title above description above category and attributes (id, brand, SKU...).
    double field_weights[4] = {3.0, 1.5, 1.0, 1.0};
};

// Score factor of a dictionary term by how it matched the query term.
struct MatchWeights {
    double exact = 1.0;
    double prefix = 0.8;
    double one_typo = 0.6;
    double two_typos = 0.4;
};

std::vector<SearchHit> keyword_search(const Index& index, std::string_view text, const Bm25Parameters& bm25 = {},
                                      const MatchWeights& match_weight = {});

}  // namespace vitrine
