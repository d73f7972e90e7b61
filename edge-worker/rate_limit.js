// rate_limit.js — per-client rate limits: a token bucket per client address, or
// Cloudflare's rate-limiting binding where one is bound.
//
//   await admit(request, settings, cost);   // throws 429 rate_limited, with Retry-After
//
// The client is its address as Cloudflare gives it (CF-Connecting-IP, which a client
// cannot set through Cloudflare's edge; behind another proxy, that proxy must set it, and
// without it every caller shares one bucket). In-isolate fallback: each address has a
// bucket of RATE_LIMIT_BURST units refilled at RATE_LIMIT_PER_MINUTE, and a request takes
// its cost (request_cost.js) or is refused with the seconds until it could pass. Buckets
// live in the isolate's memory: Cloudflare runs many isolates, so this bounds one
// isolate's spending, not the deployment's — bind RATE_LIMITER for a limit shared across
// them. That binding counts requests (its limit and period are set in wrangler.toml), so
// each request is one call, and MAX_REQUEST_COST still caps what one request may cost.
// RATE_LIMIT_PER_MINUTE = 0 turns both off. At most MAX_CLIENTS buckets are kept; the
// least recently seen is dropped first (a client dropped starts again with a full bucket).
import { HttpError } from './http_error.js';

const MAX_CLIENTS = 10_000;
const BINDING_RETRY_AFTER_SECONDS = 60; // the binding does not say; its longest period
const buckets = new WeakMap(); // settings -> Map(client -> {tokens, at})

export function clientAddress(request) {
  return request.headers.get('CF-Connecting-IP') ?? 'unknown';
}

export async function admit(request, settings, cost, now = Date.now()) {
  if (settings.rateLimitPerMinute === 0) return;
  const client = clientAddress(request);
  if (settings.rateLimiter) {
    const { success } = await settings.rateLimiter.limit({ key: client });
    if (!success) throw limited(BINDING_RETRY_AFTER_SECONDS);
    return;
  }
  const waitSeconds = takeTokens(clientsOf(settings), client, cost, settings, now);
  if (waitSeconds > 0) throw limited(waitSeconds);
}

function clientsOf(settings) {
  if (!buckets.has(settings)) buckets.set(settings, new Map());
  return buckets.get(settings);
}

// 0 when the bucket had `cost` tokens (now taken), else the whole seconds until it will.
function takeTokens(clients, client, cost, { rateLimitPerMinute, rateLimitBurst }, now) {
  const perMs = rateLimitPerMinute / 60_000;
  const bucket = clients.get(client) ?? { tokens: rateLimitBurst, at: now };
  clients.delete(client); // re-inserted last: the Map's order is least recently seen first
  bucket.tokens = Math.min(rateLimitBurst, bucket.tokens + Math.max(0, now - bucket.at) * perMs);
  bucket.at = now;
  clients.set(client, bucket);
  if (clients.size > MAX_CLIENTS) clients.delete(clients.keys().next().value);
  if (bucket.tokens >= cost) {
    bucket.tokens -= cost;
    return 0;
  }
  return Math.max(1, Math.ceil((cost - bucket.tokens) / perMs / 1000));
}

function limited(seconds) {
  return new HttpError(429, 'rate_limited', `too many requests from this client; retry in ${seconds} s`,
    { headers: { 'Retry-After': String(seconds) } });
}
