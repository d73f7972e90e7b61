// hosted_client.js — the multimodal search pipeline against an OpenAI-compatible
// endpoint, for one opened index: embed the query, retrieve candidates in WASM, rerank
// them with their product images, answer questions from them.
//
//   const client = vitrine.createClient({ index, baseUrl: 'https://host/v1', apiKey, imageBase: indexUrl });
//   const { results, reranked, rerankError } = await client.search('red trail shoe', { topK: 3 });
//   const { answer, sources, cited } = await client.answer('Which lamp is brass?');
//   const similar = await client.searchByImage(photoBytes, { query: 'lamp' });
//
// The query vector comes from the index's hosted model through /embeddings (the core
// words it with the model's query template and cuts it to the index's dims, Matryoshka
// style), or from the local embedder, with no call, for a local index. Every decision
// is the core's, taken by the same code the native CLI runs, so for the same responses
// search() and `vitrine search --rerank --json` return the same results; the defaults
// are the CLI's too. Reranking never loses results: see js/rerank.js.
// Throws: EndpointError when the query cannot be embedded or the answer cannot be had;
// VitrineError for what the core refuses; TypeError for wrong argument types;
// RangeError for retrieveK < topK; the signal's reason when the caller aborts.
import * as check from './arguments.js';
import { unwrap } from './errors.js';
import { productImages } from './product_images.js';
import { rerankCandidates, warnTextOnly } from './rerank.js';
import { createTransport } from './transport.js';

// The native CLI's defaults (native/cli/endpoint_options.hpp).
const DEFAULT_RERANK_MODEL = 'Qwen/Qwen3-VL-Reranker-2B';
const DEFAULT_CHAT_MODEL = 'Qwen/Qwen3-VL-8B-Instruct';

const count = check.integer(1, check.UINT32_MAX);
export const clientOptions = {
  index: (name, value) => value, // checked by handleOf, which knows this instance's indexes
  baseUrl: check.url,
  apiKey: check.string,
  fetch: check.func,
  timeoutMs: check.integer(1, 2 ** 31 - 1),
  retries: check.integer(0, 100),
  retryDelayMs: check.number,
  maxRetryDelayMs: check.number,
  maxRetryAfterMs: check.number,
  onRetry: check.func,
  embeddingModel: check.string,
  queryTemplate: check.string,
  queryTask: check.string,
  rerankModel: check.string,
  chatModel: check.string,
  maxImagesPerRequest: count,
  imageBase: check.url,
  imageCacheSize: check.integer(0, check.UINT32_MAX),
};
const filterOptions = { category: check.string, minPrice: check.number, maxPrice: check.number, signal: check.abortSignal };
const searchOptions = { ...filterOptions, retrieveK: count, topK: count, rerank: check.boolean, instruction: check.string };
const imageSearchOptions = { ...filterOptions, query: check.string, retrieveK: count, topK: count, instruction: check.string };
const answerOptions = {
  ...searchOptions, systemPrompt: check.string, maxTokens: check.integer(1, 2 ** 31 - 1),
};

