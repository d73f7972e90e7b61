// transport.js — calls to an OpenAI-compatible endpoint over fetch: bearer auth, a
// timeout per attempt, bounded retries with backoff, cancellation, and errors a user
// can act on. Used by js/hosted_client.js; the mirror of the native EndpointClient.
//
//   const transport = createTransport({ baseUrl: 'https://host/v1', apiKey, timeoutMs, maxPhotoFileBytes,
//                                       policy, afterFailedAttempt });
//   const text = await transport.postJson('rerank', body, { signal });       // POST https://host/v1/rerank
//   const bytes = await transport.getBytes('https://cdn.example/1.jpg');     // no credentials sent
//
// baseUrl includes the API version ("…/v1"), as in the OpenAI SDKs; paths are
// appended after one "/". A relative baseUrl resolves against the page (a storefront
// calling its own edge worker, which holds the key). fetch is injectable (tests,
// workers); the global one is the default. Whether to retry and how long to wait is
// the core's decision (afterFailedAttempt: vitrine/hosted/failed_attempt.hpp — network errors and
// timeouts, 408, 429, 5xx but 501/505; Retry-After in seconds or as an HTTP date),
// so fetch backs off exactly as libcurl does; the timeout and getBytes' size limit are
// the core's too (core.hostedDefaults(), passed in by hosted_client.js). The timeout
// covers the whole exchange, body included; a body cut short is a network error, retried.
// Failures throw EndpointError naming the method, the URL (no user info or query),
// the status (0: no response), the attempts and a body snippet. The API key is sent
// to baseUrl only: a request carrying it never follows a redirect (fetch's
// redirect: 'manual'), and a 3xx answer — or a browser's opaque redirect — fails at
// once, unretried, naming the status. The key is replaced by "[redacted]" wherever a
// server echoes it (in messages, retry notes, and bodies returned, so parse errors
// quoting them are clean). A JSON body that is not valid UTF-8 is returned as its bytes
// (Uint8Array, the key's bytes redacted) rather than decoded with U+FFFD replacements,
// so the core refuses it (bad_response) exactly as it does natively.
// A caller's AbortSignal stops a call at once, in flight or between attempts, and the
// call rejects with the signal's reason.
// Refuses (TypeError): a baseUrl that does not resolve to http(s). getBytes refuses
// (EndpointError) URLs that are not http(s).
import { sleep } from './abort.js';
import { EndpointError } from './errors.js';

const MIN_BODY_REDACTION = 8; // shorter keys would corrupt ordinary JSON when replaced
const MAX_JSON_BYTES = 64 * 1024 * 1024; // the core refuses larger bodies anyway
const REDACTION = '[redacted]';

const isHttp = (url) => /^https?:\/\//i.test(url);

