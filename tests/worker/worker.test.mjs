// worker.test.mjs — the edge worker (edge-worker) in workerd on loopback, with the
// OpenAI-compatible test server as its hosted endpoint: search results, filters, rerank
// and its fallback, the proxy routes, CORS, every refusal, and the API key never sent back.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';

import { embed } from '../server/openai-compatible-server.mjs';
import {
  API_KEY, HOSTED_IMAGE_MODEL, HOSTED_INDEX_DIMS, HOSTED_MODEL, SERVER_DIMS, SHOP_ORIGIN, buildHostedIndex, loadVitrine,
  sampleCatalogue, startEdge,
} from './edge_fixture.mjs';

let edge;
let vitrine; // the WASM package in this process, for expected results
let reference; // search of the sample index in this process
let page; // the same, the whole answer (total, facets)
const seen = []; // every response's headers and body, for the key check at the end

before(async () => {
  edge = await startEdge();
  vitrine = await loadVitrine();
  const index = vitrine.openIndex(readFileSync(new URL('../../sample/catalogue.vtx', import.meta.url)));
  page = (query, options) => index.search(query, options);  // the package's storefront page
  reference = (query, options) => page(query, options).results;
});
after(() => edge?.stop());

async function call(service, path, init = {}) {
  const response = await fetch(`${edge.url[service]}${path}`, init);
  const text = await response.text();
  seen.push({ path, headers: [...response.headers].flat().join('\n'), text });
  let body = null;
  try {
    body = JSON.parse(text);
  } catch {
    // a test that expects JSON says so
  }
  return { status: response.status, headers: response.headers, body, text };
}

const postJson = (service, path, payload, headers = {}) =>
  call(service, path, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(payload) });

async function refused(promise, status, code, messagePattern) {
  const answer = await promise;
  assert.equal(answer.status, status, answer.text);
  assert.match(answer.headers.get('content-type'), /^application\/json/);
  assert.equal(answer.body.error.code, code, answer.text);
  if (messagePattern) assert.match(answer.body.error.message, messagePattern);
  return answer;
}

const ids = (results) => results.map((hit) => hit.id);
const JPEG_BASE64 = '/9j/4AAQSkZJRgABAQAA'; // the start of a JFIF JPEG, enough for the worker's checks

