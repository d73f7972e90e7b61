// consumer.ts — a strict TypeScript consumer of the package; compiled, never run.
// It exercises every declared function and option, so a declaration that drifts
// from the API, or that is too loose to catch misuse, fails `npm run typecheck`.
import {
  EndpointError, init, VitrineError, type Answer, type HostedClient, type HostedResult, type HostedSearchResult,
  type SearchHit, type SearchResult, type Vitrine, type VitrineIndex, type VitrineWebIndex,
} from 'vitrine';

async function storefront(indexBytes: ArrayBuffer, photo: Uint8Array, compiled: WebAssembly.Module): Promise<string> {
  const vitrine: Vitrine = await init({ wasm: compiled });
  await init({ wasm: new URL('https://shop.example/vitrine_core.wasm') });
  await init();

  const index: VitrineIndex = vitrine.openIndex(indexBytes);
  const query: Float32Array = vitrine.embedLocal('brass floor lamp', index.dims);
  const hits: SearchHit[] = index.search(query, { topK: 5, category: 'lighting', minPrice: 10, maxPrice: 500, ids: ['a', 'b'] }).results;
  const byText: SearchResult = index.search('brass floor lamp', { topK: 3, rescore: false, rescoreFactor: 8 });
  const batched: SearchResult[] = index.searchBatch([query, query], [{ topK: 2 }, { topK: 4, category: 'lighting' }]);
  index.searchBatch(new Float32Array(index.dims * 3), { topK: 1 });
  const best = hits[0];
  const title: string = best ? `${best.rank}. ${best.title} (${best.score.toFixed(3)}) at ${best.position}` : byText.results[0]?.id ?? batched[0]?.results[0]?.id ?? 'none';
  const colour: unknown = index.record(0).metadata['colour'];
  const storage: 'f32' | 'int8' | 'binary' = index.storage;
  index.close();
  const web: VitrineWebIndex = await vitrine.openWebIndex('https://cdn.example/pack/', { concurrency: 4 });
  const lazy: SearchResult = await web.search(query, { topK: 5, candidates: 200 });
  const fetched: number = web.bytesFetched + web.requests + web.indexBytes + (lazy.results[0]?.score ?? 0);
  web.close();

  const image = vitrine.prepareImage(photo, { maxEdge: 512, quality: 80, maxPixels: 40_000_000 });
  const uri: string = vitrine.toDataUri(image.bytes, image.mime);
  const built: Uint8Array = vitrine.buildIndex('[{"id":"a","title":"Lamp"}]', { storage: 'int8', dims: 64 });
  vitrine.buildIndex(new Uint8Array(0), { vectors: new Float32Array(8), model: 'qwen3-embedding-8b', dims: 8 });
  vitrine.buildIndex('[]', { vectorsJsonl: '{"id":"a","embedding":[1]}\n', model: 'm' });
  vitrine.buildIndex('[]', { storage: 'binary', rescoreWith: 'int8' });
  const updated: Uint8Array = vitrine.applyDelta(built, new Uint8Array(80));
  const shard = vitrine.openIndex(built);
  const place: string = shard.shard ? `${shard.shard.shard}/${shard.shard.shards} ${shard.shard.catalogue} ${shard.shard.catalogueCount}` : '';
  const pages: SearchResult[] = [shard.search('lamp', { keywordWeight: 0, topK: 4 })];
  const category: SearchResult = shard.browse({ category: 'lighting', sort: 'price', facets: ['brand'], filter: 'brand=Acme', offset: 4 });
  pages.push(category);
  const merged: SearchResult = vitrine.mergePages(pages, { topK: 2, offset: 2, sort: '-price', facets: ['category'] });
  const deep: number | null | undefined = merged.results[0]?.sortKey ?? pages[0].results[0]?.cataloguePosition;

  try {
    vitrine.openIndex(built.subarray(0, 10));
  } catch (e) {
    if (e instanceof VitrineError && e.kind === 'corrupt_index') return e.message;
  }
  return `${title} ${String(colour)} ${storage} ${uri.length} ${image.width}x${image.height} ${vitrine.heapBytesInUse()} ${vitrine.searchKernel} ${fetched} ${place} ${String(deep)}`;
}

async function hostedStorefront(vitrine: Vitrine, index: VitrineIndex, photo: Uint8Array): Promise<string> {
  const controller = new AbortController();
  const client: HostedClient = vitrine.createClient({
    index, baseUrl: '/vitrine/v1', apiKey: 'sk-test', fetch: (url, init) => fetch(url, init), timeoutMs: 10_000,
    retries: 2, retryDelayMs: 100, maxRetryDelayMs: 2000, maxRetryAfterMs: 5000, onRetry: (note: string) => note.length,
    embeddingModel: 'Qwen/Qwen3-Embedding-8B', queryTemplate: 'Instruct: {task}\nQuery:{query}', queryTask: 'find products',
    rerankModel: 'Qwen/Qwen3-VL-Reranker-2B', chatModel: 'Qwen/Qwen3-VL-8B-Instruct', maxImagesPerRequest: 5,
    imageBase: new URL('https://shop.example/index.vtx'), imageCacheSize: 16,
  });
  const found: HostedSearchResult = await client.search('brass lamp', {
    retrieveK: 10, topK: 3, rerank: true, instruction: 'Rank lamps', category: 'lighting', minPrice: 1, maxPrice: 99,
    signal: controller.signal,
  });
  const first: HostedResult | undefined = found.results[0];
  const relevance: number | undefined = first?.relevanceScore;
  const score: number | null = first ? first.score : null;
  const why: string = found.reranked ? 'reranked' : found.rerankError ?? 'not asked';
  const byPhoto = await client.searchByImage(photo, { query: 'lamp', topK: 2, retrieveK: 8 });
  const answer: Answer = await client.answer('Which lamp is brass?', { topK: 3, rerank: true, maxTokens: 200, systemPrompt: 'Be brief.' });
  try {
    await client.search('lamp', { rerank: false });
  } catch (e) {
    if (e instanceof EndpointError) return `${e.status} ${e.timedOut} ${e.attempts} ${e.url} ${e.body}`;
  }
  return `${relevance} ${score} ${why} ${byPhoto.timings.totalMs} ${answer.answer} ${answer.sources.join()} ${answer.cited.join()} ${client.index.count}`;
}

// Misuse the declarations must reject:
// @ts-expect-error a query is a Float32Array, not number[]
async function wrongVector(index: VitrineIndex) { index.search([0.1, 0.2]); }
// @ts-expect-error storage is 'f32' | 'int8'
async function wrongStorage(vitrine: Vitrine) { vitrine.buildIndex('[]', { storage: 'f16' }); }
// @ts-expect-error options are named topK, not topk
async function wrongOption(index: VitrineIndex) { index.search(new Float32Array(4), { topk: 3 }); }

// @ts-expect-error a client needs an index and a base URL
async function clientWithoutIndex(vitrine: Vitrine) { vitrine.createClient({ baseUrl: 'https://host/v1' }); }
// @ts-expect-error retrieveK, not retrieve_k
async function wrongHostedOption(client: HostedClient) { await client.search('lamp', { retrieve_k: 10 }); }
// @ts-expect-error a photo is bytes, not a data URI
async function wrongPhoto(client: HostedClient) { await client.searchByImage('data:image/jpeg;base64,'); }

export { storefront, hostedStorefront, wrongVector, wrongStorage, wrongOption, clientWithoutIndex, wrongHostedOption, wrongPhoto };
