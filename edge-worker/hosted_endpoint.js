// hosted_endpoint.js — one POST to the OpenAI-compatible hosted endpoint, with the key.
//
//   requireEndpoint(settings);  requireModel(settings.rerankModel, 'RERANK_MODEL');
//   const answer = await postEndpoint(settings, 'rerank', { model, query, documents });
//
// Adds the bearer key (only ever sent to settings.apiBase) and a timeout, and returns the
// parsed JSON answer. Every failure becomes an HttpError whose message names the status
// but never quotes the upstream body: an upstream error may echo the request headers,
// key included. For the same reason an answer that contains the key is not relayed.
// No retries: the proxy answers at once and the page decides whether to try again.
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
    throw new HttpError(502, 'upstream_error', `the hosted endpoint answered /${path} with HTTP ${response.status}`,
      { details: { upstreamStatus: response.status } });
  }
  let text;
  try {
    text = await response.text();
  } catch (error) {
    throw error?.name === 'TimeoutError' ? failure(error, path) : badAnswer(path, 'it broke off before its end');
  }
  if (text.includes(settings.apiKey)) throw badAnswer(path, 'it quotes the credentials');
  try {
    return JSON.parse(text);
  } catch {
    throw badAnswer(path, 'it is not valid JSON');
  }
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
