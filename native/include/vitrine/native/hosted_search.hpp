// vitrine/native/hosted_search.hpp — the core's hosted pipeline (vitrine/hosted/pipeline.hpp)
// driven natively: its calls through an EndpointClient (libcurl), its photos through
// ProductImages. Plain search whose query the endpoint embeds runs it too, with rerank off.
//
//   vitrine::HostedPipeline pipeline(index, {.query = "red trail shoe", .top_k = 3});
//   vitrine::HostedOutcome out = vitrine::native::run_pipeline(pipeline, client, images);
//   out.ranking.results; out.ranking.reranked; out.ranking.rerank_error; out.warnings; out.answer
//
// Every decision is the pipeline's; this layer only moves bytes. The rerank batches go
// out concurrently, on up to max_calls_in_flight threads (the client and its transport
// take concurrent calls); their answers are handed back in batch order, so the first failing batch
// names the fallback's reason. A rerank that fails after its retries gives the retrieval
// order with reranked = false and the reason (the API key redacted); an embeddings or
// chat call that fails throws EndpointError, and what the core refuses throws
// vitrine::Error (see the pipeline's contract).
#pragma once

#include "vitrine/hosted/pipeline.hpp"
#include "vitrine/index/reader.hpp"
#include "vitrine/native/endpoint_client.hpp"
#include "vitrine/native/product_images.hpp"

namespace vitrine::native {

HostedOutcome run_pipeline(HostedPipeline& pipeline, EndpointClient& client, ProductImages& images);

}  // namespace vitrine::native
