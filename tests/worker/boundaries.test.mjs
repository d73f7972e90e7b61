// boundaries.test.mjs — the worker's security and resource boundaries, in workerd on
// loopback: the key never follows a redirect, never leaves in an answer (not even through
// JSON escapes), upstream answers are bounded and must be UTF-8; requests are costed,
// capped and rate-limited per client address; caller tokens when CALLER_SECRET is set;
// product images fetched only under IMAGE_BASE, within MAX_IMAGE_BYTES.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';

import { signCallerToken } from '../../edge-worker/caller_token.js';
import { API_KEY, CALLER_SECRET, IMAGE_FOLDER, startEdge } from './edge_fixture.mjs';

let edge;
const seen = []; // every answer's headers and body, for the key check at the end

before(async () => (edge = await startEdge()));
after(() => edge?.stop());
beforeEach(() => {
  edge.server.reset();
  edge.imageHost.requests.length = 0;
  edge.otherHost.requests.length = 0;
});

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

const post = (service, path, payload, headers = {}) =>
  call(service, path, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(payload) });

function expectError(answer, status, code, pattern) {
  assert.equal(answer.status, status, answer.text);
  assert.equal(answer.body?.error?.code, code, answer.text);
  if (pattern) assert.match(answer.body.error.message, pattern);
}

const keyReached = (host) => host.requests.filter((r) => JSON.stringify(r.headers).includes(API_KEY));

describe('requests carrying the key never follow a redirect', () => {
  for (const [route, endpoint, send] of [
    ['POST /embed', 'embeddings', () => post('bundled', '/embed', { input: 'lamp' })],
    ['POST /rerank', 'rerank', () => post('bundled', '/rerank', { query: 'lamp', documents: ['a lamp'] })],
    ['GET /search on a hosted index', 'embeddings', () => call('remote', '/search?q=lamp')],
  ]) {
    test(`${route}: a 307 to another host is a 502 upstream_error, and that host gets nothing`, async () => {
      edge.server.fault({ endpoint, kind: 'redirect', location: edge.otherHost.url(`/v1/${endpoint}`) });
      const answer = await send();
      expectError(answer, 502, 'upstream_error', /HTTP 307/);
      assert.equal(answer.body.error.upstreamStatus, 307);
      assert.deepEqual(edge.otherHost.requests, []);
    });
  }

  test('GET /search?rerank=1: a redirecting reranker falls back to retrieval order; the other host gets nothing', async () => {
    edge.server.fault({ endpoint: 'rerank', kind: 'redirect', location: edge.otherHost.url('/v1/rerank') });
    const { status, body } = await call('bundled', '/search?q=wool+rug&k=4&rerank=1');
    assert.equal(status, 200);
    assert.equal(body.reranked, false);
    assert.match(body.rerankError, /HTTP 307, a redirect, which is not followed/);
    assert.deepEqual(keyReached(edge.otherHost), []);
    assert.deepEqual(edge.otherHost.requests, []);
  });
});

describe('upstream answers relayed by the proxy', () => {
  test('an answer quoting the key through a JSON escape (\\u0073k-...) is refused, not relayed decoded', async () => {
    for (const [path, endpoint, payload] of [
      ['/embed', 'embeddings', { input: 'lamp' }],
      ['/rerank', 'rerank', { query: 'lamp', documents: ['a lamp'] }],
    ]) {
      edge.server.fault({ endpoint, kind: 'escaped-key' });
      expectError(await post('bundled', path, payload), 502, 'upstream_bad_response', /quotes the credentials/);
      edge.server.reset();
    }
  });

  test('an answer over MAX_UPSTREAM_BYTES is refused without buffering it', async () => {
    edge.server.fault({ endpoint: 'embeddings', kind: 'huge', bytes: 17 * 1024 * 1024 });
    expectError(await post('bundled', '/embed', { input: 'lamp' }), 502, 'upstream_bad_response', /larger than 16777216 bytes/);
  });

  test('an answer that is not valid UTF-8 is refused', async () => {
    edge.server.fault({ endpoint: 'rerank', kind: 'invalid-utf8' });
    expectError(await post('bundled', '/rerank', { query: 'lamp', documents: ['a lamp'] }), 502, 'upstream_bad_response', /UTF-8/);
  });
});

