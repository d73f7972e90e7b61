// `vitrine build --shards N`: the whole index and N shard files beside it, which together hold
// every product once, each where shard_of puts it, marked with its place (`vitrine info`);
// searching a shard finds its own products with the whole index's scores. Bad counts: usage errors.
// Run: VITRINE_CLI=build/bin/vitrine node --test tests/cli
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const cli = resolve(root, process.env.VITRINE_CLI ?? 'build/bin/vitrine');
const work = mkdtempSync(join(tmpdir(), 'vitrine-shards-'));
const vitrine = (...args) => spawnSync(cli, args, { encoding: 'utf8', cwd: work });
const ok = (...args) => {
  const run = vitrine(...args);
  assert.equal(run.status, 0, run.stderr);
  return run.stdout;
};

const products = Array.from({ length: 40 }, (_, i) => ({
  id: `sku-${i}`, title: `${['Brass', 'Oak', 'Wool', 'Linen'][i % 4]} ${['lamp', 'table', 'rug', 'throw'][(i >> 2) % 4]} ${i}`,
  category: ['lighting', 'furniture'][i % 2], price: 10 + i, metadata: { brand: ['Acme', 'Zeta'][i % 2] },
}));

before(() => writeFileSync(join(work, 'shop.json'), JSON.stringify(products)));

test('--shards 3 writes the whole index and three shards that hold every product once, marked with their place', () => {
  const printed = ok('build', '--catalogue', 'shop.json', '--out', 'shop.vtx', '--storage', 'int8', '--shards', '3');
  assert.match(printed, /wrote shop\.vtx: 40 products/);
  const whole = JSON.parse(ok('info', 'shop.vtx'));
  assert.equal(whole.shard, undefined);
  const seen = new Set();
  let catalogue;
  let count = 0;
  for (let i = 0; i < 3; i++) {
    const file = `shop.shard-${i}-of-3.vtx`;
    assert.match(printed, new RegExp(`wrote ${file.replace(/\./g, '\\.')}: shard ${i} of 3, \\d+ products`));
    const info = JSON.parse(ok('info', file));
    assert.deepEqual({ ...info.shard, catalogue: undefined }, { shard: i, shards: 3, catalogue: undefined, catalogue_count: 40 });
    catalogue ??= info.shard.catalogue;
    count += info.count;
    assert.equal(info.shard.catalogue, catalogue);
    assert.match(catalogue, /^[0-9a-f]{16}$/);
    // A shard's products score as in the whole index.
    const own = JSON.parse(ok('search', file, 'brass lamp', '--top-k', '40', '--keyword-weight', '0', '--json')).results;
    const all = new Map(JSON.parse(ok('search', 'shop.vtx', 'brass lamp', '--top-k', '40', '--keyword-weight', '0', '--json'))
      .results.map((hit) => [hit.id, hit.score]));
    for (const hit of own) {
      assert.ok(!seen.has(hit.id), `${hit.id} in two shards`);
      seen.add(hit.id);
      assert.equal(hit.score, all.get(hit.id), hit.id);
    }
  }
  assert.ok(seen.size > 0);
  assert.equal(count, 40);
});

test('a shard count outside 2..256 is a usage error, and nothing is written', () => {
  for (const count of ['1', '257', 'four']) {
    const run = vitrine('build', '--catalogue', 'shop.json', '--out', `bad-${count}.vtx`, '--shards', count);
    assert.equal(run.status, 2, run.stderr);
    assert.match(run.stderr, /--shards/);
    assert.equal(existsSync(join(work, `bad-${count}.vtx`)), false);
  }
});
