// embed.test.mjs — the offline embedder through the JS API.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';

import { loadVitrine } from './support.mjs';

let vitrine;
before(async () => {
  vitrine = await loadVitrine();
});

const norm = (v) => Math.sqrt(v.reduce((sum, x) => sum + x * x, 0));

test('returns a Float32Array of the dims asked for', () => {
  const v = vitrine.embedLocal('Brass floor lamp', 256);
  assert.ok(v instanceof Float32Array);
  assert.equal(v.length, 256);
});

test('is L2-normalised', () => {
  assert.ok(Math.abs(norm(vitrine.embedLocal('Oak dining table, seats six', 100)) - 1) < 1e-6);
});

test('is deterministic, also across module instances', async () => {
  const other = await loadVitrine();
  assert.deepEqual(vitrine.embedLocal('kettle', 64), other.embedLocal('kettle', 64));
});

test('ignores ASCII case', () => {
  assert.deepEqual(vitrine.embedLocal('BRASS Lamp', 32), vitrine.embedLocal('brass lamp', 32));
});

test('embeds text without word characters to the zero vector', () => {
  assert.deepEqual([...vitrine.embedLocal(' ,.! ', 8)], new Array(8).fill(0));
});

test('keeps non-ASCII text (UTF-8) as words', () => {
  assert.ok(Math.abs(norm(vitrine.embedLocal('Lampe en laiton doré', 64)) - 1) < 1e-6);
  assert.notDeepEqual(vitrine.embedLocal('doré', 64), vitrine.embedLocal('dore', 64));
});
