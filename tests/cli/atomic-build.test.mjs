// `vitrine build` killed at any moment leaves the previous index intact: the index is
// written to a temporary file, synced, then renamed over the old one. Each test kills
// a build of a ~100 MB index with SIGKILL — while it writes the temporary file, or at
// set times from its start — and checks that the output path then holds either the
// previous index, byte for byte and loadable, or (if the build had finished) the new one.
// Run: VITRINE_CLI=build/bin/vitrine node --test tests/cli
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const cli = resolve(root, process.env.VITRINE_CLI ?? 'build/bin/vitrine');
const work = mkdtempSync(join(tmpdir(), 'vitrine-atomic-'));
const out = join(work, 'shop.vtx');
const bigProducts = 12000;
const bigBuild = ['build', '--catalogue', join(work, 'big.json'), '--out', out, '--dims', '2048'];  // ~100 MB

let previous;  // { sha256, count } of the index in place before each killed build

function catalogue(count) {
  const words = 'brass lamp oak chair linen wool shoe trail red blue mug bowl vase rug sofa desk'.split(' ');
  const word = (i, k) => words[(i * 7 + k * 13) % words.length];
  return JSON.stringify(Array.from({ length: count }, (_, i) => ({
    id: `p${i}`, title: `${word(i, 1)} ${word(i, 2)} ${i}`, description: `${word(i, 3)} ${word(i, 4)} ${word(i, 5)}`,
    category: word(i, 6), price: i % 500,
  })));
}

const sha256 = (path) => createHash('sha256').update(readFileSync(path)).digest('hex');
const temporaryFiles = () => readdirSync(work).filter((name) => name.startsWith('shop.vtx.tmp-'));
const sleepSync = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

function info(path) {
  const run = spawnSync(cli, ['info', path], { encoding: 'utf8' });
  assert.equal(run.status, 0, `vitrine info ${path}: ${run.stderr}`);
  return JSON.parse(run.stdout);
}

// Starts the big build and kills it once `ready()` holds and `delayMs` more have passed
// (the waits block, so the kill is not late). Resolves to whether the kill landed
// while the temporary file existed, i.e. mid-write.
async function buildAndKill(ready, delayMs) {
  const child = spawn(cli, bigBuild, { stdio: 'ignore' });
  const exited = new Promise((done) => child.on('exit', (code, signal) => done({ code, signal })));
  const started = Date.now();
  while (!ready()) {
    if (Date.now() - started > 20000) throw new Error('the build never reached the point to kill it at');
    sleepSync(1);
  }
  sleepSync(delayMs);
  const midWrite = temporaryFiles().length > 0;
  child.kill('SIGKILL');
  const { code, signal } = await exited;
  assert.ok(signal === 'SIGKILL' || code === 0, `build ended with code ${code}, signal ${signal}`);
  return midWrite && signal === 'SIGKILL';
}

// The output path holds the previous index, byte for byte and loadable, or the new one
// (which then is the previous index of the next build).
function assertIndexIntact() {
  const now = info(out);
  assert.equal(now.checksums_ok, true);
  const digest = sha256(out);
  if (digest === previous.sha256) {
    assert.equal(now.count, previous.count);
  } else {
    assert.equal(now.count, bigProducts, 'the output is neither the previous index nor the new one');
    previous = { sha256: digest, count: now.count };
  }
  for (const name of temporaryFiles()) rmSync(join(work, name));  // what a killed build leaves behind
}

before(() => {
  writeFileSync(join(work, 'small.json'), catalogue(40));
  writeFileSync(join(work, 'big.json'), catalogue(bigProducts));
  const run = spawnSync(cli, ['build', '--catalogue', join(work, 'small.json'), '--out', out], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  previous = { sha256: sha256(out), count: info(out).count };
  assert.equal(previous.count, 40);
});

test('a build killed while writing its temporary file leaves the previous index intact', async () => {
  let killedMidWrite = 0;
  for (const delayMs of [0, 1, 5, 20, 60, 150]) {
    if (await buildAndKill(() => temporaryFiles().length > 0, delayMs)) killedMidWrite += 1;
    assertIndexIntact();
  }
  assert.ok(killedMidWrite >= 1, 'no kill landed while the temporary file was being written');
});

test('a build killed at any time from its start leaves the previous index intact', async () => {
  for (const delayMs of [10, 50, 100, 200, 400]) {
    await buildAndKill(() => true, delayMs);
    assertIndexIntact();
  }
});
