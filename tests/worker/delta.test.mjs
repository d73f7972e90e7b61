// delta.test.mjs — the worker's DELTA_URL setting, in workerd on loopback: remote.js fetches
// INDEX_URL and the delta beside it, applies the delta and serves the new index (a changed
// price shows, results are the new index's); a delta for another base fails with the
// core's message, and a delta that cannot be fetched is a 503 retried on the next request.
// The delta is made by the native CLI (VITRINE_CLI or build/bin/vitrine).
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

import { init } from '../../wasm/js/index.js';
import { nativeCli } from '../parity/native_cli.mjs';
import { products } from '../wasm/support.mjs';
import { startWorkerd } from './workerd.mjs';

const work = mkdtempSync(join(tmpdir(), 'vitrine-worker-delta-'));
let files;
let server;
let origin;
let workerd;
let expected; // the new index, searched by the package in this process

before(async () => {
  const cli = nativeCli(work);
  const changed = structuredClone(products);
  changed[0].price = 99; // lamp-1
  writeFileSync(join(work, 'old.json'), JSON.stringify(products));
  writeFileSync(join(work, 'new.json'), JSON.stringify(changed));
  cli('build', '--catalogue', 'old.json', '--out', 'old.vtx', '--dims', '64');
  cli('build', '--catalogue', 'new.json', '--out', 'new.vtx', '--dims', '64');
  cli('delta', 'old.vtx', 'new.vtx', '--out', 'update.delta');
  files = Object.fromEntries(['old.vtx', 'new.vtx', 'update.delta'].map((name) => [`/${name}`, readFileSync(join(work, name))]));
  server = createServer((req, res) => {
    const body = files[req.url];
    if (!body) return res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': body.length }).end(body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${server.address().port}`;
  const service = (index, delta) => ({
    entry: 'remote.js', bindings: { INDEX_URL: `${origin}${index}`, DELTA_URL: `${origin}${delta}`, RATE_LIMIT_PER_MINUTE: '0' },
  });
  workerd = await startWorkerd({
    services: {
      updated: service('/old.vtx', '/update.delta'),
      otherBase: service('/new.vtx', '/update.delta'),
      late: service('/old.vtx', '/late.delta'),
    },
  });
  const vitrine = await init({ wasm: readFileSync(new URL('../../wasm/dist/vitrine_core.wasm', import.meta.url)) });
  const index = vitrine.openIndex(files['/new.vtx']);
  expected = (query, options) => index.search(query, options).results;
});

after(async () => {
  await workerd?.stop();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve()));
  rmSync(work, { recursive: true, force: true });
});

async function call(service, path) {
  const response = await fetch(`${workerd.url[service]}${path}`);
  return { status: response.status, body: await response.json() };
}

test('the delta is applied over INDEX_URL: the new price shows and results are the new index', async () => {
  const { status, body } = await call('updated', '/search?q=brass+floor+lamp&k=3');
  assert.equal(status, 200, JSON.stringify(body));
  assert.equal(body.results[0].id, 'lamp-1');
  assert.equal(body.results[0].price, 99);
  const reference = expected('brass floor lamp', { topK: 3 });
  assert.deepEqual(body.results.map((hit) => [hit.id, hit.score]), reference.map((hit) => [hit.id, hit.score]));
});

test('a delta made for another base fails the load with the core message', async () => {
  const { status, body } = await call('otherBase', '/search?q=lamp');
  assert.equal(status, 500, JSON.stringify(body));
  assert.equal(body.error.code, 'delta_invalid');
  assert.match(body.error.message, /^delta: made for base index [0-9a-f]{32} \(\d+ bytes\), not for this one/);
});

test('a delta that cannot be fetched is a 503, and the next request retries it', async () => {
  const missing = await call('late', '/search?q=lamp');
  assert.equal(missing.status, 503);
  assert.equal(missing.body.error.code, 'delta_unavailable');
  assert.match(missing.body.error.message, /fetching the delta update failed with HTTP 404/);
  files['/late.delta'] = files['/update.delta'];
  const served = await call('late', '/search?q=brass+floor+lamp&k=1');
  assert.equal(served.status, 200, JSON.stringify(served.body));
  assert.equal(served.body.results[0].price, 99);
});
