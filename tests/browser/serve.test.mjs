// serve.test.mjs — the demo's static server (web-demo/serve.mjs): what it maps where, the
// Content-Types browsers need, and the paths it refuses.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { resolvePath, startDemoServer } from '../../web-demo/serve.mjs';

const repo = fileURLToPath(new URL('../../', import.meta.url));
let demo;
before(async () => (demo = await startDemoServer({ port: 0, workerUrl: 'http://127.0.0.1:9' })));
after(() => demo?.close());

const get = (path, init) => fetch(new URL(path, demo.url), init);

test('maps the page, the package and the sample to their folders', () => {
  assert.equal(resolvePath('/'), `${repo}web-demo/index.html`);
  assert.equal(resolvePath('/vitrine/js/index.js'), `${repo}wasm/js/index.js`);
  assert.equal(resolvePath('/vitrine/dist/vitrine_core.wasm'), `${repo}wasm/dist/vitrine_core.wasm`);
  assert.equal(resolvePath('/sample/images/fur-0001.png'), `${repo}sample/images/fur-0001.png`);
});

test('refuses paths that climb out, hide behind encoding or name dot-files', () => {
  for (const path of ['/../package.json', '/%2e%2e/wasm/package.json', '/vitrine/js/%2e%2e/%2e%2e/package.json',
    '/sample/../.gitignore', '/.git/config', '/%00', '/%E0%A4%A']) {
    assert.equal(resolvePath(path), null, path);
  }
});

test('serves each file type with the Content-Type a browser needs', async () => {
  for (const [path, type] of [
    ['/', 'text/html; charset=utf-8'],
    ['/app.js', 'text/javascript; charset=utf-8'],
    ['/styles.css', 'text/css; charset=utf-8'],
    ['/vitrine/dist/vitrine_core.wasm', 'application/wasm'],
    ['/vitrine/dist/vitrine_core.mjs', 'text/javascript; charset=utf-8'],
    ['/sample/catalogue.vtx', 'application/octet-stream'],
    ['/sample/images/fur-0001.png', 'image/png'],
  ]) {
    const response = await get(path);
    assert.equal(response.status, 200, path);
    assert.equal(response.headers.get('content-type'), type, path);
    await response.arrayBuffer();
  }
});

test('serves config.json with the --worker URL', async () => {
  const config = await (await get('/config.json')).json();
  assert.equal(config.workerUrl, 'http://127.0.0.1:9');
  assert.equal(config.indexUrl, '/sample/catalogue.vtx');
});

test('answers 404 for what is missing or refused, and 405 for other methods', async () => {
  assert.equal((await get('/nope.js')).status, 404);
  assert.equal((await get('/%2e%2e/wasm/package.json')).status, 404);
  assert.equal((await get('/sample/images')).status, 404, 'a folder is not a file');
  assert.equal((await get('/', { method: 'POST' })).status, 405);
});
