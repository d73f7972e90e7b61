// search_parity.test.mjs — native CLI and WASM package give the same answers.
//
// For f32 and int8 indexes of dims 8, 100, 256, 1000 and 1024 (some not multiples of
// 16), and binary and int8 indexes with f32 rescoring and binary with int8 rescoring at 100 and
// 1024 dims, built natively by `vitrine build` from a random catalogue and vectors:
//   - the same input built by the WASM package's buildIndex gives byte-identical files;
//   - the native file opens in WASM, and for 132 queries per index (1,320 in all;
//     unfiltered top-10, and with category, price and id filters) `vitrine search
//     --query-vectors` (batched search natively, on every core) and index.search and
//     index.searchBatch (batched in WASM) return the same ids in the same order with
//     bit-identical float32 scores (the CLI prints 9 significant digits, which parse
//     back to the exact float).
// A local-embedder index is checked the same way, with text queries.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

import { loadVitrine } from '../wasm/support.mjs';
import { nativeCli, parseJsonLines } from './native_cli.mjs';
import { randomCatalogue, randomQueries, vectorsJsonl } from './random_catalogue.mjs';

const work = mkdtempSync(join(tmpdir(), 'vitrine-parity-'));
const cli = nativeCli(work);
after(() => rmSync(work, { recursive: true, force: true }));

let vitrine;
before(async () => {
  vitrine = await loadVitrine();
});

// Each batch runs the CLI once with one set of options over its queries.
const batches = [
  { name: 'top-10', queries: 100, cli: ['--top-k', '10'], wasm: { topK: 10 } },
  { name: 'category and price filters, top-5', queries: 20, cli: ['--top-k', '5', '--category', 'kitchen',
    '--min-price', '100', '--max-price', '700'], wasm: { topK: 5, category: 'kitchen', minPrice: 100, maxPrice: 700 } },
  { name: 'id allow-list, top-3', queries: 12, ids: true, cli: ['--top-k', '3'], wasm: { topK: 3 } },
];

function assertSameHits(native, wasm, where) {
  assert.deepEqual(wasm.map((h) => h.id), native.map((h) => h.id), `${where}: ids and order`);
  assert.deepEqual(wasm.map((h) => h.position), native.map((h) => h.position), `${where}: positions`);
  wasm.forEach((hit, i) => {
    assert.ok(Object.is(hit.score, Math.fround(native[i].score)),
      `${where}, rank ${i + 1}: WASM score ${hit.score} != native ${native[i].score}`);
  });
}

let compared = 0;
for (const dims of [8, 100, 256, 1000, 1024]) {
  const count = dims >= 1000 ? 800 : 1500;
  const { catalogue, vectors } = randomCatalogue({ count, dims, seed: dims });
  const catalogueJson = JSON.stringify(catalogue);
  const jsonl = vectorsJsonl(catalogue, vectors, dims);
  writeFileSync(join(work, `catalogue-${dims}.json`), catalogueJson);
  writeFileSync(join(work, `vectors-${dims}.jsonl`), jsonl);

  const variants = [{ storage: 'f32' }, { storage: 'int8' }];
  if (dims === 100 || dims === 1024) {
    variants.push({ storage: 'binary', rescore: true }, { storage: 'int8', rescore: true },
      { storage: 'binary', rescoreWith: 'int8' });
  }
  for (const { storage, rescore = false, rescoreWith } of variants) {
    const name = `${storage}${rescore ? ' + rescore' : ''}${rescoreWith ? ` + ${rescoreWith} rescore` : ''}`;
    test(`${name} x ${dims} dims: same index bytes, same ids, order and float32 scores`, () => {
      const file = `index-${storage}-${rescore}-${rescoreWith}-${dims}.vtx`;
      cli('build', '--catalogue', `catalogue-${dims}.json`, '--vectors', `vectors-${dims}.jsonl`, '--model', 'parity-model',
        '--storage', storage, ...(rescore ? ['--rescore'] : []), ...(rescoreWith ? ['--rescore-with', rescoreWith] : []),
        '--out', file);
      const nativeBytes = readFileSync(join(work, file));
      const wasmBytes = vitrine.buildIndex(catalogueJson,
        { vectorsJsonl: jsonl, model: 'parity-model', storage, rescore, rescoreWith });
      assert.ok(Buffer.from(wasmBytes).equals(nativeBytes), 'the WASM-built index equals the native file byte for byte');

      const index = vitrine.openIndex(nativeBytes);
      try {
        batches.forEach((batch, b) => {
          const queries = randomQueries({ count: batch.queries, dims, seed: dims * 10 + b, stored: vectors });
          const ids = batch.ids ? catalogue.filter((_, i) => i % 9 === 0).map((p) => p.id) : undefined;
          writeFileSync(join(work, 'queries.json'), JSON.stringify(queries.map((q) => [...q])));
          const native = parseJsonLines(cli('search', file, '--query-vectors', 'queries.json', ...batch.cli,
            ...(ids ? ['--ids', ids.join(',')] : [])));
          assert.equal(native.length, queries.length);
          const batched = index.searchBatch(queries, { ...batch.wasm, ids });
          queries.forEach((query, q) => {
            const hits = index.search(query, { ...batch.wasm, ids }).results;
            assert.ok(hits.length > 0, 'filters leave something to find');
            assertSameHits(native[q], hits, `${batch.name}, query ${q}`);
            assertSameHits(native[q], batched[q].results, `${batch.name}, query ${q} in searchBatch`);
            compared++;
          });
        });
      } finally {
        index.close();
      }
    });
  }
}

test('local-embedder index: same bytes, and the same storefront pages (hybrid hits, total, facets) for text queries', () => {
  const { catalogue } = randomCatalogue({ count: 400, dims: 1, seed: 99 });
  writeFileSync(join(work, 'catalogue-text.json'), JSON.stringify(catalogue));
  cli('build', '--catalogue', 'catalogue-text.json', '--storage', 'int8', '--dims', '96', '--out', 'text.vtx');
  const nativeBytes = readFileSync(join(work, 'text.vtx'));
  assert.ok(Buffer.from(vitrine.buildIndex(JSON.stringify(catalogue), { storage: 'int8', dims: 96 })).equals(nativeBytes));
  const index = vitrine.openIndex(nativeBytes);
  const pages = [[{}, []], [{ sort: '-price', offset: 2 }, ['--sort', '-price', '--offset', '2']],
                 [{ fusion: 'rrf', keywordWeight: 0.4 }, ['--fusion', 'rrf', '--keyword-weight', '0.4']]];
  for (const text of ['brass lamp', 'oak table 12', 'copper velvet vase', 'stoneware mug 399', 'brss lmp', '???']) {
    for (const [options, flags] of pages) {
      const native = JSON.parse(cli('search', 'text.vtx', text, '--json', '--top-k', '8', '--facet', 'category', ...flags));
      const wasm = index.search(text, { topK: 8, facets: ['category'], ...options });
      assertSameHits(native.results, wasm.results, `${text} ${flags.join(' ')}`);
      assert.equal(native.total, wasm.total, `${text}: total`);
      assert.deepEqual(native.facets, wasm.facets, `${text}: facets`);
    }
  }
  index.close();
});

test('at least 1,000 query vectors were compared', () => {
  assert.ok(compared >= 1000, `compared ${compared}`);
  console.log(`# search parity: ${compared} query vectors over 12 indexes`);
});
