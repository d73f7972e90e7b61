#!/usr/bin/env node
// build-sample-index.mjs — builds sample/catalogue.vtx from sample/catalogue.json with the
// WASM package: local embedder, int8, 256 dims. The same core as the CLI, so the file is
// byte-identical to `vitrine build --catalogue sample/catalogue.json --out
// sample/catalogue.vtx --storage int8 --dims 256`, without needing the native build.
//
//   node web-demo/build-sample-index.mjs [SAMPLE_DIR]     (default: sample/)
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { init } from '../wasm/js/index.js';

const folder = process.argv[2] ?? fileURLToPath(new URL('../sample/', import.meta.url));
const vitrine = await init({ wasm: readFileSync(new URL('../wasm/dist/vitrine_core.wasm', import.meta.url)) });
const bytes = vitrine.buildIndex(readFileSync(join(folder, 'catalogue.json')), { storage: 'int8', dims: 256 });
// Written aside and renamed, so a server reading the index never sees half a file.
writeFileSync(join(folder, 'catalogue.vtx.partial'), bytes);
renameSync(join(folder, 'catalogue.vtx.partial'), join(folder, 'catalogue.vtx'));
console.log(`build-sample-index: ${join(folder, 'catalogue.vtx')} (${bytes.length} bytes)`);
