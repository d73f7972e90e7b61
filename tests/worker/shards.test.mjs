// A catalogue split into 4 shards (`vitrine build --shards 4`), each served by its own worker,
// and fronts (front.js) that fan a search out over service bindings, in real workerd: the
// merged page is the whole index's page; a failing shard is an error or a flagged partial
// page, by setting; shards out of place or of another catalogue are refused.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { nativeCli } from '../parity/native_cli.mjs';
import { embed, startServer } from '../server/openai-compatible-server.mjs';
import { API_KEY, HOSTED_INDEX_DIMS, HOSTED_MODEL, SERVER_DIMS } from './edge_fixture.mjs';
import { startWorkerd } from './workerd.mjs';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const SHARDS = 4;
const quiet = { RATE_LIMIT_PER_MINUTE: '0' };
const bound = (names) => Object.fromEntries(names.map((service, i) => [`SHARD_${i}`, { service }]));
const shardNames = Array.from({ length: SHARDS }, (_, i) => `shard${i}`);

let folder;
let workerd;
let endpoint;

before(async () => {
  folder = mkdtempSync(join(tmpdir(), 'vitrine-shards-'));
  const whole = join(folder, 'catalogue.vtx');
  const cli = nativeCli(folder);
  cli('build', '--catalogue', join(repo, 'sample/catalogue.json'), '--out', whole, '--shards', String(SHARDS));
  // The same catalogue embedded by the test endpoint's model, as the hosted pipeline embeds queries.
  const catalogue = JSON.parse(readFileSync(join(repo, 'sample/catalogue.json'), 'utf8'));
  writeFileSync(join(folder, 'vectors.jsonl'), catalogue.map((product) =>
    JSON.stringify({ id: product.id, embedding: embed(`${product.title}\n${product.description}`, SERVER_DIMS) })).join('\n'));
  const hostedWhole = join(folder, 'hosted.vtx');
  cli('build', '--catalogue', join(repo, 'sample/catalogue.json'), '--vectors', 'vectors.jsonl', '--model', HOSTED_MODEL,
    '--dims', String(HOSTED_INDEX_DIMS), '--out', hostedWhole, '--shards', String(SHARDS));
  endpoint = await startServer({ apiKey: API_KEY, dims: SERVER_DIMS });
  const hosted = { ...quiet, API_BASE: endpoint.url, API_KEY };
  const shard = (i) => ({ entry: 'bundled.js', index: join(folder, `catalogue.shard-${i}-of-${SHARDS}.vtx`), bindings: quiet });
  const hostedShard = (i) => ({ entry: 'bundled.js', index: join(folder, `hosted.shard-${i}-of-${SHARDS}.vtx`), bindings: hosted });
  const hostedNames = shardNames.map((name) => `hosted${name}`);
  workerd = await startWorkerd({
    services: {
      whole: { entry: 'bundled.js', index: whole, bindings: quiet },
      ...Object.fromEntries(shardNames.map((name, i) => [name, shard(i)])),
      // A shard whose index cannot be fetched: every search there is a 503.
      down: { entry: 'remote.js', bindings: { ...quiet, INDEX_URL: 'http://127.0.0.1:9/gone.vtx' } },
      front: { entry: 'front.js', bindings: { ...quiet, ...bound(shardNames) } },
      strict: { entry: 'front.js', bindings: { ...quiet, ...bound(['shard0', 'shard1', 'down', 'shard3']) } },
      partial: { entry: 'front.js', bindings: { ...quiet, SHARD_FAILURE: 'partial', ...bound(['shard0', 'shard1', 'down', 'shard3']) } },
      swapped: { entry: 'front.js', bindings: { ...quiet, ...bound(['shard1', 'shard0', 'shard2', 'shard3']) } },
      foreign: { entry: 'front.js', bindings: { ...quiet, ...bound(['shard0', 'shard1', 'shard2', 'whole']) } },
      hostedWhole: { entry: 'bundled.js', index: hostedWhole, bindings: hosted },
      ...Object.fromEntries(hostedNames.map((name, i) => [name, hostedShard(i)])),
      hostedFront: { entry: 'front.js', bindings: { ...quiet, ...bound(hostedNames) } },
    },
  });
});

