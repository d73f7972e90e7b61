// vitrine/embed/document_embedding.hpp — product texts through a hosted embedding
// model, for building an index: batches, and responses turned into index rows.
//
//   for (auto [begin, end] : vitrine::plan_embedding_batches(texts.size(), 32)) {
//       std::string body = vitrine::build_embeddings_request({model, {texts.begin() + begin, texts.begin() + end}});
//       // ... a transport POSTs body to {base}/embeddings ...
//       auto batch = vitrine::parse_document_embeddings(response_body, end - begin, 256, model_dims);
//   }
//
// Documents are sent as they are (instructions are for queries only). Each
// returned vector is cut to index_dims and re-normalised (vitrine/embed/matryoshka.hpp),
// in input order; every vector of a build must have the same model length.
//
// Refuses (Error, kind invalid_argument): count or batch_size of 0.
// Refuses (Error, kind bad_response): what parse_embeddings_response refuses;
// vectors shorter than index_dims, of another length than model_dims when it is
// given, or with an all-zero prefix.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

namespace vitrine {

struct EmbeddingBatch {
    std::size_t begin = 0;  // first input of the batch
    std::size_t end = 0;    // one past its last input
};

// Consecutive batches of at most batch_size inputs covering [0, count) in order.
std::vector<EmbeddingBatch> plan_embedding_batches(std::size_t count, std::size_t batch_size);

struct DocumentEmbeddings {
    std::vector<std::vector<float>> vectors = {};  // one per input, index_dims long, unit length
    std::size_t model_dims = 0;               // length the model returned
};

// index_dims of 0 keeps the model's length.
DocumentEmbeddings parse_document_embeddings(std::string_view body, std::size_t count, std::size_t index_dims,
                                             std::optional<std::size_t> model_dims = {});

}  // namespace vitrine
