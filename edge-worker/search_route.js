// search_route.js — GET /search: the query embedded (locally, or by the index's hosted
// model), exact top-k over the index in WASM, optionally reranked through the hosted
// endpoint by the package's pipeline (search_client.js).
//
//   GET /search?q=brass+lamp&k=5&category=lighting&max_price=200&rerank=1
//   -> { query, k, embedder, results: [{ rank, id, title, ..., score[, relevanceScore] }],
//        reranked, rerankError?, timings: { embedMs, retrieveMs, imagesMs?, rerankMs?, totalMs } }
//
// With rerank=1 the reranker picks k of max(k, RETRIEVE_K) candidates; if it fails, or
// no endpoint or RERANK_MODEL is configured, the answer is still 200, in retrieval order,
// with reranked: false and rerankError. Without an endpoint a local-embedder index is
// still searched; a hosted-model index cannot be (503).
// The request's cost (request_cost.js) is charged to the client's rate limit before any work.
// Timings also go out as a Server-Timing header.
import { NOT_CONFIGURED, requireEndpoint } from './hosted_endpoint.js';
import { jsonResponse } from './http_error.js';
import { publicReason, searchClient, upstreamFailure } from './search_client.js';
import { searchCost } from './request_cost.js';
import { parseSearchRequest } from './search_request.js';

export async function searchRoute(url, settings, catalogue, charge) {
  const { q, k, rerank, filters } = parseSearchRequest(url.searchParams, settings);
  await charge(searchCost({ k, rerank }, settings));
  const client = searchClient(catalogue, settings);
  const cannotRerank = !client ? NOT_CONFIGURED : !settings.rerankModel ? 'this worker has no RERANK_MODEL configured' : null;
  let found;
  try {
    found = client
      ? await client.search(q, { topK: k, retrieveK: Math.max(k, settings.retrieveK), rerank: rerank && !cannotRerank, ...filters })
      : localSearch(catalogue, settings, q, k, filters);
  } catch (error) {
    throw upstreamFailure(error, settings);
  }

  const { results, reranked, timings } = found;
  const rerankError = rerank && cannotRerank ? cannotRerank : found.rerankError;
  const body = {
    query: q,
    k,
    embedder: catalogue.index.embedder,
    results,
    reranked,
    ...(rerankError ? { rerankError: publicReason(rerankError, settings) } : {}),
    timings,
  };
  const serverTiming = Object.entries(timings).map(([name, ms]) => `${name.replace(/Ms$/, '')};dur=${ms.toFixed(2)}`);
  return jsonResponse(200, body, { 'Server-Timing': serverTiming.join(', ') });
}

// Without an endpoint: the local embedder's index alone.
function localSearch({ index }, settings, q, k, filters) {
  if (index.embedder !== 'local_hashing') requireEndpoint(settings);
  const start = performance.now();
  const { results } = index.search(q, { topK: k, ...filters });
  const retrieveMs = performance.now() - start;
  return { results, reranked: false, timings: { embedMs: 0, retrieveMs, totalMs: retrieveMs } };
}