// scheme://host[:port]/path: user info, query and fragment dropped.
export function displayUrl(url) {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}${u.pathname}`;
  } catch {
    return String(url).split(/[?#]/)[0];
  }
}

// The body, refused past maxBytes without reading it all (a hostile or broken server).
async function readBody(response, maxBytes) {
  const tooLarge = () => new Error(`the response is larger than ${maxBytes} bytes`);
  if (Number(response.headers.get('content-length')) > maxBytes) throw tooLarge();
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const chunks = [];
  let size = 0;
  const reader = response.body.getReader();
  for (let part = await reader.read(); !part.done; part = await reader.read()) {
    size += part.value.length;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(part.value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes;
}

// fetch's redirect: 'manual' gives a 3xx (Node, workerd) or, in browsers, an opaque
// redirect with status 0.
function isRedirect(response) {
  return response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400);
}

function redirectRefused(where, status, url, attempts) {
  const what = status ? `HTTP ${status}, a redirect` : 'a redirect';
  return new EndpointError(`${where} failed: ${what}, which is not followed (a request carrying the API key goes to its own URL only)`,
    { status, timedOut: false, attempts, url: displayUrl(url), body: '' });
}

// bytes with every occurrence of key's UTF-8 bytes replaced by REDACTION's.
function redactBytes(bytes, key) {
  const needle = new TextEncoder().encode(key);
  const replacement = new TextEncoder().encode(REDACTION);
  const parts = [];
  let from = 0;
  for (let at = 0; at + needle.length <= bytes.length;) {
    if (needle.every((byte, i) => bytes[at + i] === byte)) {
      parts.push(bytes.subarray(from, at), replacement);
      at += needle.length;
      from = at;
    } else {
      at++;
    }
  }
  if (from === 0) return bytes;
  parts.push(bytes.subarray(from));
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

// What went wrong when no response came, in words (fetch errors hide the cause in .cause).
function networkCause(error) {
  const cause = error?.cause?.message ?? error?.cause?.code;
  return `${error?.message ?? String(error)}${cause ? ` (${cause})` : ''}`;
}

// A timeout of ours, told apart from the network errors fetch throws.
class Timeout extends Error {}

// policy: {maxRetries, baseDelay, maxDelay, maxRetryAfter}, seconds. afterFailedAttempt(policy,
// {where, retriesDone, status, body, networkError, retryAfter, now, jitter}) ->
// {delay, message, bodySnippet}: the core's step, in seconds (delay null: give up, message
// the failure; else message is the retry note). onRetry hears one line per retry.
export function createTransport({
  baseUrl, apiKey = '', fetch: fetchOption, timeoutMs, maxPhotoFileBytes, policy, afterFailedAttempt, onRetry,
}) {
  const base = new URL(baseUrl, globalThis.location?.href).href;
  if (!isHttp(base)) throw new TypeError(`the endpoint base URL must be an http(s) URL, got '${displayUrl(baseUrl)}'`);
  // Called as a plain function: browsers refuse a fetch called as another object's method.
  const fetchImpl = fetchOption ?? ((...args) => globalThis.fetch(...args));
  const decoder = new TextDecoder(); // for snippets of error bodies
  const strictDecoder = new TextDecoder('utf-8', { fatal: true });

  const redact = (text) => (apiKey ? text.replaceAll(apiKey, REDACTION) : text);

  async function attempt(request, signal) {
    const controller = new AbortController();
    const timedOut = new Timeout(`timed out after ${timeoutMs} ms`);
    const timer = setTimeout(() => controller.abort(timedOut), timeoutMs);
    const cancel = () => controller.abort(signal.reason);
    signal?.addEventListener('abort', cancel, { once: true });
    try {
      const response = await fetchImpl(request.url, {
        method: request.method,
        headers: request.headers,
        // A fresh copy each attempt: some runtimes detach an ArrayBuffer body they sent.
        body: ArrayBuffer.isView(request.body) ? request.body.slice() : request.body,
        signal: controller.signal,
        ...(request.headers.Authorization ? { redirect: 'manual' } : {}),
      });
      if (isRedirect(response)) {
        await response.body?.cancel();
        return { status: response.status, redirected: true, retryAfter: null, bytes: new Uint8Array(0) };
      }
      const bytes = await readBody(response, request.maxBytes);
      return { status: response.status, retryAfter: response.headers.get('retry-after'), bytes };
    } catch (error) {
      throw controller.signal.reason === timedOut ? timedOut : error;
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', cancel);
    }
  }

  async function send(request, signal) {
    const where = `${request.method} ${displayUrl(request.url)}`;
    for (let retriesDone = 0; ; retriesDone++) {
      if (signal?.aborted) throw signal.reason;
      const failed = { where, retriesDone, status: 0, now: 0, jitter: Math.random() };
      let timedOut = false;
      try {
        const response = await attempt(request, signal);
        if (response.redirected) throw redirectRefused(where, response.status, request.url, retriesDone + 1);
        if (response.status >= 200 && response.status < 300) return response.bytes;
        failed.status = response.status;
        if (response.retryAfter !== null) failed.retryAfter = response.retryAfter;
        failed.body = redact(decoder.decode(response.bytes));
      } catch (error) {
        if (signal?.aborted) throw signal.reason;
        if (error instanceof EndpointError) throw error;
        timedOut = error instanceof Timeout;
        failed.networkError = timedOut ? error.message : networkCause(error);
      }

      failed.now = Date.now() / 1000;
      const step = afterFailedAttempt(policy, failed);
      if (step.delay === null) {
        throw new EndpointError(redact(step.message),
          { status: failed.status, timedOut, attempts: retriesDone + 1, url: displayUrl(request.url), body: step.bodySnippet });
      }
      onRetry?.(redact(step.message));
      await sleep(step.delay * 1000, signal);
    }
  }

  return {
    redact,

    // body: JSON text or its UTF-8 bytes. The response body as text (the API key redacted from it),
    // or as bytes when it is not valid UTF-8 (for the core to refuse).
    async postJson(path, body, { signal } = {}) {
      const url = `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
      const headers = { 'Content-Type': 'application/json', Accept: 'application/json' };
      if (apiKey) headers.Authorization = `Bearer ${apiKey}`;
      const bytes = await send({ method: 'POST', url, headers, body, maxBytes: MAX_JSON_BYTES }, signal);
      const redactBody = apiKey.length >= MIN_BODY_REDACTION;
      let text;
      try {
        text = strictDecoder.decode(bytes);
      } catch {
        return redactBody ? redactBytes(bytes, apiKey) : bytes;
      }
      return redactBody ? text.replaceAll(apiKey, REDACTION) : text;
    },

    // The bytes at an http(s) URL, fetched with the same retries and no credentials.
    async getBytes(url, { signal } = {}) {
      if (!isHttp(url)) {
        throw new EndpointError(`only http(s) URLs can be fetched, got '${displayUrl(url)}'`,
          { status: 0, timedOut: false, attempts: 0, url: displayUrl(url), body: '' });
      }
      return send({ method: 'GET', url, headers: {}, maxBytes: maxPhotoFileBytes }, signal);
    },
  };
}
