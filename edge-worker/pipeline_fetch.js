// pipeline_fetch.js — the only fetch the search pipeline (search_client.js) may use:
// the hosted endpoint without redirects, and product images from the configured places only.
//
//   vitrine.createClient({ ..., fetch: pipelineFetch(settings), maxImagePixels: settings.maxImagePixels });
//
// - Under API_BASE: sent as asked, with redirect: 'manual' (a redirect would carry the key
//   to the host it names; the package's transport then fails the call unretried).
// - A product image (GET): fetched only when its URL, as the pipeline resolved it (so any
//   `..` or `//host` in the index's reference is already applied), has the origin of a
//   configured prefix — IMAGE_BASE's folder or an IMAGE_ALLOW entry — and a path under
//   that prefix's, with no encoded separators (%2F, %5C) or backslashes a server might
//   decode into another path. IMAGE_BASE and IMAGE_ALLOW unset: no image is fetched.
//   Redirects are not followed (a 3xx fails), the download stops at MAX_IMAGE_BYTES, and
//   no credentials are sent. The client prepares the photo under the worker's
//   MAX_IMAGE_PIXELS (search_client.js: the core's decode budget follows it, 6 bytes of WASM
//   memory and one block visit a pixel, so an 8 MP budget bounds a decode to ~49 MiB).
// Whatever is refused is answered 403 (413 for an image over MAX_IMAGE_BYTES) with the
// reason as text, without a network request: the transport does not retry those statuses,
// and the product is reranked by its text alone, as for any image that cannot be had.
import { readBounded } from './bounded_read.js';

const refusal = (status, reason) => new Response(`refused by the worker: ${reason}`, { status });

export function imageUrlAllowed(url, prefixes) {
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.username || parsed.password || /%2f|%5c|\\/i.test(parsed.pathname)) return false;
  return prefixes.some(({ origin, path }) => parsed.origin === origin && parsed.pathname.startsWith(path));
}

export function pipelineFetch(settings) {
  const endpoint = `${settings.apiBase}/`;
  return async (url, init = {}) => {
    const anonymousGet = (init.method ?? 'GET') === 'GET' && !init.headers?.Authorization;
    if (!anonymousGet) {
      if (String(url).startsWith(endpoint)) return fetch(url, { ...init, redirect: 'manual' });
      return refusal(403, 'requests with the key go to API_BASE only');
    }
    if (settings.imagePrefixes.length === 0) return refusal(403, 'no IMAGE_BASE or IMAGE_ALLOW is set, so no image is fetched');
    if (!imageUrlAllowed(url, settings.imagePrefixes)) return refusal(403, 'the image URL is outside IMAGE_BASE and IMAGE_ALLOW');
    const response = await fetch(url, { method: 'GET', signal: init.signal, redirect: 'manual' });
    if (!response.ok) {
      await response.body?.cancel();
      return new Response(null, { status: response.status, headers: retryAfterOf(response) });
    }
    const bytes = await readBounded(response, settings.maxImageBytes);
    if (!bytes) return refusal(413, `the image is larger than MAX_IMAGE_BYTES (${settings.maxImageBytes} bytes)`);
    return new Response(bytes, { status: 200 });
  };
}

function retryAfterOf(response) {
  const value = response.headers.get('Retry-After');
  return value ? { 'Retry-After': value } : {};
}
