// hosted_client.js — the multimodal search pipeline against an OpenAI-compatible
// endpoint, for one opened index: embed the query, retrieve candidates, rerank them
// with their product images, answer questions from them.
//
//   const client = vitrine.createClient({ index, baseUrl: 'https://host/v1', apiKey, imageBase: indexUrl });
//   const { results, reranked, rerankError } = await client.search('red trail shoe', { topK: 3 });
//   const { results, total, facets } = await client.search('shoe', { rerank: false, facets: ['brand'], filter: 'brand=Acme' });
//   const { answer, sources, cited } = await client.answer('Which lamp is brass?');
//   const similar = await client.searchByImage(photoBytes, { query: 'lamp' });
//
// Every decision — query template and Matryoshka cut, retrieval, batches of at most
// maxImagesPerRequest images, merge, the fallback to retrieval order, the answer's
// sources — is the core's hosted pipeline (vitrine/hosted/pipeline.hpp), the same
// code the native CLI runs; so are the defaults (core.hostedDefaults()). This file
// checks arguments and maps the results; js/hosted_pipeline.js moves the bytes.
// Throws: EndpointError when the query cannot be embedded or the answer cannot be had;
// VitrineError for what the core refuses; TypeError for wrong argument types;
// RangeError for retrieveK < topK; the signal's reason when the caller aborts.
import * as check from './arguments.js';
import { unwrap } from './errors.js';
import { runJob } from './hosted_pipeline.js';
import { productImages } from './product_images.js';
import { createTransport } from './transport.js';

const IMAGE_CACHE_SIZE = 32; // prepared photos kept per client (natively: every one, per command)

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
  maxImagePixels: check.integer(1, Number.MAX_SAFE_INTEGER),
};
const filterOptions = { category: check.string, minPrice: check.number, maxPrice: check.number, signal: check.abortSignal };
// A text's storefront page (the core's search_text_page, by the model's vector): as index.search has them.
const pageOptions = {
  facets: check.stringArray, filter: check.stringOrStringArray, sort: check.string, offset: check.integer(0, check.UINT32_MAX),
  keywordWeight: check.number, fusion: check.string, vectorFloor: check.number,
};
const searchOptions = {
  ...filterOptions, ...pageOptions, retrieveK: count, topK: count, rerank: check.boolean, instruction: check.string,
};
const imageSearchOptions = {
  ...filterOptions, query: check.string, retrieveK: count, topK: count, rerank: check.boolean, instruction: check.string,
  textWeight: check.number, imageWeight: check.number,
};
const answerOptions = {
  ...filterOptions, retrieveK: count, topK: count, rerank: check.boolean, instruction: check.string, systemPrompt: check.string, maxTokens: check.integer(1, 2 ** 31 - 1),
};

function transportFor(core, config, defaults) {
  const seconds = (ms, fallbackMs) => (ms ?? fallbackMs) / 1000;
  return createTransport({
    baseUrl: config.baseUrl,
    apiKey: config.apiKey,
    fetch: config.fetch,
    timeoutMs: config.timeoutMs ?? defaults.timeoutMs,
    maxPhotoFileBytes: defaults.maxPhotoFileBytes,
    onRetry: config.onRetry,
    policy: {
      maxRetries: config.retries ?? defaults.retries,
      baseDelay: seconds(config.retryDelayMs, defaults.retryDelayMs),
      maxDelay: seconds(config.maxRetryDelayMs, defaults.maxRetryDelayMs),
      maxRetryAfter: seconds(config.maxRetryAfterMs, defaults.maxRetryAfterMs),
    },
    afterFailedAttempt: (policy, attempt) => unwrap(core, core.afterFailedAttempt(policy, attempt)),
  });
}

