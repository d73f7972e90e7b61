// workerd.test.mjs — the package runs in workerd, Cloudflare Workers' runtime: it is
// given the wasm as an imported WebAssembly.Module (workerd forbids compiling at run
// time) and must not fetch, eval or touch Node APIs. Runs workerd/test-worker.js with
// `workerd test`; workerd is a devDependency of the edge worker app (npm ci in edge-worker/).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';

const wasmPackage = fileURLToPath(new URL('../../wasm/', import.meta.url));
const workerd = fileURLToPath(new URL('../../edge-worker/node_modules/.bin/workerd', import.meta.url));

test('initialises from an imported WebAssembly.Module in workerd, searches and refuses', (t) => {
  assert.ok(existsSync(workerd), `${workerd} is missing: run npm ci in edge-worker/`);
  const work = mkdtempSync(join(tmpdir(), 'vitrine-workerd-'));
  t.after(() => rmSync(work, { recursive: true, force: true }));
  for (const folder of ['js', 'dist']) cpSync(join(wasmPackage, folder), join(work, folder), { recursive: true });
  cpSync(fileURLToPath(new URL('./workerd/', import.meta.url)), work, { recursive: true });

  const run = spawnSync(workerd, ['test', 'config.capnp'], { cwd: work, encoding: 'utf8', timeout: 60_000 });
  assert.equal(run.status, 0, `workerd test failed:\n${run.stdout}\n${run.stderr}`);
  assert.match(run.stdout + run.stderr, /PASS/);
});