describe('GET /search on the bundled sample index (local embedder)', () => {
  test('finds the green velvet sofa first, with k results best first', async () => {
    const { status, body } = await call('bundled', '/search?q=green+velvet+sofa&k=5');
    assert.equal(status, 200);
    assert.equal(body.results.length, 5);
    assert.equal(body.results[0].id, 'fur-0001');
    assert.equal(body.results[0].title, 'Mira Velvet Sofa, Emerald Green');
    assert.deepEqual(body.results.map((hit) => hit.rank), [1, 2, 3, 4, 5]);
    for (let i = 1; i < 5; i++) assert.ok(body.results[i - 1].score >= body.results[i].score);
    assert.equal(body.embedder, 'local_hashing');
    assert.equal(body.reranked, false);
  });

  test('returns the same ids and scores as the WASM package in Node', async () => {
    for (const query of ['brass floor lamp', 'cast iron pan', 'wool rug', 'linen shirt']) {
      const { body } = await call('bundled', `/search?q=${encodeURIComponent(query)}&k=10`);
      const expected = reference(query, { topK: 10 });
      assert.deepEqual(ids(body.results), ids(expected), query);
      assert.deepEqual(body.results.map((hit) => hit.score), expected.map((hit) => hit.score), query);
    }
  });

  test('returns each product with image, price, category and metadata', async () => {
    const { body } = await call('bundled', '/search?q=brass+floor+lamp&k=1');
    const [hit] = body.results;
    assert.match(hit.image, /^images\/.+\.png$/);
    assert.equal(typeof hit.price, 'number');
    assert.equal(hit.category, 'lighting');
    assert.equal(typeof hit.metadata, 'object');
  });

  test('applies the category filter before top-k', async () => {
    const { body } = await call('bundled', '/search?q=green&k=20&category=apparel');
    assert.ok(body.results.length > 0);
    assert.ok(body.results.every((hit) => hit.category === 'apparel'));
    assert.deepEqual(ids(body.results), ids(reference('green', { topK: 20, category: 'apparel' })));
  });

  test('applies an inclusive price range', async () => {
    const { body } = await call('bundled', '/search?q=sofa&k=10&min_price=500&max_price=1500');
    assert.ok(body.results.length > 0);
    assert.ok(body.results.every((hit) => hit.price >= 500 && hit.price <= 1500));
  });

  test('answers an empty list when no product passes the filters', async () => {
    const { status, body } = await call('bundled', '/search?q=sofa&category=no-such-category');
    assert.equal(status, 200);
    assert.deepEqual(body.results, []);
  });

  test('answers a page: total, exact facet counts, filters, sort and offset', async () => {
    const path = '/search?q=lamp&k=5&facet=category&facet=brand&filter=in_stock%3Dtrue&sort=-price';
    const { status, body } = await call('bundled', path);
    assert.equal(status, 200);
    const expected = page('lamp', { topK: 5, facets: ['category', 'brand'], filter: ['in_stock=true'], sort: '-price' });
    assert.deepEqual(ids(body.results), ids(expected.results));
    assert.equal(body.total, expected.total);
    assert.deepEqual(body.facets, expected.facets);
    assert.ok(body.results.every((hit) => hit.metadata.in_stock === true));
    const next = await call('bundled', `${path}&offset=5`);
    assert.deepEqual(ids(next.body.results), ids(reference('lamp', { topK: 5, offset: 5, filter: ['in_stock=true'], sort: '-price' })));
  });

  test('a query with no word in it is 200 with no results, not an error', async () => {
    for (const q of ['%3F%3F%3F', '-']) {
      const { status, body } = await call('bundled', `/search?q=${q}`);
      assert.equal(status, 200);
      assert.deepEqual(body.results, []);
      assert.equal(body.total, 0);
    }
  });

  test('refuses unknown page values with 400s naming them', async () => {
    for (const [path, pattern] of [['/search?q=lamp&facet=nope', /unknown field 'nope'/], ['/search?q=lamp&filter=rating%3E%3Dhigh', /not a number/],
                                   ['/search?q=lamp&sort=brand', /not a numeric field/], ['/search?q=lamp&offset=-1', /offset/],
                                   ['/search?q=lamp&sort=price&rerank=1', /storefront page/]]) {
      const { status, body } = await call('bundled', path);
      assert.equal(status, 400, path);
      assert.match(body.error.message, pattern, path);
    }
  });

  test('reports its timings in the body and as Server-Timing', async () => {
    const { headers, body } = await call('bundled', '/search?q=lamp');
    for (const name of ['embedMs', 'retrieveMs', 'totalMs']) assert.equal(typeof body.timings[name], 'number');
    assert.match(headers.get('server-timing'), /^embed;dur=[\d.]+, retrieve;dur=[\d.]+, total;dur=[\d.]+$/);
  });
});

