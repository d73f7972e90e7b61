// index.test.mjs — openIndex, search, record and close through the JS API.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';

import { catalogueJson, loadVitrine, products, randomFloats, randomVector } from './support.mjs';

let vitrine;
let indexBytes;
const dims = 64;
before(async () => {
  vitrine = await loadVitrine();
  indexBytes = vitrine.buildIndex(catalogueJson, { dims });
});

function openSample(t, bytes = indexBytes) {
  const index = vitrine.openIndex(bytes);
  t.after(() => index.close());
  return index;
}

const query = (text) => vitrine.embedLocal(text, dims);

test('an opened index reports its count, dims, storage, model and embedder', (t) => {
  const index = openSample(t);
  assert.deepEqual(
    { count: index.count, dims: index.dims, modelDims: index.modelDims, storage: index.storage, model: index.model,
      embedder: index.embedder },
    { count: 6, dims, modelDims: dims, storage: 'f32', model: 'vitrine-local-hash-v1', embedder: 'local_hashing' });
});

test('search returns plain objects with rank, id, score, position and the record fields', (t) => {
  const [best] = openSample(t).search(query('brass floor lamp'), { topK: 1 }).results;
  assert.deepEqual(Object.keys(best).sort(),
    ['category', 'description', 'id', 'image', 'metadata', 'position', 'preparedImage', 'price', 'rank', 'score',
      'thumbnail', 'title']);
  assert.equal(best.rank, 1);
  assert.equal(best.id, 'lamp-1');
  assert.equal(best.position, 0);
  assert.equal(best.image, 'https://shop.example/lamp-1.jpg');
  assert.equal(best.price, 129.5);
  assert.deepEqual(best.metadata, { colour: 'brass', stock: 4 });
  assert.equal(best.score, Math.fround(best.score), 'a score is a float32 value');
});

test('search orders hits by score, best first, and numbers the ranks from 1', (t) => {
  const hits = openSample(t).search(query('kettle'), { topK: 6 }).results;
  assert.deepEqual(hits.map((h) => h.rank), [1, 2, 3, 4, 5, 6]);
  for (let i = 1; i < hits.length; i++) assert.ok(hits[i - 1].score >= hits[i].score);
  assert.equal(hits[0].id, 'kettle-1');
});

test('search returns topK hits by default 10, or all when fewer match', (t) => {
  const index = openSample(t);
  assert.equal(index.search(query('lamp')).results.length, 6);
  assert.equal(index.search(query('lamp'), { topK: 2 }).results.length, 2);
  assert.equal(index.search(query('lamp'), { topK: 1000 }).results.length, 6);
});

test('search filters by category before taking the top k', (t) => {
  const hits = openSample(t).search(query('brass floor lamp'), { topK: 3, category: 'kitchen' }).results;
  assert.deepEqual(hits.map((h) => h.category), ['kitchen', 'kitchen']);
});

test('search filters by an inclusive price range', (t) => {
  const hits = openSample(t).search(query('lamp'), { minPrice: 39, maxPrice: 640 }).results;
  assert.deepEqual(hits.map((h) => h.id).sort(), ['kettle-1', 'lamp-1', 'lamp-2', 'table-1']);
});

test('search filters by an id allow-list; unknown ids match nothing', (t) => {
  const hits = openSample(t).search(query('lamp'), { ids: ['mug-1', 'sofa-1', 'no-such-id'] }).results;
  assert.deepEqual(hits.map((h) => h.id).sort(), ['mug-1', 'sofa-1']);
});

test('search with filters nothing passes returns no hits', (t) => {
  assert.deepEqual(openSample(t).search(query('lamp'), { category: 'garden' }).results, []);
});

test('search normalises the query: a scaled query gives the same hits and scores', (t) => {
  const index = openSample(t);
  const q = query('oak table');
  assert.deepEqual(index.search(q.map((v) => v * 7)).results, index.search(q).results);
});

test('an int8 index finds the same best product as the f32 one', (t) => {
  const int8 = openSample(t, vitrine.buildIndex(catalogueJson, { dims, storage: 'int8' }));
  assert.equal(int8.storage, 'int8');
  assert.equal(int8.search(query('green velvet sofa'), { topK: 1 }).results[0].id, 'sofa-1');
});

test('equal scores are ordered by lower position', (t) => {
  const twins = [{ id: 'b', title: 'same' }, { id: 'a', title: 'same' }, { id: 'c', title: 'same' }];
  const hits = openSample(t, vitrine.buildIndex(JSON.stringify(twins), { dims: 8 })).search(vitrine.embedLocal('same', 8)).results;
  assert.deepEqual(hits.map((h) => h.position), [0, 1, 2]);
  assert.equal(new Set(hits.map((h) => h.score)).size, 1);
});

test('an index built from precomputed vectors is searched with a query vector', (t) => {
  const next = randomFloats(7);
  const vectors = randomVector(next, products.length * 16);
  const index = openSample(t, vitrine.buildIndex(catalogueJson, { vectors, model: 'test-model', dims: 16 }));
  assert.equal(index.embedder, 'hosted');
  assert.equal(index.model, 'test-model');
  const [best] = index.search(vectors.slice(3 * 16, 4 * 16), { topK: 1 }).results;
  assert.equal(best.id, products[3].id);
  assert.ok(Math.abs(best.score - 1) < 1e-6);
});

