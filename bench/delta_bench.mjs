#!/usr/bin/env node
// delta_bench.mjs — what a delta update saves: N products (default 100,000, generated here,
// never committed) built into an int8 x 256 index, then CHANGED_PERCENT (default 1) of the
// prices change and the catalogue is built again. Prints both index sizes, the full index
// gzipped (what re-downloading it costs over a compressing CDN), the delta's size, and the
// time `vitrine delta` and `vitrine apply-delta` take; checks the applied index is NEW's bytes.
//
//   node bench/delta_bench.mjs [N] [CHANGED_PERCENT] [LEVEL]      (needs build/bin/vitrine)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const cli = resolve(root, process.env.VITRINE_CLI ?? 'build/bin/vitrine');
const count = Number(process.argv[2] ?? 100_000);
const changedPercent = Number(process.argv[3] ?? 1);
const every = Math.round(100 / changedPercent);
const level = process.argv[4] ?? '19';  // vitrine delta --level (19: the default)

// A deterministic catalogue: titles and descriptions drawn from small vocabularies (mulberry32).
let state = 20240607;
function random() {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = (words) => words[Math.floor(random() * words.length)];
const colours = ['emerald', 'brass', 'oak', 'walnut', 'ivory', 'charcoal', 'terracotta', 'sage', 'navy', 'copper'];
const materials = ['velvet', 'linen', 'stoneware', 'glass', 'steel', 'wool', 'leather', 'ceramic', 'bamboo', 'marble'];
const kinds = ['sofa', 'lamp', 'mug', 'rug', 'chair', 'table', 'vase', 'kettle', 'shelf', 'throw', 'bowl', 'mirror'];
const categories = ['furniture', 'lighting', 'kitchen', 'textiles', 'decor'];
const products = Array.from({ length: count }, (_, i) => {
  const colour = pick(colours), material = pick(materials), kind = pick(kinds);
  return {
    id: `sku-${String(i).padStart(6, '0')}`,
    title: `${colour[0].toUpperCase()}${colour.slice(1)} ${material} ${kind} no. ${i % 997}`,
    description: `A ${colour} ${kind} in ${material}, ${10 + Math.floor(random() * 190)} cm, from the ${pick(colours)} range.`,
    image: `https://shop.example/images/sku-${i}.jpg`,
    category: pick(categories),
    price: Math.round(500 + random() * 99_500) / 100,
    metadata: { colour, material },
  };
});

const work = mkdtempSync(join(tmpdir(), 'vitrine-delta-bench-'));
const vitrine = (...args) => execFileSync(cli, args, { cwd: work, encoding: 'utf8', maxBuffer: 1 << 26 });
function timed(run) {
  const start = process.hrtime.bigint();
  const result = run();
  return [result, Number(process.hrtime.bigint() - start) / 1e9];
}
try {
  writeFileSync(join(work, 'old.json'), JSON.stringify(products));
  for (let i = 0; i < count; i += every) products[i].price = Math.round(products[i].price * 90) / 100;
  writeFileSync(join(work, 'new.json'), JSON.stringify(products));
  for (const name of ['old', 'new'])
    vitrine('build', '--catalogue', `${name}.json`, '--out', `${name}.vtx`, '--storage', 'int8', '--dims', '256');

  const [made, deltaSeconds] = timed(() => JSON.parse(vitrine('delta', 'old.vtx', 'new.vtx', '--out', 'prices.delta', '--level', level)));
  const [, applySeconds] = timed(() => vitrine('apply-delta', 'old.vtx', 'prices.delta', '--out', 'applied.vtx'));
  const newBytes = readFileSync(join(work, 'new.vtx'));
  if (!newBytes.equals(readFileSync(join(work, 'applied.vtx')))) throw new Error('the applied index is not NEW');
  const gzipped = gzipSync(newBytes, { level: 9 }).length;
  console.log(`${count} products, int8 x 256; ${Math.ceil(count / every)} prices changed (${changedPercent} %)`);
  console.log(`full index ${made.new_bytes} bytes (gzip -9: ${gzipped}); delta ${made.delta_bytes} bytes ` +
              `(${(100 * made.delta_bytes / made.new_bytes).toFixed(3)} % of the index, ` +
              `${(100 * made.delta_bytes / gzipped).toFixed(3)} % of it gzipped)`);
  console.log(`vitrine delta --level ${level} ${deltaSeconds.toFixed(2)} s, vitrine apply-delta ${applySeconds.toFixed(2)} s (one run each)`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
