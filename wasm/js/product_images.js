// product_images.js — product photos for the endpoint: a photo reference resolved,
// fetched, prepared once in WASM (upright, longest edge ≤ 1024 px, JPEG) — or, for a
// photo prepared at build time (`vitrine build --images-out`), only checked — and kept
// in a small per-client cache, so rerank batches and answers reuse it (the core makes
// the data URI as it builds the request). The native ProductImages does the same from
// disk or libcurl; the pipeline (js/hosted_pipeline.js) asks for the photos and says
// which reference to use and whether it is a prepared one (the core's photo_to_send).
//
//   const images = productImages({ kindOf, getBytes, prepare, checkPrepared, imageBase, cacheSize: 32 });
//   const { jpeg, problem } = await images.get(wanted.reference, signal, { prepared: wanted.prepared });
//
// Reference kinds are the core's (vitrine/image/reference.hpp): an http(s) URL is
// fetched as it is; a path resolves against imageBase (the index file's URL is the
// natural base, as the index's directory is natively). Images are fetched without the
// API key. A reference that cannot be used — another URI scheme, a path with no
// imageBase, a failed fetch, bytes the core refuses — is not an error: the product
// goes as text alone and `problem` says why. No reference: no image, no problem.
// A caller's abort still rejects (with the signal's reason).
// The cache holds outcomes by URL, least recently used dropped first. A failure is
// kept too, as natively: it came after the transport's retries, so trying again at
// every search would only add a request each time. A fetch runs to its end for
// whoever else awaits it, whatever one caller's signal does.
import { abortable } from './abort.js';
import { displayUrl } from './transport.js';

export function productImages({ kindOf, getBytes, prepare, checkPrepared, imageBase, cacheSize }) {
  const cache = new Map(); // url -> Promise<prepared JPEG bytes>, in order of last use

  function load(url, prepared) {
    const key = `${prepared ? 'prepared' : 'original'} ${url}`;
    const cached = cache.get(key);
    if (cached) {
      cache.delete(key);
      cache.set(key, cached);
      return cached;
    }
    const pending = getBytes(url).then(prepared ? (bytes) => (checkPrepared(bytes), bytes) : prepare);
    pending.catch(() => {}); // awaited by get(); not an unhandled rejection while cached
    cache.set(key, pending);
    for (const oldest of cache.keys()) {
      if (cache.size <= cacheSize) break;
      cache.delete(oldest);
    }
    return pending;
  }

  return {
    async get(reference, signal, { prepared = false } = {}) {
      const kind = kindOf(reference);
      if (kind === 'none') return {};
      const quoted = `image '${kind === 'url' ? displayUrl(reference) : reference}'`;
      if (kind === 'unsupported') return { problem: `${quoted} is neither a file path nor an http(s) URL` };
      if (kind === 'path' && imageBase === undefined)
        return { problem: `${quoted} is a path and no imageBase is set to resolve it against` };
      try {
        const url = kind === 'url' ? reference : new URL(reference, imageBase).href;
        return { jpeg: await abortable(load(url, prepared), signal) };
      } catch (error) {
        if (signal?.aborted) throw signal.reason;
        return { problem: `${quoted} cannot be used: ${error.message}` };
      }
    },
  };
}
