// vitrine/native/hosted_search.hpp — the native search pipeline: embed the query,
// retrieve candidates from the index, rerank them through the endpoint.
//
//   auto query = embed_query(index, "red trail shoe", &client, {});          // local or hosted model
//   auto retrieved = retrieve(index, query, {.top_k = 10});
//   std::vector<std::string> warnings;
//   RerankOutcome outcome = rerank_products(index, retrieved, settings, client, images, warnings);
//
// Every decision is the core's (query templates, Matryoshka, batches of at most
// max_images_per_request images, merging, fallback), so the JS pipeline given
// the same responses returns the same results. This layer only moves bytes.
// rerank_products never throws for an endpoint or response failure: it returns
// the retrieval order with reranked = false and the reason. It does throw for
// settings out of contract (vitrine::Error, invalid_argument).
// A candidate whose image cannot be used is reranked on its text, and a line in
// `warnings` says so.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "vitrine/index/reader.hpp"
#include "vitrine/native/endpoint_client.hpp"
#include "vitrine/native/product_images.hpp"
#include "vitrine/embed/query_embedding.hpp"
#include "vitrine/hosted/rerank_merge.hpp"
#include "vitrine/search/search.hpp"

namespace vitrine::native {

// The query vector: the local embedder for a local index, else the index's
// hosted model through client (which must then be non-null).
std::vector<float> embed_query(const Index& index, std::string_view text, EndpointClient* client,
                               const QueryEmbeddingOptions& options);

struct Retrieved {
    std::uint32_t position = 0;
    std::optional<float> score = {};  // unset for candidates chosen without a query vector
};

// search() for a query vector; round_robin_by_category for an empty one.
std::vector<Retrieved> retrieve(const Index& index, std::span<const float> query, const SearchOptions& options);

struct RerankSettings {
    std::string model = {};
    std::string query = {};                           // may be empty with a query image
    std::optional<std::string> query_image_url = {};  // a prepared photo (search by photo)
    std::optional<std::string> instruction = {};
    std::size_t top_k = 3;
    std::size_t max_images_per_request = 5;
};

RerankOutcome rerank_products(const Index& index, std::span<const Retrieved> retrieved, const RerankSettings& settings,
                              EndpointClient& client, ProductImages& images, std::vector<std::string>& warnings);

}  // namespace vitrine::native
