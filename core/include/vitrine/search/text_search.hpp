// vitrine/search/text_search.hpp — a text query searched the way its index was built for.
//
//   auto hits = vitrine::search_text(index, "brass floor lamp", {.top_k = 5});
//
// Vector search alone for a text. Storefront search (keywords and vectors fused, filters,
// facets, pages) is vitrine/search/text_page.hpp, which the CLI and the JS binding call.
// An index of the offline local embedder (EmbedderKind::local_hashing) embeds the text
// with embed_local at the index's dims, then searches as vitrine::search does (same
// options, same order, same scores). An index built by a hosted model needs that model
// to embed the query: the caller embeds it (the hosted client, or a query vector) and
// calls vitrine::search.
//
// Refuses (Error, kind invalid_argument): an index built by a hosted model (the message
// names the model), and whatever vitrine::search refuses (top_k of 0, a text that embeds
// to a zero vector, bad filters).
#pragma once

#include <string_view>
#include <vector>

#include "vitrine/index/reader.hpp"
#include "vitrine/search/search.hpp"

namespace vitrine {

// The vector search_text searches with (a local-embedder index only; refuses as it does).
std::vector<float> local_text_query(const Index& index, std::string_view text);

std::vector<SearchHit> search_text(const Index& index, std::string_view text, const SearchOptions& options = {});

}  // namespace vitrine
