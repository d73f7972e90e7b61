// hosted_index_build.cpp — cache lookups, embedding batches and the index write.
// See vitrine/native/hosted_index_build.hpp.
#include "vitrine/native/hosted_index_build.hpp"

#include <unordered_map>

#include "vitrine/catalogue/product_text.hpp"
#include "vitrine/embed/document_embedding.hpp"
#include "vitrine/hosted/embeddings_api.hpp"
#include "vitrine/base/error.hpp"
#include "vitrine/index/writer.hpp"

namespace vitrine::native {

std::vector<std::uint8_t> build_hosted_index(std::span<const Product> products, const HostedIndexOptions& options,
                                             EndpointClient& client, EmbeddingCache& cache, HostedIndexReport& report) {
    if (products.empty()) throw Error(ErrorKind::bad_catalogue, "the catalogue has no products to embed");
    // Checked before any call: the index header would refuse it only after every product was embedded.
    if (options.model.size() > IndexLimits::max_model_name_bytes)
        throw Error(ErrorKind::invalid_argument, "the model name '" + options.model + "' is longer than the " +
                                                     std::to_string(IndexLimits::max_model_name_bytes) +
                                                     " bytes an index can record");
    report = {};
    std::vector<std::string> texts;
    std::vector<EmbeddingCache::Key> keys;
    for (const Product& p : products) {
        texts.push_back(product_embedding_text(p));
        keys.push_back(EmbeddingCache::key(texts.back()));
    }

    // Distinct missing texts, in catalogue order.
    std::vector<std::size_t> missing;
    std::unordered_map<std::string_view, std::size_t> products_per_text;  // of the missing texts
    for (std::size_t i = 0; i < products.size(); ++i) {
        if (cache.find(keys[i]) != nullptr) {
            ++report.from_cache;
        } else if (products_per_text[texts[i]]++ == 0) {
            missing.push_back(i);
        }
    }
    std::size_t done = report.from_cache;
    if (options.progress) options.progress(done, products.size());

    if (!missing.empty()) {
        const auto batches = plan_embedding_batches(missing.size(), options.batch_size);
        for (std::size_t b = 0; b < batches.size(); ++b) {
            EmbeddingsRequest request{options.model, {}, std::nullopt};
            std::vector<EmbeddingCache::Key> batch_keys;
            for (std::size_t m = batches[b].begin; m < batches[b].end; ++m) {
                request.input.push_back(texts[missing[m]]);
                batch_keys.push_back(keys[missing[m]]);
            }
            const std::string body = client.post_json("embeddings", build_embeddings_request(request));
            ++report.requests;
            const std::string where =
                "embedding batch " + std::to_string(b + 1) + " of " + std::to_string(batches.size()) + ": ";
            DocumentEmbeddings embeddings;
            try {
                embeddings = parse_document_embeddings(body, request.input.size(), options.dims);
            } catch (const Error& e) {
                throw Error(e.kind(), where + e.what());
            }
            if (cache.model_dims() && *cache.model_dims() != embeddings.model_dims)
                throw Error(ErrorKind::bad_response,
                            where + "the model returned " + std::to_string(embeddings.model_dims) + "-dim vectors, but " +
                                cache.directory().string() + " holds " + std::to_string(*cache.model_dims()) +
                                "-dim ones for the same model name: remove that cache if the model changed");
            cache.store(batch_keys, embeddings.vectors, static_cast<std::uint32_t>(embeddings.model_dims));
            report.embedded += request.input.size();
            for (std::size_t m = batches[b].begin; m < batches[b].end; ++m) done += products_per_text[texts[missing[m]]];
            if (options.progress) options.progress(done, products.size());
        }
    }

    IndexSpec spec;
    spec.storage = options.storage;
    spec.rescore = options.rescore;
    spec.rescore_with = options.rescore_with;
    spec.model = options.model;
    spec.model_dims = cache.model_dims().value_or(0);
    spec.dims = options.dims != 0 ? options.dims : spec.model_dims;
    spec.embedder = EmbedderKind::hosted;
    spec.search_fields = options.search_fields;
    std::vector<float> vectors;
    vectors.reserve(products.size() * spec.dims);
    for (const auto& key : keys) {
        const std::vector<float>* v = cache.find(key);
        vectors.insert(vectors.end(), v->begin(), v->end());
    }
    return write_index(spec, products, vectors, options.image ? *options.image : ImageVectors{});
}

}  // namespace vitrine::native
