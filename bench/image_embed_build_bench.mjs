#!/usr/bin/env node
// image_embed_build_bench.mjs — build throughput of `vitrine build --image-embed-model` against
// the loopback OpenAI-compatible server: N sample products (default 600), their photos
// prepared once beforehand (a build without an image field that reuses them is the baseline), then built with a fresh
// image-embedding cache at 1 and 4 requests in flight, and once more from the cache.
// Usage: node bench/image_embed_build_bench.mjs [N]    (needs build/bin/vitrine)
import { spawnSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

import { startServer } from '../tests/server/openai-compatible-server.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const cli = resolve(root, process.env.VITRINE_CLI ?? 'build/bin/vitrine');
const count = Number(process.argv[2] ?? 600);
const work = mkdtempSync(join(tmpdir(), 'vitrine-image-embed-bench-'));
spawnSync(process.execPath, [join(root, 'scripts/make-sample-catalogue.mjs'), join(work, 'sample'), '--count', String(count)]);
const server = await startServer({ apiKey: 'k', dims: 2048 });
const env = { ...process.env, VITRINE_API_BASE: server.url, VITRINE_API_KEY: 'k' };

function build(args) {
  return new Promise((done) => {
    const started = performance.now();
    const child = spawn(cli, ['build', '--catalogue', 'catalogue.json', '--out', 'x.vtx', '--images-out', 'photos', ...args],
      { cwd: join(work, 'sample'), env });
    let stderr = '';
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('close', (code) => {
      if (code !== 0) throw new Error(stderr);
      done((performance.now() - started) / 1000);
    });
  });
}

await build([]);  // prepares the photos; the runs below reuse them
const photosOnly = await build([]);
console.log(`image_embed_build_bench: ${count} products, 2048-dim model cut to 1024, loopback server`);
console.log(`| run | seconds | products/s (image embeddings) |\n| --- | --- | --- |`);
console.log(`| photos reused, no image field | ${photosOnly.toFixed(2)} | |`);
for (const concurrency of [1, 4]) {
  const seconds = await build(['--image-embed-model', 'Qwen/Qwen3-VL-Embedding-2B', '--image-dims', '1024',
    '--image-embed-cache', `cache-${concurrency}`, '--image-embed-concurrency', String(concurrency)]);
  console.log(`| ${concurrency} in flight, fresh cache | ${seconds.toFixed(2)} | ${(count / Math.max(seconds - photosOnly, 1e-3)).toFixed(0)} |`);
}
const cached = await build(['--image-embed-model', 'Qwen/Qwen3-VL-Embedding-2B', '--image-dims', '1024', '--image-embed-cache', 'cache-4']);
console.log(`| from the cache | ${cached.toFixed(2)} | |`);
server.close();
rmSync(work, { recursive: true, force: true });