// engine: {vitrine (the public instance), core (its raw module), handleOf(index)}.
export function createHostedClient({ vitrine, core, handleOf }, options) {
  const config = check.checkOptions('createClient', options ?? {}, clientOptions);
  if (config.index === undefined || config.baseUrl === undefined)
    throw new TypeError('createClient options index and baseUrl are required');
  const { index } = config;
  handleOf(index);
  const toSeconds = (ms, fallback) => (ms === undefined ? fallback : ms / 1000);
  const transport = createTransport({
    baseUrl: config.baseUrl,
    apiKey: config.apiKey,
    fetch: config.fetch,
    timeoutMs: config.timeoutMs,
    onRetry: config.onRetry,
    // The core's RetryPolicy defaults, unless set.
    policy: {
      maxRetries: config.retries ?? 3,
      baseDelay: toSeconds(config.retryDelayMs, 0.5),
      maxDelay: toSeconds(config.maxRetryDelayMs, 8),
      maxRetryAfter: toSeconds(config.maxRetryAfterMs, 60),
    },
    retryDelay: (policy, attempt) => unwrap(core, core.retryDelay(policy, attempt)),
  });
  const imageBase = config.imageBase === undefined ? undefined : new URL(config.imageBase, globalThis.location?.href).href;
  const images = productImages({
    kindOf: (reference) => core.imageReferenceKind(reference),
    getBytes: (url) => transport.getBytes(url),
    prepare: (bytes) => vitrine.prepareImage(bytes).bytes,
    imageBase,
    cacheSize: config.imageCacheSize ?? 32,
  });
  const engine = () => ({ core, handle: handleOf(index), index, transport, images });

  async function queryVector(text, signal) {
    if (index.embedder !== 'hosted') return vitrine.embedLocal(text, index.dims);
    const model = { model: config.embeddingModel, queryTemplate: config.queryTemplate, task: config.queryTask };
    const request = unwrap(core, core.queryEmbeddingRequest(handleOf(index), text, model));
    const body = await transport.postJson('embeddings', request, { signal });
    return unwrap(core, core.queryEmbeddingVector(handleOf(index), body));
  }

  // Candidates (retrieval order): by the text's vector, or by the core's category
  // round-robin rule when there is no text (vector null: a photo alone).
  async function retrieve(text, byVector, topK, filters, signal, timings) {
    const start = performance.now();
    const vector = byVector ? await queryVector(text, signal) : null;
    const retrieveStart = performance.now();
    timings.embedMs = retrieveStart - start;
    const retrieved = vector
      ? index.search(vector, { ...filters, topK }).results.map(({ position, score }) => ({ position, score }))
      : unwrap(core, handleOf(index).roundRobinByCategory({ ...filters, topK })).map((position) => ({ position, score: null }));
    timings.retrieveMs = performance.now() - retrieveStart;
    return retrieved;
  }

  const resultsOf = (ranked) => ranked.map(({ position, score, relevanceScore }, i) => ({
    rank: i + 1,
    ...index.record(position),
    position,
    score,
    ...(relevanceScore === undefined ? {} : { relevanceScore }),
  }));

  function depths(where, o) {
    const topK = o.topK ?? 3;
    const retrieveK = o.retrieveK ?? Math.max(10, topK);
    if (retrieveK < topK) throw new RangeError(`${where}: retrieveK (${retrieveK}) must be at least topK (${topK})`);
    return { topK, retrieveK };
  }

  // Retrieval, then (when asked) the rerank with its fallback.
  async function rankedSearch(where, text, photo, o, rerank) {
    const start = performance.now();
    const { topK, retrieveK } = depths(where, o);
    const filters = { category: o.category, minPrice: o.minPrice, maxPrice: o.maxPrice };
    const timings = {};
    const warnings = [];
    const byVector = text !== '' || photo === undefined;
    const retrieved = await retrieve(text, byVector, rerank ? retrieveK : topK, filters, o.signal, timings);
    if (!rerank) {
      timings.totalMs = performance.now() - start;
      return { results: resultsOf(retrieved), reranked: false, warnings, timings };
    }
    const settings = {
      model: config.rerankModel ?? DEFAULT_RERANK_MODEL,
      query: text,
      queryImage: photo,
      instruction: o.instruction,
      topK,
      maxImagesPerRequest: config.maxImagesPerRequest ?? 5,
    };
    const { results, reranked, rerankError, imagesMs, rerankMs } =
      await rerankCandidates(engine(), retrieved, settings, { signal: o.signal, warnings });
    Object.assign(timings, { imagesMs, rerankMs, totalMs: performance.now() - start });
    return { results: resultsOf(results), reranked, ...(reranked ? {} : { rerankError }), warnings, timings };
  }

  return {
    index,

    /** Top topK of retrieveK candidates, reranked unless rerank is false. */
    async search(query, options) {
      check.string('search query', query);
      const o = check.checkOptions('search', options, searchOptions);
      return rankedSearch('search', query, undefined, o, o.rerank ?? true);
    },

    /** The photo (prepared in WASM) is the rerank query, with query text if given. */
    async searchByImage(imageBytes, options) {
      const bytes = check.bytes('searchByImage imageBytes', imageBytes);
      const o = check.checkOptions('searchByImage', options, imageSearchOptions);
      return rankedSearch('searchByImage', o.query ?? '', vitrine.prepareImage(bytes).bytes, o, true);
    },

    /** The question answered from the top topK products (reranked only if rerank is true). */
    async answer(question, options) {
      check.string('answer question', question);
      const o = check.checkOptions('answer', options, answerOptions);
      const start = performance.now();
      const found = await rankedSearch('answer', question, undefined, o, o.rerank ?? false);
      const { timings, warnings } = found;
      const imagesStart = performance.now();
      const photos = await Promise.all(found.results.map((record) => images.get(record, o.signal)));
      found.results.forEach((record, i) => warnTextOnly(warnings, record.id, photos[i]));
      const sources = found.results.map((record, i) => ({ position: record.position, image: photos[i].jpeg }));
      const answerStart = performance.now();
      timings.imagesMs = (timings.imagesMs ?? 0) + (answerStart - imagesStart);
      const request = unwrap(core, core.answerRequest(handleOf(index), question, sources, {
        model: config.chatModel ?? DEFAULT_CHAT_MODEL, systemPrompt: o.systemPrompt, maxTokens: o.maxTokens,
      }));
      const body = await transport.postJson('chat/completions', request, { signal: o.signal });
      const { text, cited } = unwrap(core, core.parseAnswer(body, sources.length));
      const ids = found.results.map((r) => r.id);
      Object.assign(timings, { answerMs: performance.now() - answerStart, totalMs: performance.now() - start });
      return {
        answer: text,
        sources: ids,
        cited: cited.map((i) => ids[i]),
        ...(o.rerank ? { reranked: found.reranked, ...(found.reranked ? {} : { rerankError: found.rerankError }) } : {}),
        warnings,
        timings,
      };
    },
  };
}