describe('GET /search?rerank=1 through the hosted reranker', () => {
  test('reorders the candidates by the reranker, with their images, and keeps k of them', async () => {
    edge.server.reset();
    const { body } = await call('bundled', '/search?q=green+velvet+sofa&k=5&rerank=1');
    assert.equal(body.reranked, true, body.rerankError);
    assert.equal(body.results.length, 5);
    for (let i = 1; i < 5; i++) assert.ok(body.results[i - 1].relevanceScore >= body.results[i].relevanceScore);
    const reranks = edge.server.requests.filter((r) => r.endpoint === 'rerank');
    assert.equal(reranks.length, 4, 'RETRIEVE_K = 20 candidates, 5 images a request');
    for (const request of reranks) {
      assert.equal(request.authorized, true, 'the worker sends its key');
      assert.equal(request.body.model, 'test-rerank');
      assert.equal(request.images, 5);
    }
    const images = edge.server.requests.filter((r) => r.endpoint === 'image');
    assert.ok(images.every((r) => r.authorization === undefined), 'no key sent to the image host');
    assert.ok(body.timings.rerankMs > 0);
    assert.deepEqual(edge.server.violations, []);
  });

  for (const [fault, reason] of [
    [{ kind: 'status', status: 500 }, /^POST <endpoint>\/rerank failed after 2 attempts: HTTP 500$/],
    [{ kind: 'slow', ms: 3000 }, /timed out after 1500 ms/],
    [{ kind: 'bad-index' }, /index 10000 out of range/],
    [{ kind: 'malformed' }, /rerank response/],
    [{ kind: 'truncated' }, /failed after 2 attempts/],
    [{ kind: 'drop' }, /failed after 2 attempts/],
    [{ kind: '429', retryAfter: 1 }, /HTTP 429/],
    [{ kind: 'echo-key' }, /HTTP 500$/],
  ]) {
    test(`falls back to retrieval order with reranked: false on a ${fault.kind} fault`, async () => {
      edge.server.reset();
      edge.server.fault({ endpoint: 'rerank', ...fault });
      const { status, body } = await call('bundled', '/search?q=wool+rug&k=4&rerank=1');
      assert.equal(status, 200);
      assert.equal(body.reranked, false);
      assert.match(body.rerankError, reason);
      assert.doesNotMatch(body.rerankError, /127\.0\.0\.1|body:/, 'neither the endpoint URL nor its body is quoted');
      assert.deepEqual(ids(body.results), ids(reference('wool rug', { topK: 4 })));
    });
  }

  test('says why nothing was reranked when no product passed the filters', async () => {
    const { body } = await call('bundled', '/search?q=sofa&category=none&rerank=1');
    assert.equal(body.reranked, false);
    assert.match(body.rerankError, /no candidates to rerank/);
  });
});

