// vitrine/native/hosted_image_vectors.hpp — the image field of a build, through a hosted
// multimodal embedding model (vitrine/hosted/image_embeddings_api.hpp), with an EmbeddingCache.
//
//   HostedImageReport report;
//   ImageVectorsBuild built = build_hosted_image_vectors(products, photo_of,
//       {.model = "Qwen/Qwen3-VL-Embedding-2B", .dims = 256}, client, cache, report);
//
// Each product's prepared photo (photo_of: the build's rerank JPEG) is looked up in the cache
// by its bytes (the cache itself is for one model and dims); the missing ones are embedded
// one a request, `concurrency` requests in flight, each answer stored in the cache as it
// arrives (an interrupted build resumes). The EndpointClient retries (429 / 5xx,
// Retry-After). A product whose photo is missing, or whose answer is refused (wrong dims,
// non-finite or missing values, an HTTP error after the retries) gets no image vector: it
// stays text-only and a warning names it. An endpoint that cannot be reached at all (no
// response) fails the build (EndpointError), as the text build does.
// progress hears (done, total) products, cached ones counted at the start.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>

#include "vitrine/catalogue/image_vectors.hpp"
#include "vitrine/native/embedding_cache.hpp"
#include "vitrine/native/endpoint_client.hpp"

namespace vitrine::native {

struct HostedImageOptions {
    std::string model = {};
    std::uint32_t dims = 0;  // 0: as many as the model returns
    Storage storage = Storage::f32;
    bool joint_space = false;  // the model embeds text into the same space (recorded in the index)
    std::size_t concurrency = 4;
    Progress progress = {};
};

struct HostedImageReport {
    std::size_t from_cache = 0;
    std::size_t embedded = 0;
    std::size_t requests = 0;
};

ImageVectorsBuild build_hosted_image_vectors(std::span<const Product> products, const PreparedPhotoSource& photo,
                                             const HostedImageOptions& options, EndpointClient& client,
                                             EmbeddingCache& cache, HostedImageReport& report);

}  // namespace vitrine::native
