// search_route.js — GET /search: the query embedded (locally, or by the index's hosted
// model), exact top-k over the index in WASM, optionally reranked through the hosted
// endpoint by the package's pipeline (search_client.js).
//
//   GET /search?q=brass+lamp&k=5&category=lighting&max_price=200&rerank=1
//   -> { query, k, embedder, results: [{ rank, id, title, ..., score[, relevanceScore] }],
//        reranked, rerankError?, timings: { embedMs, retrieveMs, imagesMs?, rerankMs?, totalMs } }
//   GET /search?q=lamp&facet=brand&filter=in_stock=true&sort=-price&offset=10
//   -> also { total, facets: { brand: { Acme: 3, ... } }, facetStats: { price: { min, max } } }
//   A shard's index (`vitrine build --shards`) adds { shard: { shard, shards, catalogue, catalogueCount } }
//   and its page's hits their cataloguePosition, for the front that merges shards (shard_front.js).
//
// Without rerank, a text is a storefront page (the core's search_text_page: keywords and
// vectors, filters, exact facet counts, sort, offset, a total), answered from WASM for a
// local-embedder index and after the query's embedding for a hosted model's; a query with
// no word in it ('???') is 200 with no results. The core's refusals
// of a page's values (an unknown field, a bad filter) are 400s.
// With rerank=1 the reranker picks k of max(k, RETRIEVE_K) candidates; if it fails, or
// no endpoint or RERANK_MODEL is configured, the answer is still 200, in retrieval order,
// with reranked: false and rerankError. Without an endpoint a local-embedder index is
// still searched; a hosted-model index cannot be (503).
// The request's cost (request_cost.js) is charged to the client's rate limit before any work.
// Timings also go out as a Server-Timing header.
import { VitrineError } from '../wasm/js/index.js';
import { NOT_CONFIGURED, requireEndpoint } from './hosted_endpoint.js';
import { HttpError, jsonResponse } from './http_error.js';
import { publicReason, searchClient, upstreamFailure } from './search_client.js';
import { searchCost } from './request_cost.js';
import { parseSearchRequest } from './search_request.js';

export async function searchRoute(url, settings, catalogue, charge) {
  const { q, k, rerank, filters, page } = parseSearchRequest(url.searchParams, settings);
  await charge(searchCost({ k, rerank }, settings));
  const storefront = !rerank && catalogue.index.embedder === 'local_hashing';
  const client = searchClient(catalogue, settings);
  const cannotRerank = !client ? NOT_CONFIGURED : !settings.rerankModel ? 'this worker has no RERANK_MODEL configured' : null;
  let found;
  try {
    found = client && !storefront
      ? await client.search(q, { topK: k, retrieveK: Math.max(k, settings.retrieveK), rerank: rerank && !cannotRerank, ...filters, ...page })
      : localSearch(catalogue, settings, q, k, { ...filters, ...page });
  } catch (error) {
    throw upstreamFailure(error, settings);
  }

  const { results, reranked, timings, total, facets, facetStats } = found;
  const rerankError = rerank && cannotRerank ? cannotRerank : found.rerankError;
  const body = {
    query: q,
    k,
    embedder: catalogue.index.embedder,
    results,
    ...(total !== undefined ? { total, facets, facetStats } : {}),
    reranked,
    ...(rerankError ? { rerankError: publicReason(rerankError, settings) } : {}),
    ...(catalogue.index.shard ? { shard: catalogue.index.shard } : {}),
    timings,
  };
  const serverTiming = Object.entries(timings).map(([name, ms]) => `${name.replace(/Ms$/, '')};dur=${ms.toFixed(2)}`);
  return jsonResponse(200, body, { 'Server-Timing': serverTiming.join(', ') });
}

// Without an endpoint: the local embedder's index alone.
function localSearch({ index }, settings, q, k, filters) {
  if (index.embedder !== 'local_hashing') requireEndpoint(settings);
  const start = performance.now();
  let answer;
  try {
    answer = index.search(q, { topK: k, ...filters });
  } catch (error) {
    if (error instanceof VitrineError && error.kind === 'invalid_argument') throw new HttpError(400, 'invalid_parameter', error.message);
    throw error;
  }
  const retrieveMs = performance.now() - start;
  return { ...answer, reranked: false, timings: { embedMs: 0, retrieveMs, totalMs: retrieveMs } };
}
