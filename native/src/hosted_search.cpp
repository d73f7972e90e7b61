// hosted_search.cpp — query embedding, retrieval and rerank with fallback.
// See vitrine/native/hosted_search.hpp.
#include "vitrine/native/hosted_search.hpp"

#include "vitrine/search/category_round_robin.hpp"
#include "vitrine/base/error.hpp"
#include "vitrine/embed/local_embedder.hpp"
#include "vitrine/catalogue/product_text.hpp"
#include "vitrine/hosted/rerank_plan.hpp"

namespace vitrine::native {

std::vector<float> embed_query(const Index& index, std::string_view text, EndpointClient* client,
                               const QueryEmbeddingOptions& options) {
    if (index.spec().embedder != EmbedderKind::hosted) return embed_local(text, index.dims());
    if (client == nullptr)
        throw Error(ErrorKind::invalid_argument, "the index was built with the hosted model '" + index.model() +
                                                     "' and no endpoint is configured to embed the query");
    const std::string body = client->post_json("embeddings", build_query_embedding_request(index.spec(), text, options));
    return parse_query_embedding_response(body, index.spec());
}

std::vector<Retrieved> retrieve(const Index& index, std::span<const float> query, const SearchOptions& options) {
    std::vector<Retrieved> out;
    if (query.empty()) {
        for (const std::uint32_t position : round_robin_by_category(index, options)) out.push_back({position, {}});
    } else {
        for (const SearchHit& hit : search(index, query, options)) out.push_back({hit.position, hit.score});
    }
    return out;
}

RerankOutcome rerank_products(const Index& index, std::span<const Retrieved> retrieved, const RerankSettings& settings,
                              EndpointClient& client, ProductImages& images, std::vector<std::string>& warnings) {
    if (retrieved.empty()) return {{}, false, "there were no candidates to rerank"};
    std::vector<RerankCandidate> candidates;
    for (const Retrieved& r : retrieved) {
        const RecordView record = index.record(r.position);
        const ProductImage& image = images.get(r.position);
        warn_if_text_only(warnings, record.id, image);
        candidates.push_back({r.position, r.score, rerank_document_text(record), image.data_uri});
    }
    const auto batches = plan_rerank(candidates, {settings.model, settings.query, settings.query_image_url,
                                                  settings.instruction, settings.top_k,
                                                  settings.max_images_per_request});
    try {
        std::vector<std::string> bodies;
        for (const RerankBatch& batch : batches) bodies.push_back(client.post_json("rerank", batch.request_body));
        return merge_rerank_responses(candidates, batches, bodies, settings.top_k);
    } catch (const EndpointError& e) {
        return retrieval_order(candidates, settings.top_k, e.what());
    } catch (const Error& e) {
        if (e.kind() != ErrorKind::bad_response && e.kind() != ErrorKind::limit_exceeded) throw;
        return retrieval_order(candidates, settings.top_k, client.redact(e.what()));
    }
}

}  // namespace vitrine::native
