// `vitrine build --image-embed-model`: each prepared photo through the loopback server's
// multimodal /v1/embeddings (vLLM's chat form), one a request, concurrently, cached and
// resumable; hostile answers leave that product text-only with a warning naming it.
// Run: VITRINE_CLI=build/bin/vitrine node --test tests/cli/hosted_image_build.test.mjs
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

import { encodePng } from '../../scripts/lib/png.mjs';
import { embed, embedImage, startServer } from '../server/openai-compatible-server.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const cli = resolve(root, process.env.VITRINE_CLI ?? 'build/bin/vitrine');
const work = mkdtempSync(join(tmpdir(), 'vitrine-image-build-'));
const key = 'sk-test-IMAGE-0123456789abcdef';
const model = 'Qwen/Qwen3-VL-Embedding-2B';
let server;

function vitrine(...args) {
  return new Promise((done) => {
    const child = spawn(cli, args, { cwd: work, env: { ...process.env, VITRINE_API_BASE: server.url, VITRINE_API_KEY: key } });
    let stdout = '', stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

const products = Array.from({ length: 8 }, (_, i) => ({ id: `p${i}`, title: `Product ${i}`, image: `img/p${i}.png` }));
before(async () => {
  server = await startServer({ apiKey: key, dims: 32 });
  mkdirSync(join(work, 'img'));
  products.forEach((p, i) => {
    const pixels = Buffer.alloc(32 * 32 * 3, 240);
    for (let y = 0; y < 16; y++) for (let x = 0; x < 16; x++) pixels.set([i * 30, 200 - i * 20, 90], ((y + (i % 2) * 16) * 32 + x) * 3);
    writeFileSync(join(work, 'img', `p${i}.png`), encodePng(32, 32, pixels, 3));
  });
  writeFileSync(join(work, 'shop.json'), JSON.stringify([...products, { id: 'none', title: 'No photo' }]));
});
after(() => server?.close());

const build = (out, ...extra) => vitrine('build', '--catalogue', 'shop.json', '--out', out, '--images-out', 'photos',
  '--image-embed-model', model, '--image-dims', '16', '--image-joint-space', ...extra);
const imageRequests = () => server.requests.filter((r) => r.endpoint === 'embeddings' && r.body?.messages);

test('embeds every prepared photo in the chat form, one a request, and a photo then finds its product', async () => {
  server.reset();
  const run = await build('shop.vtx');
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /^image embeddings: 0 from the cache, 8 embedded in 8 requests/m);
  assert.match(run.stderr, /none: no image vector \(no photo\)/);
  assert.deepEqual(server.violations, []);
  const requests = imageRequests();
  assert.equal(requests.length, 8);
  for (const r of requests) {
    assert.equal(r.authorized, true);
    assert.equal(r.body.model, model);
    assert.equal(r.body.encoding_format, 'float');
    assert.deepEqual(r.body.messages[0].content.map((c) => c.type), ['image_url']);
    assert.match(r.body.messages[0].content[0].image_url.url, /^data:image\/jpeg;base64,/);
  }
  const info = JSON.parse((await vitrine('info', 'shop.vtx')).stdout);
  assert.deepEqual(info.image_field, { model, dims: 16, model_dims: 32, storage: 'f32', embedder: 'hosted', joint_space: true, products: 8 });
  // The server's vector of p3's prepared photo, as a precomputed query vector: p3 first.
  const p3 = JSON.parse((await vitrine('search', 'shop.vtx', 'Product 3', '--ids', 'p3', '--json')).stdout).results[0];
  const photo = readFileSync(join(work, p3.prepared_image)).toString('base64');
  writeFileSync(join(work, 'query.json'), JSON.stringify(embedImage(photo, 32).slice(0, 16)));
  const hits = JSON.parse((await vitrine('search', 'shop.vtx', '--image-query-vector', 'query.json', '--json')).stdout).results;
  assert.equal(hits[0].id, 'p3');
  assert.equal(hits.length, 8, 'the product without a photo is not found by a photo alone');
});

// The server's vector cut to the index's 16 dims and re-normalised, as the core does.
const cut = (vector) => { const v = vector.slice(0, 16); const n = Math.hypot(...v); return v.map((x) => x / n); };
const dot = (a, b) => a.reduce((sum, x, i) => sum + x * b[i], 0);

test('a photo is sent to the image field\'s model, prepared as at build time, and finds its product', async () => {
  server.reset();
  const run = await vitrine('search', 'shop.vtx', '--image', 'img/p3.png', '--json');
  assert.equal(run.code, 0, run.stderr);
  const hits = JSON.parse(run.stdout).results;
  assert.equal(hits[0].id, 'p3');  // (the server's 16-dim test vectors of p3 collide with no other's)
  assert.ok(Math.abs(hits[0].score - 1) < 1e-6);
  assert.equal(hits.length, 8, 'the product without a photo is not found by a photo alone');
  const requests = imageRequests();
  assert.equal(requests.length, 1);
  assert.equal(requests[0].body.model, model);
  const sent = requests[0].body.messages[0].content[0].image_url.url;
  assert.equal(sent, `data:image/jpeg;base64,${readFileSync(join(work, hits[0].prepared_image)).toString('base64')}`);
});

test('a text query of a joint-space image field is embedded by that model too, and ranks by the photos', async () => {
  server.reset();
  const run = await vitrine('search', 'shop.vtx', 'green product', '--text-weight', '0', '--top-k', '9', '--json');
  assert.equal(run.code, 0, run.stderr);
  const sent = server.requests.filter((r) => r.endpoint === 'embeddings' && r.body?.model === model);
  assert.equal(sent.length, 1);
  assert.deepEqual([sent[0].body.input].flat(), ['green product']);
  const query = cut(embed('green product', 32));
  const hits = JSON.parse(run.stdout).results;
  assert.equal(hits.length, 8, 'by the photos alone: the product without one is left out');
  const expected = hits.map((h) => dot(query, cut(embedImage(readFileSync(join(work, h.prepared_image)).toString('base64'), 32))));
  hits.forEach((h, i) => assert.ok(Math.abs(h.score - expected[i]) < 1e-5, `${h.id}: ${h.score} against ${expected[i]}`));
  assert.deepEqual([...expected].sort((a, b) => b - a), expected);
  const offline = await new Promise((done) => {
    const child = spawn(cli, ['search', 'shop.vtx', 'green product', '--json'], { cwd: work, env: { ...process.env, VITRINE_API_BASE: '' } });
    let stdout = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.on('close', (code) => done({ code, stdout }));
  });
  assert.equal(offline.code, 0, 'offline, the text field alone');
  assert.ok(JSON.parse(offline.stdout).results.length > 0);
});

test('a rebuild takes every vector from the cache and sends nothing', async () => {
  server.reset();
  const run = await build('shop.vtx');
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /^image embeddings: 8 from the cache, 0 embedded in 0 requests/m);
  assert.equal(imageRequests().length, 0);
});

test('retries a 429 with Retry-After; wrong dims or an empty answer leave that product text-only, named', async () => {
  server.reset();
  server.fault({ endpoint: 'embeddings', kind: '429', retryAfter: 1, times: 1 });
  server.fault({ endpoint: 'embeddings', kind: 'wrong-dims', skip: 2, times: 1 });
  server.fault({ endpoint: 'embeddings', kind: 'empty-data', skip: 3, times: 1 });
  const run = await build('faults.vtx', '--image-embed-cache', 'fresh-cache', '--image-embed-concurrency', '1');
  assert.equal(run.code, 0, run.stderr);
  const refused = run.stderr.match(/^vitrine build: note: (p\d): no image vector \(the endpoint's answer is refused/gm) ?? [];
  assert.equal(refused.length, 2, run.stderr);
  assert.match(run.stdout, /^image vectors: 6 of 9 products/m);
  const info = JSON.parse((await vitrine('info', 'faults.vtx')).stdout);
  assert.equal(info.image_field.products, 6);
});

test('an unreachable endpoint fails the build', async () => {
  const run = await new Promise((done) => {
    const child = spawn(cli, ['build', '--catalogue', 'shop.json', '--out', 'down.vtx', '--images-out', 'photos',
      '--image-embed-model', model, '--image-embed-cache', 'down-cache', '--retries', '0'],
    { cwd: work, env: { ...process.env, VITRINE_API_BASE: 'http://127.0.0.1:9', VITRINE_API_KEY: key } });
    let stderr = '';
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('close', (code) => done({ code, stderr }));
  });
  assert.notEqual(run.code, 0);
  assert.match(run.stderr, /127\.0\.0\.1:9/);
});
