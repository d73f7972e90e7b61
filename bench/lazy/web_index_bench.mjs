#!/usr/bin/env node
// web_index_bench.mjs — a lazily loaded web pack against downloading the whole int8 index,
// over a loopback link throttled to 10 Mbit/s with 50 ms latency a request (throttled_server.mjs).
//
//   node bench/lazy/web_index_bench.mjs [--count 100000] [--dims 1024] [--queries 200] [--cold-runs 5]
//        [--first-pass-dims 64] [--chunk-products 16] [--candidates 500] [--work /tmp/vitrine-web-bench] [--whole 1]
//        [--single-file 0] [--recall 1]
//
// Data (generated into --work, reused by later runs, never committed): `count` products x
// `dims`, clustered and real-shaped as in bench/recall_bench.cpp: 200 cluster centres of N(0, 1)
// values, each product a centre plus N(0, 0.6) noise, dimension d scaled by 1 / sqrt(1 + d / 64)
// (the leading dims carry the most signal, as in Matryoshka-trained models); queries are drawn
// the same way. The int8 index is built by the WASM package's buildIndex (bytes equal to
// `vitrine build`'s), the pack by `vitrine web-pack`; truth is `vitrine search` on the index.
// Prints: recall@10 and exact answers (same ids, order and scores) per candidate count, with
// the chunk bytes a cold query needs; then bytes and time to the first result, cold, for the
// whole index and for the pack (median of --cold-runs), and what a second query costs.
// Scores from the CLI (9 significant digits) are compared as the float32 they parse back to.
// The WASM module itself is not counted on either side. --whole 0 skips the whole index's download.
// --cold-runs 0 skips the link altogether (the recall table only). --single-file 1 measures the
// single-file pack (`web-pack --single-file`, fetched by Range requests) instead of chunk files;
// --recall 0 skips the recall table (the same for both layouts).
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { once } from 'node:events';

import { init } from '../../wasm/js/index.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const settings = { count: 100000, dims: 1024, queries: 200, 'cold-runs': 5, 'first-pass-dims': 64, 'chunk-products': 16,
  candidates: 500, whole: 1, 'single-file': 0, recall: 1, work: '/tmp/vitrine-web-bench', cli: process.env.VITRINE_CLI ?? 'build/bin/vitrine' };
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i += 2) {
  const name = argv[i].replace(/^--/, '');
  if (!(name in settings) || argv[i + 1] === undefined) throw new Error('usage: see the header of web_index_bench.mjs');
  settings[name] = typeof settings[name] === 'number' ? Number(argv[i + 1]) : argv[i + 1];
}
const { count, dims } = settings;
const work = resolve(settings.work);
const cli = (...args) => execFileSync(resolve(root, settings.cli), args, { cwd: work, encoding: 'utf8', maxBuffer: 1 << 30 });
const wasm = readFileSync(join(root, 'wasm/dist/vitrine_core.wasm'));
const mb = (bytes) => `${(bytes / 1e6).toFixed(2)} MB`;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

// Seeded uniform (mulberry32) and normal (Box-Muller) values.
function randoms(seed) {
  let state = seed >>> 0;
  const uniform = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) + 1) / 4294967297;
  };
  return { uniform, normal: () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform()) };
}

function clustered(n, { uniform, normal }, centres) {
  const out = new Float32Array(n * dims);
  const clusters = centres.length / dims;
  for (let i = 0; i < n; i++) {
    const c = Math.min(clusters - 1, Math.floor(uniform() * clusters));
    for (let d = 0; d < dims; d++) out[i * dims + d] = (centres[c * dims + d] + 0.6 * normal()) / Math.sqrt(1 + d / 64);
  }
  return out;
}

async function makeData() {
  mkdirSync(work, { recursive: true });
  const tag = `${count}x${dims}`;
  const indexFile = `index-${tag}.vtx`;
  if (!existsSync(join(work, indexFile))) {
    console.log(`generating ${tag} clustered vectors and building the int8 index (once, into ${work})...`);
    const random = randoms(7);
    const centres = Float32Array.from({ length: 200 * dims }, random.normal);
    const vectors = clustered(count, random, centres);
    const queries = clustered(settings.queries, random, centres);
    const catalogue = Array.from({ length: count }, (_, i) => ({
      id: `sku-${i}`, title: `Product ${i}`, category: ['lamps', 'rugs', 'mugs', 'chairs'][i % 4], price: 5 + (i % 500),
      image: `https://shop.example/p/${i}.jpg`,
    }));
    const vitrine = await init({ wasm });
    const bytes = vitrine.buildIndex(JSON.stringify(catalogue), { vectors, model: 'clustered-bench', storage: 'int8' });
    writeFileSync(join(work, indexFile), bytes);
    writeFileSync(join(work, `queries-${tag}.json`), JSON.stringify([...Array(settings.queries).keys()].map((q) =>
      [...queries.subarray(q * dims, (q + 1) * dims)])));
  }
  const single = settings['single-file'] ? ['--single-file'] : [];
  const packDir = `pack-${tag}-fp${settings['first-pass-dims']}-c${settings['chunk-products']}${single.length ? '-single' : ''}`;
  console.log(cli('web-pack', indexFile, '--out', packDir, '--first-pass-dims', String(settings['first-pass-dims']),
    '--chunk-products', String(settings['chunk-products']), ...single).trimEnd());
  const queries = JSON.parse(readFileSync(join(work, `queries-${tag}.json`), 'utf8')).map((q) => Float32Array.from(q));
  const truth = cli('search', indexFile, '--query-vectors', `queries-${tag}.json`, '--top-k', '10', '--json', '--threads', '2')
    .trimEnd().split('\n').map((line) => JSON.parse(line).results);
  return { indexFile, packDir, queries, truth };
}

