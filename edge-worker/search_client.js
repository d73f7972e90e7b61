// search_client.js — the package's hosted pipeline (vitrine.createClient: query embedding,
// retrieval in WASM, multimodal rerank with its `reranked: false` fallback) set up from
// the worker's settings, and its failures turned into the worker's HTTP errors.
//
//   const client = searchClient(catalogue, settings);   // null: no hosted endpoint configured
//   const { results, reranked, rerankError, timings } = await client.search(q, { topK, rerank });
//   ... catch (error) { throw upstreamFailure(error, settings) }
//
// One client per settings object, kept for the isolate's life so its cache of prepared
// product images (fetched without the key, from IMAGE_BASE and IMAGE_ALLOW only:
// pipeline_fetch.js) serves every request.
// Retries are fewer and shorter than the package's defaults: a shopper is waiting, and
// search degrades without rerank anyway.
import { EndpointError, VitrineError } from '../wasm/js/index.js';
import { HttpError } from './http_error.js';
import { pipelineFetch } from './pipeline_fetch.js';

const clients = new WeakMap();

export function searchClient({ vitrine, index }, settings) {
  if (!settings.apiBase || !settings.apiKey) return null;
  if (!clients.has(settings)) {
    clients.set(settings, vitrine.createClient({
      index,
      baseUrl: settings.apiBase,
      apiKey: settings.apiKey,
      fetch: pipelineFetch(settings),
      maxImagePixels: settings.maxImagePixels,
      timeoutMs: settings.upstreamTimeoutMs,
      retries: settings.upstreamRetries,
      retryDelayMs: 200,
      maxRetryDelayMs: 1000,
      maxRetryAfterMs: 2000,
      ...(settings.embedModel ? { embeddingModel: settings.embedModel } : {}),
      ...(settings.queryTemplate ? { queryTemplate: settings.queryTemplate } : {}),
      ...(settings.queryTask ? { queryTask: settings.queryTask } : {}),
      ...(settings.rerankModel ? { rerankModel: settings.rerankModel } : {}),
      ...(settings.imageBase ? { imageBase: settings.imageBase } : {}),
      imageCacheSize: settings.imageCacheSize,
    }));
  }
  return clients.get(settings);
}

// The pipeline's reasons name the endpoint's URL and quote its body (the key redacted);
// a shopper's browser gets neither.
export function publicReason(reason, settings) {
  const unquoted = reason.replace(/ — body: .*$/s, '');
  return settings.apiBase ? unquoted.replaceAll(settings.apiBase, '<endpoint>') : unquoted;
}

export function upstreamFailure(error, settings) {
  if (error instanceof EndpointError) {
    if (error.timedOut) return new HttpError(504, 'upstream_timeout', 'the hosted endpoint did not answer in time');
    if (error.status === 0) return new HttpError(502, 'upstream_unreachable', 'the hosted endpoint could not be reached');
    if (error.status === 429) return new HttpError(429, 'upstream_rate_limited', 'the hosted endpoint is rate limiting; retry later');
    return new HttpError(502, 'upstream_error', `the hosted endpoint answered HTTP ${error.status}`,
      { details: { upstreamStatus: error.status } });
  }
  if (error instanceof VitrineError && error.kind === 'bad_response') {
    return new HttpError(502, 'upstream_bad_response', `the hosted endpoint's answer is unusable: ${publicReason(error.message, settings)}`);
  }
  return error;
}
