// hosted_pipeline.test.mjs — the hosted search pipeline of the JS package against the
// loopback server: query embedding (template, Matryoshka cut), retrieval, multimodal
// rerank in batches of at most 5 images, product photos prepared once, the fallback to
// retrieval order, answers with sources, and search by photo. The server checks every
// request it gets (bearer key, JPEG photos at most 1024 px, images per request,
// detail "low"), so each test also asserts it saw no violation.
import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, test } from 'node:test';

import { embed, embedImage } from '../server/openai-compatible-server.mjs';
import { EndpointError, VitrineError } from '../../wasm/js/index.js';
import { EMBEDDING_MODEL, INDEX_DIMS, SERVER_DIMS, hostedIndexBytes, startFixture } from './hosted_support.mjs';
import { loadVitrine, rejection } from './support.mjs';
import { patternPng } from './test_images.mjs';
import { encodePng } from '../../scripts/lib/png.mjs';

const QWEN_TASK = "Given a shopper's search query, retrieve the products that match it";

let vitrine;
let fixture;
let index; // hosted model, 32 of 64 dims
let local; // local embedder
before(async () => {
  vitrine = await loadVitrine();
  fixture = await startFixture();
  index = vitrine.openIndex(hostedIndexBytes(vitrine, fixture.catalogue));
  local = vitrine.openIndex(vitrine.buildIndex(JSON.stringify(fixture.catalogue), { dims: 128 }));
});
after(() => fixture.close());
beforeEach(() => fixture.server.reset());
afterEach(() => assert.deepEqual(fixture.server.violations, [], 'the server saw no bad request'));

const clientFor = (options = {}) => vitrine.createClient({ index, ...fixture.clientOptions, ...options });
const bodies = (endpoint) => fixture.requests(endpoint).map((r) => r.body);
const ids = (results) => results.map((r) => r.id);

// The query vector as the core makes it: the server's float32 values, the first
// INDEX_DIMS re-normalised with a double sum of squares in index order.
function expectedQueryVector(text) {
  const prefix = embed(text, SERVER_DIMS).slice(0, INDEX_DIMS).map(Math.fround);
  const norm = Math.sqrt(prefix.reduce((sum, v) => sum + v * v, 0));
  return Float32Array.from(prefix, (v) => v / norm);
}

test('embeds the query through /embeddings with the Qwen3 instruction template, no dimensions asked', async () => {
  await clientFor().search('brass lamp', { rerank: false });
  const [request] = bodies('embeddings');
  assert.equal(request.model, EMBEDDING_MODEL);
  assert.deepEqual(request.input, [`Instruct: ${QWEN_TASK}\nQuery:brass lamp`]);
  assert.equal(request.dimensions, undefined);
});

test('a configured query template, task and model name are sent as given', async () => {
  await clientFor({ queryTemplate: 'Represent {task}: {query}', queryTask: 'shop', embeddingModel: 'served-name' })
    .search('brass lamp', { rerank: false });
  const [request] = bodies('embeddings');
  assert.equal(request.model, 'served-name');
  assert.deepEqual(request.input, ['Represent shop: brass lamp']);
});

test("cuts the model's 64 dims to the index's 32 and re-normalises them (Matryoshka)", async () => {
  // keywordWeight 0: the page ranks by the model's vector alone, its own cosine.
  const found = await clientFor().search('copper kettle', { rerank: false, topK: 5, keywordWeight: 0 });
  const expected = index.search(expectedQueryVector('copper kettle'), { topK: 5 }).results;
  assert.deepEqual(ids(found.results), ids(expected));
  found.results.forEach((r, i) => assert.ok(Object.is(r.score, expected[i].score), `bit-identical score at rank ${i + 1}`));
  assert.equal(found.reranked, false);
  assert.equal(found.rerankError, undefined);
  assert.equal(fixture.requests('rerank').length, 0);
});

test('a text without a rerank is a storefront page by the model\'s vector: keywords, filters, facets, total', async () => {
  const page = await clientFor().search('lamp', { rerank: false, topK: 2, facets: ['category'], vectorFloor: 0.99 });
  assert.equal(fixture.requests('embeddings').length, 1);
  assert.equal(page.results.length, 2);
  assert.ok(page.total >= 3, 'the catalogue has three lamps by keyword');
  assert.equal(Object.values(page.facets.category).reduce((a, b) => a + b, 0), page.total);
  const kitchen = await clientFor().search('copper', { rerank: false, filter: 'category=kitchen', topK: 12 });
  assert.ok(kitchen.results.length > 0 && kitchen.results.every((r) => r.category === 'kitchen'));
  const reranked = await clientFor().search('lamp', { retrieveK: 10 });
  assert.equal(reranked.total, undefined, 'a reranked list is not a page');
});

