// hosted_search.cpp — drives the core's hosted pipeline over an EndpointClient: photos
// from ProductImages, calls posted (rerank batches concurrently), answers handed back.
// See vitrine/native/hosted_search.hpp.
#include "vitrine/native/hosted_search.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <thread>

#include "vitrine/base/error.hpp"

namespace vitrine::native {
namespace {

void give_images(HostedPipeline& pipeline, ProductImages& images) {
    for (const WantedImage& wanted : pipeline.wanted_images()) {
        const ProductImage& image = images.get(wanted.position);
        pipeline.give_image(wanted.position, {image.data_uri, image.problem});
    }
}

// Every call out at once, on up to max_calls_in_flight threads; answers handed back in
// call order (so the first failing batch names the fallback's reason).
void post_calls(HostedPipeline& pipeline, EndpointClient& client) {
    const std::vector<HostedCall> calls = pipeline.calls();
    std::vector<std::string> bodies(calls.size());
    std::vector<std::exception_ptr> errors(calls.size());
    std::atomic<std::size_t> next{0};
    {
        const auto post = [&] {
            for (std::size_t i; (i = next++) < calls.size();) {
                try {
                    bodies[i] = client.post_json(calls[i].path, std::string(calls[i].body));
                } catch (...) {
                    errors[i] = std::current_exception();
                }
            }
        };
        std::vector<std::jthread> threads;
        for (std::size_t t = 0; t < std::min(calls.size(), max_calls_in_flight); ++t) threads.emplace_back(post);
    }
    // Only ids and flags are read from the calls here: handing an answer back may end their views.
    for (std::size_t i = 0; i < calls.size(); ++i) {
        if (!errors[i]) {
            pipeline.receive(calls[i].id, bodies[i]);
            continue;
        }
        try {
            std::rethrow_exception(errors[i]);
        } catch (const EndpointError& e) {
            if (!calls[i].falls_back) throw;
            pipeline.fail(calls[i].id, e.what());
        }
    }
}

}  // namespace

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
