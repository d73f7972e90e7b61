// hosted_parity.test.mjs — the native CLI (libcurl) and the JS package (fetch) give the
// same results for the same endpoint responses: `vitrine search … --rerank --json`,
// `--image`, and `vitrine answer --json` against the loopback server, next to the JS
// client's search, searchByImage and answer over the same index file. Compared: ids and
// positions in order, float32 retrieval scores bit for bit, relevance scores exactly,
// reranked, the fallback reason when the reranker fails, the answer, its sources and
// citations, and which products went text-only.
// Both sides send the same requests too: the server logs the rerank and chat bodies,
// and those of the two runs must be equal (same documents, same JPEG bytes, same
// batches) — but for a failing reranker, which the CLI calls batch by batch and JS all
// batches at once.
// Skipped when the CLI in $VITRINE_NATIVE_BUILD has no --rerank yet (an older build).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import util, { promisify } from 'node:util';
import { after, before, beforeEach, test } from 'node:test';

import { API_KEY, hostedIndexBytes, startFixture } from '../wasm/hosted_support.mjs';
import { loadVitrine } from '../wasm/support.mjs';
import { patternPng } from '../wasm/test_images.mjs';
import { cliPath } from './native_cli.mjs';

const run = promisify(execFile);

async function cliHasRerank() {
  try {
    return (await run(cliPath, ['--help'])).stdout.includes('--rerank');
  } catch {
    return false;
  }
}
const skip = (await cliHasRerank()) ? false : `${cliPath} has no --rerank (rebuild it: scripts/build-native.sh)`;

let vitrine;
let fixture;
const indexes = {}; // name -> {path, index}
before(async () => {
  if (skip) return;
  vitrine = await loadVitrine();
  fixture = await startFixture();
  // Next to the photos, as a deployed index would be: relative references resolve
  // against its directory natively, and against the same files' URLs in JS.
  const builds = {
    hosted: hostedIndexBytes(vitrine, fixture.catalogue),
    'hosted-int8': hostedIndexBytes(vitrine, fixture.catalogue, { storage: 'int8' }),
    local: vitrine.buildIndex(JSON.stringify(fixture.catalogue), { dims: 128 }),
  };
  for (const [name, bytes] of Object.entries(builds)) {
    const path = join(fixture.imagesDir, `${name}.vtx`);
    writeFileSync(path, bytes);
    indexes[name] = { path, index: vitrine.openIndex(bytes) };
  }
});
after(() => fixture?.close());
beforeEach(() => fixture?.server.reset());

// Runs the CLI against the server without blocking it (it answers from this process).
async function cli(...args) {
  const env = { ...process.env, VITRINE_API_BASE: fixture.server.url, VITRINE_API_KEY: API_KEY };
  const { stdout } = await run(cliPath, args, { env, maxBuffer: 1 << 26 });
  return JSON.parse(stdout);
}

// One CLI run and one JS run, each on a freshly reset server with the same faults;
// returns both outputs and the rerank and chat bodies each side sent.
async function both(faults, native, js) {
  const sides = {};
  for (const [side, call] of [['native', native], ['js', js]]) {
    fixture.server.reset();
    for (const fault of faults) fixture.server.fault(fault);
    const output = await call();
    const sent = (endpoint) => fixture.requests(endpoint).map((r) => r.body);
    sides[side] = { output, rerankBodies: sent('rerank'), chatBodies: sent('chat') };
    assert.deepEqual(fixture.server.violations, [], `${side}: the server saw no bad request`);
  }
  return sides;
}

const clientFor = (name, options = {}) =>
  vitrine.createClient({ index: indexes[name].index, ...fixture.clientOptions, ...options });

// Products sent as text alone, by id in retrieval order (the reasons are worded per
// platform: a file read natively, a fetch in JS).
const textOnly = (warnings = []) => warnings.map((w) => w.slice(0, w.indexOf(':')));

// The server names each response after its request count, which differs between the
// sides (JS fetches photos the CLI reads from disk): a reason quoting such a body is
// compared up to that name (the snippet's cut moves with its length).
const sameServerIds = (reason) => reason?.replace(/"id":"rerank-\d+".*$/, '"id":"rerank-…');

// allRequests false: a failed rerank, where the CLI sends batches one by one and stops
// at the first failure, and JS sends them at once: each CLI request must be among JS's.
function assertSameSearch({ native, js }, { allRequests = true } = {}) {
  const n = native.output;
  const j = js.output;
  assert.deepEqual(j.results.map((r) => r.id), n.results.map((r) => r.id), 'ids in order');
  assert.deepEqual(j.results.map((r) => r.position), n.results.map((r) => r.position));
  j.results.forEach((r, i) => {
    const expected = n.results[i].score === null ? null : Math.fround(n.results[i].score);
    assert.ok(Object.is(r.score, expected), `retrieval score at rank ${i + 1}: ${r.score} vs ${n.results[i].score}`);
    assert.equal(r.relevanceScore, n.results[i].relevance_score, `relevance at rank ${i + 1}`);
  });
  assert.equal(j.reranked, n.reranked);
  assert.equal(sameServerIds(j.rerankError), sameServerIds(n.rerank_error));
  assert.deepEqual(textOnly(j.warnings), textOnly(n.warnings));
  if (allRequests) assert.deepEqual(js.rerankBodies, native.rerankBodies, 'the same rerank requests');
  for (const body of native.rerankBodies)
    assert.ok(js.rerankBodies.some((sent) => util.isDeepStrictEqual(sent, body)), 'each CLI rerank request sent by JS too');
}