describe('an index fetched from INDEX_URL, built by a hosted model', () => {
  test('embeds the query through the endpoint with the index model and finds the product', async () => {
    edge.server.reset();
    const { status, body } = await call('remote', '/search?q=brass+floor+lamp&k=3');
    assert.equal(status, 200, JSON.stringify(body));
    assert.equal(body.embedder, 'hosted');
    assert.match(body.results[0].title, /brass/i);
    const [request] = edge.server.requests.filter((r) => r.endpoint === 'embeddings');
    assert.equal(request.body.model, HOSTED_MODEL);
    assert.deepEqual(request.body.input, ['brass floor lamp']);
    assert.equal(request.authorized, true);
  });

  test('a hosted index answers a storefront page too: facets and a total, and a no-word query asks no model', async () => {
    edge.server.reset();
    const { status, body } = await call('remote', '/search?q=lamp&k=2&facet=category');
    assert.equal(status, 200, JSON.stringify(body));
    assert.equal(body.results.length, 2);
    assert.equal(Object.values(body.facets.category).reduce((a, b) => a + b, 0), body.total);
    edge.server.reset();
    const nothing = await call('remote', '/search?q=%3F%3F%3F');
    assert.deepEqual([nothing.status, nothing.body.total, nothing.body.results.length], [200, 0, 0]);
    assert.equal(edge.server.requests.filter((r) => r.endpoint === 'embeddings').length, 0);
  });

  test('fetches the index once and keeps it for the isolate', async () => {
    for (let i = 0; i < 5; i++) assert.equal((await call('remote', `/search?q=lamp+${i}`)).status, 200);
    assert.equal(edge.indexServer.requests['/hosted.vtx'], 1);
  });

  test(`truncates the ${SERVER_DIMS}-dims query embedding to the index's ${HOSTED_INDEX_DIMS} and re-normalises it`, async () => {
    const index = vitrine.openIndex(await buildHostedIndex());
    // Words no product has: the page's order is then the model's vector's alone.
    const query = 'qxz vrmbl';
    const head = embed(query, SERVER_DIMS).slice(0, HOSTED_INDEX_DIMS);
    const norm = Math.hypot(...head);
    const expected = index.search(Float32Array.from(head, (value) => value / norm), { topK: 8 }).results;
    const { body } = await call('remote', `/search?q=${encodeURIComponent(query)}&k=8`);
    assert.deepEqual(ids(body.results), ids(expected));
    index.close();
  });

  test('answers 503 when the index cannot be fetched, and loads it on a later request', async () => {
    await refused(call('flaky', '/search?q=lamp'), 503, 'index_unavailable', /HTTP 404/);
    const { status } = await call('flaky', '/search?q=lamp');
    assert.equal(status, 200);
    assert.equal(edge.indexServer.requests['/flaky.vtx'], 2);
  });

  for (const [fault, status, code] of [
    [{ kind: 'status', status: 500 }, 502, 'upstream_error'],
    [{ kind: 'status', status: 401 }, 502, 'upstream_error'],
    [{ kind: '429', retryAfter: 7 }, 429, 'upstream_rate_limited'],
    [{ kind: 'slow', ms: 3000 }, 504, 'upstream_timeout'],
    [{ kind: 'drop' }, 502, 'upstream_unreachable'],
    [{ kind: 'truncated' }, 502, 'upstream_unreachable'],
    [{ kind: 'malformed' }, 502, 'upstream_bad_response'],
    [{ kind: 'bad-index' }, 502, 'upstream_bad_response'],
    [{ kind: 'echo-key' }, 502, 'upstream_error'],
  ]) {
    test(`answers ${status} ${code} when the query embedding meets a ${fault.kind}${fault.status ?? ''} fault`, async () => {
      edge.server.reset();
      edge.server.fault({ endpoint: 'embeddings', ...fault });
      const answer = await refused(call('remote', '/search?q=lamp'), status, code);
      if (fault.kind === 'status') assert.equal(answer.body.error.upstreamStatus, fault.status);
      assert.doesNotMatch(answer.text, /127\.0\.0\.1|authorization|Bearer/i, 'neither the endpoint URL nor its body is quoted');
    });
  }
});

describe('GET /search refuses bad parameters with a 400 naming them', () => {
  for (const [query, pattern] of [
    ['', /'q' is required/],
    ['?q=%20%20', /'q' is required/],
    [`?q=${'a'.repeat(513)}`, /'q' is longer than 512/],
    ['?q=lamp&k=0', /'k' must be an integer in 1\.\.50/],
    ['?q=lamp&k=51', /'k' must be an integer in 1\.\.50/],
    ['?q=lamp&k=ten', /'k' must be an integer/],
    ['?q=lamp&k=2.5', /'k' must be an integer/],
    ['?q=lamp&k=-1', /'k' must be an integer/],
    ['?q=lamp&min_price=cheap', /'min_price' must be a number >= 0/],
    ['?q=lamp&max_price=-5', /'max_price' must be a number >= 0/],
    ['?q=lamp&max_price=', /'max_price' must be a number >= 0/],
    ['?q=lamp&min_price=90&max_price=10', /'min_price' is greater than 'max_price'/],
    ['?q=lamp&category=', /'category' must be 1\.\.128 characters/],
    ['?q=lamp&rerank=yes', /'rerank' must be 0 or 1/],
    ['?q=lamp&min-price=5', /unknown parameter 'min-price'/],
    ['?q=lamp&q=sofa', /'q' is given more than once/],
  ]) {
    test(`refuses /search${query.slice(0, 40)}`, () =>
      refused(call('bundled', `/search${query}`), 400, 'invalid_parameter', pattern));
  }
});

