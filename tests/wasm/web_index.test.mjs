// web_index.test.mjs — a web pack made by `vitrine web-pack`, served by a loopback node:http
// server (plain GETs, no Range), searched lazily by the package's openWebIndex:
//   - the same ids, order and bit-identical scores as `vitrine search` on the whole index;
//   - far fewer bytes fetched than the index holds; chunks already held are not fetched again;
//   - a served chunk that is truncated or does not hash to its name is refused naming it, and
//     the web index keeps working once the right bytes are served;
//   - a missing or garbage manifest is refused.
// The data is clustered, with energy decaying over the dims as in Matryoshka-trained models, so
// a short prefix ranks well (bench/lazy/ measures how well at 100k x 1024).
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

import { VitrineError } from '../../wasm/js/index.js';
import { nativeCli, parseJsonLines } from '../parity/native_cli.mjs';
import { loadVitrine, randomFloats } from './support.mjs';

const count = 3000;
const dims = 128;
const work = mkdtempSync(join(tmpdir(), 'vitrine-web-'));
const cli = nativeCli(work);

// Clustered vectors: one of 40 centres plus noise, dimension d scaled by 1 / sqrt(1 + d / 16).
const centres = (() => {
  const next = randomFloats(1);
  return Array.from({ length: 40 }, () => Float32Array.from({ length: dims }, next));
})();
function clustered(n, seed) {
  const next = randomFloats(seed);
  const out = new Float32Array(n * dims);
  for (let i = 0; i < n; i++) {
    const centre = centres[Math.floor(((next() + 1) / 2) * centres.length) % centres.length];
    for (let d = 0; d < dims; d++) out[i * dims + d] = Math.fround((centre[d] + 0.5 * next()) / Math.sqrt(1 + d / 16));
  }
  return out;
}

const vectors = clustered(count, 2);
const queries = Array.from({ length: 8 }, (_, q) => clustered(1, 100 + q));
const tamper = new Map(); // file -> (bytes) => bytes served instead
let rangeFault = null; // how the server mishandles Range requests: 'ignore', 'short', 'shifted'
const ranges = []; // the Range headers asked for
let server, baseUrl, vitrine;

