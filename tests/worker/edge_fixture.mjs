// edge_fixture.mjs — the worker tests' world on loopback: the OpenAI-compatible test server
// as the hosted endpoint, a static server for a remotely fetched index, and workerd running
// the edge worker in four configurations.
//
//   const edge = await startEdge();
//   await fetch(`${edge.url.bundled}/search?q=lamp`);  edge.server.fault({...});  await edge.stop();
//
//   bundled     bundled.js with the sample index (local embedder) and the hosted endpoint,
//               which also serves the product images (IMAGE_BASE), so reranks are multimodal
//   remote      remote.js, fetching an index built by the endpoint's model from the index server
//   flaky       remote.js whose index URL fails (404) once, then serves
//   keyless     bundled.js with no hosted endpoint configured
//   misconfigured  bundled.js with a malformed MAX_K setting
//   limited     bundled.js by text, rate-limited to a burst of 128 units, 60 a minute
//   authenticated  bundled.js by text with CALLER_SECRET set
//   confined    remote.js on an index whose image references try to leave IMAGE_BASE
//               (imageHost's /catalogue/images/): `..`, `//host`, absolute and encoded URLs
//               to otherHost; both hosts record what they were asked
//   imageless   the same index with IMAGE_BASE unset: nothing may be fetched
//   smallImages the confined worker with MAX_IMAGE_BYTES below the photo's size
// The sample index must exist (scripts/test-edge.sh builds it). Options: `allowedOrigins`
// adds origins to the CORS allow-list (the browser tests add the demo page's);
// `upstreamTimeoutMs` (default 1500, so timeout tests are quick) the workers' UPSTREAM_TIMEOUT_MS;
// `productImages: false` leaves IMAGE_BASE unset, so the bundled worker reranks by text;
// `rateLimits: true` keeps the default rate limits on the bundled worker (every other
// service but `limited` runs without them, RATE_LIMIT_PER_MINUTE = 0).
import { createServer } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { init } from '../../wasm/js/index.js';
import { embed, embedImage, startServer } from '../server/openai-compatible-server.mjs';
import { startRecordingServer } from '../server/recording-server.mjs';
import { startWorkerd } from './workerd.mjs';

export const API_KEY = 'sk-vitrine-edge-test-3f9a1c2e7b';
export const SHOP_ORIGIN = 'http://shop.test';
export const HOSTED_MODEL = 'test-embed';
export const SERVER_DIMS = 64;
export const HOSTED_INDEX_DIMS = 32; // fewer than the server's: queries are truncated (Matryoshka)
export const SAMPLE_INDEX = 'sample/catalogue.vtx';
export const CALLER_SECRET = 'caller-secret-for-tests-5d1e';
export const IMAGE_FOLDER = '/catalogue/images/';

const repo = fileURLToPath(new URL('../../', import.meta.url));

export function loadVitrine() {
  return init({ wasm: readFileSync(new URL('wasm/dist/vitrine_core.wasm', `file://${repo}`)) });
}

export function sampleCatalogue() {
  return readFileSync(`${repo}sample/catalogue.json`, 'utf8');
}

// The sample catalogue embedded by the test server's model, as `vitrine build --embed-url` would,
// and the first PHOTO_PRODUCTS products' prepared photos by its image model (HOSTED_IMAGE_MODEL),
// as `--image-embed-model` would.
export const HOSTED_IMAGE_MODEL = 'test-vl-embed';
export const PHOTO_PRODUCTS = 12;
export async function buildHostedIndex() {
  const vitrine = await loadVitrine();
  const catalogue = sampleCatalogue();
  const products = JSON.parse(catalogue);
  const vectorsJsonl = products
    .map((product) => JSON.stringify({ id: product.id, embedding: embed(`${product.title}\n${product.description}`, SERVER_DIMS) }))
    .join('\n');
  const imageVectors = products.slice(0, PHOTO_PRODUCTS).map((product) => {
    const prepared = vitrine.prepareImage(readFileSync(`${repo}sample/${product.image}`)).bytes;
    return JSON.stringify({ id: product.id, vector: embedImage(Buffer.from(prepared).toString('base64'), SERVER_DIMS) });
  }).join('\n');
  return vitrine.buildIndex(catalogue, { vectorsJsonl, model: HOSTED_MODEL, dims: HOSTED_INDEX_DIMS, storage: 'f32',
    imageVectors, imageModel: HOSTED_IMAGE_MODEL });
}

// Products whose image references try every way out of IMAGE_BASE, and one that stays in.
export function escapingCatalogue(otherHost) {
  const product = (id, title, image) => ({ id, title, description: `${title} for the reading corner`, image, category: 'lighting', price: 40 });
  return JSON.stringify([
    product('inside', 'Brass lamp inside', 'fur-0001.png'),
    product('dot-dot', 'Brass lamp dot dot', '../../../escape.png'),
    product('encoded-dot-dot', 'Brass lamp encoded', '%2e%2e/%2e%2e/escape.png'),
    product('encoded-slash', 'Brass lamp slash', 'sub%2f..%2f..%2fescape.png'),
    product('network-path', 'Brass lamp network path', `//${new URL(otherHost).host}/x.png`),
    product('absolute', 'Brass lamp absolute', `${otherHost}/abs.png`),
    product('user-info', 'Brass lamp user info', `http://user:pw@${new URL(otherHost).host}/u.png`),
  ]);
}

