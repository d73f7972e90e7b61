// load.test.mjs — bounded load tests of the edge worker in workerd on loopback, one in
// four searches reranked through the test server. Every request must succeed (200, and
// reranked when asked) or, with rate limits on, be refused as rate_limited (429 with
// Retry-After), counted apart; latency percentiles are printed.
//   - text rerank (no IMAGE_BASE), rate limits on at their defaults: 2,000 requests, 32 in
//     flight from 8 client addresses (CF-Connecting-IP), so some addresses outrun their
//     buckets; after 200 one at a time, each from a new address, for the un-queued cost of a request;
//   - multimodal rerank (IMAGE_BASE set: the worker fetches and prepares each candidate's
//     image, cached per isolate): 200 requests, 8 in flight — its cost is image
//     preparation in the worker, which docs/edge-worker.md weighs.
// VITRINE_LOAD_REQUESTS / VITRINE_LOAD_CONCURRENCY override the 2,000 and 32.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { startEdge } from './edge_fixture.mjs';

const REQUESTS = Number(process.env.VITRINE_LOAD_REQUESTS ?? 2000);
const CONCURRENCY = Number(process.env.VITRINE_LOAD_CONCURRENCY ?? 32);
const ADDRESSES = Array.from({ length: 8 }, (_, i) => `198.51.100.${i + 1}`);
const QUERIES = ['green velvet sofa', 'brass floor lamp', 'cast iron pan', 'wool rug', 'linen shirt', 'oak table',
  'ceramic vase', 'leather boots', 'copper kettle', 'desk lamp', 'cotton throw', 'walnut shelf'];

function requestPath(i) {
  const q = encodeURIComponent(QUERIES[i % QUERIES.length]);
  const filters = ['', '&category=furniture', '&min_price=20&max_price=400', ''][Math.floor(i / QUERIES.length) % 4];
  return { rerank: i % 4 === 3, path: `/search?q=${q}&k=10${filters}${i % 4 === 3 ? '&rerank=1' : ''}` };
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

function summary(name, latencies) {
  const sorted = [...latencies].sort((a, b) => a - b);
  const ms = (v) => `${v.toFixed(2)} ms`;
  return `${name.padEnd(16)} n=${String(sorted.length).padStart(4)}  p50 ${ms(percentile(sorted, 50))}  ` +
    `p90 ${ms(percentile(sorted, 90))}  p99 ${ms(percentile(sorted, 99))}  max ${ms(sorted.at(-1))}`;
}

// Runs `requests` searches against `base` with `concurrency` clients; prints latencies,
// returns the failures and the count of rate-limit refusals. addressOf(client, request)
// names the client address a request is sent as.
async function runLoad(label, base, requests, concurrency, addressOf = (c) => ADDRESSES[c % ADDRESSES.length]) {
  const latencies = { all: [], local: [], reranked: [] };
  const failures = [];
  let limited = 0;
  let next = 0;
  const started = performance.now();
  async function client(c) {
    for (let i = next++; i < requests; i = next++) {
      const headers = { 'CF-Connecting-IP': addressOf(c, i) };
      const { path, rerank } = requestPath(i);
      const t0 = performance.now();
      try {
        const response = await fetch(`${base}${path}`, { headers });
        const body = await response.json();
        const ms = performance.now() - t0;
        if (response.status === 429 && body.error?.code === 'rate_limited' && Number(response.headers.get('retry-after')) >= 1) {
          limited++;
          continue;
        }
        // No results can be the right answer ('cast iron pan' among furniture): the relevance floor.
        if (response.status !== 200 || body.results.length > 10 || body.reranked !== rerank) {
          failures.push(`${path}: ${response.status} ${body.error?.message ?? body.rerankError ?? `${body.results.length} results`}`);
        }
        latencies.all.push(ms);
        latencies[rerank ? 'reranked' : 'local'].push(ms);
      } catch (error) {
        failures.push(`${path}: ${error.message} ${error.cause?.code ?? ''}`);
      }
    }
  }
  await Promise.all(Array.from({ length: concurrency }, (_, c) => client(c)));
  const seconds = (performance.now() - started) / 1000;
  console.log(`load (${label}): ${requests} requests, concurrency ${concurrency}, ${seconds.toFixed(2)} s, ` +
    `${(requests / seconds).toFixed(0)} requests/s, ${requests - limited - failures.length} served, ` +
    `${limited} rate-limited (429), ${failures.length} failed`);
  console.log(summary('served', latencies.all));
  console.log(summary('local search', latencies.local));
  console.log(summary('with rerank', latencies.reranked));
  return { failures, limited };
}

describe('text rerank', () => {
  let edge;
  before(async () => (edge = await startEdge({ upstreamTimeoutMs: 10_000, productImages: false, rateLimits: true })));
  after(() => edge?.stop());

  test('answers one request at a time without queueing (the per-request cost)', async () => {
    // A new address each request: its bucket is full, so this measures the work alone.
    const { failures, limited } = await runLoad('text rerank', edge.url.bundled, 200, 1, (c, i) => `203.0.113.${i}`);
    assert.deepEqual(failures, []);
    assert.equal(limited, 0);
  });

  test(`serves ${REQUESTS} searches at concurrency ${CONCURRENCY} with rate limits on: no failure, 429s apart`, async () => {
    const { failures, limited } = await runLoad('text rerank, rate-limited', edge.url.bundled, REQUESTS, CONCURRENCY);
    assert.deepEqual(failures, []);
    assert.ok(limited > 0, 'eight addresses sending this much outrun their buckets');
    assert.ok(limited < REQUESTS, 'and most requests are served');
    assert.deepEqual(edge.server.violations, []);
  });
});

describe('multimodal rerank', () => {
  let edge;
  before(async () => (edge = await startEdge({ upstreamTimeoutMs: 10_000 })));
  after(() => edge?.stop());

  test('serves 200 searches at concurrency 8 with product images, with no failure', async () => {
    assert.deepEqual((await runLoad('multimodal rerank', edge.url.bundled, 200, 8)).failures, []);
    assert.deepEqual(edge.server.violations, []);
  });
});
