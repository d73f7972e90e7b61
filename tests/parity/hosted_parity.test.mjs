// hosted_parity.test.mjs — the native CLI (libcurl) and the JS package (fetch) give the
// same outputs for the same endpoint responses: `vitrine search … --rerank --json`,
// `--image`, and `vitrine answer --json` against the loopback server, next to the JS
// client's search, searchByImage and answer over the same index file. Every decision
// (batches, merge, fallback, messages) is the core's one hosted pipeline, so what is
// compared is what the two builds compute themselves: ids and positions in order,
// float32 retrieval scores bit for bit (native and WASM SIMD), relevance scores, the
// answer and its citations, and the requests sent — the same documents and the same
// JPEG bytes of every prepared photo, the query's included (in any order: both sides
// send the rerank batches concurrently).
// Skipped when the CLI in $VITRINE_NATIVE_BUILD has no --rerank yet (an older build).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
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
    images: vitrine.buildIndex(JSON.stringify(fixture.catalogue), { dims: 128, imageEmbedder: 'local',
      photos: Object.fromEntries(fixture.catalogue.map((p, i) => [p.id, patternPng(40 + 10 * i, 30 + 7 * i)])) }),
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

// The same requests, whatever order the concurrent batches arrived in.
const sameRequests = (a, b) => assert.deepEqual([...a].map((r) => JSON.stringify(r)).sort(),
  [...b].map((r) => JSON.stringify(r)).sort(), 'the same rerank requests');

function assertSameSearch({ native, js }) {
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
  sameRequests(js.rerankBodies, native.rerankBodies);
}

const searchCases = [
  { name: 'hosted model, top-3 of 10', index: 'hosted', query: 'brass lamp linen', cli: [], js: {} },
  { name: 'int8 storage, top-5 of 12', index: 'hosted-int8', query: 'copper kettle', cli: ['--top-k', '5', '--retrieve-k', '12'],
    js: { topK: 5, retrieveK: 12 } },
  { name: 'local embedder', index: 'local', query: 'warm light lamp', cli: [], js: {} },
];

for (const c of searchCases) {
  test(`search --rerank, ${c.name}: same results`, { skip }, async () => {
    const sides = await both([],
      () => cli('search', indexes[c.index].path, c.query, '--rerank', '--json', ...c.cli),
      () => clientFor(c.index).search(c.query, c.js));
    assert.equal(sides.native.output.reranked, true);
    assertSameSearch(sides);
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

test('search by photo alone: the same candidates from the local image field', { skip }, async () => {
  const photo = join(fixture.imagesDir, 'query-photo-small.png');
  writeFileSync(photo, patternPng(300, 200));
  const sides = await both([],
    () => cli('search', indexes.images.path, '--rerank', '--image', photo, '--json', '--top-k', '4', '--retrieve-k', '9'),
    () => clientFor('images').searchByImage(patternPng(300, 200), { topK: 4, retrieveK: 9 }));
  assert.ok(sides.native.output.results.every((r) => typeof r.score === 'number'));
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
    assert.deepEqual(sides.js.chatBodies, sides.native.chatBodies, 'the same chat request');
  }
});