test('a local-embedder index embeds the query locally, without /embeddings', async () => {
  const found = await clientFor({ index: local }).search('copper kettle', { rerank: false });
  assert.deepEqual(ids(found.results), ids(local.search('copper kettle', { topK: 3 }).results));  // the storefront's own ranking
  assert.equal(fixture.requests('embeddings').length, 0);
});

test('reranks the retrieved candidates with their photos, at most 5 images a request, best first', async () => {
  const found = await clientFor().search('brass lamp linen', { retrieveK: 10, topK: 3, instruction: 'Prefer lamps' });
  assert.equal(found.reranked, true);
  assert.equal(found.results.length, 3);
  const reranks = fixture.requests('rerank');
  assert.ok(reranks.length >= 2, 'ten candidates with photos need two requests at least');
  assert.ok(reranks.every((r) => r.images <= 5));
  for (const body of bodies('rerank')) {
    assert.equal(body.model, 'Qwen/Qwen3-VL-Reranker-2B');
    assert.equal(body.query, 'brass lamp linen');
    assert.equal(body.instruction, 'Prefer lamps');
    assert.equal(body.top_n, Math.min(3, body.documents.length));
  }
  const scores = found.results.map((r) => r.relevanceScore);
  assert.deepEqual(scores, [...scores].sort((a, b) => b - a));
  assert.equal(found.results[0].id, 'lamp-brass');
  assert.deepEqual(found.results.map((r) => r.rank), [1, 2, 3]);
  assert.ok(found.results.every((r) => typeof r.score === 'number' && r.metadata.serial >= 0));
  for (const stage of ['embedMs', 'retrieveMs', 'imagesMs', 'rerankMs', 'totalMs']) assert.ok(found.timings[stage] >= 0, stage);
});