describe('the cost of a request and the rate limit per client address', () => {
  test('a rerank search over MAX_REQUEST_COST is a 400 cost_exceeded, before any work', async () => {
    const answer = await call('bundled', '/search?q=lamp&k=50&rerank=1');
    expectError(answer, 400, 'cost_exceeded', /costs 251 units, over the limit of 128/);
    assert.equal(edge.server.requests.length, 0);
  });

  test('the same search by text alone is within the cap', async () => {
    assert.equal((await call('limited', '/search?q=lamp&k=50&rerank=1', { headers: { 'CF-Connecting-IP': '198.51.100.1' } })).status, 200);
  });

  test('a client past its burst gets 429 rate_limited with Retry-After; another address still passes', async () => {
    const as = (address) => ({ headers: { 'CF-Connecting-IP': address } });
    // A text rerank of RETRIEVE_K 20 candidates costs 21 units; the burst is 128.
    for (let i = 0; i < 6; i++) assert.equal((await call('limited', '/search?q=lamp&rerank=1', as('203.0.113.7'))).status, 200);
    const refused = await call('limited', '/search?q=lamp&rerank=1', as('203.0.113.7'));
    expectError(refused, 429, 'rate_limited', /too many requests from this client/);
    assert.ok(Number(refused.headers.get('retry-after')) >= 1, refused.headers.get('retry-after'));
    const reranks = edge.server.requests.filter((r) => r.endpoint === 'rerank').length;
    const documents = Array.from({ length: 20 }, (_, i) => `lamp ${i}`);
    expectError(await post('limited', '/rerank', { query: 'lamp', documents }, as('203.0.113.7').headers), 429, 'rate_limited');
    assert.equal(edge.server.requests.filter((r) => r.endpoint === 'rerank').length, reranks, 'the refused calls spent nothing');
    assert.equal((await call('limited', '/search?q=lamp&rerank=1', as('203.0.113.8'))).status, 200);
  });
});

describe('caller tokens (CALLER_SECRET set)', () => {
  const now = () => Math.floor(Date.now() / 1000);
  const bearer = (token) => ({ headers: { Authorization: `Bearer ${token}` } });

  test('a valid token passes', async () => {
    const token = await signCallerToken(CALLER_SECRET, now() + 300);
    assert.equal((await call('authenticated', '/search?q=lamp', bearer(token))).status, 200);
    assert.equal((await post('authenticated', '/embed', { input: 'lamp' }, bearer(token).headers)).status, 200);
  });

  for (const [what, token, pattern] of [
    ['no token', null, /needs a caller token/],
    ['a malformed token', 'vt1.abc.def', /needs a caller token/],
    ['a token signed with another secret', async () => signCallerToken('another-secret', now() + 300), /not signed/],
    ['an expired token', async () => signCallerToken(CALLER_SECRET, now() - 1), /has expired/],
    ['a token living longer than CALLER_TOKEN_MAX_SECONDS', async () => signCallerToken(CALLER_SECRET, now() + 7200), /more than 3600 s ahead/],
  ]) {
    test(`${what} is a 401 caller_unauthorized, and nothing is spent`, async () => {
      const value = typeof token === 'function' ? await token() : token;
      const answer = await post('authenticated', '/embed', { input: 'lamp' }, value ? bearer(value).headers : {});
      expectError(answer, 401, 'caller_unauthorized', pattern);
      assert.match(answer.headers.get('www-authenticate'), /^Bearer/);
      assert.equal(edge.server.requests.length, 0);
    });
  }

  test('a signature altered in one character is refused', async () => {
    const token = await signCallerToken(CALLER_SECRET, now() + 300);
    const altered = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    expectError(await call('authenticated', '/search?q=lamp', bearer(altered)), 401, 'caller_unauthorized', /not signed/);
  });

  test('/health needs no token', async () => {
    assert.equal((await call('authenticated', '/health')).status, 200);
  });
});

describe('product images come from IMAGE_BASE only', () => {
  const search = (service) => call(service, '/search?q=brass+lamp&k=7&rerank=1');

  test('references leaving IMAGE_BASE (.., encoded .., %2F, //host, absolute, user info) are not fetched', async () => {
    const { status, body } = await search('confined');
    assert.equal(status, 200);
    assert.equal(body.reranked, true, body.rerankError);
    assert.deepEqual(edge.imageHost.requests.map((r) => r.url), [`${IMAGE_FOLDER}fur-0001.png`]);
    assert.deepEqual(edge.otherHost.requests, []);
    const reranks = edge.server.requests.filter((r) => r.endpoint === 'rerank');
    assert.equal(reranks.reduce((sum, r) => sum + r.images, 0), 1, 'only the photo inside IMAGE_BASE is sent');
  });

  test('with IMAGE_BASE unset nothing is fetched, absolute URLs included, and the rerank is by text', async () => {
    const { body } = await search('imageless');
    assert.equal(body.reranked, true, body.rerankError);
    assert.deepEqual(edge.imageHost.requests, []);
    assert.deepEqual(edge.otherHost.requests, []);
    assert.equal(edge.server.requests.filter((r) => r.endpoint === 'rerank').reduce((sum, r) => sum + r.images, 0), 0);
  });

  test('a product image over MAX_IMAGE_BYTES is not read past the limit, and goes as text', async () => {
    const { body } = await search('smallImages');
    assert.equal(body.reranked, true, body.rerankError);
    assert.equal(edge.imageHost.requests.length, 1);
    assert.equal(edge.server.requests.filter((r) => r.endpoint === 'rerank').reduce((sum, r) => sum + r.images, 0), 0);
  });
});

describe('the API key', () => {
  test('never appears in any response body or header of this run', () => {
    assert.ok(seen.length > 20, `only ${seen.length} responses were checked`);
    for (const { path, headers, text } of seen) {
      assert.ok(!headers.includes(API_KEY), `the key is in a header of ${path}`);
      assert.ok(!text.includes(API_KEY), `the key is in the body of ${path}`);
    }
  });
});
