// shard_front.js — the front of a catalogue split into shards: one worker a shard (bundled.js
// or remote.js with a shard index, `vitrine build --shards N`), and this worker, which asks
// every shard over a service binding and merges their pages into the one the whole
// catalogue's index gives (vitrine.mergePages: the core's merge_pages).
//
//   export default createShardFront({ wasm });     // see front.js
//
//   GET /search?q&k&category&min_price&max_price&facet&filter&sort&offset   as search_route.js
//   -> { query, k, embedder, results, total, facets, facetStats, reranked: false, keywordWeight: 0,
//        shards: N, partial?, missingShards?, timings: { shardsMs, mergeMs, totalMs } }
//   GET /health -> { ok, shards: [{ shard, ok, count? }], catalogue, count }
//
// Settings (settings.js) plus SHARD_0 .. SHARD_{N-1}, service bindings to the shards in order,
// and SHARD_FAILURE: "error" (default: a shard that fails makes the search a 503
// shard_unavailable naming it) or "partial" (the others' merged page, with partial: true and
// missingShards; all failing is still a 503). A shard is asked with offset 0 for its first
// offset + k hits, so offset + k must be at most MAX_K here and on the shards.
// Exact by construction only where a hit's score is the product's own: vector similarity.
// Keyword (BM25) scores hang on corpus statistics, which differ from shard to shard, so a
// sharded catalogue ranks by vectors alone (keyword_weight=0, which it sends) and refuses
// another weight, and refuses rerank=1. A shard that answers for another place or another
// catalogue (its `shard` field) is a deployment fault, a 500 shard_mismatch whatever
// SHARD_FAILURE says: never merged. Shards of a hosted model's index each embed the query
// through their endpoint (N embedding calls a search, all giving the one vector). A shard's 400 (a bad filter, an unknown facet) is the
// caller's error and is passed on as it is.
import { init } from '../wasm/js/index.js';
import { HttpError, jsonResponse } from './http_error.js';
import { oncePerIsolate } from './isolate_once.js';
import { searchCost } from './request_cost.js';
import { parseSearchRequest } from './search_request.js';
import { routedWorker } from './worker.js';

const SHARD_BINDING = /^SHARD_(\d+)$/;
const FAILURE_MODES = new Set(['error', 'partial']);

export function createShardFront({ wasm }) {
  const engine = oncePerIsolate(() => init({ wasm }));
  return routedWorker({
    '/search': { method: 'GET', handle: (context) => shardedSearch(context, engine) },
    '/health': { method: 'GET', open: true, handle: ({ env, settings }) => shardedHealth(env, settings) },
  }, {});
}

// The shard bindings in order, and what to do when one fails: deployment settings, read once
// per env object (as settings.js reads the rest).
const shardSettings = new WeakMap();
function shardsOf(env) {
  if (!shardSettings.has(env)) shardSettings.set(env, readShards(env));
  return shardSettings.get(env);
}

function readShards(env) {
  const numbers = Object.keys(env).map((name) => SHARD_BINDING.exec(name)).filter(Boolean).map((m) => Number(m[1]));
  const count = numbers.length;
  if (count < 2) throw misconfigured('SHARD_0, SHARD_1, ... must bind at least two shard services');
  if (!numbers.every((n) => n < count)) throw misconfigured(`SHARD_0 .. SHARD_${count - 1} must be bound, without gaps`);
  const shards = numbers.sort((a, b) => a - b).map((n) => env[`SHARD_${n}`]);
  if (!shards.every((binding) => typeof binding?.fetch === 'function')) throw misconfigured('SHARD_n must be service bindings');
  const failure = env.SHARD_FAILURE || 'error';
  if (!FAILURE_MODES.has(failure)) throw misconfigured('SHARD_FAILURE must be error or partial');
  return { shards, failure };
}

function misconfigured(why) {
  return new HttpError(500, 'worker_misconfigured', `the worker setting ${why}`);
}