const searchCases = [
  { name: 'hosted model, top-3 of 10', index: 'hosted', query: 'brass lamp linen', cli: [], js: {} },
  { name: 'int8 storage, top-5 of 12', index: 'hosted-int8', query: 'copper kettle', cli: ['--top-k', '5', '--retrieve-k', '12'],
    js: { topK: 5, retrieveK: 12 } },
  { name: 'filters and an instruction', index: 'hosted', query: 'oak table for a reading nook',
    cli: ['--category', 'furniture', '--max-price', '700', '--instruction', 'Prefer wood'],
    js: { category: 'furniture', maxPrice: 700, instruction: 'Prefer wood' } },
  { name: 'batches of 2 images, one photo missing', index: 'hosted', query: 'glass vase table lamp corner',
    cli: ['--max-images', '2', '--retrieve-k', '12'], js: { retrieveK: 12 }, client: { maxImagesPerRequest: 2 },
    textOnly: ['vase-glass'] },
  { name: 'local embedder', index: 'local', query: 'warm light lamp', cli: [], js: {} },
];

for (const c of searchCases) {
  test(`search --rerank, ${c.name}: same results`, { skip }, async () => {
    const sides = await both([],
      () => cli('search', indexes[c.index].path, c.query, '--rerank', '--json', ...c.cli),
      () => clientFor(c.index, c.client).search(c.query, c.js));
    assert.equal(sides.native.output.reranked, true);
    if (c.textOnly) assert.deepEqual(textOnly(sides.native.output.warnings), c.textOnly);
    assertSameSearch(sides);
  });
}

const failures = [
  { name: 'HTTP 500', fault: { endpoint: 'rerank', kind: 'status', status: 500 }, reason: /rerank failed: HTTP 500 — body: / },
  { name: 'an index out of range', fault: { endpoint: 'rerank', kind: 'bad-index' }, reason: /index/ },
  { name: 'malformed JSON', fault: { endpoint: 'rerank', kind: 'malformed' }, reason: /./ },
];

for (const f of failures) {
  test(`a reranker answering ${f.name}: the same retrieval order and reason`, { skip }, async () => {
    const sides = await both([f.fault],
      () => cli('search', indexes.hosted.path, 'brass lamp', '--rerank', '--json', '--retries', '0'),
      () => clientFor('hosted', { retries: 0 }).search('brass lamp'));
    assert.equal(sides.native.output.reranked, false);
    assert.match(sides.native.output.rerank_error, f.reason);
    assertSameSearch(sides, { allRequests: false });
  });
}

test('search by photo with text: same results from the same prepared photo', { skip }, async () => {
  const photo = join(fixture.imagesDir, 'query-photo.png');
  writeFileSync(photo, patternPng(1500, 1000));
  const sides = await both([],
    () => cli('search', indexes.hosted.path, 'lamp', '--rerank', '--image', photo, '--json'),
    () => clientFor('hosted').searchByImage(patternPng(1500, 1000), { query: 'lamp' }));
  assert.equal(sides.native.output.reranked, true);
  assertSameSearch(sides);
});

test('search by photo alone: the same round-robin candidates', { skip }, async () => {
  const photo = join(fixture.imagesDir, 'query-photo-small.png');
  writeFileSync(photo, patternPng(300, 200));
  const sides = await both([],
    () => cli('search', indexes.hosted.path, '--rerank', '--image', photo, '--json', '--top-k', '4', '--retrieve-k', '9'),
    () => clientFor('hosted').searchByImage(patternPng(300, 200), { topK: 4, retrieveK: 9 }));
  assert.ok(sides.native.output.results.every((r) => r.score === null));
  assertSameSearch(sides);
});

test('answer: the same text, sources and citations', { skip }, async () => {
  for (const rerank of [false, true]) {
    const flags = rerank ? ['--rerank'] : [];
    const sides = await both([],
      () => cli('answer', indexes.hosted.path, 'Which lamp has a linen shade?', '--json', ...flags),
      () => clientFor('hosted').answer('Which lamp has a linen shade?', { rerank }));
    const n = sides.native.output;
    const j = sides.js.output;
    assert.equal(j.answer, n.answer);
    assert.deepEqual(j.sources, n.sources);
    assert.deepEqual(j.cited, n.cited);
    assert.equal(j.reranked, n.reranked);
    assert.deepEqual(textOnly(j.warnings), textOnly(n.warnings));
    assert.deepEqual(sides.js.chatBodies, sides.native.chatBodies, 'the same chat request');
  }
});
