// hosted_search.cpp — drives the core's hosted pipeline over an EndpointClient: photos
// from ProductImages, calls posted (rerank batches concurrently), answers handed back.
// See vitrine/native/hosted_search.hpp.
#include "vitrine/native/hosted_search.hpp"

#include <future>

#include "vitrine/base/error.hpp"
#include "vitrine/embed/local_embedder.hpp"

namespace vitrine::native {
namespace {

void give_images(HostedPipeline& pipeline, ProductImages& images) {
    for (const WantedImage& wanted : pipeline.wanted_images()) {
        const ProductImage& image = images.get(wanted.position);
        pipeline.give_image(wanted.position, {image.data_uri, image.problem});
    }
}

// Every call out at once, each on its own thread; answers handed back in call order.
void post_calls(HostedPipeline& pipeline, EndpointClient& client) {
    const std::vector<HostedCall> calls = pipeline.calls();
    std::vector<std::future<std::string>> answers;
    for (const HostedCall& call : calls)
        answers.push_back(std::async(std::launch::async, [&client, call] { return client.post_json(call.path, std::string(call.body)); }));
    std::vector<std::string> bodies(calls.size());
    std::vector<std::string> failures(calls.size());
    for (std::size_t i = 0; i < calls.size(); ++i) {
        try {
            bodies[i] = answers[i].get();
        } catch (const EndpointError& e) {
            if (!calls[i].falls_back) throw;
            failures[i] = e.what();
        }
    }
    // Only ids, bodies and reasons are used from here: handing one back may end the calls' views.
    for (std::size_t i = 0; i < calls.size(); ++i) {
        if (failures[i].empty())
            pipeline.receive(calls[i].id, bodies[i]);
        else
            pipeline.fail(calls[i].id, failures[i]);
    }
}

}  // namespace

std::vector<float> embed_query(const Index& index, std::string_view text, EndpointClient* client,
                               const QueryEmbeddingOptions& options) {
    if (index.spec().embedder != EmbedderKind::hosted) return embed_local(text, index.dims());
    if (client == nullptr)
        throw Error(ErrorKind::invalid_argument, "the index was built with the hosted model '" + index.model() +
                                                     "' and no endpoint is configured to embed the query");
    const std::string body = client->post_json("embeddings", build_query_embedding_request(index.spec(), text, options));
    return parse_query_embedding_response(body, index.spec());
}

HostedOutcome run_pipeline(HostedPipeline& pipeline, EndpointClient& client, ProductImages& images) {
    while (!pipeline.finished()) {
        give_images(pipeline, images);
        if (!pipeline.finished()) post_calls(pipeline, client);
    }
    HostedOutcome outcome = pipeline.outcome();
    outcome.ranking.rerank_error = client.redact(std::move(outcome.ranking.rerank_error));
    return outcome;
}

}  // namespace vitrine::native
