// embed/document_embedding.cpp — embedding batches and index rows from responses.
// See vitrine/embed/document_embedding.hpp.
#include "vitrine/embed/document_embedding.hpp"

#include <algorithm>
#include <string>

#include "vitrine/hosted/embeddings_api.hpp"
#include "vitrine/base/error.hpp"
#include "vitrine/embed/matryoshka.hpp"

namespace vitrine {

std::vector<EmbeddingBatch> plan_embedding_batches(std::size_t count, std::size_t batch_size) {
    if (count == 0 || batch_size == 0)
        throw Error(ErrorKind::invalid_argument, "embedding batches: count and batch size must be at least 1");
    std::vector<EmbeddingBatch> batches;
    for (std::size_t begin = 0; begin < count; begin += batch_size)
        batches.push_back({begin, std::min(count, begin + batch_size)});
    return batches;
}

DocumentEmbeddings parse_document_embeddings(std::string_view body, std::size_t count, std::size_t index_dims,
                                             std::optional<std::size_t> model_dims) {
    DocumentEmbeddings out;
    const auto vectors = parse_embeddings_response(body, count, model_dims);
    out.model_dims = vectors.front().size();
    const std::size_t dims = index_dims == 0 ? out.model_dims : index_dims;
    if (dims > out.model_dims)
        throw Error(ErrorKind::bad_response, "embeddings response: vectors have " + std::to_string(out.model_dims) +
                                                 " dims, fewer than the " + std::to_string(dims) + " the index stores");
    out.vectors.reserve(vectors.size());
    for (std::size_t i = 0; i < vectors.size(); ++i) {
        try {
            out.vectors.push_back(matryoshka_truncate(vectors[i], dims));
        } catch (const Error& e) {
            throw Error(ErrorKind::bad_response, "embeddings response: input " + std::to_string(i) + ": " + e.what());
        }
    }
    return out;
}

}  // namespace vitrine
