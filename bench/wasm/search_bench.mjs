#!/usr/bin/env node
// search_bench.mjs — exact top-10 search throughput: WASM package vs native CLI vs a plain
// JS loop, on the same random index, in one run.
//
//   node bench/wasm/search_bench.mjs [N=100000] [D=1024] [queries=20]
//
// Needs the WASM package (scripts/test-wasm.sh or `cmake --build build-wasm`) and the
// native CLI ($VITRINE_CLI, else build/bin/vitrine). N random vectors of D dims are
// built into an f32 and an int8 index by the WASM package; the same index files are
// searched by the three engines:
//   wasm    index.search, one query at a time: query copy-in and result objects included;
//   native  `vitrine search FILE --query-vectors` on a batch of Q queries and on a batch of
//           one; (t_Q - t_1) / (Q - 1) leaves out process start, open and checksums
//           (fastest of 3 runs each);
//   js      a plain loop over the (normalised) rows in a Float32Array, keeping the top 10
//           (f32 only; few queries, it is slow).
// Reports median queries/s, vectors/s and GB/s of vector bytes scanned, and checks
// that all engines agree on each query's best hit.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

import { cliPath, parseJsonLines } from '../../tests/parity/native_cli.mjs';
import { loadVitrine, randomFloats, randomVector } from '../../tests/wasm/support.mjs';

const [count = 100_000, dims = 1024, queryCount = 20] = process.argv.slice(2).map(Number);
const topK = 10;
const jsQueryCount = 3;
const work = mkdtempSync(join(tmpdir(), 'vitrine-bench-'));

const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];
const seconds = (start) => (performance.now() - start) / 1000;

function randomIndexInput() {
  const next = randomFloats(2024);
  const catalogue = Array.from({ length: count }, (_, i) => ({ id: `p${i}`, title: `product ${i}` }));
  return { catalogueJson: JSON.stringify(catalogue), vectors: randomVector(next, count * dims) };
}

// A builder instance of its own, dropped afterwards: its heap held every copy of the vectors.
async function buildIndexFile(input, storage) {
  const builder = await loadVitrine();
  const bytes = builder.buildIndex(input.catalogueJson, { vectors: input.vectors, model: 'bench', storage });
  const file = join(work, `bench-${storage}.vtx`);
  writeFileSync(file, bytes);
  return file;
}

async function timeWasm(file, queries) {
  const vitrine = await loadVitrine();
  const index = vitrine.openIndex(readFileSync(file));
  index.search(queries[0], { topK }); // warm-up
  const times = [];
  const best = queries.map((query) => {
    const start = performance.now();
    const hits = index.search(query, { topK });
    times.push(seconds(start));
    return hits[0].position;
  });
  index.close();
  return { perQuery: median(times), best, kernel: vitrine.searchKernel };
}

function timeNative(file, queries) {
  const run = (batch) => {
    const path = join(work, `queries-${batch.length}.json`);
    writeFileSync(path, JSON.stringify(batch.map((q) => [...q])));
    let fastest = Infinity;
    let stdout = '';
    for (let attempt = 0; attempt < 3; attempt++) {
      const start = performance.now();
      stdout = execFileSync(cliPath, ['search', file, '--query-vectors', path, '--top-k', String(topK)],
        { encoding: 'utf8', maxBuffer: 1 << 26 });
      fastest = Math.min(fastest, seconds(start));
    }
    return { time: fastest, results: parseJsonLines(stdout) };
  };
  const one = run(queries.slice(0, 1));
  const all = run(queries);
  return { perQuery: (all.time - one.time) / (queries.length - 1), best: all.results.map((hits) => hits[0].position) };
}

function normalisedRows(vectors) {
  const rows = new Float32Array(vectors);
  for (let r = 0; r < count; r++) {
    const row = rows.subarray(r * dims, (r + 1) * dims);
    const norm = Math.hypot(...row);
    for (let d = 0; d < dims; d++) row[d] /= norm;
  }
  return rows;
}

// What a page would write without Vitrine: dot products, and a small sorted top-k list.
function jsSearch(rows, query) {
  const top = [];
  for (let r = 0, at = 0; r < count; r++, at += dims) {
    let score = 0;
    for (let d = 0; d < dims; d++) score += rows[at + d] * query[d];
    if (top.length < topK || score > top[top.length - 1].score) {
      top.push({ position: r, score });
      top.sort((a, b) => b.score - a.score);
      if (top.length > topK) top.pop();
    }
  }
  return top;
}

function timeJs(rows, queries) {
  const times = [];
  const best = queries.map((query) => {
    const start = performance.now();
    const top = jsSearch(rows, query);
    times.push(seconds(start));
    return top[0].position;
  });
  return { perQuery: median(times), best };
}

function row(engine, storage, perQuery, bytesPerValue) {
  const qps = 1 / perQuery;
  return { engine, storage, 'queries/s': qps.toFixed(1), 'vectors/s': `${((qps * count) / 1e6).toFixed(1)} M`,
    'GB/s': ((qps * count * dims * bytesPerValue) / 1e9).toFixed(2) };
}

function assertSameBest(name, a, b) {
  b.forEach((position, q) => {
    if (position !== a[q]) throw new Error(`${name}: query ${q} best hit ${position}, WASM found ${a[q]}`);
  });
}

try {
  console.log(`search bench: N = ${count}, D = ${dims}, top-${topK}, ${queryCount} queries (JS loop ${jsQueryCount})`);
  const input = randomIndexInput();
  const queries = Array.from({ length: queryCount }, (_, q) => randomVector(randomFloats(q + 1), dims));
  const table = [];
  for (const storage of ['f32', 'int8']) {
    const file = await buildIndexFile(input, storage);
    const wasm = await timeWasm(file, queries);
    const native = timeNative(file, queries);
    assertSameBest(`native ${storage}`, wasm.best, native.best);
    table.push(row(`wasm (${wasm.kernel} -> SIMD128)`, storage, wasm.perQuery, storage === 'f32' ? 4 : 1));
    table.push(row('native CLI', storage, native.perQuery, storage === 'f32' ? 4 : 1));
    if (storage === 'f32') {
      const js = timeJs(normalisedRows(input.vectors), queries.slice(0, jsQueryCount));
      assertSameBest('js loop', wasm.best, js.best);
      table.push(row('plain JS loop', storage, js.perQuery, 4));
    }
    rmSync(file);
  }
  console.table(table);
  console.log(`node ${process.version}, ${process.arch}; every engine found the same best hit for every query`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
