// leaks.test.mjs — repeated work, successful or refused, leaves the WASM heap where it
// started (heapBytesInUse: what malloc has handed out; linear memory itself never shrinks).
import assert from 'node:assert/strict';
import { before, test } from 'node:test';

import { catalogueJson, loadVitrine } from './support.mjs';
import { jpegOf, patternPng, withExifOrientation } from './test_images.mjs';

let vitrine;
let indexBytes;
before(async () => {
  vitrine = await loadVitrine();
  indexBytes = vitrine.buildIndex(catalogueJson, { dims: 128, storage: 'int8' });
});

function assertHeapUnchanged(work) {
  work(); // the first round may allocate what lives for the whole module (Embind tables)
  const start = vitrine.heapBytesInUse();
  work();
  assert.equal(vitrine.heapBytesInUse(), start);
}

test('opening, searching and closing an index 1,000 times leaks nothing', () => {
  const query = vitrine.embedLocal('brass lamp', 128);
  assertHeapUnchanged(() => {
    for (let i = 0; i < 1000; i++) {
      const index = vitrine.openIndex(indexBytes);
      index.search(query, { topK: 3, category: 'lighting', ids: ['lamp-1', 'lamp-2'] });
      index.record(i % 6);
      index.close();
    }
  });
});

test('preparing 200 images leaks nothing', () => {
  const inputs = [patternPng(300, 200, { alpha: true }), withExifOrientation(jpegOf(vitrine, patternPng(240, 180)), 6)];
  assertHeapUnchanged(() => {
    for (let i = 0; i < 200; i++) vitrine.toDataUri(vitrine.prepareImage(inputs[i % 2], { maxEdge: 128 }).bytes);
  });
});

test('refused inputs leak nothing: corrupt indexes, bad queries, bad images, bad catalogues', () => {
  const index = vitrine.openIndex(indexBytes);
  const truncated = indexBytes.subarray(0, indexBytes.length - 1);
  const png = patternPng(64, 48);
  const refusals = [
    () => vitrine.openIndex(truncated),
    () => index.search(new Float32Array(127).fill(1)),
    () => index.search(new Float32Array(128).fill(1), { topK: 0 }),
    () => index.record(99),
    () => vitrine.prepareImage(png.subarray(0, 60)),
    () => vitrine.prepareImage(png, { maxPixels: 10 }),
    () => vitrine.buildIndex('[{"id":"a","title":"x"},{"id":"a","title":"y"}]'),
  ];
  assertHeapUnchanged(() => {
    for (let i = 0; i < 100; i++) for (const refusal of refusals) assert.throws(refusal);
  });
  index.close();
});

test('building indexes leaks nothing', () => {
  assertHeapUnchanged(() => {
    for (let i = 0; i < 50; i++) vitrine.buildIndex(catalogueJson, { dims: 64, storage: i % 2 ? 'int8' : 'f32' });
  });
});

test('memoryBytes reports linear memory, which grows to hold a large image and never shrinks', async () => {
  const fresh = await loadVitrine();
  const start = fresh.memoryBytes();
  assert.ok(start >= fresh.heapBytesInUse());
  const large = patternPng(3000, 2000); // 18 MB decoded, beyond the initial 16 MiB
  fresh.prepareImage(large, { maxEdge: 256 });
  const peak = fresh.memoryBytes();
  assert.ok(peak > start + 18e6, `memory grew from ${start} to ${peak}`);
  assert.equal(peak % 65536, 0); // whole WebAssembly pages
  fresh.embedLocal('after the image', 8);
  assert.equal(fresh.memoryBytes(), peak);
});
