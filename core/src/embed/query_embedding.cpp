// embed/query_embedding.cpp — query text, request and vector for a hosted-model index.
// See vitrine/embed/query_embedding.hpp.
#include "vitrine/embed/query_embedding.hpp"

#include "vitrine/hosted/embeddings_api.hpp"
#include "vitrine/base/error.hpp"
#include "vitrine/embed/matryoshka.hpp"

namespace vitrine {

std::string query_embedding_text(const IndexSpec& spec, std::string_view query, const QueryEmbeddingOptions& options) {
    if (spec.embedder != EmbedderKind::hosted)
        throw Error(ErrorKind::invalid_argument, "query embedding: the index was built with '" + spec.model +
                                                     "', not a hosted model: embed the query locally");
    if (query.empty()) throw Error(ErrorKind::invalid_argument, "query embedding: the query is empty");
    const std::string query_template = options.query_template ? *options.query_template : default_query_template(spec.model);
    return format_query(query_template, options.task, query);
}

std::string build_query_embedding_request(const IndexSpec& spec, std::string_view query,
                                          const QueryEmbeddingOptions& options) {
    return build_embeddings_request({spec.model, {query_embedding_text(spec, query, options)}, std::nullopt});
}

std::vector<float> parse_query_embedding_response(std::string_view body, const IndexSpec& spec) {
    const auto vectors = parse_embeddings_response(body, 1);
    const std::vector<float>& vector = vectors.front();
    // model_dims is what the index's vectors were cut from; a different length
    // means another model (or a `dimensions` setting) answered.
    const std::size_t expected = spec.model_dims != 0 ? spec.model_dims : spec.dims;
    if ((spec.model_dims != 0 && vector.size() != expected) || vector.size() < spec.dims)
        throw Error(ErrorKind::bad_response, "embeddings response: the query vector has " +
                                                 std::to_string(vector.size()) + " dims, but the index was built from " +
                                                 std::to_string(expected) + "-dim vectors of '" + spec.model + "'");
    try {
        return matryoshka_truncate(vector, spec.dims);
    } catch (const Error& e) {
        throw Error(ErrorKind::bad_response, std::string("embeddings response: ") + e.what());
    }
}

}  // namespace vitrine
