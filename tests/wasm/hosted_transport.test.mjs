// hosted_transport.test.mjs — the fetch transport of the hosted client, driven through
// every fault of the loopback server (tests/server/openai-compatible-server.mjs):
// bearer auth, retries and their waits, timeouts, network errors, cut-short and
// malformed bodies, cancellation, and an API key that never shows in an error or note.
// Calls go through the public API: a search with rerank: false on a hosted-model index
// makes exactly one /embeddings call, so its failures surface as thrown errors.
import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';

import { EndpointError, VitrineError } from '../../wasm/js/index.js';
import { startRecordingServer } from '../server/recording-server.mjs';
import { API_KEY, hostedIndexBytes, startFixture } from './hosted_support.mjs';
import { loadVitrine, rejection } from './support.mjs';

let vitrine;
let fixture;
let index;
before(async () => {
  vitrine = await loadVitrine();
  fixture = await startFixture();
  index = vitrine.openIndex(hostedIndexBytes(vitrine, fixture.catalogue));
});
after(() => fixture.close());
beforeEach(() => fixture.server.reset());

// A client whose retry notes are collected in `notes`.
function clientWith(options = {}) {
  const notes = [];
  const client = vitrine.createClient({ index, ...fixture.clientOptions, onRetry: (n) => notes.push(n), ...options });
  return { client, notes };
}

const embed = (client, options) => client.search('brass lamp', { rerank: false, ...options });
const embeddingCalls = () => fixture.requests('embeddings').length;

function assertNoKey(...texts) {
  for (const text of texts) assert.ok(!String(text).includes(API_KEY), `the API key leaked into: ${text}`);
}

test('sends the API key as a bearer token to the endpoint, and no credentials with images', async () => {
  const { client } = clientWith();
  await client.search('brass lamp', { retrieveK: 10 });
  const api = fixture.server.requests.filter((r) => r.endpoint !== 'image');
  assert.ok(api.length >= 2 && api.every((r) => r.authorized), 'every /v1 call carries the key');
  assert.ok(fixture.requests('image').length > 0);
  assert.ok(fixture.requests('image').every((r) => r.authorization === undefined));
  assert.deepEqual(fixture.server.violations, []);
});

test('a wrong key fails at once with HTTP 401 and the body, never quoting the key', async () => {
  const wrongKey = 'sk-not-the-right-key-42';
  const { client, notes } = clientWith({ apiKey: wrongKey });
  const error = await rejection(embed(client));
  assert.ok(error instanceof EndpointError);
  assert.equal(error.status, 401);
  assert.equal(error.attempts, 1);
  assert.match(error.message, /^POST http:\/\/127\.0\.0\.1:\d+\/v1\/embeddings failed: HTTP 401 — body: .*missing or wrong API key/);
  assert.ok(!error.message.includes(wrongKey) && !error.stack.includes(wrongKey));
  assert.deepEqual(notes, []);
});

test('retries a 429 after the seconds its Retry-After asks for', async () => {
  fixture.server.fault({ endpoint: 'embeddings', kind: '429', retryAfter: 1, times: 1 });
  const { client, notes } = clientWith();
  const start = performance.now();
  const found = await embed(client);
  assert.ok(performance.now() - start >= 990, 'waited the second asked for');
  assert.equal(found.results.length, 3);
  assert.equal(embeddingCalls(), 2);
  assert.match(notes[0], /embeddings: HTTP 429, retrying in 1\.0 s \(attempt 2 of 4\)$/);
});

test('honours a Retry-After given as an HTTP date', async () => {
  fixture.server.fault({ endpoint: 'embeddings', kind: '429', retryAfter: 'date', times: 1 });
  const { client, notes } = clientWith();
  const start = performance.now();
  await embed(client);
  // The date is 2 s ahead at one-second resolution: between 1 and 2 s remain.
  assert.ok(performance.now() - start >= 900, 'waited until the date');
  assert.equal(embeddingCalls(), 2);
  assert.match(notes[0], /HTTP 429, retrying in [12]\.\d s/);
});

test('fails at once when Retry-After asks for longer than maxRetryAfterMs', async () => {
  fixture.server.fault({ endpoint: 'embeddings', kind: '429', retryAfter: 120 });
  const { client } = clientWith();
  const start = performance.now();
  const error = await rejection(embed(client));
  assert.ok(performance.now() - start < 1000);
  assert.equal(error.status, 429);
  assert.equal(error.attempts, 1);
  assert.match(error.message, /HTTP 429 — body: .*\(it asked to retry after 120\.0 s, longer than the 60\.0 s allowed\)$/);
});

