// workerd.mjs — runs the edge worker (edge-worker) in workerd on loopback, for tests.
//
//   const workerd = await startWorkerd({
//     services: { bundled: { entry: 'bundled.js', index: 'sample/catalogue.vtx', bindings: { API_KEY: 'k', ... } },
//                 remote: { entry: 'remote.js', bindings: { INDEX_URL: 'http://127.0.0.1:9/x.vtx' } },
//                 front: { entry: 'front.js', bindings: { SHARD_0: { service: 'shard0' }, ... } } },
//   });
//   await fetch(`${workerd.url.bundled}/search?q=lamp`);
//   await workerd.stop();
//
// Writes a capnp configuration into a temporary folder (one worker and one loopback socket
// per service, each on a free port) and starts wasm/node_modules/.bin/workerd on it. The
// modules are the library's files (wasm/js, wasm/dist) and the app's (edge-worker) embedded under their
// repository paths, so relative imports resolve exactly as when wrangler bundles them; the list
// is read from the folders, so a new module needs no edit here. Outbound fetches may reach
// loopback addresses only. Resolves once every service answers HTTP (a probe of a path
// that loads nothing, so no index is loaded before the tests ask).
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../../', import.meta.url));
export const workerdBinary = join(repo, 'edge-worker/node_modules/.bin/workerd');
const COMPATIBILITY_DATE = '2025-06-01'; // as in edge-worker/wrangler.toml

const quote = (text) => JSON.stringify(String(text));

// capnp embeds only relative paths, resolved against the configuration's folder.
function packageModules(folder) {
  const file = (path) => quote(relative(folder, resolve(repo, path)));  // repository paths, or absolute ones
  const modules = [];
  for (const folder of ['wasm/js', 'edge-worker']) {
    for (const name of readdirSync(join(repo, folder)).filter((name) => name.endsWith('.js')).sort()) {
      modules.push(`(name = ${quote(`${folder}/${name}`)}, esModule = embed ${file(`${folder}/${name}`)})`);
    }
  }
  modules.push(`(name = "wasm/dist/vitrine_core.mjs", esModule = embed ${file('wasm/dist/vitrine_core.mjs')})`);
  modules.push(`(name = "wasm/dist/vitrine_core.wasm", wasm = embed ${file('wasm/dist/vitrine_core.wasm')})`);
  return { modules, file };
}

function workerConfig(folder, name, { entry, index, bindings = {} }) {
  const { modules, file } = packageModules(folder);
  // The entry first: workerd takes the first module as the main one.
  modules.sort((a, b) => b.includes(`"edge-worker/${entry}"`) - a.includes(`"edge-worker/${entry}"`));
  if (index) modules.push(`(name = "edge-worker/catalogue.vtx", data = embed ${file(index)})`);
  // A text, or { service: 'name' }: a service binding to another of the services.
  const bindingList = Object.entries(bindings).map(([key, value]) => (typeof value === 'object'
    ? `(name = ${quote(key)}, service = ${quote(value.service)})`
    : `(name = ${quote(key)}, text = ${quote(value)})`));
  return `const ${name}Worker :Workerd.Worker = (
  modules = [\n    ${modules.join(',\n    ')}\n  ],
  bindings = [${bindingList.join(', ')}],
  compatibilityDate = "${COMPATIBILITY_DATE}",
  globalOutbound = "loopback",
);`;
}

export async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export async function startWorkerd({ services }) {
  const folder = mkdtempSync(join(tmpdir(), 'vitrine-workerd-'));
  const names = Object.keys(services);
  const ports = Object.fromEntries(await Promise.all(names.map(async (name) => [name, await freePort()])));
  const config = `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [
    ${names.map((name) => `(name = "${name}", worker = .${name}Worker)`).join(',\n    ')},
    (name = "loopback", network = (allow = ["local"])),
  ],
  sockets = [
    ${names.map((name) => `(name = "${name}", address = "127.0.0.1:${ports[name]}", http = (), service = "${name}")`).join(',\n    ')},
  ],
);
${names.map((name) => workerConfig(folder, name, services[name])).join('\n')}
`;
  writeFileSync(join(folder, 'config.capnp'), config);

  const child = spawn(workerdBinary, ['serve', join(folder, 'config.capnp')], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise((resolve) => child.once('exit', resolve));

  const url = Object.fromEntries(names.map((name) => [name, `http://127.0.0.1:${ports[name]}`]));
  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
    rmSync(folder, { recursive: true, force: true });
  };
  try {
    await Promise.all(names.map((name) => waitUntilServing(url[name], exited, () => output)));
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, stop, output: () => output };
}

async function waitUntilServing(base, exited, output) {
  let exitCode;
  exited.then((code) => (exitCode = code ?? 'signal'));
  for (const deadline = Date.now() + 30_000; Date.now() < deadline;) {
    if (exitCode !== undefined) throw new Error(`workerd exited (${exitCode}) before serving:\n${output()}`);
    try {
      await fetch(`${base}/ready-probe`);
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(`workerd did not serve ${base} within 30 s:\n${output()}`);
}
