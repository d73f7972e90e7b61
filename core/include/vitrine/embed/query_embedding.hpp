// vitrine/embed/query_embedding.hpp — a search query through the index's hosted
// embedding model: the /v1/embeddings request, and the response turned into a
// query vector the index can search with.
//
//   std::string body = vitrine::build_query_embedding_request(index.spec(), "red trail shoe");
//   // ... a transport POSTs body to {base}/embeddings ...
//   std::vector<float> query = vitrine::parse_query_embedding_response(response_body, index.spec());
//   auto hits = vitrine::search(index, query, {.top_k = 10});
//
// The query is worded with the model's template (vitrine/embed/query_template.hpp;
// Qwen3-Embedding gets "Instruct: {task}\nQuery:{query}"), sent without
// `dimensions`, and the returned vector is cut to the index's dims and
// re-normalised here (vitrine/embed/matryoshka.hpp), so any server works.
//
// Refuses (Error, kind invalid_argument): an index not built by a hosted model
// (embed the query with embed_local instead), an empty query, a bad template.
// Refuses (Error, kind bad_response): what parse_embeddings_response refuses,
// and a vector whose length is not the model_dims the index was built from
// (another model or configuration answered) or whose prefix is all zeros.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "vitrine/index/format.hpp"
#include "vitrine/embed/query_template.hpp"

namespace vitrine {

struct QueryEmbeddingOptions {
    std::optional<std::string> query_template = {};  // unset: default_query_template(spec.model)
    std::string task = std::string(default_query_task);
};

// The exact text sent as the query's input.
std::string query_embedding_text(const IndexSpec& spec, std::string_view query,
                                 const QueryEmbeddingOptions& options = {});

std::string build_query_embedding_request(const IndexSpec& spec, std::string_view query,
                                          const QueryEmbeddingOptions& options = {});

std::vector<float> parse_query_embedding_response(std::string_view body, const IndexSpec& spec);

}  // namespace vitrine
