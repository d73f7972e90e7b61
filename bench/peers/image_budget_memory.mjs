#!/usr/bin/env node
// image_budget_memory.mjs — the peak WebAssembly memory of preparing the costliest image of
// each kind the decode budget accepts at a given maxPixels (default 8,000,000, the edge
// worker's MAX_IMAGE_PIXELS).
//
//   node image_budget_memory.mjs [MAX_PIXELS=8000000]
//
// Each image is noise (the worst case for the compressed sizes) made by sharp, 3:2, at the
// largest size of its kind the budget accepts (core/src/image/decode_budget.hpp: 6 bytes and
// one block visit a pixel of maxPixels), found by halving; prepared in a fresh instance.
// Linear memory only grows, so memoryBytes() afterwards is the peak (a fresh instance
// starts at 16 MiB).
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import sharp from 'sharp';

import { init } from '../../wasm/js/index.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const wasm = readFileSync(join(root, 'wasm/dist/vitrine_core.wasm'));
const maxPixels = Number(process.argv[2] ?? 8_000_000);
const mib = (bytes) => (bytes / 2 ** 20).toFixed(0);

const kinds = [
  ['baseline JPEG 4:2:0', (s) => s.jpeg({ quality: 90, chromaSubsampling: '4:2:0' })],
  ['progressive JPEG 4:2:0', (s) => s.jpeg({ quality: 90, progressive: true, chromaSubsampling: '4:2:0' })],
  ['progressive JPEG 4:4:4', (s) => s.jpeg({ quality: 90, progressive: true, chromaSubsampling: '4:4:4' })],
  ['PNG RGB 8-bit', (s) => s.png({ compressionLevel: 1 })],
  ['PNG RGBA 8-bit', (s) => s.ensureAlpha(0.5).png({ compressionLevel: 1 })],
  ['PNG RGBA 16-bit interlaced', (s) => s.ensureAlpha(0.5).toColourspace('rgb16').png({ compressionLevel: 1, progressive: true })],
];

// Noise (xorshift32): the worst case for file sizes, the same bytes on every run.
function noise(width, height) {
  const pixels = Buffer.alloc(width * height * 3);
  for (let i = 0, x = 2463534242; i < pixels.length; i++) {
    x ^= x << 13; x ^= x >>> 17; x ^= x << 5;
    pixels[i] = x & 255;
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } });
}

// Prepares the kind at `share` of maxPixels (3:2) in a fresh instance.
async function attempt(encode, share) {
  const width = Math.floor(Math.sqrt(maxPixels * share * 1.5)), height = Math.floor((maxPixels * share) / width);
  const bytes = await encode(noise(width, height)).toBuffer();
  const vitrine = await init({ wasm });
  const started = performance.now();
  try {
    vitrine.prepareImage(bytes, { maxPixels });
    return { width, height, bytes, ms: performance.now() - started, memory: vitrine.memoryBytes() };
  } catch (error) {
    return { width, height, bytes, refused: error.message };
  }
}

console.log(`maxPixels ${maxPixels}: decode budget ${mib(maxPixels * 6 + 2 ** 20)} MiB, ${maxPixels} block visits`);
console.log('| kind | largest accepted (to 2 %) | MP | file | prepared in | WASM memory after |');
console.log('| --- | --- | ---: | ---: | ---: | ---: |');
for (const [kind, encode] of kinds) {
  let best = null;
  let [low, high] = [0, 1];  // the largest accepted share lies in (low, high]
  const whole = await attempt(encode, 1);
  if (!whole.refused) best = whole;
  else {
    for (let step = 0; step < 6; step++) {
      const share = (low + high) / 2;
      const outcome = await attempt(encode, share);
      if (outcome.refused) high = share;
      else [low, best] = [share, outcome];
    }
  }
  if (!best) {
    console.log(`| ${kind} | none | | | | |`);
    continue;
  }
  console.log(`| ${kind} | ${best.width} x ${best.height} | ${((best.width * best.height) / 1e6).toFixed(1)} | ` +
    `${(best.bytes.length / 1e6).toFixed(1)} MB | ${best.ms.toFixed(0)} ms | ${mib(best.memory)} MiB |`);
}
