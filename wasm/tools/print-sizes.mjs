#!/usr/bin/env node
// print-sizes.mjs — prints each file's size raw and gzipped (level 9), and the total.
//   node wasm/tools/print-sizes.mjs dist/vitrine_core.wasm dist/vitrine_core.mjs
// The gzipped total is the download budget the package is held to (issue 7: 250 KB).
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { gzipSync } from 'node:zlib';

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
let raw = 0;
let gzipped = 0;
for (const file of process.argv.slice(2)) {
  const bytes = readFileSync(file);
  const packed = gzipSync(bytes, { level: 9 }).length;
  raw += bytes.length;
  gzipped += packed;
  console.log(`${basename(file).padEnd(22)} ${kb(bytes.length).padStart(10)} raw ${kb(packed).padStart(10)} gzip`);
}
console.log(`${'total'.padEnd(22)} ${kb(raw).padStart(10)} raw ${kb(gzipped).padStart(10)} gzip`);
