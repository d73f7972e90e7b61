// applyDelta in WebAssembly: a delta made by the native CLI (`vitrine delta`), applied over
// its base, gives the new index's bytes, and the core's refusals arrive as VitrineErrors
// with the core's own message (the line the CLI prints).
// Needs the native CLI too: VITRINE_CLI or build/bin/vitrine (tests/parity/native_cli.mjs).
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { spawnSync } from 'node:child_process';

import { VitrineError } from '../../wasm/js/index.js';
import { cliPath, nativeCli } from '../parity/native_cli.mjs';
import { loadVitrine, products } from './support.mjs';

const work = mkdtempSync(join(tmpdir(), 'vitrine-wasm-delta-'));
let vitrine;
let oldBytes;
let newBytes;
let delta;

before(async () => {
  vitrine = await loadVitrine();
  const cli = nativeCli(work);
  const changed = structuredClone(products);
  changed[1].price = 42;                 // a price change
  changed.splice(4, 1);                  // a removed product
  changed.push({ id: 'lamp-3', title: 'Glass pendant lamp', description: 'Smoked glass', category: 'lighting', price: 210 });
  writeFileSync(join(work, 'old.json'), JSON.stringify(products));
  writeFileSync(join(work, 'new.json'), JSON.stringify(changed));
  cli('build', '--catalogue', 'old.json', '--out', 'old.vtx', '--storage', 'int8', '--dims', '256');
  cli('build', '--catalogue', 'new.json', '--out', 'new.vtx', '--storage', 'int8', '--dims', '256');
  cli('delta', 'old.vtx', 'new.vtx', '--out', 'update.delta');
  oldBytes = readFileSync(join(work, 'old.vtx'));
  newBytes = readFileSync(join(work, 'new.vtx'));
  delta = readFileSync(join(work, 'update.delta'));
});

after(() => rmSync(work, { recursive: true, force: true }));

test('applyDelta over its base gives the new index byte for byte, and it searches as the new index', () => {
  const applied = vitrine.applyDelta(oldBytes, delta);
  assert.ok(applied instanceof Uint8Array);
  assert.deepEqual(Buffer.from(applied), newBytes);
  const fromDelta = vitrine.openIndex(applied);
  const full = vitrine.openIndex(newBytes);
  assert.equal(fromDelta.count, products.length);
  assert.deepEqual(fromDelta.search('lamp', { topK: 5 }), full.search('lamp', { topK: 5 }));
  fromDelta.close();
  full.close();
});

test('a delta for another base is refused with the core message, the same line the CLI prints', () => {
  const cli = spawnSync(cliPath, ['apply-delta', 'new.vtx', 'update.delta', '--out', 'x.vtx'], { cwd: work, encoding: 'utf8' });
  assert.equal(cli.status, 1);
  const cliMessage = cli.stderr.trimEnd().replace(/^vitrine apply-delta: /, '');
  assert.throws(() => vitrine.applyDelta(newBytes, delta), (error) => {
    assert.ok(error instanceof VitrineError);
    assert.equal(error.kind, 'bad_delta');
    assert.match(error.message, /^delta: made for base index [0-9a-f]{32} \(\d+ bytes\), not for this one/);
    assert.equal(error.message, cliMessage);
    return true;
  });
});

test('truncated, corrupted and empty deltas are refused, and the instance keeps working', () => {
  const flipped = Uint8Array.from(delta);
  flipped[flipped.length - 3] ^= 0x20;
  for (const [bad, pattern] of [[delta.subarray(0, delta.length - 1), /truncated or corrupted/],
                                [flipped, /corrupted/], [new Uint8Array(0), /shorter than its 80-byte header/]]) {
    assert.throws(() => vitrine.applyDelta(oldBytes, bad), (error) => error.kind === 'bad_delta' && pattern.test(error.message));
  }
  assert.throws(() => vitrine.applyDelta(oldBytes, 'not bytes'), TypeError);
  assert.deepEqual(Buffer.from(vitrine.applyDelta(oldBytes, delta)), newBytes);
});
