#!/usr/bin/env node
// build-sample-index.mjs — builds sample/catalogue.vtx from sample/catalogue.json with the
// WASM package: local embedder, int8, 256 dims, and an image field by the local image
// descriptor of every product photo (sample/images/), so that search by photo and "More
// like this" work offline. The same core as the CLI: the vectors equal those of `vitrine
// build --catalogue sample/catalogue.json --out sample/catalogue.vtx --storage int8 --dims
// 256 --images-out sample/photos --image-embedder local` (which also records the prepared photos).
//
//   node web-demo/build-sample-index.mjs [SAMPLE_DIR]     (default: sample/)
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { init } from '../wasm/js/index.js';

const folder = process.argv[2] ?? fileURLToPath(new URL('../sample/', import.meta.url));
const vitrine = await init({ wasm: readFileSync(new URL('../wasm/dist/vitrine_core.wasm', import.meta.url)) });
const catalogue = readFileSync(join(folder, 'catalogue.json'));
const photos = Object.fromEntries(JSON.parse(catalogue).filter((p) => p.image).map((p) => [p.id, readFileSync(join(folder, p.image))]));
const bytes = vitrine.buildIndex(catalogue, { storage: 'int8', dims: 256, imageEmbedder: 'local', photos });
// Written aside and renamed, so a server reading the index never sees half a file.
writeFileSync(join(folder, 'catalogue.vtx.partial'), bytes);
renameSync(join(folder, 'catalogue.vtx.partial'), join(folder, 'catalogue.vtx'));
console.log(`build-sample-index: ${join(folder, 'catalogue.vtx')} (${bytes.length} bytes)`);
