// memory_fit.test.mjs — how large a catalogue fits a 128 MB worker isolate. Builds indexes
// of sample-like products (the sample catalogue's records, repeated under new ids) with
// random vectors for f32/int8 at 256/1024 dims, opens each in a fresh module instance and
// measures the WASM heap it takes and the WebAssembly memory it grows to; prints bytes per
// product and the largest catalogue that fits. The sample index is measured as is.
//
// The fit rule (docs/edge-worker.md): an isolate holds the index twice while it loads —
// the JS bytes (a bundled data module keeps them for good; a fetched copy is dropped after
// loading) and the WASM copy, in a memory that grows in steps of up to 20% and never
// shrinks — plus a fixed allowance for the JS heap, the compiled module and requests.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

import { init } from '../../wasm/js/index.js';

const ISOLATE_BYTES = 128 * 1024 * 1024;
const FIXED_ALLOWANCE = 16 * 1024 * 1024; // JS heap, compiled code, request buffers
const GROWTH_SLACK = 1.2;                 // Emscripten grows memory by up to 20% over the need
const PRODUCTS = 4000;
const MB = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

const wasmBytes = readFileSync(new URL('../../wasm/dist/vitrine_core.wasm', import.meta.url));
const sample = JSON.parse(readFileSync(new URL('../../sample/catalogue.json', import.meta.url), 'utf8'));

// A fresh instance, and its WebAssembly.Memory (caught as the module is instantiated).
async function instance() {
  const original = WebAssembly.instantiate;
  let memory;
  WebAssembly.instantiate = async (...args) => {
    const result = await original.apply(WebAssembly, args);
    memory = Object.values((result.instance ?? result).exports).find((e) => e instanceof WebAssembly.Memory);
    return result;
  };
  try {
    const vitrine = await init({ wasm: wasmBytes });
    return { vitrine, memory };
  } finally {
    WebAssembly.instantiate = original;
  }
}

async function measure(bytes) {
  const { vitrine, memory } = await instance();
  const heapBefore = vitrine.heapBytesInUse();
  const memoryBefore = memory.buffer.byteLength;
  const index = vitrine.openIndex(bytes);
  return {
    index,
    fileBytes: bytes.length,
    heapBytes: vitrine.heapBytesInUse() - heapBefore,
    memoryBefore,
    memoryAfter: memory.buffer.byteLength,
  };
}

async function syntheticIndex(storage, dims) {
  const { vitrine } = await instance();
  const products = Array.from({ length: PRODUCTS }, (_, i) => ({ ...sample[i % sample.length], id: `p-${i}` }));
  const vectors = new Float32Array(PRODUCTS * dims).map((_, i) => Math.sin(i * 12.9898) * 0.5);
  return vitrine.buildIndex(JSON.stringify(products), { vectors, dims, storage, model: 'synthetic' });
}

// Products that fit: 2 copies (JS + WASM with growth slack) of perProduct bytes each.
const fitting = (perProduct) => Math.floor((ISOLATE_BYTES - FIXED_ALLOWANCE) / (perProduct * (1 + GROWTH_SLACK)));

test('the sample index takes its file size in WASM memory, and fits with room to spare', async () => {
  const bytes = readFileSync(new URL('../../sample/catalogue.vtx', import.meta.url));
  const m = await measure(bytes);
  console.log(`sample (${m.index.count} products, ${m.index.storage}, ${m.index.dims} dims): file ${m.fileBytes} B, ` +
    `WASM heap +${m.heapBytes} B, WASM memory ${MB(m.memoryBefore)} -> ${MB(m.memoryAfter)}`);
  assert.ok(m.heapBytes >= m.fileBytes && m.heapBytes - m.fileBytes < 64 * 1024, `heap +${m.heapBytes} for ${m.fileBytes}`);
  assert.equal(m.memoryAfter, m.memoryBefore, 'the sample fits the initial WASM memory');
});

test('bytes per product for f32 and int8 at 256 and 1024 dims, and the catalogues that fit 128 MB', async () => {
  const rows = [];
  for (const storage of ['f32', 'int8']) {
    for (const dims of [256, 1024]) {
      const m = await measure(await syntheticIndex(storage, dims));
      const perProduct = m.heapBytes / PRODUCTS;
      const vectorBytes = storage === 'f32' ? 4 * dims : dims + 4; // int8 keeps a float scale per vector
      // Everything but the vectors is the record and its text, the same for every layout.
      assert.ok(perProduct > vectorBytes && perProduct < vectorBytes + 1024, `${storage}/${dims}: ${perProduct} B/product`);
      assert.ok(m.memoryAfter <= Math.max(m.memoryBefore, m.heapBytes * GROWTH_SLACK + m.memoryBefore), 'growth within slack');
      rows.push({ storage, dims, perProduct, vectorBytes, fits: fitting(perProduct), ...m });
    }
  }
  console.log(`${PRODUCTS} sample-like products each; 128 MB isolate, ${MB(FIXED_ALLOWANCE)} kept for JS and requests:`);
  for (const r of rows) {
    console.log(`  ${r.storage.padEnd(4)} ${String(r.dims).padStart(4)} dims: ${r.perProduct.toFixed(0).padStart(5)} B/product ` +
      `(vectors ${r.vectorBytes} B, record + text ${(r.perProduct - r.vectorBytes).toFixed(0)} B) -> ` +
      `about ${Math.floor(r.fits / 1000)}k products fit; measured: heap +${MB(r.heapBytes)}, memory ${MB(r.memoryAfter)}`);
  }
});