describe('POST /search by photo and GET /similar, from the index alone', () => {
  const photoUri = (id) => `data:image/png;base64,${readFileSync(new URL(`../../sample/images/${id}.png`, import.meta.url)).toString('base64')}`;

  test('a product photo finds that product first, over the whole catalogue, as the package does in Node', async () => {
    const calls = edge.server.requests.length;
    const { status, body, text } = await postJson('bundled', '/search', { image: photoUri('fur-0002'), k: 5 });
    assert.equal(status, 200, text);
    assert.equal(body.results[0].id, 'fur-0002');
    const index = vitrine.openIndex(readFileSync(new URL('../../sample/catalogue.vtx', import.meta.url)));
    const photo = vitrine.prepareImage(readFileSync(new URL('../../sample/images/fur-0002.png', import.meta.url))).bytes;
    assert.deepEqual(body.results.map((r) => [r.id, r.score]),
      index.search(null, { photo, topK: 5 }).results.map((r) => [r.id, r.score]));
    index.close();
    assert.equal(edge.server.requests.length, calls, 'no endpoint call');
  });

  test('a photo with a text and filters searches both fields', async () => {
    const { body } = await postJson('bundled', '/search', { image: photoUri('fur-0002'), q: 'lamp', category: 'lighting', k: 3 });
    assert.equal(body.results.length, 3);
    assert.ok(body.results.every((r) => r.category === 'lighting'));
  });

  test('GET /similar lists products like one, itself left out', async () => {
    const { status, body } = await call('bundled', '/similar?id=kit-0010&k=4');
    assert.equal(status, 200);
    assert.equal(body.results.length, 4);
    assert.ok(!body.results.some((r) => r.id === 'kit-0010'));
    await refused(call('bundled', '/similar?id=nope'), 404, 'not_found', /no product has the id 'nope'/);
    await refused(call('bundled', '/similar?k=3'), 400, 'invalid_parameter', /'id' is required/);
  });

  test('on an index whose image field is a hosted model, the photo goes to that model and finds its product', async () => {
    edge.server.reset();
    const [first] = JSON.parse(sampleCatalogue()).slice(3, 4);
    const { status, body, text } = await postJson('remote', '/search', { image: photoUri(first.id), k: 5 });
    assert.equal(status, 200, text);
    assert.equal(body.results[0].id, first.id);
    assert.equal(body.results.length, 5);
    const [sent, ...more] = edge.server.requests.filter((r) => r.endpoint === 'embeddings');
    assert.equal(more.length, 0);
    assert.equal(sent.body.model, HOSTED_IMAGE_MODEL);
    assert.match(sent.body.messages[0].content[0].image_url.url, /^data:image\/jpeg;base64,/);
    assert.equal(edge.server.requests.filter((r) => r.endpoint === 'rerank').length, 0);
    const both = await postJson('remote', '/search', { image: photoUri(first.id), q: 'velvet sofa', k: 3, text_weight: 2 });
    assert.equal(both.status, 200, both.text);
    assert.equal(both.body.results.length, 3);
  });

  test('refuses photos that are not data URIs, not photos, or too large', async () => {
    await refused(postJson('bundled', '/search', { image: 'https://x/y.jpg' }), 400, 'invalid_parameter', /data:image\/jpeg/);
    await refused(postJson('bundled', '/search', { image: 'data:image/png;base64,AAAA' }), 400, 'invalid_image');
    await refused(postJson('bundled', '/search', { image: photoUri('fur-0002'), colour: 'red' }), 400, 'invalid_parameter', /unknown field 'colour'/);
    await refused(postJson('bundled', '/search', { image: photoUri('fur-0002'), image_weight: -1 }), 400, 'invalid_parameter', /image_weight/);
  });
});

