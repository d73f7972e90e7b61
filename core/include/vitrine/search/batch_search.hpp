// vitrine/search/batch_search.hpp — many queries scored in one pass over the vectors.
//
//   std::vector<float> queries = ...;                          // count x index.dims(), row-major
//   auto answers = vitrine::search_batch(index, queries, {.top_k = 5});
//   auto mixed = vitrine::search_batch(index, queries, per_query_options);  // one per query
//
// answers[q] is exactly what vitrine::search(index, query q, its options) returns: the
// same hits, in the same order, with bit-identical scores (the same kernels' arithmetic,
// the f32 canonical 16-lane order kept per query; int8 and binary sums are exact). Each
// query keeps its own filters, top_k and rescoring. What changes is the memory traffic:
// every vector row is loaded once and scored against all queries that want it, so a
// scan that was bound by memory bandwidth is bound by arithmetic instead.
// `threads` is read from the first options (the scan is split, not the queries).
//
// Refuses (ErrorKind::invalid_argument), before any row is read: a query matrix that is
// not a whole number of index.dims() rows, options that are neither one set nor one per
// query, and anything search() refuses for a query, named by its number
// ("search batch: query 3: query has 100 dims, the index has 1024"). No queries: no answers.
#pragma once

#include <span>
#include <vector>

#include "vitrine/search/search.hpp"

namespace vitrine {

// `options`: one set for every query, or one per query.
std::vector<std::vector<SearchHit>> search_batch(const Index& index, std::span<const std::span<const float>> queries,
                                                 std::span<const SearchOptions> options);
// The queries as one count x dims matrix, row-major.
std::vector<std::vector<SearchHit>> search_batch(const Index& index, std::span<const float> matrix,
                                                 std::span<const SearchOptions> options);
std::vector<std::vector<SearchHit>> search_batch(const Index& index, std::span<const float> matrix,
                                                 const SearchOptions& options = {});

}  // namespace vitrine
