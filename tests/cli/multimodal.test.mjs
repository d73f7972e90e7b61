// The image vector field from the CLI: build --image-embedder local / --image-vectors
// --image-model, search by photo without a reranker (--image, --image-query-vector), the
// field weights, and `vitrine similar`.
// Run: VITRINE_CLI=build/bin/vitrine node --test tests/cli/multimodal.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

import { encodePng } from '../../scripts/lib/png.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const cli = resolve(root, process.env.VITRINE_CLI ?? 'build/bin/vitrine');
const work = mkdtempSync(join(tmpdir(), 'vitrine-multimodal-'));

function vitrine(...args) {
  const run = spawnSync(cli, args, { encoding: 'utf8', cwd: work });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}
const ids = (run) => JSON.parse(run.stdout).results.map((r) => r.id);

// A 48 x 48 photo on a light grey page with one coloured block.
function photo(name, [r, g, b], [x0, y0, w, h]) {
  const pixels = Buffer.alloc(48 * 48 * 3, 230);
  for (let y = y0; y < y0 + h; y++)
    for (let x = x0; x < x0 + w; x++) pixels.set([r, g, b], (y * 48 + x) * 3);
  writeFileSync(join(work, 'img', name), encodePng(48, 48, pixels, 3));
}
mkdirSync(join(work, 'img'));
photo('red-left.png', [200, 20, 20], [0, 0, 24, 48]);
photo('red-left-2.png', [210, 30, 25], [2, 0, 22, 48]);
photo('blue-right.png', [20, 40, 200], [24, 0, 24, 48]);
photo('query.png', [205, 25, 20], [1, 0, 23, 48]);
writeFileSync(join(work, 'shop.json'), JSON.stringify([
  { id: 'r1', title: 'Lamp', category: 'light', image: 'img/red-left.png' },
  { id: 'r2', title: 'Vase', category: 'decor', image: 'img/red-left-2.png' },
  { id: 'b1', title: 'Lamp', category: 'light', image: 'img/blue-right.png' },
  { id: 'n1', title: 'Lamp shade', category: 'light' },
]));

test('build --image-embedder local describes every prepared photo; a product without one is named', () => {
  const run = vitrine('build', '--catalogue', 'shop.json', '--out', 'shop.vtx', '--images-out', 'photos', '--image-embedder', 'local');
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /^image vectors: 3 of 4 products \(vitrine-local-image-v1\)$/m);
  assert.match(run.stderr, /n1: no image vector \(no photo\); found by its text alone/);
  const info = JSON.parse(vitrine('info', 'shop.vtx').stdout);
  assert.deepEqual(info.image_field, { model: 'vitrine-local-image-v1', dims: 112, model_dims: 112, storage: 'f32',
    embedder: 'local_image', joint_space: false, products: 3 });
  assert.deepEqual(info.sections.filter((s) => s.type >= 8 && s.type <= 15).map((s) => s.name),
    ['image_field', 'image_presence', 'image_vectors']);
});

test('search --image retrieves by the photo over the whole catalogue, no reranker', () => {
  const run = vitrine('search', 'shop.vtx', '--image', 'img/query.png', '--json');
  assert.equal(run.code, 0, run.stderr);
  const found = ids(run);
  assert.deepEqual(found.slice(0, 2).sort(), ['r1', 'r2']);  // the red photos, the blue one last
  assert.deepEqual(found.slice(2), ['b1']);  // n1 has no image vector: not found by a photo alone
  const filtered = vitrine('search', 'shop.vtx', '--image', 'img/query.png', '--category', 'light', '--json');
  assert.deepEqual(ids(filtered), ['r1', 'b1']);
});

test('a text and a photo search both fields; the weights move the balance', () => {
  const both = JSON.parse(vitrine('search', 'shop.vtx', 'lamp shade', '--image', 'img/blue-right.png', '--json').stdout).results;
  assert.ok(both.some((r) => r.id === 'n1'), 'a product without a photo is scored on its text');
  const photoHeavy = ids(vitrine('search', 'shop.vtx', 'vase', '--image', 'img/blue-right.png', '--image-weight', '10', '--json'));
  const textHeavy = ids(vitrine('search', 'shop.vtx', 'vase', '--image', 'img/blue-right.png', '--text-weight', '10', '--json'));
  assert.equal(photoHeavy[0], 'b1');
  assert.equal(textHeavy[0], 'r2');
  const refused = vitrine('search', 'shop.vtx', 'vase', '--image', 'img/query.png', '--image-weight', '-1');
  assert.equal(refused.code, 1);
  assert.match(refused.stderr, /weight must be a finite number >= 0/);
});

test('similar lists the nearest products by their stored vectors, itself left out, filters applied', () => {
  assert.deepEqual(ids(vitrine('similar', 'shop.vtx', 'r1', '--json')).sort(), ['b1', 'n1', 'r2']);
  assert.equal(ids(vitrine('similar', 'shop.vtx', 'r1', '--json', '--image-weight', '10'))[0], 'r2');  // the look-alike photo
  assert.equal(ids(vitrine('similar', 'shop.vtx', 'r1', '--json', '--text-weight', '10'))[0], 'b1');  // the same text
  assert.deepEqual(ids(vitrine('similar', 'shop.vtx', 'r1', '--json', '--category', 'light')).sort(), ['b1', 'n1']);
  const unknown = vitrine('similar', 'shop.vtx', 'zz');
  assert.equal(unknown.code, 1);
  assert.match(unknown.stderr, /no product has the id 'zz'/);
});

test('--image-vectors with --image-model: precomputed vectors, missing products warned, bad ones refused', () => {
  writeFileSync(join(work, 'image.jsonl'), '{"id":"r1","vector":[1,0,0]}\n{"id":"b1","vector":[0,1,0]}\n');
  const run = vitrine('build', '--catalogue', 'shop.json', '--out', 'pre.vtx', '--image-vectors', 'image.jsonl', '--image-model', 'clip');
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stderr, /r2: no image vector \(no line in the image vectors file\)/);
  writeFileSync(join(work, 'query.json'), '[0.1, 1, 0]');
  assert.deepEqual(ids(vitrine('search', 'pre.vtx', '--image-query-vector', 'query.json', '--json')), ['b1', 'r1']);
  writeFileSync(join(work, 'bad.jsonl'), '{"id":"r1","vector":[1,0,0]}\n{"id":"b1","vector":[0,1]}\n');
  const bad = vitrine('build', '--catalogue', 'shop.json', '--out', 'bad.vtx', '--image-vectors', 'bad.jsonl', '--image-model', 'clip');
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /line 2: the vector has 2 values, expected 3/);
  const noModel = vitrine('build', '--catalogue', 'shop.json', '--out', 'bad.vtx', '--image-vectors', 'image.jsonl');
  assert.match(noModel.stderr, /--image-model must name/);
});

test('a photo query on an index without an image field says how to build one', () => {
  assert.equal(vitrine('build', '--catalogue', 'shop.json', '--out', 'text.vtx').code, 0);
  const run = vitrine('search', 'text.vtx', '--image', 'img/query.png');
  assert.equal(run.code, 1);
  assert.match(run.stderr, /no image field.*--image-embedder local/);
});