describe('routes and methods', () => {
  test('answers 404 for an unknown path', () => refused(call('bundled', '/admin'), 404, 'not_found', /no route \/admin/));

  test('answers 405 with Allow for a wrong method', async () => {
    const answer = await refused(call('bundled', '/similar?id=x', { method: 'POST' }), 405, 'method_not_allowed');
    assert.equal(answer.headers.get('allow'), 'GET, OPTIONS');
    const search = await refused(call('bundled', '/search', { method: 'PUT' }), 405, 'method_not_allowed', /takes GET or POST/);
    assert.equal(search.headers.get('allow'), 'GET, POST, OPTIONS');
    await refused(call('bundled', '/rerank'), 405, 'method_not_allowed', /\/rerank takes POST/);
  });

  test('GET /health summarises the loaded index and names the models in use', async () => {
    const { body } = await call('bundled', '/health');
    assert.deepEqual(body, {
      ok: true,
      index: { count: 600, dims: 256, storage: 'int8', model: 'vitrine-local-hash-v1', embedder: 'local_hashing',
        imageField: { model: 'vitrine-local-image-v1', dims: 112, modelDims: 112, storage: 'int8', embedder: 'local_image',
          jointSpace: false, products: 600 },
        shard: null },
      endpoint: { rerankModel: 'test-rerank', embedModel: HOSTED_MODEL },
    });
    assert.equal((await call('keyless', '/health')).body.endpoint, null);
  });
});

