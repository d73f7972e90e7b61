#!/usr/bin/env node
// serve.mjs — a tiny static server for the storefront demo, on loopback. Node built-ins only.
//
//   node web-demo/serve.mjs [--port 8080] [--host 127.0.0.1] [--worker http://127.0.0.1:8787]
//
//   /             web-demo/          the page
//   /vitrine/     wasm/js/, wasm/dist/  the package, as the page's import map expects
//   /sample/      sample/            the sample catalogue index and product images
//   /config.json  web-demo/config.json, with workerUrl replaced by --worker when given
// Serves GET and HEAD only, with the right Content-Type (application/wasm included, so
// browsers can compile while downloading). Refuses paths outside these folders (404),
// dot-files and anything but files. Prints the page's URL once listening.
import { createReadStream, readFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const repo = fileURLToPath(new URL('../', import.meta.url));
const MOUNTS = [
  ['/vitrine/js/', join(repo, 'wasm/js')],
  ['/vitrine/dist/', join(repo, 'wasm/dist')],
  ['/sample/', join(repo, 'sample')],
  ['/', join(repo, 'web-demo')],
];
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.vtx': 'application/octet-stream',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
};

export function resolvePath(pathname) {
  let decoded;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const [prefix, root] = MOUNTS.find(([mount]) => decoded.startsWith(mount));
  const relative = normalize(decoded.slice(prefix.length) || 'index.html');
  if (relative.startsWith('..') || relative.split(sep).some((part) => part.startsWith('.'))) return null;
  return join(root, relative);
}

export function startDemoServer({ port = 8080, host = '127.0.0.1', workerUrl } = {}) {
  const config = JSON.parse(readFileSync(join(repo, 'web-demo/config.json'), 'utf8'));
  if (workerUrl !== undefined) config.workerUrl = workerUrl;
  const configBody = JSON.stringify(config);

  const server = createServer(async (req, res) => {
    const send = (status, body, type = 'text/plain; charset=utf-8') => {
      res.writeHead(status, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(body), 'Cache-Control': 'no-cache' });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'GET or HEAD only\n');
    const { pathname } = new URL(req.url, 'http://demo');
    if (pathname === '/config.json') return send(200, configBody, TYPES['.json']);
    const file = resolvePath(pathname);
    const info = file && (await stat(file).catch(() => null));
    if (!info?.isFile()) return send(404, `not found: ${pathname}\n`);
    res.writeHead(200, {
      'Content-Type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'Content-Length': info.size,
      'Cache-Control': 'no-cache',
      'X-Content-Type-Options': 'nosniff',
    });
    if (req.method === 'HEAD') return res.end();
    createReadStream(file).on('error', () => res.destroy()).pipe(res);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const url = `http://${host}:${server.address().port}/`;
      resolve({ url, close: () => new Promise((done) => server.close(done)) });
    });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: { port: { type: 'string', default: '8080' }, host: { type: 'string', default: '127.0.0.1' }, worker: { type: 'string' } },
  });
  const { url } = await startDemoServer({ port: Number(values.port), host: values.host, workerUrl: values.worker });
  console.log(`Vitrine storefront demo: ${url}${values.worker ? ` (rerank through ${values.worker})` : ' (offline: no worker)'}`);
}
