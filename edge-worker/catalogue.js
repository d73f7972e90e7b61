// catalogue.js — the WASM engine and the catalogue index, loaded once per isolate.
//
//   const load = catalogueLoader({ wasm, index });        // at module scope
//   const { vitrine, index } = await load(settings);     // in a request
//
// `wasm` is the imported WebAssembly.Module (workers may not compile code at run time).
// `index` is the bundled index bytes, or null to fetch settings.indexUrl. With
// settings.deltaUrl, a delta update (`vitrine delta`) is fetched too and applied over those
// bytes, and the result is the index served: a price change ships as a small file, not a new
// index or a redeploy. A delta made for another base, or damaged, fails the load (500
// delta_invalid, the core's message): serving the stale base instead would hide it. Either
// way the bytes are copied into WebAssembly memory once and kept for the isolate's life; a
// fetched copy is dropped afterwards, so only the WASM copy stays. Concurrent first
// requests share one load; a failed load is not remembered, so the next request retries.
import { init, VitrineError } from '../wasm/js/index.js';
import { HttpError } from './http_error.js';
import { oncePerIsolate } from './isolate_once.js';

export function catalogueLoader({ wasm, index }) {
  return oncePerIsolate((settings) => load(wasm, index, settings));
}

async function load(wasm, bundled, settings) {
  const vitrine = await init({ wasm });
  let bytes = bundled ?? (await fetchIndex(settings.indexUrl));
  if (settings.deltaUrl) bytes = applyDelta(vitrine, bytes, await fetchBytes(settings.deltaUrl, 'delta update', 'delta_unavailable'));
  try {
    return { vitrine, index: vitrine.openIndex(bytes) };
  } catch (error) {
    if (error instanceof VitrineError) throw new HttpError(500, 'index_invalid', error.message);
    throw error;
  }
}

function applyDelta(vitrine, base, delta) {
  try {
    return vitrine.applyDelta(base, delta);
  } catch (error) {
    if (error instanceof VitrineError) throw new HttpError(500, 'delta_invalid', error.message);
    throw error;
  }
}

function fetchIndex(url) {
  if (!url) throw new HttpError(500, 'worker_misconfigured', 'no bundled index and no INDEX_URL setting');
  return fetchBytes(url, 'catalogue index', 'index_unavailable');
}

async function fetchBytes(url, what, code) {
  let response;
  try {
    response = await fetch(url);
  } catch {
    throw new HttpError(503, code, `the ${what} could not be fetched`);
  }
  if (!response.ok) {
    throw new HttpError(503, code, `fetching the ${what} failed with HTTP ${response.status}`);
  }
  try {
    return new Uint8Array(await response.arrayBuffer());
  } catch {
    throw new HttpError(503, code, `the ${what} download broke off`);
  }
}
