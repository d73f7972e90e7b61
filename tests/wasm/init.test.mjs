// init.test.mjs — init() accepts the wasm every way a runtime can provide it.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

import { init, VitrineError } from '../../wasm/js/index.js';
import { wasmUrl } from './support.mjs';

const wasmBytes = readFileSync(wasmUrl);

async function assertWorks(vitrine) {
  assert.equal(vitrine.embedLocal('lamp', 8).length, 8);
}

test('accepts the wasm as a Uint8Array', async () => {
  await assertWorks(await init({ wasm: new Uint8Array(wasmBytes) }));
});

test('accepts the wasm as an ArrayBuffer', async () => {
  const buffer = wasmBytes.buffer.slice(wasmBytes.byteOffset, wasmBytes.byteOffset + wasmBytes.length);
  await assertWorks(await init({ wasm: buffer }));
});

test('accepts an already compiled WebAssembly.Module, as workerd provides it', async () => {
  await assertWorks(await init({ wasm: await WebAssembly.compile(wasmBytes) }));
});

test('accepts a file: URL in Node, read from disk rather than fetched', async () => {
  await assertWorks(await init({ wasm: wasmUrl }));
});

test('loads the packaged wasm when given nothing', async () => {
  await assertWorks(await init());
});

test('fetches an http URL', async (t) => {
  const { createServer } = await import('node:http');
  const server = createServer((request, response) => {
    response.writeHead(200, { 'content-type': 'application/wasm' });
    response.end(wasmBytes);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => server.close());
  await assertWorks(await init({ wasm: `http://127.0.0.1:${server.address().port}/vitrine_core.wasm` }));
});

test('rejects bytes that are not WebAssembly', async () => {
  await assert.rejects(init({ wasm: new Uint8Array([1, 2, 3, 4]) }), WebAssembly.CompileError);
});

test('rejects a wasm option of the wrong type with a TypeError', async () => {
  await assert.rejects(init({ wasm: 42 }), { name: 'TypeError', message: /WebAssembly\.Module, bytes .* or a URL/ });
});

test('rejects a WebAssembly module that is not Vitrine instead of hanging', async () => {
  // (module (import "env" "missing" (func))) needs an import the glue does not provide.
  const foreign = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 2, 15, 1, 3, 101, 110, 118, 7, 109,
    105, 115, 115, 105, 110, 103, 0, 0]);
  await assert.rejects(init({ wasm: foreign }), /Import #0/);
});

test('instances are independent: each has its own memory', async () => {
  const [a, b] = await Promise.all([init({ wasm: wasmBytes }), init({ wasm: wasmBytes })]);
  const before = b.heapBytesInUse();
  const index = a.openIndex(a.buildIndex('[{"id":"x","title":"Lamp"}]', { dims: 16 }));
  assert.ok(a.heapBytesInUse() > before);
  assert.equal(b.heapBytesInUse(), before);
  index.close();
});

test('reports the SIMD kernels it searches with', async () => {
  assert.equal((await init({ wasm: wasmBytes })).searchKernel, 'sse4.1');
});

test('exports VitrineError for instanceof checks', () => {
  assert.equal(new VitrineError('bad_image', 'x').kind, 'bad_image');
});