// Serves the hosted index at /hosted.vtx, and at /flaky.vtx after one 404, and the
// escaping catalogue's index at /confined.vtx; counts requests per path.
async function startIndexServer(bytes, confinedBytes) {
  const state = { requests: { '/hosted.vtx': 0, '/flaky.vtx': 0, '/confined.vtx': 0 } };
  const server = createServer((req, res) => {
    const count = ++state.requests[req.url];
    if (!count || (req.url === '/flaky.vtx' && count === 1)) {
      res.writeHead(404).end();
      return;
    }
    const body = req.url === '/confined.vtx' ? confinedBytes : bytes;
    res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': body.length }).end(body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.origin = `http://127.0.0.1:${server.address().port}`;
  state.close = () => new Promise((resolve) => server.close(resolve));
  return state;
}

export async function startEdge({ allowedOrigins = [], upstreamTimeoutMs = 1500, productImages = true, rateLimits = false } = {}) {
  if (!existsSync(`${repo}${SAMPLE_INDEX}`)) {
    throw new Error(`${SAMPLE_INDEX} is missing: run scripts/test-edge.sh (it builds the sample index)`);
  }
  const server = await startServer({ apiKey: API_KEY, dims: SERVER_DIMS, imagesDir: `${repo}sample/images` });
  const photo = readFileSync(`${repo}sample/images/fur-0001.png`);
  const imageHost = await startRecordingServer({ body: photo, contentType: 'image/png' });
  const otherHost = await startRecordingServer({ body: photo, contentType: 'image/png' });
  const vitrine = await loadVitrine();
  const indexServer = await startIndexServer(await buildHostedIndex(),
    vitrine.buildIndex(escapingCatalogue(otherHost.origin), { dims: 64 }));
  const endpoint = {
    API_BASE: server.url,
    API_KEY,
    RERANK_MODEL: 'test-rerank',
    ALLOWED_ORIGINS: [SHOP_ORIGIN, ...allowedOrigins].join(','),
    UPSTREAM_TIMEOUT_MS: String(upstreamTimeoutMs),
    RATE_LIMIT_PER_MINUTE: '0',
  };
  const closeServers = () => Promise.all([server.close(), indexServer.close(), imageHost.close(), otherHost.close()]);
  let workerd;
  try {
    workerd = await startWorkerd({
      services: {
        bundled: {
          entry: 'bundled.js', index: SAMPLE_INDEX,
          bindings: {
            ...endpoint,
            EMBED_MODEL: HOSTED_MODEL,
            ...(productImages ? { IMAGE_BASE: `${server.origin}/` } : {}),
            ...(rateLimits ? { RATE_LIMIT_PER_MINUTE: '' } : {}),
          },
        },
        remote: { entry: 'remote.js', bindings: { ...endpoint, INDEX_URL: `${indexServer.origin}/hosted.vtx` } },
        flaky: { entry: 'remote.js', bindings: { ...endpoint, INDEX_URL: `${indexServer.origin}/flaky.vtx` } },
        keyless: { entry: 'bundled.js', index: SAMPLE_INDEX, bindings: { ALLOWED_ORIGINS: SHOP_ORIGIN } },
        misconfigured: { entry: 'bundled.js', index: SAMPLE_INDEX, bindings: { ...endpoint, MAX_K: 'fifty' } },
        limited: {
          entry: 'bundled.js', index: SAMPLE_INDEX,
          bindings: { ...endpoint, EMBED_MODEL: HOSTED_MODEL, RATE_LIMIT_PER_MINUTE: '60', RATE_LIMIT_BURST: '128' },
        },
        authenticated: { entry: 'bundled.js', index: SAMPLE_INDEX, bindings: { ...endpoint, EMBED_MODEL: HOSTED_MODEL, CALLER_SECRET } },
        confined: {
          entry: 'remote.js',
          bindings: { ...endpoint, INDEX_URL: `${indexServer.origin}/confined.vtx`, IMAGE_BASE: imageHost.url(IMAGE_FOLDER) },
        },
        imageless: { entry: 'remote.js', bindings: { ...endpoint, INDEX_URL: `${indexServer.origin}/confined.vtx` } },
        smallImages: {
          entry: 'remote.js',
          bindings: {
            ...endpoint, INDEX_URL: `${indexServer.origin}/confined.vtx`, IMAGE_BASE: imageHost.url(IMAGE_FOLDER), MAX_IMAGE_BYTES: '1000',
          },
        },
      },
    });
  } catch (error) {
    await closeServers();
    throw error;
  }
  return {
    url: workerd.url,
    server,
    indexServer,
    imageHost,
    otherHost,
    workerdOutput: workerd.output,
    stop: () => Promise.all([workerd.stop(), closeServers()]),
  };
}
