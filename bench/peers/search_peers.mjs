#!/usr/bin/env node
// search_peers.mjs — exact top-10 vector search, one thread, Vitrine (WASM and native CLI)
// beside npm peer libraries, on the same random unit vectors, in one run.
//
//   node search_peers.mjs [N=100000] [D=1024] [queries=20]
//
// Environment (all optional): PEERS_N, PEERS_D, PEERS_QUERIES as the arguments;
//   PEERS_SLOW_QUERIES (3)      queries for the slow engines (plain JS loop, Orama)
//   PEERS_HNSW_M (16), PEERS_HNSW_EFC (40), PEERS_HNSW_EF ("64,256,1024"): HNSW settings
//                               (efConstruction 200 took 452 s to build 100k x 1024 in
//                               hnswlib-node on this 2-core machine; 40 keeps it near 3 min)
//   PEERS_WASM_HNSW_N (20000)   vectors in hnswlib-wasm's HNSW index (no SIMD: its build
//                               takes 2.5x hnswlib-node's, far over 5 min at 100k x 1024)
//   PEERS_ORAMA_N (N)           vectors inserted into Orama
//   PEERS_ENGINES               comma-separated subset of the engine names below
//
// Every engine runs in a child process of its own (node search_peers.mjs --child ENGINE ...),
// one after another, so one engine's memory or a crash does not touch the others. Each
// child makes the same data from the same seeds (mulberry32, as tests/wasm/support.mjs),
// times one query at a time (median), and prints its results as JSON; this process
// computes recall@10 against Vitrine f32 (exact), checks that every engine that claims
// to be exact finds the same best hit for every query, and prints one table of ratios.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

import { randomFloats } from '../../tests/wasm/support.mjs';
import { runChild } from './run_child.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const topK = 10;

const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];
const seconds = (start) => (performance.now() - start) / 1000;
const log = (...args) => console.error('[search]', ...args);
const envNumber = (name, fallback) => (process.env[name] ? Number(process.env[name]) : fallback);

function settings(args) {
  const [n, d, q] = args.map(Number);
  return {
    count: n || envNumber('PEERS_N', 100_000),
    dims: d || envNumber('PEERS_D', 1024),
    queryCount: q || envNumber('PEERS_QUERIES', 20),
    slowQueries: envNumber('PEERS_SLOW_QUERIES', 3),
    hnswM: envNumber('PEERS_HNSW_M', 16),
    hnswEfc: envNumber('PEERS_HNSW_EFC', 40),
    hnswEf: (process.env.PEERS_HNSW_EF ?? '64,256,1024').split(',').map(Number),
  };
}

// ---------------------------------------------------------------------------------------
// Data: N random vectors and Q random queries, each row L2-normalised (stored as float32).

function normaliseRows(values, dims) {
  for (let at = 0; at < values.length; at += dims) {
    let sum = 0;
    for (let d = 0; d < dims; d++) sum += values[at + d] * values[at + d];
    const norm = Math.sqrt(sum);
    for (let d = 0; d < dims; d++) values[at + d] /= norm;
  }
  return values;
}

function makeData({ count, dims, queryCount }) {
  const next = randomFloats(2024);
  const vectors = new Float32Array(count * dims);
  for (let i = 0; i < vectors.length; i++) vectors[i] = next();
  normaliseRows(vectors, dims);
  const queries = Array.from({ length: queryCount }, (_, q) => {
    const nextQ = randomFloats(q + 1);
    return normaliseRows(Float32Array.from({ length: dims }, nextQ), dims);
  });
  return { vectors, queries };
}

// A fresh, unshared copy of row r (usearch ignores a view's byteOffset: no subarrays).
const rowCopy = (vectors, dims, r) => vectors.slice(r * dims, (r + 1) * dims);

// What a page would write without a library: dot products and a small sorted top-k list.
function jsSearch(vectors, count, dims, query, k = topK) {
  const top = [];
  for (let r = 0, at = 0; r < count; r++, at += dims) {
    let score = 0;
    for (let d = 0; d < dims; d++) score += vectors[at + d] * query[d];
    if (top.length < k || score > top[top.length - 1].score) {
      top.push({ position: r, score });
      top.sort((a, b) => b.score - a.score);
      if (top.length > k) top.pop();
    }
  }
  return top.map((hit) => hit.position);
}

// Times search(query) -> positions for each query, one at a time, after one warm-up query.
function timeQueries(queries, search) {
  search(queries[0]);
  const times = [];
  const results = queries.map((query) => {
    const start = performance.now();
    const positions = search(query);
    times.push(seconds(start));
    return positions;
  });
  return { times, results };
}

