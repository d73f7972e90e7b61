// settings.js — the worker's configuration, read from its bindings (wrangler.toml [vars],
// `wrangler secret put API_KEY`, or workerd bindings) and checked once per env object.
//
//   API_KEY            secret: the hosted endpoint's bearer key. Sent only to API_BASE.
//   API_BASE           the OpenAI-compatible base URL, e.g. https://api.example.com/v1
//   EMBED_MODEL        model for /v1/embeddings (default: the index's model, if it was built by one)
//   RERANK_MODEL       model for POST /rerank and /search?rerank=1 (required for them)
//   QUERY_TEMPLATE     how /search words a query for the embedding model, with {query} and
//   QUERY_TASK         optionally {task} (default: the core's template for the model)
//   IMAGE_BASE         what relative product image paths resolve against, and the one place
//                      (its origin and folder) /search?rerank=1 fetches product images from
//                      (default: none — no image is fetched, products go as text)
//   IMAGE_ALLOW        comma-separated URL prefixes (https://cdn.example/products/) from which
//                      absolute image URLs in the index may also be fetched
//   ALLOWED_ORIGINS    comma-separated exact origins allowed by CORS; "*" is refused, since the
//                      proxy spends the key for whoever is allowed. Binds browsers only.
//   CALLER_SECRET      secret: when set, every route but /health needs a signed, expiring
//                      caller token (caller_token.js)
//   INDEX_URL          where remote.js fetches the index (bundled.js ignores it)
//   SHARD_0.., SHARD_FAILURE   a sharded catalogue's front (front.js): read by shard_front.js
//   DELTA_URL          optional: a delta update (`vitrine delta`) fetched and applied over the
//                      index (fetched or bundled) on the isolate's first request (catalogue.js)
//   MAX_BODY_BYTES, MAX_IMAGE_BYTES (a request's image and a downloaded product image),
//   MAX_IMAGE_PIXELS (a product photo the worker prepares: its decode budget),
//   MAX_UPSTREAM_BYTES (an endpoint answer relayed), MAX_K, RETRIEVE_K, UPSTREAM_TIMEOUT_MS
//   (per attempt), UPSTREAM_RETRIES, IMAGE_CACHE_SIZE (prepared product images kept),
//   MAX_REQUEST_COST, RATE_LIMIT_PER_MINUTE (0: off), RATE_LIMIT_BURST (request_cost.js,
//   rate_limit.js), CALLER_TOKEN_MAX_SECONDS   limits (defaults below)
//   RATE_LIMITER       optional Cloudflare rate-limiting binding ([[ratelimits]] in wrangler.toml):
//                      used instead of the in-isolate token bucket when bound
//
// A malformed setting is a deployment fault: requests get a 500 that names the setting,
// never its value.
import { HttpError } from './http_error.js';

// setting name -> [binding, default]
const LIMITS = {
  maxBodyBytes: ['MAX_BODY_BYTES', 6 * 1024 * 1024], // five ~1 MB images, Base64-encoded, plus text
  maxImageBytes: ['MAX_IMAGE_BYTES', 1536 * 1024],    // decoded; a 1024 px JPEG at quality 85 is far smaller
  maxImagePixels: ['MAX_IMAGE_PIXELS', 8_000_000],     // a product photo the worker prepares; bounds its decode memory
  maxK: ['MAX_K', 50],
  retrieveK: ['RETRIEVE_K', 20],                      // candidates /search?rerank=1 sends to the reranker
  upstreamTimeoutMs: ['UPSTREAM_TIMEOUT_MS', 10_000],
  upstreamRetries: ['UPSTREAM_RETRIES', 1],
  imageCacheSize: ['IMAGE_CACHE_SIZE', 64],          // ~20-60 KB each as data URIs
  maxUpstreamBytes: ['MAX_UPSTREAM_BYTES', 16 * 1024 * 1024], // 64 embeddings of 4,096 dims are ~6 MB of JSON
  maxRequestCost: ['MAX_REQUEST_COST', 128],         // a rerank search of 20 candidates with images costs 101
  rateLimitPerMinute: ['RATE_LIMIT_PER_MINUTE', 600], // cost units a client address earns a minute
  rateLimitBurst: ['RATE_LIMIT_BURST', 256],         // cost units a client may spend at once
  callerTokenMaxSeconds: ['CALLER_TOKEN_MAX_SECONDS', 3600], // the longest a caller token may live
};
const MAY_BE_ZERO = new Set(['UPSTREAM_RETRIES', 'RATE_LIMIT_PER_MINUTE']);