test('sends a product with a photo as text and image, one without as text', async () => {
  await clientFor().search('oak board', { retrieveK: 12, category: 'kitchen' });
  const documents = bodies('rerank').flatMap((b) => b.documents);
  const board = documents.find((d) => typeof d === 'string' && d.startsWith('Oak chopping board'));
  assert.equal(board, 'Oak chopping board\nEnd grain oak\nkitchen');
  const mug = documents.find((d) => d.content?.[0].text.startsWith('Stoneware mug'));
  assert.equal(mug.content[1].type, 'image_url');
  assert.match(mug.content[1].image_url.url, /^data:image\/jpeg;base64,\/9j\//);
});

test('smaller image batches give the same merged ranking', async () => {
  const five = await clientFor().search('brass lamp linen', { retrieveK: 10, topK: 5 });
  const fiveRequests = fixture.requests('rerank').length;
  fixture.server.reset();
  const two = await clientFor({ maxImagesPerRequest: 2 }).search('brass lamp linen', { retrieveK: 10, topK: 5 });
  assert.ok(fixture.requests('rerank').every((r) => r.images <= 2));
  assert.ok(fixture.requests('rerank').length > fiveRequests);
  assert.deepEqual(two.results, five.results);
});

test('fetches and prepares each product photo once per client, a missing one included', async () => {
  const client = clientFor();
  await client.search('brass lamp', { retrieveK: 10 });
  const fetched = fixture.requests('image').map((r) => r.path);
  assert.equal(new Set(fetched).size, fetched.length);
  await client.search('brass lamp', { retrieveK: 10 });
  await client.answer('Which lamp is brass?');
  assert.deepEqual(fixture.requests('image').map((r) => r.path), fetched);
});

test('a photo that cannot be fetched sends its product as text alone, with a warning', async () => {
  const found = await clientFor().search('glass vase', { retrieveK: 12, category: 'kitchen' });
  assert.equal(found.reranked, true);
  assert.equal(found.warnings.length, 1);
  assert.match(found.warnings[0],
    /^vase-glass: image 'no-such-photo\.png' cannot be used: GET http:\/\/127\.0\.0\.1:\d+\/images\/no-such-photo\.png failed: HTTP 404 .*; sent as text alone$/);
  const documents = bodies('rerank').flatMap((b) => b.documents);
  assert.ok(documents.includes('Glass vase\nHand blown, for a table lamp corner\nkitchen'));
});

test('maxImagePixels bounds every photo the client prepares: one over it goes as text, with a warning', async () => {
  const found = await clientFor({ maxImagePixels: 16 }).search('lamp', { retrieveK: 4, category: 'lighting' });
  assert.equal(found.reranked, true);
  assert.ok(found.warnings.some((w) => /^lamp-brass: image 'lamp-brass\.png' cannot be used: .*over the limit of 16; sent as text alone$/.test(w)),
    found.warnings.join('\n'));
  await assert.rejects(clientFor({ maxImagePixels: 16 }).searchByImage(patternPng(8, 8)), { name: 'VitrineError', kind: 'limit_exceeded' });
});

test('without imageBase, photos given as paths go as text, with a warning each', async () => {
  const found = await clientFor({ imageBase: undefined }).search('lamp', { retrieveK: 4, category: 'lighting' });
  assert.equal(found.reranked, true);
  assert.ok(found.warnings.some((w) => w === "lamp-brass: image 'lamp-brass.png' is a path and no imageBase is set to resolve it against; sent as text alone"));
  // lamp-desk's photo is an absolute URL: still sent.
  assert.ok(!found.warnings.some((w) => w.startsWith('lamp-desk')));
  assert.ok(fixture.requests('image').some((r) => r.path === '/images/lamp-desk.png'));
});

test('a reranker failing after its retries gives the retrieval order, reranked: false and the reason', async () => {
  const plain = await clientFor().search('brass lamp', { rerank: false, topK: 3 });
  fixture.server.reset();
  fixture.server.fault({ endpoint: 'rerank', kind: 'status', status: 500 });
  const found = await clientFor({ retries: 1 }).search('brass lamp', { retrieveK: 10, topK: 3 });
  assert.equal(found.reranked, false);
  assert.match(found.rerankError, /rerank failed after 2 attempts: HTTP 500 — body: .*injected status 500/);
  assert.deepEqual(found.results, plain.results);
});

test('a reranker timing out gives the retrieval order', async () => {
  fixture.server.fault({ endpoint: 'rerank', kind: 'slow', ms: 2000 });
  const found = await clientFor({ timeoutMs: 150, retries: 0 }).search('brass lamp');
  assert.equal(found.reranked, false);
  assert.match(found.rerankError, /timed out after 150 ms/);
  assert.equal(found.results.length, 3);
  assert.ok(found.results.every((r) => r.relevanceScore === undefined));
});

test('a rerank response the core refuses gives the retrieval order and the core\'s reason', async () => {
  for (const kind of ['bad-index', 'malformed', 'truncated']) {
    fixture.server.reset();
    fixture.server.fault({ endpoint: 'rerank', kind });
    const found = await clientFor({ retries: 0 }).search('brass lamp');
    assert.equal(found.reranked, false, kind);
    assert.ok(found.rerankError.length > 0, kind);
    assert.equal(found.results.length, 3, kind);
  }
});

// A fetch that hands /rerank calls to `rerank(url, init)` and the rest to the global fetch.
const rerankThrough = (rerank) => (url, init) => (String(url).endsWith('/rerank') ? rerank(url, init) : fetch(url, init));

test('a rerank answer with fewer results than asked for falls back to retrieval order', async () => {
  const plain = await clientFor().search('brass lamp', { rerank: false, topK: 3 });
  for (const results of [[], [{ index: 0, relevance_score: 0.9 }]]) {
    const reply = async () => new Response(JSON.stringify({ results }), { headers: { 'Content-Type': 'application/json' } });
    const found = await clientFor({ fetch: rerankThrough(reply) }).search('brass lamp', { topK: 3 });
    assert.equal(found.reranked, false);
    assert.match(found.rerankError, /`results` has \d entries, fewer than the 3 asked for/);
    assert.deepEqual(found.results, plain.results);
  }
});

test('a reranker scoring every document despite top_n is accepted: the best top_n are kept', async () => {
  const honoured = await clientFor().search('brass lamp linen', { retrieveK: 10, topK: 3 });
  const withoutTopN = (url, init) => {
    const body = JSON.parse(new TextDecoder().decode(init.body));
    delete body.top_n; // the server then scores every document
    return fetch(url, { ...init, body: JSON.stringify(body) });
  };
  const found = await clientFor({ fetch: rerankThrough(withoutTopN) }).search('brass lamp linen', { retrieveK: 10, topK: 3 });
  assert.ok(fixture.requests('rerank').some((r) => r.body.top_n === undefined));
  assert.equal(found.reranked, true);
  assert.deepEqual(found.results, honoured.results);
});

// A fetch counting the /rerank calls in flight at once.
function inFlightCounter() {
  const counter = { now: 0, most: 0 };
  counter.fetch = rerankThrough(async (url, init) => {
    counter.most = Math.max(counter.most, ++counter.now);
    try {
      return await fetch(url, init);
    } finally {
      counter.now--;
    }
  });
  return counter;
}

test('rerank batches are in flight together', async () => {
  const counter = inFlightCounter();
  const found = await clientFor({ fetch: counter.fetch, maxImagesPerRequest: 2 }).search('brass lamp', { retrieveK: 10 });
  assert.equal(found.reranked, true);
  assert.ok(fixture.requests('rerank').length >= 3);
  assert.equal(counter.most, fixture.requests('rerank').length);
});

test('at most 8 rerank calls are in flight at once, the rest follow as they finish', async () => {
  const counter = inFlightCounter();
  const found = await clientFor({ fetch: counter.fetch, maxImagesPerRequest: 1 }).search('lamp', { retrieveK: 12 });
  assert.equal(found.reranked, true);
  assert.ok(fixture.requests('rerank').length > 8, 'ten photos, one a request');
  assert.equal(counter.most, 8);
});

test('filters apply before retrieval and reranking', async () => {
  const found = await clientFor().search('copper', { category: 'kitchen', minPrice: 20, maxPrice: 100, topK: 5 });
  assert.ok(found.results.length > 0);
  assert.ok(found.results.every((r) => r.category === 'kitchen' && r.price >= 20 && r.price <= 100));
});

test('retrieveK below topK is refused', async () => {
  await assert.rejects(clientFor().search('lamp', { retrieveK: 2, topK: 3 }), RangeError);
  await assert.rejects(clientFor().search('lamp', { topk: 3 }), TypeError);
});

test('aborting while the reranker works rejects: a cancelled search is not a fallback', async () => {
  fixture.server.fault({ endpoint: 'rerank', kind: 'slow', ms: 3000 });
  const controller = new AbortController();
  fixture.server.waitFor((r) => r.endpoint === 'rerank').then(() => controller.abort());
  const error = await rejection(clientFor().search('brass lamp', { signal: controller.signal }));
  assert.equal(error.name, 'AbortError');
});

test('answers from the top products: numbered texts and low-detail photos, sources and citations', async () => {
  const answer = await clientFor().answer('Which lamp is brass?', { topK: 3 });
  const [request] = bodies('chat');
  assert.equal(request.model, 'Qwen/Qwen3-VL-8B-Instruct');
  assert.equal(request.max_tokens, 512);
  const parts = request.messages.at(-1).content;
  assert.ok(parts.filter((p) => p.type === 'image_url').every((p) => p.image_url.detail === 'low'));
  assert.equal(parts.at(-1).text, 'Which lamp is brass?');
  assert.equal(answer.sources.length, 3);
  assert.match(answer.answer, /^The best match is \[(\d)\] /);
  const cited = Number(/\[(\d)\]/.exec(answer.answer)[1]);
  assert.deepEqual(answer.cited, [answer.sources[cited - 1]]);
  assert.equal(answer.reranked, undefined);
  assert.equal(fixture.requests('rerank').length, 0);
});

test('answers from the reranked top products when asked to rerank', async () => {
  const reranked = await clientFor().search('Which lamp is brass?', { topK: 2 });
  const answer = await clientFor().answer('Which lamp is brass?', { topK: 2, rerank: true, maxTokens: 64 });
  assert.deepEqual(answer.sources, ids(reranked.results));
  assert.equal(answer.reranked, true);
  assert.equal(bodies('chat')[0].max_tokens, 64);
});

test('an answer that cannot be had is an EndpointError (there is nothing to fall back to)', async () => {
  fixture.server.fault({ endpoint: 'chat', kind: 'status', status: 502 });
  const error = await rejection(clientFor({ retries: 0 }).answer('Which lamp is brass?'));
  assert.ok(error instanceof EndpointError);
  assert.equal(error.status, 502);
});

test('search by photo: the prepared photo is the rerank query, counted among the 5 images', async () => {
  const photo = patternPng(1600, 1200);
  const found = await clientFor().searchByImage(photo, { query: 'lamp', retrieveK: 10 });
  assert.equal(found.reranked, true);
  for (const body of bodies('rerank')) {
    assert.equal(body.query.content[0].text, 'lamp');
    assert.match(body.query.content[1].image_url.url, /^data:image\/jpeg;base64,/);
  }
  assert.ok(fixture.requests('rerank').every((r) => r.images <= 5));
  assert.equal(fixture.requests('embeddings').length, 1, 'candidates retrieved by the text');
});

test('search by photo alone retrieves by the image field (the local descriptor), then reranks', async () => {
  await assert.rejects(clientFor().searchByImage(patternPng(64, 48)), /image field/);
  // One coloured block a product, each in its own colour and place.
  const photo = (i) => {
    const pixels = Buffer.alloc(40 * 40 * 3, 235);
    for (let y = 0; y < 20; y++) for (let x = 0; x < 20; x++)
      pixels.set([(i * 70) % 256, (i * 130) % 256, (i * 200) % 256], ((y + (i % 2) * 20) * 40 + x + (i % 3) * 10) * 3);
    return new Uint8Array(encodePng(40, 40, pixels, 3));
  };
  const photos = Object.fromEntries(fixture.catalogue.map((p, i) => [p.id, photo(i)]));
  const withImages = vitrine.openIndex(vitrine.buildIndex(JSON.stringify(fixture.catalogue), { imageEmbedder: 'local', photos }));
  fixture.server.fault({ endpoint: 'rerank', kind: 'status', status: 500 });
  const client = vitrine.createClient({ index: withImages, ...fixture.clientOptions, retries: 0 });
  const found = await client.searchByImage(photos[fixture.catalogue[2].id], { retrieveK: 5, topK: 5 });
  assert.equal(found.reranked, false);
  assert.equal(found.results[0].id, fixture.catalogue[2].id);
  assert.ok(found.results.every((r) => typeof r.score === 'number'));
  assert.equal(fixture.requests('embeddings').length, 0);
  withImages.close();
});

test('search by photo on a hosted image field: the prepared photo goes to the image model, and finds its product', async () => {
  const photos = fixture.catalogue.map((p, i) => patternPng(48 + i * 8, 40));
  // The image field as a build by that model would store it: the server's vector of each prepared photo.
  const vectors = fixture.catalogue.map((p, i) => JSON.stringify({
    id: p.id, vector: embedImage(Buffer.from(vitrine.prepareImage(photos[i]).bytes).toString('base64'), SERVER_DIMS) }));
  const imageModel = 'Qwen/Qwen3-VL-Embedding-2B';
  const withImages = vitrine.openIndex(vitrine.buildIndex(JSON.stringify(fixture.catalogue), { imageVectors: vectors.join('\n'), imageModel }));
  fixture.server.fault({ endpoint: 'rerank', kind: 'status', status: 500 });
  const client = vitrine.createClient({ index: withImages, ...fixture.clientOptions, retries: 0 });
  const found = await client.searchByImage(photos[4], { retrieveK: 5, topK: 5 });
  assert.equal(found.reranked, false);
  assert.equal(found.results[0].id, fixture.catalogue[4].id);
  assert.ok(Math.abs(found.results[0].score - 1) < 1e-6);
  const [call, ...more] = bodies('embeddings');
  assert.equal(more.length, 0);
  assert.equal(call.model, imageModel);
  assert.equal(call.messages[0].content[0].image_url.url,
    `data:image/jpeg;base64,${Buffer.from(vitrine.prepareImage(photos[4]).bytes).toString('base64')}`);
  withImages.close();
});

test('a photo the core cannot decode is refused', async () => {
  const error = await rejection(clientFor().searchByImage(new Uint8Array([1, 2, 3, 4])));
  assert.ok(error instanceof VitrineError);
  assert.equal(error.kind, 'bad_image');
});

test("an index of another instance, or a closed one, is refused", async () => {
  const other = await loadVitrine();
  assert.throws(() => other.createClient({ index, ...fixture.clientOptions }), /opened by this instance/);
  const closed = vitrine.openIndex(hostedIndexBytes(vitrine, fixture.catalogue));
  const client = vitrine.createClient({ index: closed, ...fixture.clientOptions });
  closed.close();
  await assert.rejects(client.search('lamp'), /this index is closed/);
});

test('leaves no WebAssembly memory behind', async () => {
  const client = clientFor();
  await client.search('brass lamp');
  fixture.server.fault({ endpoint: 'rerank', kind: 'bad-index', times: 2 });
  const before = vitrine.heapBytesInUse();
  for (let i = 0; i < 5; i++) {
    await client.search('brass lamp');
    await client.answer('Which lamp is brass?');
  }
  assert.equal(vitrine.heapBytesInUse(), before);
});