async function shardedSearch({ url, env, settings, charge }, engine) {
  const start = performance.now();
  const { shards, failure } = shardsOf(env);
  const params = url.searchParams;
  const { q, k, rerank, page } = parseSearchRequest(params, settings);
  if (rerank) throw new HttpError(400, 'invalid_parameter', 'a sharded catalogue does not rerank: leave rerank out');
  if (page.keywordWeight !== undefined && page.keywordWeight !== 0) {
    throw new HttpError(400, 'invalid_parameter',
      'a sharded catalogue ranks by vectors alone (keyword_weight=0): keyword scores need statistics of the whole catalogue');
  }
  const offset = page.offset ?? 0;
  if (offset + k > settings.maxK) {
    throw new HttpError(400, 'invalid_parameter', `a sharded catalogue pages ${settings.maxK} results deep: offset + k must be at most ${settings.maxK}`);
  }
  await charge(searchCost({ k, rerank: false }, settings));

  // Each shard's first offset + k hits, vectors only.
  const shardParams = new URLSearchParams(params);
  shardParams.delete('offset');
  shardParams.set('k', String(offset + k));
  shardParams.set('keyword_weight', '0');
  const answers = await Promise.all(shards.map((shard, i) => askShard(shard, i, `/search?${shardParams}`, settings)));
  const shardsMs = performance.now() - start;

  const clientError = answers.find((answer) => answer.clientError);
  if (clientError) throw clientError.clientError;
  const pages = checkedPages(answers, shards.length);
  const missing = answers.filter((answer) => answer.failed).map((answer) => answer.shard);
  if (missing.length === shards.length || (missing.length > 0 && failure === 'error')) {
    const first = answers.find((answer) => answer.failed);
    throw new HttpError(503, 'shard_unavailable', `shard ${first.shard} of ${shards.length} failed (${first.failed})`,
      { details: { missingShards: missing } });
  }

  const vitrine = await engine();
  const mergeStart = performance.now();
  const merged = vitrine.mergePages(pages.map((answer) => answer.body), { topK: k, offset, sort: page.sort, facets: page.facets });
  const mergeMs = performance.now() - mergeStart;
  const body = {
    query: q,
    k,
    embedder: pages[0].body.embedder,
    ...merged,
    reranked: false,
    keywordWeight: 0,
    shards: shards.length,
    ...(missing.length > 0 ? { partial: true, missingShards: missing } : {}),
    timings: { shardsMs, mergeMs, totalMs: performance.now() - start },
  };
  return jsonResponse(200, body);
}

// One shard's answer: { shard, body } or { shard, failed: why } or { shard, clientError }.
async function askShard(binding, shard, path, settings) {
  let response;
  try {
    response = await binding.fetch(`https://shard${path}`, { signal: AbortSignal.timeout(settings.upstreamTimeoutMs) });
  } catch (error) {
    return { shard, failed: error?.name === 'TimeoutError' ? `no answer in ${settings.upstreamTimeoutMs} ms` : 'unreachable' };
  }
  let body;
  try {
    body = await response.json();
  } catch {
    return { shard, failed: `HTTP ${response.status} without a JSON body` };
  }
  if (response.status === 400 && body?.error) {
    return { shard, clientError: new HttpError(400, String(body.error.code), String(body.error.message)) };
  }
  if (response.status !== 200) return { shard, failed: `HTTP ${response.status}${body?.error?.code ? ` ${body.error.code}` : ''}` };
  return { shard, body };
}

// The answers that came, each from the shard at its place, all of one catalogue.
function checkedPages(answers, count) {
  const pages = answers.filter((answer) => answer.body);
  const catalogue = pages[0]?.body.shard?.catalogue;
  for (const { shard, body } of pages) {
    const place = body.shard;
    if (!place || place.shard !== shard || place.shards !== count || place.catalogue !== catalogue) {
      const found = place ? `shard ${place.shard} of ${place.shards} of catalogue ${place.catalogue}` : 'an index that is not a shard';
      throw new HttpError(500, 'shard_mismatch', `SHARD_${shard} serves ${found}, not shard ${shard} of ${count} of catalogue ${catalogue}`);
    }
  }
  return pages;
}

async function shardedHealth(env, settings) {
  const { shards } = shardsOf(env);
  const answers = await Promise.all(shards.map((shard, i) => askShard(shard, i, '/health', settings)));
  const report = answers.map(({ shard, body }) => ({
    shard,
    ok: Boolean(body?.ok) && body.index.shard?.shard === shard && body.index.shard.shards === shards.length,
    ...(body ? { count: body.index.count } : {}),
  }));
  const catalogues = new Set(answers.filter((a) => a.body).map((a) => a.body.index.shard?.catalogue));
  const ok = report.every((entry) => entry.ok) && catalogues.size === 1;
  const count = report.reduce((sum, entry) => sum + (entry.count ?? 0), 0);
  return jsonResponse(ok ? 200 : 503, { ok, shards: report, catalogue: catalogues.size === 1 ? [...catalogues][0] : null, count });
}
