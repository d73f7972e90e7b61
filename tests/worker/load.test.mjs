// load.test.mjs — bounded load tests of the edge worker in workerd on loopback, one in
// four searches reranked through the test server. Every request must succeed (200, and
// reranked when asked); latency percentiles are printed.
//   - text rerank (no IMAGE_BASE): 2,000 requests, 32 in flight, after 200 one at a time
//     for the un-queued cost of a request;
//   - multimodal rerank (IMAGE_BASE set: the worker fetches and prepares each candidate's
//     image, cached per isolate): 200 requests, 8 in flight — its cost is image
//     preparation in the worker, which docs/edge-worker.md weighs.
// VITRINE_LOAD_REQUESTS / VITRINE_LOAD_CONCURRENCY override the 2,000 and 32.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { startEdge } from './edge_fixture.mjs';

const REQUESTS = Number(process.env.VITRINE_LOAD_REQUESTS ?? 2000);
const CONCURRENCY = Number(process.env.VITRINE_LOAD_CONCURRENCY ?? 32);
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

// Runs `requests` searches against `base` with `concurrency` clients; prints latencies, returns failures.
async function runLoad(label, base, requests, concurrency) {
  const latencies = { all: [], local: [], reranked: [] };
  const failures = [];
  let next = 0;
  const started = performance.now();
  async function client() {
    for (let i = next++; i < requests; i = next++) {
      const { path, rerank } = requestPath(i);
      const t0 = performance.now();
      try {
        const response = await fetch(`${base}${path}`);
        const body = await response.json();
        const ms = performance.now() - t0;
        if (response.status !== 200 || body.results.length === 0 || body.reranked !== rerank) {
          failures.push(`${path}: ${response.status} ${body.error?.message ?? body.rerankError ?? `${body.results.length} results`}`);
        }
        latencies.all.push(ms);
        latencies[rerank ? 'reranked' : 'local'].push(ms);
      } catch (error) {
        failures.push(`${path}: ${error.message} ${error.cause?.code ?? ''}`);
      }
    }
  }
  await Promise.all(Array.from({ length: concurrency }, client));
  const seconds = (performance.now() - started) / 1000;
  console.log(`load (${label}): ${requests} requests, concurrency ${concurrency}, ${seconds.toFixed(2)} s, ` +
    `${(requests / seconds).toFixed(0)} requests/s, ${failures.length} failed`);
  console.log(summary('all', latencies.all));
  console.log(summary('local search', latencies.local));
  console.log(summary('with rerank', latencies.reranked));
  return failures;
}

describe('text rerank', () => {
  let edge;
  before(async () => (edge = await startEdge({ upstreamTimeoutMs: 10_000, productImages: false })));
  after(() => edge?.stop());

  test('answers one request at a time without queueing (the per-request cost)', async () => {
    assert.deepEqual(await runLoad('text rerank', edge.url.bundled, 200, 1), []);
  });

  test(`serves ${REQUESTS} searches at concurrency ${CONCURRENCY} with no failure`, async () => {
    assert.deepEqual(await runLoad('text rerank', edge.url.bundled, REQUESTS, CONCURRENCY), []);
    assert.deepEqual(edge.server.violations, []);
  });
});

describe('multimodal rerank', () => {
  let edge;
  before(async () => (edge = await startEdge({ upstreamTimeoutMs: 10_000 })));
  after(() => edge?.stop());

  test('serves 200 searches at concurrency 8 with product images, with no failure', async () => {
    assert.deepEqual(await runLoad('multimodal rerank', edge.url.bundled, 200, 8), []);
    assert.deepEqual(edge.server.violations, []);
  });
});
