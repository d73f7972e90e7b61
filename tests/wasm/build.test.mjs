// build.test.mjs — buildIndex through the JS API: the same index files `vitrine build` writes.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';

import { catalogueJson, loadVitrine, products, randomFloats, randomVector } from './support.mjs';

let vitrine;
before(async () => {
  vitrine = await loadVitrine();
});

test('builds an index with the local embedder, 256 dims and f32 by default', () => {
  const index = vitrine.openIndex(vitrine.buildIndex(catalogueJson));
  assert.deepEqual([index.count, index.dims, index.storage, index.embedder], [6, 256, 'f32', 'local_hashing']);
  index.close();
});

test('gives the same bytes for the same input', () => {
  assert.deepEqual(vitrine.buildIndex(catalogueJson, { storage: 'int8' }), vitrine.buildIndex(catalogueJson, { storage: 'int8' }));
});

test('accepts the catalogue as UTF-8 bytes as well as a string', () => {
  assert.deepEqual(vitrine.buildIndex(new TextEncoder().encode(catalogueJson)), vitrine.buildIndex(catalogueJson));
});

test('builds from vectors JSON Lines, keeping the first dims values (Matryoshka)', () => {
  const next = randomFloats(11);
  const jsonl = products.map((p) => JSON.stringify({ id: p.id, embedding: [...randomVector(next, 12)] })).join('\n');
  const index = vitrine.openIndex(vitrine.buildIndex(catalogueJson, { vectorsJsonl: jsonl, model: 'm', dims: 8 }));
  assert.deepEqual([index.dims, index.modelDims, index.model, index.embedder], [8, 12, 'm', 'hosted']);
  index.close();
});

test('vectors as a Float32Array give the same bytes as the same vectors as JSON Lines', () => {
  const next = randomFloats(12);
  const vectors = randomVector(next, products.length * 10);
  const jsonl = products.map((p, i) => JSON.stringify({ id: p.id, embedding: [...vectors.subarray(i * 10, i * 10 + 10)] }))
    .join('\n');
  for (const storage of ['f32', 'int8']) {
    assert.deepEqual(vitrine.buildIndex(catalogueJson, { vectors, model: 'm', storage }),
      vitrine.buildIndex(catalogueJson, { vectorsJsonl: jsonl, model: 'm', storage }));
  }
});

test('an empty catalogue builds an empty index that searches to nothing', () => {
  const index = vitrine.openIndex(vitrine.buildIndex('[]', { dims: 4 }));
  assert.equal(index.count, 0);
  assert.deepEqual(index.search(new Float32Array([1, 0, 0, 0])).results, []);
  index.close();
});

test('dims of 2**32 - 1 for the local embedder is invalid_argument, not an allocation failure', () => {
  for (const dims of [2 ** 32 - 1, 2 ** 31, 16385]) {
    assert.throws(() => vitrine.buildIndex(catalogueJson, { dims }),
      (error) => error.kind === 'invalid_argument' && /dims \d+ must be 1\.\.16384/.test(error.message), String(dims));
  }
});
