// batch_search.test.mjs — index.searchBatch: many query vectors in one pass, each answered
// exactly as index.search answers it alone.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';

import { randomCatalogue, randomQueries, vectorsJsonl } from '../parity/random_catalogue.mjs';
import { loadVitrine } from './support.mjs';

let vitrine;
const dims = 40;
const { catalogue, vectors } = randomCatalogue({ count: 300, dims, seed: 17 });
const build = (storage, rescore = false) =>
  vitrine.buildIndex(JSON.stringify(catalogue), { vectorsJsonl: vectorsJsonl(catalogue, vectors, dims), model: 'm', storage, rescore });
before(async () => {
  vitrine = await loadVitrine();
});

function open(t, bytes) {
  const index = vitrine.openIndex(bytes);
  t.after(() => index.close());
  return index;
}

const queries = randomQueries({ count: 9, dims, seed: 3, stored: vectors });
const perQuery = [{ topK: 5 }, { topK: 3, category: 'kitchen' }, { topK: 7, minPrice: 100, maxPrice: 400 },
  { topK: 4, ids: ['p17-3', 'p17-99', 'p17-250', 'nobody'] }, { topK: 500 }, { topK: 2, category: 'none' },
  { topK: 10, rescore: false }, { topK: 6, rescoreFactor: 2 }, {}];

function assertSame(batched, alone, where) {
  assert.deepEqual(batched.results.map((h) => h.id), alone.results.map((h) => h.id), `${where}: ids`);
  batched.results.forEach((hit, r) => assert.ok(Object.is(hit.score, alone.results[r].score), `${where}, rank ${r + 1}: score`));
  assert.deepEqual(batched, alone, `${where}: the whole answer`);
}

for (const [storage, rescore] of [['f32', false], ['int8', false], ['int8', true], ['binary', true]]) {
  test(`${storage}${rescore ? ' + rescore' : ''}: searchBatch answers each vector exactly as search does`, (t) => {
    const index = open(t, build(storage, rescore));
    const answers = index.searchBatch(queries, perQuery);
    assert.equal(answers.length, queries.length);
    queries.forEach((q, i) => assertSame(answers[i], index.search(q, perQuery[i]), `query ${i}`));
    assert.equal(answers[4].results.length, 300, 'a topK past the matches gets every match');
    assert.equal(answers[5].results.length, 0, 'a category nobody has matches nothing');
  });
}

test('searchBatch takes one Float32Array matrix and one options object for all', (t) => {
  const index = open(t, build('int8'));
  const matrix = new Float32Array(queries.length * dims);
  queries.forEach((q, i) => matrix.set(q, i * dims));
  const answers = index.searchBatch(matrix, { topK: 3, category: 'lighting' });
  queries.forEach((q, i) => assertSame(answers[i], index.search(q, { topK: 3, category: 'lighting' }), `row ${i}`));
  assert.deepEqual(index.searchBatch([]), []);
});

test('searchBatch refuses wrong types with a TypeError and bad values with the core\'s message', (t) => {
  const index = open(t, build('f32'));
  assert.throws(() => index.searchBatch([queries[0], [1, 2]]), { name: 'TypeError', message: /searchBatch vectors\[1\]/ });
  assert.throws(() => index.searchBatch('lamp'), { name: 'TypeError', message: /array of Float32Arrays or one Float32Array/ });
  assert.throws(() => index.searchBatch(queries, [{}, { topk: 3 }]), { name: 'TypeError', message: /options\[1\]: unknown option 'topk'/ });
  assert.throws(() => index.searchBatch([queries[0], new Float32Array(3)]),
    { name: 'VitrineError', message: /search batch: query 1: query has 3 dims, the index has 40/ });
  assert.throws(() => index.searchBatch(new Float32Array(dims + 1)), { name: 'VitrineError', message: /not a whole number of 40-dim rows/ });
  assert.throws(() => index.searchBatch(queries, [{}, {}]), { name: 'VitrineError', message: /one per query \(9\), got 2/ });
  assert.equal(index.searchBatch(queries.slice(0, 2)).length, 2, 'the index works after refusals');
});