const cache = new WeakMap();

export function settingsOf(env) {
  let settings = cache.get(env);
  if (!settings) {
    settings = read(env);
    cache.set(env, settings);
  }
  return settings;
}

function misconfigured(name, why) {
  return new HttpError(500, 'worker_misconfigured', `the worker setting ${name} ${why}`);
}

function count(env, name, fallback) {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  const least = MAY_BE_ZERO.has(name) ? 0 : 1;
  if (!Number.isSafeInteger(value) || value < least) throw misconfigured(name, `must be an integer of at least ${least}`);
  return value;
}

function optionalUrl(env, name) {
  if (!env[name]) return null;
  try {
    const url = new URL(env[name]);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error();
    return url.href;
  } catch {
    throw misconfigured(name, 'is not an http(s) URL');
  }
}

function origins(env) {
  const list = String(env.ALLOWED_ORIGINS ?? '').split(',').map((origin) => origin.trim()).filter(Boolean);
  for (const origin of list) {
    let parsed;
    try {
      parsed = new URL(origin);
    } catch {
      throw misconfigured('ALLOWED_ORIGINS', 'holds something that is not an origin');
    }
    if (parsed.origin !== origin) throw misconfigured('ALLOWED_ORIGINS', 'must list bare origins such as https://shop.example');
  }
  return new Set(list);
}

// URL prefixes images may come from: an origin and a folder path ending in '/'.
function imagePrefixes(env, imageBase) {
  const prefixes = imageBase ? [new URL('.', imageBase)] : [];
  for (const item of String(env.IMAGE_ALLOW ?? '').split(',').map((entry) => entry.trim()).filter(Boolean)) {
    let url;
    try {
      url = new URL(item);
    } catch {
      throw misconfigured('IMAGE_ALLOW', 'holds something that is not a URL');
    }
    if ((url.protocol !== 'https:' && url.protocol !== 'http:') || !url.pathname.endsWith('/') || url.search || url.hash ||
        url.username || url.password) {
      throw misconfigured('IMAGE_ALLOW', "must list http(s) URL prefixes ending in '/', such as https://cdn.example/products/");
    }
    prefixes.push(url);
  }
  return prefixes.map((url) => ({ origin: url.origin, path: url.pathname }));
}

function read(env) {
  const settings = {
    apiKey: env.API_KEY || null,
    apiBase: optionalUrl(env, 'API_BASE')?.replace(/\/+$/, '') ?? null, // paths are appended after one '/'
    embedModel: env.EMBED_MODEL || null,
    rerankModel: env.RERANK_MODEL || null,
    queryTemplate: env.QUERY_TEMPLATE || null,
    queryTask: env.QUERY_TASK || null,
    allowedOrigins: origins(env),
    indexUrl: optionalUrl(env, 'INDEX_URL'),
    deltaUrl: optionalUrl(env, 'DELTA_URL'),
    imageBase: optionalUrl(env, 'IMAGE_BASE'),
    callerSecret: env.CALLER_SECRET || null,
    rateLimiter: env.RATE_LIMITER ?? null,
  };
  settings.imagePrefixes = imagePrefixes(env, settings.imageBase);
  for (const [key, [name, fallback]] of Object.entries(LIMITS)) settings[key] = count(env, name, fallback);
  if (settings.queryTemplate && !settings.queryTemplate.includes('{query}')) throw misconfigured('QUERY_TEMPLATE', 'must contain {query}');
  if (settings.rateLimitBurst < settings.maxRequestCost) throw misconfigured('RATE_LIMIT_BURST', 'must be at least MAX_REQUEST_COST');
  if (settings.rateLimiter && typeof settings.rateLimiter.limit !== 'function') throw misconfigured('RATE_LIMITER', 'is not a rate-limiting binding');
  return settings;
}