after(async () => {
  await workerd?.stop();
  await endpoint?.close();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

async function get(service, query) {
  const response = await fetch(`${workerd.url[service]}${query}`);
  return { status: response.status, body: await response.json() };
}

const page = ({ results, total, facets, facetStats }) => ({ results, total, facets, facetStats });

test('the merged page of 4 shards is the whole index page: hits, ties, sorts, offsets, filters and facet counts', async () => {
  const shapes = [
    '',
    '&facet=category&facet=brand&facet=price&facet=rating',
    '&sort=price&facet=material',
    '&sort=-rating&offset=6&k=8',
    '&filter=in_stock=true&category=lighting&facet=colour',
    '&max_price=300&offset=20&k=10&facet=type',
  ];
  let withResults = 0;
  for (const q of ['velvet sofa', 'brass lamp', 'oak', 'warm light for reading']) {
    for (const shape of shapes) {
      const query = `/search?q=${encodeURIComponent(q)}${shape}`;
      const [whole, front] = await Promise.all([get('whole', `${query}&keyword_weight=0`), get('front', query)]);
      assert.equal(whole.status, 200, JSON.stringify(whole.body));
      assert.equal(front.status, 200, JSON.stringify(front.body));
      assert.deepEqual(page(front.body), page(whole.body), query);
      if (front.body.results.length > 0) withResults += 1;
      assert.equal(front.body.shards, SHARDS);
      assert.equal(front.body.partial, undefined);
    }
  }
  assert.ok(withResults >= 20, `${withResults} of 24 pages had results`); // the comparisons compared something
});

test('shards of a hosted model\'s index merge to its whole page too, each embedding the query', async () => {
  for (const shape of ['', '&facet=category&facet=price&sort=-price', '&offset=12&k=6&filter=in_stock=true']) {
    const query = `/search?q=${encodeURIComponent('soft linen for the bedroom')}${shape}`;
    const [whole, front] = await Promise.all([get('hostedWhole', `${query}&keyword_weight=0`), get('hostedFront', query)]);
    assert.equal(whole.status, 200, JSON.stringify(whole.body));
    assert.equal(front.status, 200, JSON.stringify(front.body));
    assert.equal(front.body.embedder, 'hosted');
    assert.ok(front.body.results.length > 0);
    assert.deepEqual(page(front.body), page(whole.body), query);
  }
});

test('a failing shard is a 503 naming it, or with SHARD_FAILURE=partial a page flagged partial', async () => {
  const strict = await get('strict', '/search?q=lamp&facet=category');
  assert.equal(strict.status, 503);
  assert.equal(strict.body.error.code, 'shard_unavailable');
  assert.match(strict.body.error.message, /shard 2 of 4 failed \(HTTP 503 index_unavailable\)/);
  assert.deepEqual(strict.body.error.missingShards, [2]);

  const [partial, whole] = await Promise.all([get('partial', '/search?q=lamp&facet=category&k=50'),
    get('whole', '/search?q=lamp&facet=category&k=50&keyword_weight=0')]);
  assert.equal(partial.status, 200);
  assert.equal(partial.body.partial, true);
  assert.deepEqual(partial.body.missingShards, [2]);
  assert.ok(partial.body.total < whole.body.total);
  // What came is exactly the whole page without shard 2's products.
  const shard2 = new Set((await get('shard2', '/search?q=lamp&k=50&keyword_weight=0')).body.results.map((hit) => hit.id));
  assert.ok(shard2.size > 0);
  const expected = whole.body.results.filter((hit) => !shard2.has(hit.id)).map((hit) => hit.id);
  assert.deepEqual(partial.body.results.map((hit) => hit.id).slice(0, expected.length), expected);
});

test('shards out of place, or an index that is not a shard, are refused and never merged', async () => {
  const swapped = await get('swapped', '/search?q=lamp');
  assert.equal(swapped.status, 500);
  assert.equal(swapped.body.error.code, 'shard_mismatch');
  assert.match(swapped.body.error.message, /SHARD_0 serves shard 1 of 4/);
  const foreign = await get('foreign', '/search?q=lamp');
  assert.equal(foreign.status, 500);
  assert.match(foreign.body.error.message, /SHARD_3 serves an index that is not a shard/);
});

test('the front refuses what it cannot answer exactly, and passes on a shard 400', async () => {
  for (const [query, pattern] of [
    ['/search?q=lamp&keyword_weight=0.5', /ranks by vectors alone/],
    ['/search?q=lamp&rerank=1', /does not rerank/],
    ['/search?q=lamp&offset=45&k=10', /offset \+ k must be at most 50/],
    ['/search?q=lamp&facet=nonsense', /facet: unknown field 'nonsense'/],
    ['/search?q=lamp&sort=title', /sort: 'title' is not a numeric field/],
  ]) {
    const answer = await get('front', query);
    assert.equal(answer.status, 400, query);
    assert.equal(answer.body.error.code, 'invalid_parameter', query);
    assert.match(answer.body.error.message, pattern, query);
  }
});

test('the front health sums its shards and names the catalogue', async () => {
  const health = await get('front', '/health');
  assert.equal(health.status, 200);
  assert.equal(health.body.ok, true);
  assert.equal(health.body.count, 600);
  assert.equal(health.body.shards.length, SHARDS);
  assert.match(health.body.catalogue, /^[0-9a-f]{16}$/);
  const strict = await get('strict', '/health');
  assert.equal(strict.status, 503);
  assert.deepEqual(strict.body.shards.map((entry) => entry.ok), [true, true, false, true]);
});