describe('CORS against the allow-list', () => {
  test('echoes an allowed origin and exposes Server-Timing', async () => {
    const { headers } = await call('bundled', '/search?q=lamp', { headers: { Origin: SHOP_ORIGIN } });
    assert.equal(headers.get('access-control-allow-origin'), SHOP_ORIGIN);
    assert.match(headers.get('access-control-expose-headers'), /Server-Timing/);
    assert.equal(headers.get('vary'), 'Origin');
  });

  test('answers a preflight from an allowed origin with 204', async () => {
    const answer = await call('bundled', '/rerank', {
      method: 'OPTIONS',
      headers: { Origin: SHOP_ORIGIN, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' },
    });
    assert.equal(answer.status, 204);
    assert.equal(answer.headers.get('access-control-allow-origin'), SHOP_ORIGIN);
    assert.match(answer.headers.get('access-control-allow-methods'), /POST/);
    assert.match(answer.headers.get('access-control-allow-headers'), /Content-Type/i);
  });

  test('refuses an origin not on the list with 403, preflight included, without calling the endpoint', async () => {
    edge.server.reset();
    const answer = await refused(call('bundled', '/search?q=lamp&rerank=1', { headers: { Origin: 'https://evil.example' } }),
      403, 'origin_not_allowed', /https:\/\/evil\.example/);
    assert.equal(answer.headers.get('access-control-allow-origin'), null);
    const preflight = await call('bundled', '/rerank', { method: 'OPTIONS', headers: { Origin: 'https://evil.example' } });
    assert.equal(preflight.status, 403);
    assert.equal(edge.server.requests.length, 0);
  });

  test('sends no allow-origin header to a request without Origin', async () => {
    const { headers } = await call('bundled', '/search?q=lamp');
    assert.equal(headers.get('access-control-allow-origin'), null);
  });
});

describe('POST /embed and POST /rerank proxy the hosted endpoint', () => {
  test('/embed forwards the input with the worker model and key and relays the answer', async () => {
    edge.server.reset();
    const { status, body } = await postJson('bundled', '/embed', { input: ['green sofa', 'oak table'] }, { Origin: SHOP_ORIGIN });
    assert.equal(status, 200);
    assert.equal(body.data.length, 2);
    assert.equal(body.data[0].embedding.length, 64);
    const [request] = edge.server.requests;
    assert.equal(request.authorized, true);
    assert.equal(request.body.model, HOSTED_MODEL);
  });

  test('/embed on a hosted index defaults to the index model', async () => {
    edge.server.reset();
    assert.equal((await postJson('remote', '/embed', { input: 'lamp', dimensions: 16 })).status, 200);
    assert.equal(edge.server.requests[0].body.model, HOSTED_MODEL);
    assert.equal(edge.server.requests[0].body.dimensions, 16);
  });

  test('/rerank forwards text and prepared-image documents and relays the answer', async () => {
    edge.server.reset();
    const photo = vitrine.prepareImage(readFileSync(new URL('../../sample/images/fur-0001.png', import.meta.url)));
    const image = { type: 'image_url', image_url: { url: vitrine.toDataUri(photo.bytes) } };
    const { status, body } = await postJson('bundled', '/rerank', {
      query: { content: [{ type: 'text', text: 'green sofa' }, image] },
      documents: ['Oak dining table', { content: [{ type: 'text', text: 'Green velvet sofa' }, image] }],
      top_n: 2,
      instruction: 'Find the product in the photo',
    });
    assert.equal(status, 200, JSON.stringify(body));
    assert.equal(body.results[0].index, 1);
    assert.equal(edge.server.requests[0].images, 2);
    assert.deepEqual(edge.server.violations, []);
  });

  test('answers 503 when the worker has no hosted endpoint, for both routes and a rerank search', async () => {
    await refused(postJson('keyless', '/embed', { input: 'lamp' }), 503, 'endpoint_not_configured', /API_BASE, API_KEY/);
    await refused(postJson('keyless', '/rerank', { query: 'lamp', documents: ['lamp'] }), 503, 'endpoint_not_configured');
    const { status, body } = await call('keyless', '/search?q=lamp&rerank=1');
    assert.equal(status, 200);
    assert.equal(body.reranked, false);
    assert.match(body.rerankError, /no hosted endpoint configured/);
  });

  test('/embed with a local-embedder index and no EMBED_MODEL is 503 naming the setting', async () => {
    await refused(postJson('keyless', '/embed', { input: 'lamp' }), 503, 'endpoint_not_configured');
  });

  for (const [fault, status, code] of [
    [{ kind: 'status', status: 503 }, 502, 'upstream_error'],
    [{ kind: '429', retryAfter: 'date' }, 429, 'upstream_rate_limited'],
    [{ kind: 'slow', ms: 3000 }, 504, 'upstream_timeout'],
    [{ kind: 'truncated' }, 502, 'upstream_bad_response'],
    [{ kind: 'echo-key' }, 502, 'upstream_error'],
  ]) {
    test(`/rerank answers ${status} ${code} on a ${fault.kind} fault, quoting no upstream body`, async () => {
      edge.server.reset();
      edge.server.fault({ endpoint: 'rerank', ...fault });
      const answer = await refused(postJson('bundled', '/rerank', { query: 'lamp', documents: ['a lamp'] }), status, code);
      assert.doesNotMatch(answer.text, /authorization|Bearer|injected/i);
      if (fault.kind === '429') assert.match(answer.headers.get('retry-after'), /GMT$/);
    });
  }
});

describe('POST bodies are checked before the key is spent', () => {
  const image = (base64) => ({ type: 'image_url', image_url: { url: `data:image/jpeg;base64,${base64}` } });
  const cases = [
    ['a body that is not JSON', '/embed', '{"input": ', 400, 'invalid_json'],
    ['a JSON array', '/embed', ['lamp'], 400, 'invalid_body', /must be a JSON object/],
    ['an unknown field', '/embed', { input: 'lamp', user: 'x' }, 400, 'invalid_body', /unknown field 'user'/],
    ['another model', '/embed', { input: 'lamp', model: 'gpt-4o' }, 400, 'invalid_body', /'model' must be omitted or 'test-embed'/],
    ['no input', '/embed', {}, 400, 'invalid_body', /'input' must be/],
    ['an empty input string', '/embed', { input: [''] }, 400, 'invalid_body', /input\[0\] must be a string/],
    ['65 inputs', '/embed', { input: Array(65).fill('lamp') }, 400, 'invalid_body', /1\.\.64 strings/],
    ['dimensions of 0', '/embed', { input: 'lamp', dimensions: 0 }, 400, 'invalid_body', /'dimensions'/],
    ['no documents', '/rerank', { query: 'lamp', documents: [] }, 400, 'invalid_body', /'documents' must be a list of 1\.\.100/],
    ['a query of the wrong type', '/rerank', { query: 7, documents: ['a'] }, 400, 'invalid_body', /query must be a string or \{content/],
    ['top_n beyond the documents', '/rerank', { query: 'q', documents: ['a'], top_n: 2 }, 400, 'invalid_body', /'top_n' must be an integer in 1\.\.1/],
    ['an unknown content part', '/rerank', { query: { content: [{ type: 'video_url' }] }, documents: ['a'] }, 400, 'invalid_body', /query\.content\[0\]/],
    ['an image given by http URL', '/rerank', { query: { content: [{ type: 'image_url', image_url: { url: 'http://127.0.0.1/x.jpg' } }] }, documents: ['a'] },
      400, 'invalid_body', /data:image\/jpeg;base64/],
    ['a PNG data URI', '/rerank', { query: { content: [{ type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw0KGgo=' } }] }, documents: ['a'] },
      400, 'invalid_body', /data:image\/jpeg;base64/],
    ['Base64 that is no JPEG', '/rerank', { query: { content: [image('aGVsbG8gd29ybGQh')] }, documents: ['a'] }, 400, 'invalid_body', /not Base64 of a JPEG/],
    ['six images', '/rerank', { query: 'q', documents: Array.from({ length: 6 }, () => ({ content: [image(`${JPEG_BASE64}AA==`)] })) },
      400, 'invalid_body', /6 images in one request; at most 5/],
    ['an image over MAX_IMAGE_BYTES', '/rerank', { query: { content: [image(`${JPEG_BASE64}${'A'.repeat(2_100_000)}`)] }, documents: ['a'] },
      413, 'image_too_large', /the limit is 1572864/],
  ];
  for (const [what, path, payload, status, code, pattern] of cases) {
    test(`${path} refuses ${what} with ${status}`, async () => {
      edge.server.reset();
      const body = typeof payload === 'string' ? payload : JSON.stringify(payload);
      await refused(call('bundled', path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body }), status, code, pattern);
      assert.equal(edge.server.requests.length, 0, 'nothing reached the endpoint');
    });
  }

  test('refuses a body that is not application/json with 415', () =>
    refused(call('bundled', '/embed', { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: '{"input":"a"}' }),
      415, 'unsupported_media_type'));

  test('refuses a body over MAX_BODY_BYTES with 413, by Content-Length and while streaming', async () => {
    const huge = JSON.stringify({ query: 'q', documents: ['x'.repeat(7 * 1024 * 1024)] });
    await refused(postJson('bundled', '/rerank', JSON.parse(huge)), 413, 'body_too_large', /larger than 6291456 bytes/);
    const stream = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(huge));
        controller.close();
      },
    });
    await refused(call('bundled', '/rerank', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: stream, duplex: 'half' }),
      413, 'body_too_large');
  });

  test('refuses bytes that are not UTF-8 with 400', () =>
    refused(call('bundled', '/embed', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: new Uint8Array([0x7b, 0xff, 0x7d]) }),
      400, 'invalid_json'));
});

describe('faults of the worker itself', () => {
  test('a malformed setting is a 500 naming the setting, not its value', async () => {
    const answer = await refused(call('misconfigured', '/search?q=lamp'), 500, 'worker_misconfigured', /MAX_K must be an integer of at least 1/);
    assert.doesNotMatch(answer.text, /fifty/);
  });
});

describe('the API key', () => {
  test('never appears in any response body or header of this run', () => {
    assert.ok(seen.length > 80, `only ${seen.length} responses were checked`);
    for (const { path, headers, text } of seen) {
      assert.ok(!headers.includes(API_KEY), `the key is in a header of ${path}`);
      assert.ok(!text.includes(API_KEY), `the key is in the body of ${path}`);
    }
  });
});