// engine: {vitrine (the public instance), core (its raw module), handleOf(index), parseMetadata(record)}.
export function createHostedClient({ vitrine, core, handleOf, parseMetadata }, options) {
  const config = check.checkOptions('createClient', options ?? {}, clientOptions);
  if (config.index === undefined || config.baseUrl === undefined)
    throw new TypeError('createClient options index and baseUrl are required');
  const { index } = config;
  handleOf(index);
  const defaults = core.hostedDefaults();
  const transport = transportFor(core, config, defaults);
  // Every photo this client prepares, the products' and a query's, under one pixel budget.
  const prepareOptions = config.maxImagePixels === undefined ? undefined : { maxPixels: config.maxImagePixels };
  const imageBase = config.imageBase === undefined ? undefined : new URL(config.imageBase, globalThis.location?.href).href;
  const images = productImages({
    kindOf: (reference) => core.imageReferenceKind(reference),
    getBytes: (url) => transport.getBytes(url),
    prepare: (bytes) => vitrine.prepareImage(bytes, prepareOptions).bytes,
    checkPrepared: (bytes) => vitrine.checkPreparedPhoto(bytes),
    imageBase,
    cacheSize: config.imageCacheSize ?? IMAGE_CACHE_SIZE,
  });

  // One run of the core's pipeline: the request in, its outcome with the records parsed out.
  async function run(where, o, request) {
    const start = performance.now();
    const depths = core.resolveDepths(o.topK, o.retrieveK);
    if (!depths) throw new RangeError(`${where}: ${core.takeFailure().message}`);
    const job = unwrap(core, core.startHosted(handleOf(index), {
      ...request,
      ...depths,
      category: o.category, minPrice: o.minPrice, maxPrice: o.maxPrice, instruction: o.instruction,
      ...Object.fromEntries(Object.keys(pageOptions).filter((name) => o[name] !== undefined).map((name) => [name, o[name]])),
      ...(typeof o.filter === 'string' ? { filter: [o.filter] } : {}),
      rerankModel: config.rerankModel, maxImagesPerRequest: config.maxImagesPerRequest,
      embeddingModel: config.embeddingModel, queryTemplate: config.queryTemplate, queryTask: config.queryTask,
    }));
    const timings = { embedMs: 0, retrieveMs: performance.now() - start };
    try {
      const { maxCallsInFlight } = defaults;
      const outcome = await runJob(job, { core, transport, images, signal: o.signal, timings, maxCallsInFlight });
      for (const result of outcome.results) result.metadata = parseMetadata(result);
      timings.totalMs = performance.now() - start;
      return { ...outcome, timings };
    } finally {
      job.delete();
    }
  }

  // total, facets and facetStats: a storefront page's, without a rerank.
  const searchResult = ({ results, reranked, rerankError, warnings, timings, total, facets, facetStats }) =>
    ({ results, reranked, ...(rerankError === undefined ? {} : { rerankError }), warnings, timings,
       ...(total === undefined ? {} : { total, facets, facetStats }) });

  return {
    index,

    /** Top topK of retrieveK candidates, reranked unless rerank is false. */
    async search(query, options) {
      check.string('search query', query);
      const o = check.checkOptions('search', options, searchOptions);
      return searchResult(await run('search', o, { query, rerank: o.rerank ?? true }));
    },

    /** By the photo (prepared in WASM) in the image field, then (unless rerank is false) the rerank query, with query text if given. */
    async searchByImage(imageBytes, options) {
      const bytes = check.bytes('searchByImage imageBytes', imageBytes);
      const o = check.checkOptions('searchByImage', options, imageSearchOptions);
      const queryImage = vitrine.prepareImage(bytes, prepareOptions).bytes;
      const weights = { textWeight: o.textWeight, imageWeight: o.imageWeight };
      const request = { query: o.query ?? '', queryImage, queryPhoto: bytes, rerank: o.rerank ?? true, ...weights };
      return searchResult(await run('searchByImage', o, request));
    },

    /** The question answered from the top topK products (reranked only if rerank is true). */
    async answer(question, options) {
      check.string('answer question', question);
      const o = check.checkOptions('answer', options, answerOptions);
      const answer = { model: config.chatModel, systemPrompt: o.systemPrompt, maxTokens: o.maxTokens };
      const found = await run('answer', o, { query: question, rerank: o.rerank ?? false, answer });
      return {
        answer: found.answer,
        sources: found.results.map((r) => r.id),
        cited: found.cited,
        ...(o.rerank ? { reranked: found.reranked, ...(found.reranked ? {} : { rerankError: found.rerankError }) } : {}),
        warnings: found.warnings,
        timings: found.timings,
      };
    },
  };
}
