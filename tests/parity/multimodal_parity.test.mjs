// multimodal_parity.test.mjs — the two vector fields give the same answers natively and in WASM.
//
// A random catalogue of 1,200 products with 64-dim text vectors and 48-dim image vectors
// (every 7th product without one), f32 and int8 image storage, built by `vitrine build
// --vectors --image-vectors`: the WASM buildIndex gives the same bytes; fused searches
// (text + image vector, image alone, with weights and filters) and `similar` return the same
// ids in the same order with bit-identical float32 scores.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

import { loadVitrine, randomFloats, randomVector } from '../wasm/support.mjs';
import { nativeCli } from './native_cli.mjs';
import { randomCatalogue, vectorsJsonl } from './random_catalogue.mjs';

const work = mkdtempSync(join(tmpdir(), 'vitrine-multimodal-parity-'));
const cli = nativeCli(work);
after(() => rmSync(work, { recursive: true, force: true }));

let vitrine;
before(async () => {
  vitrine = await loadVitrine();
});

const count = 1200, dims = 64, imageDims = 48;
const { catalogue, vectors } = randomCatalogue({ count, dims, seed: 77 });
const nextImage = randomFloats(78);
const imageJsonl = catalogue.filter((_, i) => i % 7 !== 3)
  .map((p) => JSON.stringify({ id: p.id, vector: [...randomVector(nextImage, imageDims)] })).join('\n');
writeFileSync(join(work, 'catalogue.json'), JSON.stringify(catalogue));
writeFileSync(join(work, 'vectors.jsonl'), vectorsJsonl(catalogue, vectors, dims));
writeFileSync(join(work, 'image.jsonl'), imageJsonl);

function assertSameHits(native, wasm, where) {
  assert.deepEqual(wasm.map((h) => h.id), native.map((h) => h.id), `${where}: ids and order`);
  wasm.forEach((hit, i) => assert.ok(Object.is(hit.score, Math.fround(native[i].score)),
    `${where}, rank ${i + 1}: WASM score ${hit.score} != native ${native[i].score}`));
}

for (const imageStorage of ['f32', 'int8']) {
  test(`fused scores and similar products are bit-identical (image storage ${imageStorage})`, () => {
    const file = `mm-${imageStorage}.vtx`;
    cli('build', '--catalogue', 'catalogue.json', '--out', file, '--storage', 'int8', '--vectors', 'vectors.jsonl',
      '--model', 'text-model', '--image-vectors', 'image.jsonl', '--image-model', 'image-model', '--image-storage', imageStorage);
    const native = readFileSync(join(work, file));
    const built = vitrine.buildIndex(JSON.stringify(catalogue), { storage: 'int8', vectorsJsonl: readFileSync(join(work, 'vectors.jsonl')),
      model: 'text-model', imageVectors: imageJsonl, imageModel: 'image-model', imageStorage });
    assert.ok(Buffer.from(built).equals(native), 'the WASM build writes the same bytes');
    const index = vitrine.openIndex(native);
    const next = randomFloats(79);
    let compared = 0;
    for (let q = 0; q < 12; q++) {
      const text = randomVector(next, dims), image = randomVector(next, imageDims);
      writeFileSync(join(work, 'text.json'), JSON.stringify([...text]));
      writeFileSync(join(work, 'image.json'), JSON.stringify([...image]));
      const cases = [
        { cli: ['--query-vector', 'text.json', '--image-query-vector', 'image.json'], wasm: [text, {}] },
        { cli: ['--image-query-vector', 'image.json', '--top-k', '5'], wasm: [null, { topK: 5 }] },
        { cli: ['--query-vector', 'text.json', '--image-query-vector', 'image.json', '--text-weight', '0.3', '--image-weight', '2.5',
          '--category', 'kitchen'], wasm: [text, { textWeight: 0.3, imageWeight: 2.5, category: 'kitchen' }] },
      ];
      for (const c of cases) {
        const hits = JSON.parse(cli('search', file, ...c.cli, '--json')).results;
        assertSameHits(hits, index.search(c.wasm[0], { ...c.wasm[1], imageVector: image }).results, `query ${q} ${c.cli.join(' ')}`);
        compared++;
      }
      const id = catalogue[(q * 97) % count].id;
      assertSameHits(JSON.parse(cli('similar', file, id, '--json')).results, index.similar(id).results, `similar ${id}`);
      compared++;
    }
    assert.equal(compared, 48);
    index.close();
  });
}