function packageVersion(name) {
  return JSON.parse(readFileSync(join(here, 'node_modules', name, 'package.json'), 'utf8')).version;
}

// ---------------------------------------------------------------------------------------
// Engines. Each returns { rows: [{ name, exact, times, results, build?, note?, recall? }], versions }.

async function vitrineEngine(cfg, data, storage, rescore) {
  const { init } = await import('../../wasm/js/index.js');
  const wasm = readFileSync(join(root, 'wasm/dist/vitrine_core.wasm'));
  const label = `${storage}${rescore ? ' + rescore' : ''}`;
  const catalogueJson = JSON.stringify(Array.from({ length: cfg.count }, (_, i) => ({ id: `p${i}`, title: `product ${i}` })));
  // A builder instance of its own, dropped afterwards: its heap held every copy of the vectors.
  let start = performance.now();
  let bytes = (await init({ wasm })).buildIndex(catalogueJson, { vectors: data.vectors, model: 'bench', storage, rescore });
  const build = seconds(start);
  const work = mkdtempSync(join(tmpdir(), 'vitrine-peers-'));
  const file = join(work, `bench-${storage}${rescore ? '-rescore' : ''}.vtx`);
  writeFileSync(file, bytes);
  bytes = null;
  const rows = [];
  try {
    const vitrine = await init({ wasm });
    const index = vitrine.openIndex(readFileSync(file));
    const wasmRun = timeQueries(data.queries, (query) => index.search(query, { topK }).results.map((hit) => hit.position));
    index.close();
    rows.push({ name: `Vitrine WASM ${label} (${vitrine.searchKernel} → SIMD128)`, exact: storage === 'f32', storage: label,
      ...wasmRun, build, note: `buildIndex ${build.toFixed(1)} s` });
    const native = nativeCli(cfg, data.queries, file, work);
    if (native) rows.push({ name: `Vitrine native CLI ${label}`, exact: storage === 'f32', storage: label, ...native });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return { rows, versions: { vitrine: JSON.parse(readFileSync(join(root, 'wasm/package.json'), 'utf8')).version } };
}

// `vitrine search FILE --query-vectors` on a batch of Q queries and on a batch of one;
// (t_Q - t_1) / (Q - 1) leaves out process start, open and checksums (fastest of 3 each).
// A mean per query, not a median.
function nativeCli(cfg, queries, file, work) {
  const cli = resolve(root, process.env.VITRINE_CLI ?? join(process.env.VITRINE_NATIVE_BUILD ?? 'build', 'bin/vitrine'));
  if (!existsSync(cli)) { log(`no native CLI at ${cli}: native rows left out`); return null; }
  const run = (batch) => {
    const path = join(work, `queries-${batch.length}.json`);
    writeFileSync(path, JSON.stringify(batch.map((q) => [...q])));
    let fastest = Infinity;
    let stdout = '';
    for (let attempt = 0; attempt < 3; attempt++) {
      const start = performance.now();
      stdout = execFileSync(cli, ['search', file, '--query-vectors', path, '--top-k', String(topK), '--json'],
        { encoding: 'utf8', maxBuffer: 1 << 28 });
      fastest = Math.min(fastest, seconds(start));
    }
    return { time: fastest, results: stdout.trimEnd().split('\n').map((line) => JSON.parse(line).results.map((hit) => hit.position)) };
  };
  const one = run(queries.slice(0, 1));
  const all = run(queries);
  const perQuery = (all.time - one.time) / (queries.length - 1);
  return { times: [perQuery], results: all.results, note: 'batch of Q minus batch of 1 (mean, not median)' };
}

async function jsLoopEngine(cfg, data) {
  const queries = data.queries.slice(0, cfg.slowQueries);
  const run = timeQueries(queries, (query) => jsSearch(data.vectors, cfg.count, cfg.dims, query));
  return { rows: [{ name: 'plain JS loop over Float32Array', exact: true, ...run }], versions: {} };
}

async function usearchEngine(cfg, data) {
  const { exactSearch } = await import('usearch');
  const dataset = data.vectors; // its own buffer, byteOffset 0
  const queries = data.queries.map((q) => q.slice());
  const run = timeQueries(queries, (query) => Array.from(exactSearch(dataset, query, cfg.dims, topK, 'ip', 1).keys, Number));
  return { rows: [{ name: 'usearch exactSearch (ip, threads = 1)', exact: true, ...run }], versions: { usearch: packageVersion('usearch') } };
}

// hnswlib's 'ip' distance is 1 - dot; both packages return the k nearest, best first.
const byDistance = ({ distances, neighbors }) =>
  neighbors.map((n, i) => [distances[i], n]).sort((a, b) => a[0] - b[0]).map(([, n]) => n);

async function hnswlibNodeEngine(cfg, data, kind) {
  const { default: hnswlib } = await import('hnswlib-node');
  const toArray = (r) => Array.from(rowCopy(data.vectors, cfg.dims, r)); // plain arrays only
  const queries = data.queries.map((q) => Array.from(q));
  const rows = [];
  const start = performance.now();
  if (kind === 'bf') {
    const index = new hnswlib.BruteforceSearch('ip', cfg.dims);
    index.initIndex(cfg.count);
    for (let r = 0; r < cfg.count; r++) index.addPoint(toArray(r), r);
    const build = seconds(start);
    const run = timeQueries(queries, (q) => index.searchKnn(q, topK));
    rows.push({ name: 'hnswlib-node BruteforceSearch', exact: true, times: run.times, results: run.results.map(byDistance),
      build, note: `add ${build.toFixed(1)} s` });
  } else {
    const index = new hnswlib.HierarchicalNSW('ip', cfg.dims);
    index.initIndex(cfg.count, cfg.hnswM, cfg.hnswEfc, 100);
    for (let r = 0; r < cfg.count; r++) {
      index.addPoint(toArray(r), r);
      if (r % 20000 === 19999) log(`hnswlib-node HNSW: ${r + 1} added, ${seconds(start).toFixed(0)} s`);
    }
    const build = seconds(start);
    for (const ef of cfg.hnswEf) {
      index.setEf(ef);
      const run = timeQueries(queries, (q) => index.searchKnn(q, topK));
      rows.push({ name: `hnswlib-node HNSW (M ${cfg.hnswM}, efC ${cfg.hnswEfc}, ef ${ef})`, exact: false, times: run.times,
        results: run.results.map(byDistance), build, note: `build ${build.toFixed(1)} s` });
    }
  }
  return { rows, versions: { 'hnswlib-node': packageVersion('hnswlib-node') } };
}

// hnswlib-wasm is built for browsers only (ENVIRONMENT_IS_WEB): give it a `window`, and call
// the Emscripten factory directly: its loadHnswlib() mounts IDBFS, which needs IndexedDB.
async function loadHnswlibWasm() {
  globalThis.window ??= globalThis;
  const { default: factory } = await import('hnswlib-wasm/dist/hnswlib-317962d7.js');
  return factory();
}

async function hnswlibWasmEngine(cfg, data, kind) {
  const lib = await loadHnswlibWasm();
  const queries = data.queries.map((q) => q.slice());
  const rows = [];
  const version = { 'hnswlib-wasm': packageVersion('hnswlib-wasm') };
  if (kind === 'bf') {
    const start = performance.now();
    const index = new lib.BruteforceSearch('ip', cfg.dims);
    index.initIndex(cfg.count);
    for (let r = 0; r < cfg.count; r++) index.addPoint(data.vectors.subarray(r * cfg.dims, (r + 1) * cfg.dims), r);
    const build = seconds(start);
    const run = timeQueries(queries, (q) => index.searchKnn(q, topK, undefined));
    rows.push({ name: 'hnswlib-wasm BruteforceSearch', exact: true, times: run.times, results: run.results.map(byDistance),
      build, note: `add ${build.toFixed(1)} s; wasm memory ${(lib.HEAP8.buffer.byteLength / 2 ** 20).toFixed(0)} MiB` });
    return { rows, versions: version };
  }
  const n = Math.min(cfg.count, envNumber('PEERS_WASM_HNSW_N', 20_000));
  const start = performance.now();
  const index = new lib.HierarchicalNSW('ip', cfg.dims, '');
  index.initIndex(n, cfg.hnswM, cfg.hnswEfc, 100);
  for (let r = 0; r < n; r++) {
    index.addPoint(data.vectors.subarray(r * cfg.dims, (r + 1) * cfg.dims), r, false);
    if (r % 10000 === 9999) log(`hnswlib-wasm HNSW: ${r + 1} of ${n} added, ${seconds(start).toFixed(0)} s`);
  }
  const build = seconds(start);
  // On a smaller N the ground truth is the exact top-10 of those n vectors (plain JS loop).
  const truth = n < cfg.count ? queries.map((q) => jsSearch(data.vectors, n, cfg.dims, q)) : null;
  for (const ef of cfg.hnswEf) {
    index.setEfSearch(ef);
    const run = timeQueries(queries, (q) => index.searchKnn(q, topK, undefined));
    const results = run.results.map(byDistance);
    const row = { name: `hnswlib-wasm HNSW (M ${cfg.hnswM}, efC ${cfg.hnswEfc}, ef ${ef})`, exact: false, times: run.times,
      results, build, note: `build ${build.toFixed(1)} s` };
    if (truth) {
      row.name += ` [N = ${n}]`;
      row.count = n;
      row.recall = recallAt(results, truth);
      row.why = `its build (no SIMD) takes about 2.5× hnswlib-node's, over 5 min at N = 100,000; PEERS_WASM_HNSW_N sets n`;
    }
    rows.push(row);
  }
  return { rows, versions: version };
}

async function oramaEngine(cfg, data) {
  const { create, insertMultiple, search } = await import('@orama/orama');
  const n = Math.min(cfg.count, envNumber('PEERS_ORAMA_N', cfg.count));
  const db = create({ schema: { position: 'number', embedding: `vector[${cfg.dims}]` } });
  const start = performance.now();
  const batch = 1000;
  for (let from = 0; from < n; from += batch) { // plain arrays only
    const docs = [];
    for (let r = from; r < Math.min(n, from + batch); r++) docs.push({ position: r, embedding: Array.from(rowCopy(data.vectors, cfg.dims, r)) });
    await insertMultiple(db, docs, batch);
    if (from % 20000 === 19000) log(`orama: ${from + batch} inserted, ${seconds(start).toFixed(0)} s, heap ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MiB`);
  }
  const build = seconds(start);
  const queries = data.queries.slice(0, cfg.slowQueries).map((q) => Array.from(q));
  const searchOne = async (q) => {
    const found = await search(db, { mode: 'vector', vector: { value: q, property: 'embedding' }, similarity: -1, limit: topK, includeVectors: false });
    return found.hits.map((hit) => hit.document.position);
  };
  await searchOne(queries[0]);
  const times = [];
  const results = [];
  for (const q of queries) {
    const t = performance.now();
    results.push(await searchOne(q));
    times.push(seconds(t));
  }
  const row = { name: 'Orama vector search (similarity -1)', exact: n === cfg.count, times, results, build,
    note: `insert ${build.toFixed(1)} s, heap ${(process.memoryUsage().heapUsed / 2 ** 30).toFixed(1)} GiB` };
  if (n < cfg.count) {
    row.name += ` [N = ${n}]`;
    row.count = n;
    row.recall = recallAt(results, queries.map((q) => jsSearch(data.vectors, n, cfg.dims, q)));
    row.why = 'PEERS_ORAMA_N sets n';
  }
  return { rows: [row], versions: { '@orama/orama': packageVersion('@orama/orama') } };
}

const engines = {
  'vitrine-f32': (cfg, data) => vitrineEngine(cfg, data, 'f32', false),
  'vitrine-int8': (cfg, data) => vitrineEngine(cfg, data, 'int8', false),
  'vitrine-int8-rescore': (cfg, data) => vitrineEngine(cfg, data, 'int8', true),
  'js-loop': jsLoopEngine,
  'usearch-exact': usearchEngine,
  'hnswlib-node-bf': (cfg, data) => hnswlibNodeEngine(cfg, data, 'bf'),
  'hnswlib-node-hnsw': (cfg, data) => hnswlibNodeEngine(cfg, data, 'hnsw'),
  'hnswlib-wasm-bf': (cfg, data) => hnswlibWasmEngine(cfg, data, 'bf'),
  'hnswlib-wasm-hnsw': (cfg, data) => hnswlibWasmEngine(cfg, data, 'hnsw'),
  orama: oramaEngine,
};

function recallAt(results, truth) {
  let found = 0;
  results.forEach((positions, q) => {
    const want = new Set(truth[q]);
    found += positions.filter((p) => want.has(p)).length;
  });
  return found / (results.length * topK);
}

// ---------------------------------------------------------------------------------------
// Parent: runs each engine in its own child, then prints one table.

const runEngine = (engine, cfg) => runChild(['--max-old-space-size=8192', fileURLToPath(import.meta.url), '--child', engine,
  String(cfg.count), String(cfg.dims), String(cfg.queryCount)], '[search]');

const fmt = (value, digits = 1) => (value == null || !Number.isFinite(value) ? '–' : value.toFixed(digits));
const ratio = (a, b) => (a && b ? `${(a / b).toFixed(a / b >= 10 ? 0 : a / b >= 1 ? 1 : 2)}×` : '–');

async function main() {
  const cfg = settings(process.argv.slice(2));
  const wanted = process.env.PEERS_ENGINES ? process.env.PEERS_ENGINES.split(',') : Object.keys(engines);
  if (!wanted.includes('vitrine-f32')) wanted.unshift('vitrine-f32'); // the ground truth
  console.log(`## Search: exact top-${topK}, N = ${cfg.count}, D = ${cfg.dims}, one thread, one query at a time`);
  console.log(`random unit vectors (mulberry32 seed 2024), ${cfg.queryCount} queries (${cfg.slowQueries} for the plain JS loop and Orama)`);
  console.log();
  const rows = [];
  const versions = {};
  const failures = [];
  for (const engine of wanted) {
    log(`running ${engine} ...`);
    const out = await runEngine(engine, cfg);
    if (out.error) {
      log(`${engine} FAILED (${out.wall.toFixed(0)} s): ${out.error}`);
      failures.push(`${engine}: ${out.error}`);
      rows.push({ name: engine, failed: out.error });
      continue;
    }
    log(`${engine} done in ${out.wall.toFixed(0)} s`);
    Object.assign(versions, out.versions);
    rows.push(...out.rows);
  }
  const truthRow = rows.find((row) => row.name.startsWith('Vitrine WASM f32'));
  if (!truthRow) throw new Error('Vitrine WASM f32 (the ground truth) failed; no table');
  const truth = truthRow.results;
  const mismatches = [];
  for (const row of rows) {
    if (row.failed) continue;
    row.qps = 1 / median(row.times);
    row.recall ??= recallAt(row.results, truth);
    if (row.exact && !row.count) {
      row.results.forEach((positions, q) => {
        if (positions[0] !== truth[q][0]) mismatches.push(`${row.name}: query ${q} best hit ${positions[0]}, Vitrine f32 found ${truth[q][0]}`);
      });
    }
  }
  const usearch = rows.find((row) => row.name.startsWith('usearch') && !row.failed)?.qps;
  const js = rows.find((row) => row.name.startsWith('plain JS loop') && !row.failed)?.qps;
  console.log('| engine | q/s (median) | recall@10 | × usearch exact | × JS loop | queries timed | notes |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | --- |');
  for (const row of rows) {
    if (row.failed) {
      console.log(`| ${row.name} | failed | – | – | – | – | ${row.failed.replaceAll('|', '/')} |`);
      continue;
    }
    const mark = row.count ? ' †' : '';
    console.log(`| ${row.name} | ${fmt(row.qps, row.qps < 10 ? 2 : 1)} | ${fmt(row.recall, 3)} | ${ratio(row.qps, usearch)}${mark} | ${ratio(row.qps, js)}${mark} | ${row.results.length} | ${row.note ?? ''} |`);
  }
  console.log();
  console.log(`versions: node ${process.version}, vitrine ${versions.vitrine ?? '?'} (wasm/dist + build/bin), ` +
    Object.entries(versions).filter(([name]) => name !== 'vitrine').map(([name, v]) => `${name} ${v}`).join(', '));
  console.log('recall@10 is against Vitrine WASM f32 (exact).');
  const smaller = [...new Map(rows.filter((row) => row.count).map((row) => [row.name.replace(/ \(.*| \[.*/, ''), row])).values()];
  for (const row of smaller) {
    console.log(`† ${row.name.replace(/ \(.*| \[.*/, '')} ran on the first ${row.count} vectors only (${row.why}): its recall is against the exact top-10 of those, and its ratios compare a smaller index.`);
  }
  console.log('Random uniform unit vectors in 1024 dims are a hard case for HNSW graphs (no clusters): its recall here is a floor, not what embeddings get.');
  if (mismatches.length) {
    console.log(`\nFAIL: ${mismatches.length} best hit(s) differ from Vitrine f32:`);
    for (const m of mismatches.slice(0, 20)) console.log(`  ${m}`);
  } else {
    console.log('every engine that claims exact search found the same best hit as Vitrine f32 for every query.');
  }
  if (failures.length) console.log(`\nengines that failed: ${failures.join('; ')}`);
  process.exitCode = mismatches.length || failures.length ? 1 : 0;
}

async function child(engine, args) {
  const cfg = settings(args);
  const start = performance.now();
  const data = makeData(cfg);
  log(`${engine}: data ready in ${seconds(start).toFixed(1)} s`);
  const out = await engines[engine](cfg, data);
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

if (process.argv[2] === '--child') {
  const engine = process.argv[3];
  if (!engines[engine]) throw new Error(`unknown engine ${engine}; one of ${Object.keys(engines).join(', ')}`);
  await child(engine, process.argv.slice(4));
} else {
  await main();
}
