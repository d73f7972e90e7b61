#!/usr/bin/env node
// image_memory.mjs — how much WebAssembly memory Vitrine needs to prepare one photo: each
// photo in a fresh instance, linear memory read by memoryBytes() afterwards (it only grows,
// so that is the peak; a fresh instance starts at 16 MiB).
//
//   node image_memory.mjs [PHOTO_DIR=../../photos]
//
// Besides the photos in the folder, the largest baseline JPEG there is re-encoded by sharp
// at 13 MP (4800 x 2700, quality 90) three ways: baseline 4:2:0, progressive 4:2:0 and
// progressive 4:4:4, the kinds whose decoders need the least and the most memory.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import sharp from 'sharp';

import { init } from '../../wasm/js/index.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const dir = resolve(process.argv[2] ?? process.env.PEERS_PHOTOS ?? join(root, 'photos'));
const wasm = readFileSync(join(root, 'wasm/dist/vitrine_core.wasm'));
const mib = (bytes) => (bytes / 2 ** 20).toFixed(0);

async function describe(bytes) {
  const meta = await sharp(bytes).metadata();
  const kind = meta.format === 'jpeg' ? `${meta.isProgressive ? 'progressive' : 'baseline'} JPEG, ${meta.chromaSubsampling}` : 'PNG';
  return { kind, megapixels: (meta.width * meta.height) / 1e6 };
}

const photos = readdirSync(dir).filter((f) => /\.(jpe?g|png)$/i.test(f)).sort()
  .map((name) => ({ name, bytes: readFileSync(join(dir, name)) }));
const baseline = [];
for (const photo of photos) {
  photo.about = await describe(photo.bytes);
  if (photo.about.kind.startsWith('baseline')) baseline.push(photo);
}
const source = baseline.sort((a, b) => b.about.megapixels - a.about.megapixels)[0];
if (source) {
  for (const [label, options] of [['baseline 4:2:0', { chromaSubsampling: '4:2:0' }],
    ['progressive 4:2:0', { progressive: true, chromaSubsampling: '4:2:0' }],
    ['progressive 4:4:4', { progressive: true, chromaSubsampling: '4:4:4' }]]) {
    const bytes = await sharp(source.bytes).resize(4800, 2700).jpeg({ quality: 90, ...options }).toBuffer();
    photos.push({ name: `${source.name} at 13 MP, ${label}`, bytes, about: await describe(bytes) });
  }
}

console.log('| photo | kind | MP | WASM memory after preparing it |');
console.log('| --- | --- | ---: | ---: |');
for (const photo of photos) {
  const vitrine = await init({ wasm });
  vitrine.prepareImage(photo.bytes);
  console.log(`| ${photo.name} | ${photo.about.kind} | ${photo.about.megapixels.toFixed(1)} | ${mib(vitrine.memoryBytes())} MiB |`);
}