test('a text query is embedded as the index was built: by vectors alone, the same hits as searching its local vector', (t) => {
  const index = openSample(t);
  const page = index.search('brass floor lamp', { topK: 3, keywordWeight: 0 });
  const byVector = index.search(query('brass floor lamp'), { topK: 3 }).results;
  assert.ok(page.results.length >= 1);  // those over the relevance floor, in the same order with the same scores
  assert.deepEqual(page.results, byVector.slice(0, page.results.length));
});

test('a text query is a storefront page: total and exact facet counts over every match, pages by offset', (t) => {
  const index = openSample(t);
  const all = index.search('lamp', { topK: 50, facets: ['category'] });
  assert.ok(all.total >= 2 && all.results.length === all.total);
  assert.equal(Object.values(all.facets.category).reduce((a, b) => a + b, 0), all.total);
  const second = index.search('lamp', { topK: 1, offset: 1, facets: ['category'] });
  assert.equal(second.total, all.total);
  assert.deepEqual(second.facets, all.facets);
  assert.equal(second.results[0].id, all.results[1].id);
  assert.deepEqual(index.search('???', { topK: 3 }), { results: [], total: 0, facets: {}, facetStats: {} });
  assert.throws(() => index.search('lamp', { filter: 'nope=1' }), { name: 'VitrineError', kind: 'invalid_argument', message: /unknown field 'nope'/ });
  assert.throws(() => index.search(query('lamp'), { sort: 'price' }), { name: 'VitrineError', message: /need a text query/ });
  assert.throws(() => index.search('lamp', { facets: 'category' }), { name: 'TypeError', message: /facets/ });
});

test('browse is a page without a query: the filtered catalogue with counts, sorts and offsets', (t) => {
  const index = openSample(t);
  const all = index.browse({ topK: 50, facets: ['category', 'price'] });
  assert.equal(all.total, products.length);
  assert.deepEqual(all.results.map((hit) => hit.id), products.map((p) => p.id)); // catalogue order
  assert.ok(all.results.every((hit) => hit.score === 0));
  assert.equal(all.facets.category.furniture, products.filter((p) => p.category === 'furniture').length);
  const lighting = index.browse({ category: 'lighting', sort: '-price', topK: 1, offset: 1 });
  const expected = products.filter((p) => p.category === 'lighting').sort((a, b) => b.price - a.price);
  assert.equal(lighting.total, expected.length);
  assert.deepEqual(lighting.results.map((hit) => [hit.id, hit.sortKey]), [[expected[1].id, expected[1].price]]);
  assert.throws(() => index.browse({ sort: 'title' }), { name: 'VitrineError', message: /not a numeric field/ });
  assert.throws(() => index.browse({ keywordWeight: 0.5 }), { name: 'TypeError', message: /unknown option 'keywordWeight'/ });
});

test('a text query on an index of a hosted model is refused, naming the model', (t) => {
  const vectors = new Float32Array(products.length * 16).map((_, i) => (i % 17) + 1);
  const index = openSample(t, vitrine.buildIndex(catalogueJson, { vectors, dims: 16, model: 'test-model' }));
  assert.throws(() => index.search('lamp'), { name: 'VitrineError', kind: 'invalid_argument', message: /hosted model 'test-model'/ });
});

test('rescore options reach the core: without rescoring an int8 index scores by its int8 vectors', (t) => {
  const index = openSample(t, vitrine.buildIndex(catalogueJson, { dims, storage: 'int8', rescore: true }));
  const exact = index.search('green velvet sofa', { topK: 3 }).results;
  const firstPass = index.search('green velvet sofa', { topK: 3, rescore: false }).results;
  assert.equal(exact[0].id, 'sofa-1');
  assert.notDeepEqual(exact.map((hit) => hit.score), firstPass.map((hit) => hit.score));
  assert.throws(() => index.search('sofa', { rescoreFactor: 0 }), { name: 'TypeError', message: /rescoreFactor/ });
});

test('record returns the product at a position, with its metadata as an object', (t) => {
  const record = openSample(t).record(0);
  assert.deepEqual(record, { ...products[0], preparedImage: '', thumbnail: '' });
  assert.deepEqual(openSample(t).record(4).metadata, {});
});

test('the index bytes are copied: changing them after openIndex changes nothing', (t) => {
  const bytes = indexBytes.slice();
  const index = openSample(t, bytes);
  const hitsBefore = index.search(query('lamp')).results;
  bytes.fill(0);
  assert.deepEqual(index.search(query('lamp')).results, hitsBefore);
});

test('openIndex accepts an ArrayBuffer and a Node Buffer as well as a Uint8Array', (t) => {
  const copy = indexBytes.slice();
  assert.equal(openSample(t, copy.buffer).count, 6);
  assert.equal(openSample(t, Buffer.from(copy)).count, 6);
});

test('close frees the index; using it afterwards throws, closing again does not', () => {
  const index = vitrine.openIndex(indexBytes);
  index.close();
  assert.throws(() => index.search(query('lamp')), { name: 'VitrineError', kind: 'invalid_argument', message: /this index is closed/ });
  assert.throws(() => index.record(0), { name: 'VitrineError', message: /this index is closed/ });
  index.close();
});
