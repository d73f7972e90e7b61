// hosted_endpoint.js — one POST to the OpenAI-compatible hosted endpoint, with the key.
//
//   requireEndpoint(settings);  requireModel(settings.rerankModel, 'RERANK_MODEL');
//   const json = await postEndpoint(settings, 'rerank', { model, query, documents });   // the text to relay
//
// Adds the bearer key (only ever sent to settings.apiBase: redirects are not followed, a
// 3xx is an upstream_error) and a timeout. The answer is read within MAX_UPSTREAM_BYTES
// (502 past it, never buffered further), must be UTF-8 JSON, and is re-serialised from its
// parsed value: that text is what the caller relays, and it is refused if the key appears
// in it — so a key echoed through JSON escapes (\u0073k-…) is caught in the bytes sent,
// not only in the upstream's raw text. Every failure becomes an HttpError whose message
// names the status but never quotes the upstream body: an upstream error may echo the
// request headers, key included.
// No retries: the proxy answers at once and the page decides whether to try again.
import { readBounded } from './bounded_read.js';
import { HttpError } from './http_error.js';

export const NOT_CONFIGURED = 'this worker has no hosted endpoint configured (API_BASE, API_KEY)';

export function requireEndpoint(settings) {
  if (!settings.apiBase || !settings.apiKey) throw new HttpError(503, 'endpoint_not_configured', NOT_CONFIGURED);
}

export function requireModel(model, setting) {
  if (!model) throw new HttpError(503, 'endpoint_not_configured', `this worker has no ${setting} configured`);
}

export async function postEndpoint(settings, path, payload) {
  let response;
  try {
    response = await fetch(`${settings.apiBase}/${path}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${settings.apiKey}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(payload),
      signal: AbortSignal.timeout(settings.upstreamTimeoutMs),
      redirect: 'manual', // a redirect would take the key to the host it names
    });
  } catch (error) {
    throw failure(error, path);
  }
  if (response.status === 429) {
    const retryAfter = response.headers.get('Retry-After');
    throw new HttpError(429, 'upstream_rate_limited', `the hosted endpoint is rate limiting /${path}; retry later`,
      { headers: retryAfter && /^[\w ,:]{1,40}$/.test(retryAfter) ? { 'Retry-After': retryAfter } : {} });
  }
  if (!response.ok) {
    await response.body?.cancel();
    const redirect = response.status >= 300 && response.status < 400 ? ' (a redirect, not followed)' : '';
    throw new HttpError(502, 'upstream_error', `the hosted endpoint answered /${path} with HTTP ${response.status}${redirect}`,
      { details: { upstreamStatus: response.status } });
  }
  let bytes;
  try {
    bytes = await readBounded(response, settings.maxUpstreamBytes);
  } catch (error) {
    throw error?.name === 'TimeoutError' ? failure(error, path) : badAnswer(path, 'it broke off before its end');
  }
  if (!bytes) throw badAnswer(path, `it is larger than ${settings.maxUpstreamBytes} bytes`);
  let answer;
  try {
    answer = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw badAnswer(path, 'it is not valid UTF-8 JSON');
  }
  const relayed = JSON.stringify(answer);
  if (relayed.includes(settings.apiKey)) throw badAnswer(path, 'it quotes the credentials');
  return relayed;
}

function badAnswer(path, why) {
  return new HttpError(502, 'upstream_bad_response', `the hosted endpoint's answer to /${path} is unusable: ${why}`);
}

function failure(error, path) {
  if (error?.name === 'TimeoutError') {
    return new HttpError(504, 'upstream_timeout', `the hosted endpoint did not answer /${path} in time`);
  }
  return new HttpError(502, 'upstream_unreachable', `the hosted endpoint could not be reached for /${path}`);
}
