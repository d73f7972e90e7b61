// support.mjs — what the WASM package tests share: a module instance and small catalogues.
// The package must have been built (scripts/test-wasm.sh does it); its wasm is read
// from wasm/dist/ and handed to init() as bytes, the way a Node user would.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

import { init } from '../../wasm/js/index.js';

export const wasmUrl = new URL('../../wasm/dist/vitrine_core.wasm', import.meta.url);

export function loadVitrine() {
  return init({ wasm: readFileSync(wasmUrl) });
}

// Six products over three categories; the titles make local-embedder queries predictable.
export const products = [
  { id: 'lamp-1', title: 'Brass floor lamp', description: 'Tall reading lamp', category: 'lighting', price: 129.5,
    image: 'https://shop.example/lamp-1.jpg', metadata: { colour: 'brass', stock: 4 } },
  { id: 'lamp-2', title: 'Paper table lamp', description: 'Soft warm light', category: 'lighting', price: 39 },
  { id: 'sofa-1', title: 'Green velvet sofa', description: 'Three seats', category: 'furniture', price: 899 },
  { id: 'table-1', title: 'Oak dining table', description: 'Seats six', category: 'furniture', price: 640 },
  { id: 'mug-1', title: 'Stoneware mug', description: 'Hand glazed', category: 'kitchen', price: 14 },
  { id: 'kettle-1', title: 'Copper kettle', description: 'Whistling stovetop kettle', category: 'kitchen', price: 59 },
];
export const catalogueJson = JSON.stringify(products);

// A deterministic generator of float32 values in [-1, 1) (mulberry32).
export function randomFloats(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.fround((((t ^ (t >>> 14)) >>> 0) / 4294967296) * 2 - 1);
  };
}

export function randomVector(next, dims) {
  return Float32Array.from({ length: dims }, next);
}

// The error a promise rejects with; fails the test if it resolves.
export async function rejection(promise) {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  assert.fail('expected a rejection');
}
