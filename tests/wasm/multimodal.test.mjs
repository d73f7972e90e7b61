// The image vector field from JS: buildIndex with imageVectors / imageModel and with the local
// image embedder over photos, index.imageField, index.search with a photo and weights,
// index.similar — each the core's rule, as the CLI has it.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';

import { encodePng } from '../../scripts/lib/png.mjs';
import { catalogueJson, loadVitrine, products } from './support.mjs';

let vitrine;
before(async () => {
  vitrine = await loadVitrine();
});

// A 40 x 40 light page with one coloured block.
function photo([r, g, b], [x0, y0, w, h]) {
  const pixels = Buffer.alloc(40 * 40 * 3, 235);
  for (let y = y0; y < y0 + h; y++) for (let x = x0; x < x0 + w; x++) pixels.set([r, g, b], (y * 40 + x) * 3);
  return new Uint8Array(encodePng(40, 40, pixels, 3));
}
const red = photo([200, 20, 20], [0, 0, 20, 40]);
const blue = photo([20, 40, 200], [20, 0, 20, 40]);
const ids = (answer) => answer.results.map((r) => r.id);

test('buildIndex with the local image embedder describes the photos given; a product without one is text-only', () => {
  const index = vitrine.openIndex(vitrine.buildIndex(catalogueJson, { imageEmbedder: 'local', photos: { 'lamp-1': red, 'sofa-1': blue } }));
  assert.deepEqual(index.imageField, { model: 'vitrine-local-image-v1', dims: 112, modelDims: 112, storage: 'f32',
    embedder: 'local_image', jointSpace: false, products: 2 });
  assert.deepEqual(ids(index.search(null, { photo: red })), ['lamp-1', 'sofa-1']);
  const both = index.search('stoneware mug', { photo: blue, topK: 3 });
  assert.equal(both.results[0].id, 'mug-1', 'a product without a photo is scored on its text alone');
  assert.deepEqual(ids(index.search('velvet', { photo: red, textWeight: 0 })), ['lamp-1', 'sofa-1']);
  index.close();
});

test('buildIndex with imageVectors and imageModel; search by imageVector; similar leaves the product out', () => {
  const jsonl = '{"id":"lamp-1","vector":[1,0]}\n{"id":"lamp-2","vector":[0.9,0.1]}\n{"id":"mug-1","vector":[0,1]}';
  const index = vitrine.openIndex(vitrine.buildIndex(catalogueJson, { imageVectors: jsonl, imageModel: 'clip', imageStorage: 'int8' }));
  assert.equal(index.imageField.storage, 'int8');
  assert.deepEqual(ids(index.search(null, { imageVector: new Float32Array([1, 0]) })), ['lamp-1', 'lamp-2', 'mug-1']);
  const near = index.similar('lamp-1', { topK: 3 });
  assert.equal(near.results[0].id, 'lamp-2');
  assert.ok(!ids(near).includes('lamp-1'));
  assert.deepEqual(ids(index.similar('lamp-1', { category: 'kitchen' })).sort(), ['kettle-1', 'mug-1']);
  assert.equal(index.similar('lamp-1', { imageWeight: 10 }).results[0].id, 'lamp-2');
  index.close();
});

test('refusals carry the core\'s messages', () => {
  const plain = vitrine.openIndex(vitrine.buildIndex(catalogueJson));
  assert.equal(plain.imageField, null);
  assert.throws(() => plain.search(null, { photo: red }), /no image field/);
  assert.throws(() => plain.similar('nope'), /no product has the id 'nope'/);
  assert.throws(() => plain.similar(7), TypeError);
  assert.throws(() => plain.search('lamp', { textWeight: 'x' }), TypeError);
  assert.throws(() => vitrine.buildIndex(catalogueJson, { imageVectors: '{"id":"lamp-1","vector":[1]}' }), /imageModel must name/);
  assert.throws(() => vitrine.buildIndex(catalogueJson, { imageEmbedder: 'local' }), /needs photos/);
  plain.close();
  assert.equal(products.length, 6);
});
