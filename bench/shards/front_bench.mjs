#!/usr/bin/env node
// front_bench.mjs — a catalogue served whole by one worker against the same catalogue in N
// shards behind a front worker (edge-worker/front.js), in workerd on loopback.
//
//   node bench/shards/front_bench.mjs [--count 40000] [--shards 4] [--requests 400] [--concurrency 8]
//        [--work /tmp/vitrine-shard-bench]
//
// The catalogue is the sample generator's products (scripts/sample/, --count of them, text
// only: no images; generated into --work once, never committed), built int8 x 256 by `vitrine
// build --shards N` (VITRINE_CLI or build/bin/vitrine). Storefront pages ranked by vectors
// (keyword_weight=0, what a front answers), with facets and a sort on every other request.
// Prints, per side: requests/s, p50/p99 latency, and the WASM memory of one isolate's index
// (the file size: a shard holds 1/N of it). Answers are checked equal on every request.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { makeCategoryProducts } from '../../scripts/sample/product_text.mjs';
import { Rng } from '../../scripts/sample/random.mjs';
import { CATEGORIES } from '../../scripts/sample/vocabulary.mjs';
import { startWorkerd } from '../../tests/worker/workerd.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const settings = { count: 40000, shards: 4, requests: 400, concurrency: 8, work: '/tmp/vitrine-shard-bench' };
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i += 2) {
  const name = argv[i].replace(/^--/, '');
  if (!(name in settings) || argv[i + 1] === undefined) throw new Error('usage: see the header of front_bench.mjs');
  settings[name] = typeof settings[name] === 'number' ? Number(argv[i + 1]) : argv[i + 1];
}
const { count, shards, work } = settings;
const cli = resolve(root, process.env.VITRINE_CLI ?? 'build/bin/vitrine');
const QUERIES = ['green velvet sofa', 'brass floor lamp', 'cast iron pan', 'wool rug', 'linen shirt', 'oak table',
  'ceramic vase', 'leather boots', 'copper kettle', 'desk lamp', 'cotton throw', 'walnut shelf'];

const folder = join(work, `catalogue-${count}`);
const whole = join(folder, 'catalogue.vtx');
const shardFile = (i) => join(folder, `catalogue.shard-${i}-of-${shards}.vtx`);
if (!existsSync(join(folder, 'catalogue.json'))) {
  mkdirSync(folder, { recursive: true });
  // In batches of 200 a category (the generator runs out of unique titles past ~2,400), ids
  // made unique by the batch number.
  const products = [];
  for (let batch = 0; products.length < count; batch++) {
    const rng = new Rng(7 + batch);
    const titles = new Set();
    for (const product of CATEGORIES.flatMap((category) => makeCategoryProducts(rng, category, 200, titles))) {
      products.push({ ...product, id: `${product.id}-${batch}` });
    }
  }
  products.length = count;
  writeFileSync(join(folder, 'catalogue.json'), JSON.stringify(products));
}
if (!existsSync(shardFile(shards - 1))) {
  execFileSync(cli, ['build', '--catalogue', join(folder, 'catalogue.json'), '--out', whole, '--storage', 'int8',
    '--shards', String(shards)], { stdio: 'ignore' });
}

const quiet = { RATE_LIMIT_PER_MINUTE: '0', MAX_K: '100' };
const names = Array.from({ length: shards }, (_, i) => `shard${i}`);
const workerd = await startWorkerd({
  services: {
    whole: { entry: 'bundled.js', index: whole, bindings: quiet },
    ...Object.fromEntries(names.map((name, i) => [name, { entry: 'bundled.js', index: shardFile(i), bindings: quiet }])),
    front: { entry: 'front.js', bindings: { ...quiet, ...Object.fromEntries(names.map((service, i) => [`SHARD_${i}`, { service }])) } },
  },
});

const path = (i) => {
  const q = encodeURIComponent(QUERIES[i % QUERIES.length]);
  return `/search?q=${q}&k=24${i % 2 ? '&facet=category&facet=brand&facet=price&sort=-price' : '&offset=24'}`;
};
const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

async function run(service, suffix) {
  const latencies = [];
  let next = 0;
  const answers = new Map();
  const started = performance.now();
  await Promise.all(Array.from({ length: settings.concurrency }, async () => {
    while (next < settings.requests) {
      const i = next++;
      const t = performance.now();
      const response = await fetch(`${workerd.url[service]}${path(i)}${suffix}`);
      const body = await response.json();
      latencies.push(performance.now() - t);
      if (response.status !== 200) throw new Error(`${service}: HTTP ${response.status} ${JSON.stringify(body)}`);
      answers.set(i, JSON.stringify({ results: body.results, total: body.total, facets: body.facets, facetStats: body.facetStats }));
    }
  }));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { answers, rate: settings.requests / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

try {
  await run('whole', '&keyword_weight=0'); // warm: every isolate loads its index
  await run('front', '');
  const one = await run('whole', '&keyword_weight=0');
  const split = await run('front', '');
  for (const [i, answer] of one.answers) if (split.answers.get(i) !== answer) throw new Error(`request ${i}: the front answered differently`);
  const mb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;
  console.log(`${count} products, int8 x 256; ${settings.requests} storefront pages (k 24), ${settings.concurrency} in flight; ` +
    'answers identical on every request');
  console.log(`whole index, one worker:       ${one.rate.toFixed(0)} req/s  p50 ${one.p50.toFixed(2)} ms  p99 ${one.p99.toFixed(2)} ms  ` +
    `index ${mb(statSync(whole).size)} in one isolate`);
  console.log(`${shards} shards behind a front:     ${split.rate.toFixed(0)} req/s  p50 ${split.p50.toFixed(2)} ms  p99 ${split.p99.toFixed(2)} ms  ` +
    `index ${mb(statSync(shardFile(0)).size)} (shard 0) in each shard isolate`);
} finally {
  await workerd.stop();
}
