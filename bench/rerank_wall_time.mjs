#!/usr/bin/env node
// rerank_wall_time.mjs — wall time of one `vitrine search --rerank` whose candidates need
// several /v1/rerank batches, against the loopback server answering each rerank request
// after an artificial delay. Batches sent one after another take batches x delay; sent
// concurrently, about one delay.
//
//   node bench/rerank_wall_time.mjs [--cli build/bin/vitrine] [--batches 3] [--delay-ms 500] [--runs 3]
//
// The sample catalogue (scripts/make-sample-catalogue.mjs, every product with a photo)
// is built with the local embedder; --max-images 2 puts two products in a request, so
// --retrieve-k is 2 x batches. Prints the batches the server saw and each run's wall time.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { startServer } from '../tests/server/openai-compatible-server.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const settings = { cli: 'build/bin/vitrine', batches: 3, 'delay-ms': 500, runs: 3 };
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i += 2) {
  const name = argv[i].replace(/^--/, '');
  if (!(name in settings) || argv[i + 1] === undefined) throw new Error(`usage: see the header of ${argv[1]}`);
  settings[name] = name === 'cli' ? argv[i + 1] : Number(argv[i + 1]);
}
const cli = resolve(root, settings.cli);

// The CLI runs as a child, so the server in this process keeps answering.
function run(args, env) {
  return new Promise((done, failed) => {
    const started = process.hrtime.bigint();
    const child = spawn(cli, args, { env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('close', (code) => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      if (code !== 0) return failed(new Error(`vitrine exited ${code}: ${stderr}`));
      const { reranked, rerank_error: reason } = JSON.parse(stdout);
      return reranked ? done(ms) : failed(new Error(`not reranked: ${reason}`));
    });
  });
}

const work = mkdtempSync(join(tmpdir(), 'vitrine-rerank-bench-'));
const key = 'sk-bench-0123456789abcdef';
const server = await startServer({ apiKey: key, imagesDir: join(work, 'images') });
try {
  const made = spawnSync(process.execPath, [join(root, 'scripts/make-sample-catalogue.mjs'), work, '--count', '24'],
    { encoding: 'utf8' });
  if (made.status !== 0) throw new Error(made.stderr);
  const index = join(work, 'catalogue.vtx');
  const built = spawnSync(cli, ['build', '--catalogue', join(work, 'catalogue.json'), '--out', index], { encoding: 'utf8' });
  if (built.status !== 0) throw new Error(built.stderr);
  const args = ['search', index, 'lamp', '--rerank', '--json', '--max-images', '2', '--retries', '0',
    '--retrieve-k', String(2 * settings.batches), '--top-k', '3'];
  const env = { VITRINE_API_BASE: server.url, VITRINE_API_KEY: key, NO_PROXY: '127.0.0.1' };
  for (let i = 0; i < settings.runs; i++) {
    server.reset();
    server.fault({ endpoint: 'rerank', kind: 'slow', ms: settings['delay-ms'] });
    const ms = await run(args, env);
    const batches = server.requests.filter((r) => r.endpoint === 'rerank').length;
    console.log(`run ${i + 1}: ${batches} rerank requests, ${settings['delay-ms']} ms delay each: ${ms.toFixed(0)} ms wall`);
  }
} finally {
  await server.close();
  rmSync(work, { recursive: true, force: true });
}
