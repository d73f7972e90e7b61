// `vitrine delta` and `vitrine apply-delta`, end to end: a one-price change on the sample
// catalogue, the delta applied over the old index gives the new index's bytes, and searching
// it prints exactly what searching the new index prints. Hostile inputs: one stderr line.
// Run: VITRINE_CLI=build/bin/vitrine node --test tests/cli
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const cli = resolve(root, process.env.VITRINE_CLI ?? 'build/bin/vitrine');
const work = mkdtempSync(join(tmpdir(), 'vitrine-delta-'));
const sample = join(work, 'sample');

function vitrine(...args) {
  const run = spawnSync(cli, args, { encoding: 'utf8', cwd: work });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

function ok(...args) {
  const run = vitrine(...args);
  assert.equal(run.code, 0, run.stderr);
  return run.stdout;
}

function assertFailsWithOneLine(run, pattern) {
  assert.equal(run.code, 1, `exit code (stderr: ${run.stderr})`);
  assert.equal(run.stdout, '');
  const lines = run.stderr.trimEnd().split('\n');
  assert.equal(lines.length, 1, `one stderr line, got: ${run.stderr}`);
  assert.match(lines[0], pattern);
}

let made;
before(() => {
  const generated = spawnSync(process.execPath, [join(root, 'scripts/make-sample-catalogue.mjs'), sample, '--count', '600'],
                              { encoding: 'utf8' });
  assert.equal(generated.status, 0, generated.stderr);
  const catalogue = JSON.parse(readFileSync(join(sample, 'catalogue.json'), 'utf8'));
  catalogue[17].price += 5;
  writeFileSync(join(work, 'new.json'), JSON.stringify(catalogue));
  for (const [catalogueFile, out] of [[join(sample, 'catalogue.json'), 'old.vtx'], [join(work, 'new.json'), 'new.vtx']])
    ok('build', '--catalogue', catalogueFile, '--out', out, '--storage', 'int8', '--dims', '256');
  made = JSON.parse(ok('delta', 'old.vtx', 'new.vtx', '--out', 'one-price.delta'));
});

test('delta reports the sizes, and a one-price change is a small fraction of the index', () => {
  const oldBytes = readFileSync(join(work, 'old.vtx')).length;
  const newBytes = readFileSync(join(work, 'new.vtx')).length;
  const deltaBytes = readFileSync(join(work, 'one-price.delta')).length;
  assert.deepEqual(Object.keys(made), ['base_bytes', 'new_bytes', 'delta_bytes', 'ratio']);
  assert.equal(made.base_bytes, oldBytes);
  assert.equal(made.new_bytes, newBytes);
  assert.equal(made.delta_bytes, deltaBytes);
  assert.ok(deltaBytes * 100 < newBytes, `${deltaBytes} delta bytes for a ${newBytes}-byte index`);
  console.log(`one price changed in 600 products (int8 x 256): index ${newBytes} bytes, delta ${deltaBytes} bytes`);
});

test('apply-delta writes the new index byte for byte, and searching it prints what searching NEW prints', () => {
  const applied = JSON.parse(ok('apply-delta', 'old.vtx', 'one-price.delta', '--out', 'applied.vtx'));
  assert.equal(applied.new_bytes, made.new_bytes);
  assert.deepEqual(readFileSync(join(work, 'applied.vtx')), readFileSync(join(work, 'new.vtx')));
  for (const query of [['velvet sofa'], ['lamp', '--sort', 'price', '--top-k', '20'], ['oak', '--max-price', '500']]) {
    const expected = ok('search', 'new.vtx', ...query, '--json');
    assert.equal(ok('search', 'applied.vtx', ...query, '--json'), expected);
  }
});

test('apply-delta refuses a delta made for another base and leaves the output untouched', () => {
  writeFileSync(join(work, 'kept.vtx'), 'before');
  assertFailsWithOneLine(vitrine('apply-delta', 'new.vtx', 'one-price.delta', '--out', 'kept.vtx'),
                         /^vitrine apply-delta: delta: made for base index [0-9a-f]{32} \(\d+ bytes\), not for this one, [0-9a-f]{32} \(\d+ bytes\)$/);
  assert.equal(readFileSync(join(work, 'kept.vtx'), 'utf8'), 'before');
});

test('apply-delta refuses a truncated, a corrupted and an empty delta', () => {
  const delta = readFileSync(join(work, 'one-price.delta'));
  writeFileSync(join(work, 'truncated.delta'), delta.subarray(0, delta.length - 10));
  const flipped = Buffer.from(delta);
  flipped[delta.length - 20] ^= 0x08;
  writeFileSync(join(work, 'flipped.delta'), flipped);
  writeFileSync(join(work, 'empty.delta'), '');
  assertFailsWithOneLine(vitrine('apply-delta', 'old.vtx', 'truncated.delta', '--out', 'x.vtx'), /truncated or corrupted/);
  assertFailsWithOneLine(vitrine('apply-delta', 'old.vtx', 'flipped.delta', '--out', 'x.vtx'), /corrupted/);
  assertFailsWithOneLine(vitrine('apply-delta', 'old.vtx', 'empty.delta', '--out', 'x.vtx'),
                         /^vitrine apply-delta: delta: 0 bytes is shorter than its 80-byte header/);
  assert.equal(existsSync(join(work, 'x.vtx')), false);
});

test('delta refuses inputs that are not indexes', () => {
  writeFileSync(join(work, 'junk.vtx'), 'not an index at all, not at all');
  const run = vitrine('delta', 'old.vtx', 'junk.vtx', '--out', 'junk.delta');
  assert.equal(run.code, 1);
  assert.match(run.stderr, /^vitrine delta: /);
  assert.equal(existsSync(join(work, 'junk.delta')), false);
});
