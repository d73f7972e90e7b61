// A catalogue's shards in WebAssembly: index.shard says which shard an index is, and
// mergePages merges shard pages into exactly the whole index's page (the core's merge_pages).
// Needs the native CLI (tests/parity/native_cli.mjs) for `vitrine build --shards`.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

import { VitrineError } from '../../wasm/js/index.js';
import { nativeCli } from '../parity/native_cli.mjs';
import { loadVitrine, products } from './support.mjs';

const work = mkdtempSync(join(tmpdir(), 'vitrine-wasm-shards-'));
let vitrine;
let whole;
let shards;

before(async () => {
  vitrine = await loadVitrine();
  writeFileSync(join(work, 'shop.json'), JSON.stringify(products));
  nativeCli(work)('build', '--catalogue', 'shop.json', '--out', 'shop.vtx', '--storage', 'int8', '--shards', '2');
  whole = vitrine.openIndex(readFileSync(join(work, 'shop.vtx')));
  shards = [0, 1].map((i) => vitrine.openIndex(readFileSync(join(work, `shop.shard-${i}-of-2.vtx`))));
});

after(() => {
  for (const index of [whole, ...shards]) index?.close();
  rmSync(work, { recursive: true, force: true });
});

test('index.shard names the shard, its count and its catalogue; a whole index has none', () => {
  assert.equal(whole.shard, null);
  assert.deepEqual(shards.map(({ shard }) => [shard.shard, shard.shards, shard.catalogueCount]), [[0, 2, products.length], [1, 2, products.length]]);
  assert.match(shards[0].shard.catalogue, /^[0-9a-f]{16}$/);
  assert.equal(shards[0].shard.catalogue, shards[1].shard.catalogue);
  assert.equal(shards[0].count + shards[1].count, whole.count);
});

test('mergePages over the shards gives the whole index page', () => {
  for (const sort of [undefined, 'price', '-price']) {
    const options = { keywordWeight: 0, vectorFloor: -1, facets: ['category', 'price'], ...(sort ? { sort } : {}) };
    const expected = whole.search('lamp', { ...options, topK: 3, offset: 1 });
    const pages = shards.map((shard) => shard.search('lamp', { ...options, topK: 4 }));
    assert.ok(pages[0].results.every((hit) => Number.isInteger(hit.cataloguePosition)));
    const merged = vitrine.mergePages(pages, { topK: 3, offset: 1, facets: options.facets, ...(sort ? { sort } : {}) });
    assert.deepEqual(merged, expected, `sort ${sort}`);
    assert.ok(merged.results.length > 0);
  }
});

test('mergePages refuses pages that are not shard pages, and malformed arguments', () => {
  const page = whole.search('lamp', { keywordWeight: 0, topK: 3 });
  assert.throws(() => vitrine.mergePages([page], { topK: 3 }),
    (error) => error instanceof VitrineError && error.kind === 'invalid_argument' && /cataloguePosition/.test(error.message));
  assert.throws(() => vitrine.mergePages([page], {}), TypeError);
  assert.throws(() => vitrine.mergePages('pages', { topK: 3 }), TypeError);
  assert.throws(() => vitrine.mergePages([page], { topK: 3, depth: 2 }), /unknown option 'depth'/);
  // Still working after the refusals.
  const pages = shards.map((shard) => shard.search('lamp', { keywordWeight: 0, vectorFloor: -1, topK: 2 }));
  assert.equal(vitrine.mergePages(pages, { topK: 2 }).results.length, 2);
});