before(async () => {
  const catalogue = Array.from({ length: count }, (_, i) => ({
    id: `sku-${i}`, title: `Product ${i}`, category: ['lamps', 'rugs', 'mugs'][i % 3], price: 5 + (i % 97),
    image: `https://shop.example/${i}.jpg`, metadata: { serial: i },
  }));
  writeFileSync(join(work, 'catalogue.json'), JSON.stringify(catalogue));
  writeFileSync(join(work, 'vectors.jsonl'), catalogue.map((p, i) =>
    JSON.stringify({ id: p.id, embedding: [...vectors.subarray(i * dims, (i + 1) * dims)] })).join('\n'));
  writeFileSync(join(work, 'queries.json'), JSON.stringify(queries.map((q) => [...q])));
  for (const storage of ['int8', 'f32']) {
    cli('build', '--catalogue', 'catalogue.json', '--vectors', 'vectors.jsonl', '--model', 'clustered',
      '--storage', storage, '--out', `${storage}.vtx`);
    cli('web-pack', `${storage}.vtx`, '--out', `${storage}-pack`, '--first-pass-dims', '32', '--chunk-products', '4');
  }
  cli('web-pack', 'int8.vtx', '--out', 'int8-single', '--first-pass-dims', '32', '--chunk-products', '4', '--single-file');
  server = createServer((request, response) => {
    const name = decodeURIComponent(new URL(request.url, 'http://x').pathname.slice(1));
    let bytes;
    try {
      bytes = readFileSync(join(work, name));
    } catch {
      response.writeHead(404).end();
      return;
    }
    const file = name.split('/').pop();
    if (tamper.has(file)) bytes = tamper.get(file)(bytes);
    const range = /^bytes=(\d+)-(\d+)$/.exec(request.headers.range ?? '');
    if (range && rangeFault !== 'ignore') {
      ranges.push(request.headers.range);
      const [start, end] = [Number(range[1]), Number(range[2]) + 1];
      const [from, to] = rangeFault === 'shifted' ? [start + 1, end + 1] : [start, rangeFault === 'short' ? end - 1 : end];
      const part = bytes.subarray(from, to);
      response.writeHead(206, { 'content-length': part.length, 'content-range': `bytes ${from}-${to - 1}/${bytes.length}` }).end(part);
      return;
    }
    response.writeHead(200, { 'content-length': bytes.length }).end(bytes);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${server.address().port}`;
  vitrine = await loadVitrine();
});

after(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(work, { recursive: true, force: true });
});

const manifestOf = (storage) => JSON.parse(readFileSync(join(work, `${storage}-pack`, 'manifest.json'), 'utf8'));
// The CLI prints 9 significant digits, which parse back to the exact float32.
const strip = ({ rank, id, score, position, title, category, price, image }) =>
  ({ rank, id, score: Math.fround(score), position, title, category, price, image });

for (const storage of ['int8', 'f32']) {
  test(`a ${storage} web pack gives vitrine search's ids, order and exact scores, fetching far less than the index`, async () => {
    const native = parseJsonLines(cli('search', `${storage}.vtx`, '--query-vectors', 'queries.json', '--top-k', '10', '--json'));
    const web = await vitrine.openWebIndex(`${baseUrl}/${storage}-pack`);
    const indexBytes = readFileSync(join(work, `${storage}.vtx`)).length;
    assert.equal(web.indexBytes, indexBytes);
    for (const [q, query] of queries.entries()) {
      const { results } = await web.search(query, { topK: 10, candidates: 100 });
      assert.deepEqual(results.map(strip), native[q].map(strip), `query ${q}`);
      assert.deepEqual(results[0].metadata, { serial: results[0].position });
      if (q === 0) assert.ok(web.bytesFetched < indexBytes * 0.3, `${web.bytesFetched} bytes fetched of a ${indexBytes}-byte index`);
    }
    const before = { bytes: web.bytesFetched, requests: web.requests };
    await web.search(queries[0], { topK: 10, candidates: 100 });
    assert.deepEqual({ bytes: web.bytesFetched, requests: web.requests }, before, 'a repeated query fetches nothing');
    web.close();
  });
}

test('a served chunk that is truncated or does not hash to its name is refused naming it, and nothing is lost', async () => {
  const web = await vitrine.openWebIndex(`${baseUrl}/int8-pack/`, { concurrency: 2 });
  const file = manifestOf('int8').chunks[0].file;
  const query = vectors.slice(0, dims); // product 0 is its own best hit: chunk 0 is needed
  tamper.set(file, (bytes) => bytes.subarray(0, bytes.length - 3));
  await assert.rejects(web.search(query, { topK: 3 }), (e) =>
    e instanceof VitrineError && e.kind === 'corrupt_index' && e.message.includes(file) && e.message.includes('truncated'));
  tamper.set(file, (bytes) => Buffer.from(bytes).fill(7, 40, 41));
  await assert.rejects(web.search(query, { topK: 3 }), (e) =>
    e instanceof VitrineError && e.kind === 'corrupt_index' && e.message.includes(file) && e.message.includes('content hash'));
  tamper.delete(file);
  const { results } = await web.search(query, { topK: 3 });
  assert.equal(results[0].id, 'sku-0');
  web.close();
});

test('a missing manifest, or one that is not a pack\'s, is refused', async () => {
  await assert.rejects(vitrine.openWebIndex(`${baseUrl}/no-such-pack/`), (e) =>
    e instanceof VitrineError && e.kind === 'bad_response' && e.message.includes('HTTP 404'));
  tamper.set('manifest.json', () => Buffer.from('<html>not found</html>'));
  await assert.rejects(vitrine.openWebIndex(`${baseUrl}/int8-pack/`), (e) =>
    e instanceof VitrineError && e.kind === 'corrupt_index' && e.message.includes('web manifest'));
  tamper.delete('manifest.json');
});

test('a single-file pack is searched by Range requests of one file, with the chunk-file pack answers', async () => {
  const files = await vitrine.openWebIndex(`${baseUrl}/int8-pack/`);
  const single = await vitrine.openWebIndex(`${baseUrl}/int8-single/`);
  ranges.length = 0;
  const manifest = JSON.parse(readFileSync(join(work, 'int8-single', 'manifest.json'), 'utf8'));
  for (const [q, query] of queries.entries()) {
    assert.deepEqual(await single.search(query, { topK: 10, candidates: 100 }), await files.search(query, { topK: 10, candidates: 100 }));
    if (q === 0) assert.ok(single.bytesFetched < manifest.pack.bytes * 0.5, `${single.bytesFetched} of ${manifest.pack.bytes}`);
  }
  assert.ok(ranges.length > 1 && ranges.every((range) => /^bytes=\d+-\d+$/.test(range)), ranges.join(' '));
  const manifestBytes = (pack) => readFileSync(join(work, pack, 'manifest.json')).length;
  assert.equal(single.bytesFetched - manifestBytes('int8-single'), files.bytesFetched - manifestBytes('int8-pack'),
    'the same bytes, as ranges of one file');
  files.close();
  single.close();
});

test('a Range answer that is not the bytes asked for is refused naming the range, and nothing is lost', async () => {
  for (const [fault, pattern] of [['ignore', /answered HTTP 200: the host ignored the Range request/],
    ['short', /answered \d+ bytes, not \d+/], ['shifted', /answered the range 'bytes 1-\d+\/\d+'/]]) {
    rangeFault = fault; // on the first pass's range
    await assert.rejects(vitrine.openWebIndex(`${baseUrl}/int8-single/`), (e) =>
      e instanceof VitrineError && e.kind === 'bad_response' && /\(bytes=0-\d+\)/.test(e.message) && pattern.test(e.message), fault);
    rangeFault = null;
  }
  // A chunk's range: refused, not kept, fetched again by the next search.
  const web = await vitrine.openWebIndex(`${baseUrl}/int8-single/`, { concurrency: 1 });
  const query = vectors.slice(0, dims);
  rangeFault = 'short';
  await assert.rejects(web.search(query, { topK: 3 }), (e) => e instanceof VitrineError && e.kind === 'bad_response');
  rangeFault = null;
  const { results } = await web.search(query, { topK: 3 });
  assert.equal(results[0].id, 'sku-0');
  web.close();
});