test('retries 5xx answers with backoff until one succeeds', async () => {
  fixture.server.fault({ endpoint: 'embeddings', kind: 'status', status: 503, times: 2 });
  const { client, notes } = clientWith();
  const found = await embed(client);
  assert.equal(found.results.length, 3);
  assert.equal(embeddingCalls(), 3);
  assert.equal(notes.length, 2);
  assert.match(notes[1], /HTTP 503, retrying in \d+\.\d s \(attempt 3 of 4\)$/);
});

test('gives up after the retries allowed, with the status and a snippet of the body', async () => {
  fixture.server.fault({ endpoint: 'embeddings', kind: 'status', status: 500 });
  const { client } = clientWith({ retries: 2 });
  const error = await rejection(embed(client));
  assert.ok(error instanceof EndpointError);
  assert.equal(error.status, 500);
  assert.equal(error.attempts, 3);
  assert.equal(error.timedOut, false);
  assert.match(error.url, /^http:\/\/127\.0\.0\.1:\d+\/v1\/embeddings$/);
  assert.match(error.body, /injected status 500/);
  assert.match(error.message, /embeddings failed after 3 attempts: HTTP 500 — body: \{"error":\{"message":"injected status 500"/);
  assert.equal(embeddingCalls(), 3);
});

test('does not retry statuses a retry cannot change (400, 501)', async () => {
  for (const status of [400, 501]) {
    fixture.server.reset();
    fixture.server.fault({ endpoint: 'embeddings', kind: 'status', status });
    const error = await rejection(embed(clientWith().client));
    assert.equal(error.status, status);
    assert.equal(embeddingCalls(), 1, `HTTP ${status} is final`);
  }
});

test('a response slower than timeoutMs times out and is retried', async () => {
  fixture.server.fault({ endpoint: 'embeddings', kind: 'slow', ms: 1500, times: 1 });
  const { client, notes } = clientWith({ timeoutMs: 200 });
  const found = await embed(client);
  assert.equal(found.results.length, 3);
  assert.match(notes[0], /embeddings: timed out after 200 ms, retrying in/);
});

test('a call that keeps timing out fails with timedOut and status 0', async () => {
  fixture.server.fault({ endpoint: 'embeddings', kind: 'slow', ms: 1500 });
  const error = await rejection(embed(clientWith({ timeoutMs: 150, retries: 1 }).client));
  assert.ok(error instanceof EndpointError);
  assert.equal(error.status, 0);
  assert.equal(error.timedOut, true);
  assert.equal(error.attempts, 2);
  assert.match(error.message, /embeddings failed after 2 attempts: timed out after 150 ms$/);
});

test('a dropped connection is a network error, retried', async () => {
  fixture.server.fault({ endpoint: 'embeddings', kind: 'drop', times: 1 });
  const { client, notes } = clientWith();
  assert.equal((await embed(client)).results.length, 3);
  assert.equal(notes.length, 1);
  assert.match(notes[0], /embeddings: fetch failed.*, retrying in/);
});

test('a body cut short of its Content-Length is a network error, retried', async () => {
  fixture.server.fault({ endpoint: 'embeddings', kind: 'truncated', times: 1 });
  const { client, notes } = clientWith();
  assert.equal((await embed(client)).results.length, 3);
  assert.equal(embeddingCalls(), 2);
  assert.equal(notes.length, 1);
});

test('a network error on every attempt fails with status 0 and the cause', async () => {
  fixture.server.fault({ endpoint: 'embeddings', kind: 'drop' });
  const error = await rejection(embed(clientWith({ retries: 1 }).client));
  assert.equal(error.status, 0);
  assert.equal(error.timedOut, false);
  assert.match(error.message, /embeddings failed after 2 attempts: fetch failed/);
});

test('malformed JSON with status 200 is not retried: the core refuses it', async () => {
  fixture.server.fault({ endpoint: 'embeddings', kind: 'malformed' });
  const error = await rejection(embed(clientWith().client));
  assert.ok(error instanceof VitrineError);
  assert.equal(error.kind, 'bad_response');
  assert.equal(embeddingCalls(), 1);
});

test('an embeddings response with an index out of range is refused', async () => {
  fixture.server.fault({ endpoint: 'embeddings', kind: 'bad-index' });
  const error = await rejection(embed(clientWith().client));
  assert.ok(error instanceof VitrineError);
  assert.equal(error.kind, 'bad_response');
  assert.match(error.message, /index/);
});

test('a server echoing the Authorization header: the key is redacted in errors and notes', async () => {
  fixture.server.fault({ endpoint: 'embeddings', kind: 'echo-key' });
  const { client, notes } = clientWith({ retries: 1 });
  const error = await rejection(embed(client));
  assert.equal(error.status, 500);
  assert.match(error.message, /authorization=Bearer \[redacted\]/);
  assert.match(error.body, /\[redacted\]/);
  assertNoKey(error.message, error.stack, error.body, ...notes);
});

test('a reranker echoing the key falls back with the key redacted from the reason', async () => {
  fixture.server.fault({ endpoint: 'rerank', kind: 'echo-key' });
  const { client, notes } = clientWith({ retries: 0 });
  const found = await client.search('brass lamp');
  assert.equal(found.reranked, false);
  assert.match(found.rerankError, /\[redacted\]/);
  assertNoKey(found.rerankError, JSON.stringify(found), ...notes);
});

test('a redirect is not followed with the key: it fails at once as HTTP 307, and the other host gets nothing', async () => {
  const other = await startRecordingServer();
  try {
    fixture.server.fault({ endpoint: 'embeddings', kind: 'redirect', location: other.url('/v1/embeddings') });
    const { client, notes } = clientWith();
    const error = await rejection(embed(client));
    assert.ok(error instanceof EndpointError, String(error));
    assert.equal(error.status, 307);
    assert.equal(error.attempts, 1);
    assert.match(error.message, /failed: HTTP 307, a redirect, which is not followed/);
    assert.deepEqual(notes, []);
    assert.deepEqual(other.requests, []);
  } finally {
    await other.close();
  }
});

test('a reranker redirecting elsewhere falls back to retrieval order, and the other host gets nothing', async () => {
  const other = await startRecordingServer();
  try {
    fixture.server.fault({ endpoint: 'rerank', kind: 'redirect', location: other.url('/v1/rerank') });
    const found = await clientWith().client.search('brass lamp');
    assert.equal(found.reranked, false);
    assert.match(found.rerankError, /HTTP 307, a redirect, which is not followed/);
    assert.deepEqual(other.requests, []);
  } finally {
    await other.close();
  }
});

test('a body that is not valid UTF-8 is refused by the core as bad_response, not read with U+FFFD', async () => {
  fixture.server.fault({ endpoint: 'embeddings', kind: 'invalid-utf8' });
  const error = await rejection(embed(clientWith().client));
  assert.ok(error instanceof VitrineError, String(error));
  assert.equal(error.kind, 'bad_response');
  assert.match(error.message, /UTF-8/);
  assert.equal(embeddingCalls(), 1);
});

test('an AbortSignal cancels a request in flight with its reason', async () => {
  fixture.server.fault({ endpoint: 'embeddings', kind: 'slow', ms: 5000 });
  const controller = new AbortController();
  setTimeout(() => controller.abort(), 100);
  const start = performance.now();
  const error = await rejection(embed(clientWith().client, { signal: controller.signal }));
  assert.equal(error.name, 'AbortError');
  assert.ok(performance.now() - start < 1000);
  assert.equal(embeddingCalls(), 1);
});

test('an AbortSignal cancels the wait before a retry', async () => {
  fixture.server.fault({ endpoint: 'embeddings', kind: '429', retryAfter: 5 });
  const controller = new AbortController();
  const reason = new Error('the shopper left');
  setTimeout(() => controller.abort(reason), 150);
  const start = performance.now();
  const error = await rejection(embed(clientWith().client, { signal: controller.signal }));
  assert.equal(error, reason);
  assert.ok(performance.now() - start < 1000);
  assert.equal(embeddingCalls(), 1);
});

test('an already-aborted signal sends nothing', async () => {
  const error = await rejection(embed(clientWith().client, { signal: AbortSignal.abort() }));
  assert.equal(error.name, 'AbortError');
  assert.equal(fixture.server.requests.length, 0);
});

test('an injected fetch carries every call, images included', async () => {
  const seen = [];
  const fetch = (url, init) => {
    seen.push({ url, method: init.method, authorization: init.headers.Authorization });
    return globalThis.fetch(url, init);
  };
  await clientWith({ fetch }).client.search('brass lamp');
  assert.deepEqual(seen.length, fixture.server.requests.length);
  assert.ok(seen.some((s) => s.url.endsWith('/v1/embeddings') && s.authorization === `Bearer ${API_KEY}`));
  assert.ok(seen.some((s) => s.url.endsWith('/v1/rerank') && s.method === 'POST'));
  assert.ok(seen.filter((s) => s.url.includes('/images/')).every((s) => s.method === 'GET' && s.authorization === undefined));
});

test('a base URL that is not http(s) is refused when the client is made', () => {
  assert.throws(() => vitrine.createClient({ index, baseUrl: 'ftp://host/v1' }), /must be an http\(s\) URL, got 'ftp:\/\/host\/v1'/);
  // No page to resolve against in Node.
  assert.throws(() => vitrine.createClient({ index, baseUrl: '/vitrine/v1' }), TypeError);
});
