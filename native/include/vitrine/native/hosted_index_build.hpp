// vitrine/native/hosted_index_build.hpp — builds an index with a hosted
// embedding model, through an EndpointClient and an EmbeddingCache.
//
//   HostedIndexReport report;
//   auto bytes = build_hosted_index(products, {.model = "Qwen/Qwen3-Embedding-8B", .dims = 1024},
//                                   client, cache, report);
//
// Each product's text (product_embedding_text, no instruction) is looked up in
// the cache; the texts missing (each distinct text once) are embedded in
// batches of batch_size, in catalogue order, and every batch is written to the
// cache as soon as it arrives. Vectors are cut to dims and re-normalised
// (Matryoshka, vitrine/embed/document_embedding.hpp). progress hears (done, total)
// products, cached ones counted at the start.
//
// Throws EndpointError when the endpoint fails after its retries, vitrine::Error
// for a response that fails validation (prefixed with the batch it answered),
// and whatever write_index refuses (e.g. a model name over 63 bytes).
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "vitrine/catalogue/catalogue.hpp"
#include "vitrine/index/format.hpp"
#include "vitrine/native/embedding_cache.hpp"
#include "vitrine/native/endpoint_client.hpp"

namespace vitrine::native {

struct HostedIndexOptions {
    std::string model = {};
    std::uint32_t dims = 0;  // 0: as many as the model returns
    Storage storage = Storage::f32;
    bool rescore = false;  // keep f32 copies beside int8 or binary vectors
    Storage rescore_with = Storage::f32;  // or int8 copies beside binary ones (IndexSpec::rescore_with)
    SearchFields search_fields = {};  // keywords and facet columns
    std::size_t batch_size = 32;
    Progress progress = {};
    const ImageVectors* image = nullptr;  // the image field (vitrine/catalogue/image_vectors.hpp), or none
};

struct HostedIndexReport {
    std::size_t from_cache = 0;  // products whose vector came from the cache
    std::size_t embedded = 0;    // texts sent to the endpoint
    std::size_t requests = 0;
};

std::vector<std::uint8_t> build_hosted_index(std::span<const Product> products, const HostedIndexOptions& options,
                                             EndpointClient& client, EmbeddingCache& cache, HostedIndexReport& report);

}  // namespace vitrine::native
