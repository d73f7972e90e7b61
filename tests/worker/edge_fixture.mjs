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
// The sample index must exist (scripts/test-edge.sh builds it). Options: `allowedOrigins`
// adds origins to the CORS allow-list (the browser tests add the demo page's);
// `upstreamTimeoutMs` (default 1500, so timeout tests are quick) the workers' UPSTREAM_TIMEOUT_MS;
// `productImages: false` leaves IMAGE_BASE unset, so the bundled worker reranks by text.
import { createServer } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { init } from '../../wasm/js/index.js';
import { embed, startServer } from '../server/openai-compatible-server.mjs';
import { startWorkerd } from './workerd.mjs';

export const API_KEY = 'sk-vitrine-edge-test-3f9a1c2e7b';
export const SHOP_ORIGIN = 'http://shop.test';
export const HOSTED_MODEL = 'test-embed';
export const SERVER_DIMS = 64;
export const HOSTED_INDEX_DIMS = 32; // fewer than the server's: queries are truncated (Matryoshka)
export const SAMPLE_INDEX = 'sample/catalogue.vtx';

const repo = fileURLToPath(new URL('../../', import.meta.url));

export function loadVitrine() {
  return init({ wasm: readFileSync(new URL('wasm/dist/vitrine_core.wasm', `file://${repo}`)) });
}

export function sampleCatalogue() {
  return readFileSync(`${repo}sample/catalogue.json`, 'utf8');
}

// The sample catalogue embedded by the test server's model, as `vitrine build --embed-url` would.
export async function buildHostedIndex() {
  const vitrine = await loadVitrine();
  const catalogue = sampleCatalogue();
  const vectorsJsonl = JSON.parse(catalogue)
    .map((product) => JSON.stringify({ id: product.id, embedding: embed(`${product.title}\n${product.description}`, SERVER_DIMS) }))
    .join('\n');
  return vitrine.buildIndex(catalogue, { vectorsJsonl, model: HOSTED_MODEL, dims: HOSTED_INDEX_DIMS, storage: 'f32' });
}

// Serves the index at /hosted.vtx, and at /flaky.vtx after one 404; counts requests per path.
async function startIndexServer(bytes) {
  const state = { requests: { '/hosted.vtx': 0, '/flaky.vtx': 0 } };
  const server = createServer((req, res) => {
    const count = ++state.requests[req.url];
    if (!count || (req.url === '/flaky.vtx' && count === 1)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': bytes.length }).end(bytes);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.origin = `http://127.0.0.1:${server.address().port}`;
  state.close = () => new Promise((resolve) => server.close(resolve));
  return state;
}

export async function startEdge({ allowedOrigins = [], upstreamTimeoutMs = 1500, productImages = true } = {}) {
  if (!existsSync(`${repo}${SAMPLE_INDEX}`)) {
    throw new Error(`${SAMPLE_INDEX} is missing: run scripts/test-edge.sh (it builds the sample index)`);
  }
  const server = await startServer({ apiKey: API_KEY, dims: SERVER_DIMS, imagesDir: `${repo}sample/images` });
  const indexServer = await startIndexServer(await buildHostedIndex());
  const endpoint = {
    API_BASE: server.url,
    API_KEY,
    RERANK_MODEL: 'test-rerank',
    ALLOWED_ORIGINS: [SHOP_ORIGIN, ...allowedOrigins].join(','),
    UPSTREAM_TIMEOUT_MS: String(upstreamTimeoutMs),
  };
  let workerd;
  try {
    workerd = await startWorkerd({
      services: {
        bundled: {
          entry: 'bundled.js', index: SAMPLE_INDEX,
          bindings: { ...endpoint, EMBED_MODEL: HOSTED_MODEL, ...(productImages ? { IMAGE_BASE: `${server.origin}/` } : {}) },
        },
        remote: { entry: 'remote.js', bindings: { ...endpoint, INDEX_URL: `${indexServer.origin}/hosted.vtx` } },
        flaky: { entry: 'remote.js', bindings: { ...endpoint, INDEX_URL: `${indexServer.origin}/flaky.vtx` } },
        keyless: { entry: 'bundled.js', index: SAMPLE_INDEX, bindings: { ALLOWED_ORIGINS: SHOP_ORIGIN } },
        misconfigured: { entry: 'bundled.js', index: SAMPLE_INDEX, bindings: { ...endpoint, MAX_K: 'fifty' } },
      },
    });
  } catch (error) {
    await Promise.all([server.close(), indexServer.close()]);
    throw error;
  }
  return {
    url: workerd.url,
    server,
    indexServer,
    workerdOutput: workerd.output,
    stop: () => Promise.all([workerd.stop(), server.close(), indexServer.close()]),
  };
}