// fetch for files on disk (the recall runs need no link).
const diskFetch = (dir) => async (url) => new Response(readFileSync(join(dir, new URL(url).pathname.split('/').pop())));

async function recallTable({ packDir, queries, truth }) {
  const vitrine = await init({ wasm });
  const fixed = (() => {
    const manifest = readFileSync(join(work, packDir, 'manifest.json'));
    return manifest.length + JSON.parse(manifest).first_pass.bytes;
  })();
  console.log(`\nrecall@10 against search on the whole index (${queries.length} queries), by candidates rescored:`);
  console.log('candidates  recall@10  exact answers  chunks a cold query fetches: bytes (mean / max), requests (mean)');
  for (const candidates of [50, 100, 200, 300, 500, 1000, 2000]) {
    let found = 0, exact = 0;
    const chunkBytes = [], chunkRequests = [];
    for (const [q, query] of queries.entries()) {
      const web = await vitrine.openWebIndex('http://disk/', { fetch: diskFetch(join(work, packDir)) });
      const { results } = await web.search(query, { topK: 10, candidates });
      chunkBytes.push(web.bytesFetched - fixed);
      chunkRequests.push(web.requests - 2);
      web.close();
      const want = truth[q];
      const ids = new Set(want.map((h) => h.id));
      found += results.filter((h) => ids.has(h.id)).length;
      exact += results.length === want.length && results.every((h, i) => h.id === want[i].id && h.score === Math.fround(want[i].score));
    }
    const mean = chunkBytes.reduce((a, b) => a + b, 0) / chunkBytes.length;
    console.log(`${String(candidates).padStart(10)}  ${(found / (queries.length * 10)).toFixed(4).padStart(9)}  ` +
      `${`${exact}/${queries.length}`.padStart(13)}  ${mb(mean)} / ${mb(Math.max(...chunkBytes))}, ` +
      `${(chunkRequests.reduce((a, b) => a + b, 0) / chunkRequests.length).toFixed(1)}`);
  }
}

async function startLink(dir) {
  const child = spawn(process.execPath, [join(root, 'bench/lazy/throttled_server.mjs'), dir, '--mbit', '10', '--latency-ms', '50'],
    { stdio: ['ignore', 'pipe', 'inherit'] });
  const [line] = await once(child.stdout, 'data');
  return { child, base: `http://127.0.0.1:${String(line).match(/port (\d+)/)[1]}` };
}

async function coldRuns({ indexFile, packDir, queries, truth }) {
  const { child, base } = await startLink(work);
  const vitrine = await init({ wasm });
  console.log('\ncold, over 10 Mbit/s with 50 ms latency a request (time to the first result, bytes downloaded):');
  try {
    let started = performance.now();
    let fullBytes = 0, fullMs = 0;
    if (settings.whole) {
      const response = await fetch(`${base}/${indexFile}`);
      const bytes = new Uint8Array(await response.arrayBuffer());
      const index = vitrine.openIndex(bytes);
      const full = index.search(queries[0], { topK: 10 }).results;
      fullMs = performance.now() - started;
      fullBytes = bytes.length;
      index.close();
      if (full[0].id !== truth[0][0].id) throw new Error('the whole index answered differently from vitrine search');
      console.log(`whole int8 index:  ${mb(fullBytes)}  ${(fullMs / 1000).toFixed(2)} s  (1 request)`);
    }

    const runs = [];
    for (let r = 0; r < Math.min(settings['cold-runs'], queries.length); r++) {
      started = performance.now();
      const web = await vitrine.openWebIndex(`${base}/${packDir}/`);
      const opened = performance.now() - started;
      const { results } = await web.search(queries[r], { topK: 10, candidates: settings.candidates });
      const ms = performance.now() - started;
      const same = results.every((h, i) => h.id === truth[r][i].id && h.score === Math.fround(truth[r][i].score));
      runs.push({ bytes: web.bytesFetched, ms, opened, requests: web.requests, same });
      started = performance.now();
      const second = await web.search(queries[(r + 1) % queries.length], { topK: 10, candidates: settings.candidates });
      runs.at(-1).second = { ms: performance.now() - started, bytes: web.bytesFetched - runs.at(-1).bytes, n: second.results.length };
      web.close();
    }
    const m = (pick) => median(runs.map(pick));
    console.log(`web pack${settings['single-file'] ? ' (single file, Range requests)' : ''}, ${settings.candidates} candidates (median of ${runs.length} cold runs):  ${mb(m((r) => r.bytes))}  ` +
      `${(m((r) => r.ms) / 1000).toFixed(2)} s  (${m((r) => r.requests)} requests; manifest + first pass in ` +
      `${(m((r) => r.opened) / 1000).toFixed(2)} s; answers equal to vitrine search: ${runs.filter((r) => r.same).length}/${runs.length})`);
    if (settings.whole) console.log(`  = ${((100 * m((r) => r.bytes)) / fullBytes).toFixed(1)} % of the whole index's bytes, ` +
      `${((100 * m((r) => r.ms)) / fullMs).toFixed(1)} % of its time`);
    console.log(`  a second query on the same web index: ${mb(m((r) => r.second.bytes))} more, ${(m((r) => r.second.ms) / 1000).toFixed(2)} s`);
  } finally {
    child.kill();
  }
}

const data = await makeData();
if (settings.recall) await recallTable(data);
if (settings['cold-runs'] > 0) await coldRuns(data);
