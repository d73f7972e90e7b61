// worker.js — the Vitrine edge worker: routes, CORS and errors around one catalogue.
//
//   export default createWorker({ wasm, index });   // see bundled.js and remote.js
//
//   GET  /search?q&k&category&min_price&max_price&rerank=0|1   search_route.js
//   POST /search {image, q?, k?, ...}, GET /similar?id&k&...     photo_search_route.js (no endpoint call)
//   POST /embed, POST /rerank                                   proxy_route.js (holds the key)
//   GET  /health                                                the index (its shard, if one) and models in use
//   OPTIONS *                                                   CORS preflight
//
// With CALLER_SECRET set, every route but /health needs a caller token (caller_token.js);
// every request's cost is capped and charged to its client's rate limit (request_cost.js,
// rate_limit.js). A catalogue split into shards is served by one such worker a shard and a
// front (shard_front.js) that merges their pages. Every answer is JSON. Bad requests get 4xx with a code and a message naming the
// problem; 5xx is kept for faults of the worker, its settings or the hosted endpoint,
// and never carries the key or an upstream body (http_error.js).
import { requireCaller } from './caller_token.js';
import { catalogueLoader } from './catalogue.js';
import { corsFor, preflight, withCors } from './cors.js';
import { errorResponse, HttpError, jsonResponse } from './http_error.js';
import { embedRoute, rerankRoute } from './proxy_route.js';
import { admit } from './rate_limit.js';
import { discardUnreadBody } from './request_body.js';
import { requireAffordable } from './request_cost.js';
import { photoSearchRoute, similarRoute } from './photo_search_route.js';
import { searchRoute } from './search_route.js';
import { settingsOf } from './settings.js';

// open: answered without a caller token when CALLER_SECRET is set.
const ROUTES = {
  '/search': {
    method: ['GET', 'POST'],
    handle: async ({ request, url, settings, load, charge }) => (request.method === 'POST'
      ? photoSearchRoute(request, settings, load, charge)
      : searchRoute(url, settings, await load(settings), charge)),
  },
  '/similar': { method: 'GET', handle: ({ url, settings, load, charge }) => similarRoute(url, settings, load, charge) },
  '/health': { method: 'GET', open: true, handle: async ({ settings, load }) => health(await load(settings), settings) },
  '/embed': { method: 'POST', handle: ({ request, settings, load, charge }) => embedRoute(request, settings, load, charge) },
  '/rerank': { method: 'POST', handle: ({ request, settings, charge }) => rerankRoute(request, settings, charge) },
};

export function createWorker({ wasm, index = null }) {
  return routedWorker(ROUTES, { load: catalogueLoader({ wasm, index }) });
}

// The shell every Vitrine worker shares (this one, shard_front.js): settings, CORS, the
// route table, caller tokens, request costs, errors. A route's handle gets the request,
// its URL, the settings, the env (service bindings), `charge` and what `context` holds.
export function routedWorker(routes, context) {
  const known = Object.keys(routes).join(', ');
  return {
    async fetch(request, env) {
      let cors = { origin: null };
      try {
        const settings = settingsOf(env);
        cors = corsFor(request, settings);
        if (request.method === 'OPTIONS') return preflight(cors);
        const url = new URL(request.url);
        const route = Object.hasOwn(routes, url.pathname) ? routes[url.pathname] : null;
        if (!route) throw new HttpError(404, 'not_found', `no route ${url.pathname} (try ${known})`);
        const methods = [route.method].flat();
        if (!methods.includes(request.method)) {
          throw new HttpError(405, 'method_not_allowed', `${url.pathname} takes ${methods.join(' or ')}`,
            { headers: { Allow: `${methods.join(', ')}, OPTIONS` } });
        }
        if (!route.open) await requireCaller(request, settings);
        // Routes charge a request's cost once its parameters are checked, before any work.
        const charge = (cost) => admit(request, settings, requireAffordable(cost, settings));
        return withCors(await route.handle({ ...context, request, url, settings, env, charge }), cors);
      } catch (error) {
        await discardUnreadBody(request);
        return withCors(errorResponse(error), cors);
      }
    },
  };
}

// The models are named so a page can use the package's pipeline through the proxy,
// which refuses any other model.
function health({ index }, settings) {
  const { count, dims, storage, model, embedder, imageField, shard } = index;
  const endpoint = settings.apiBase && settings.apiKey
    ? { rerankModel: settings.rerankModel, embedModel: settings.embedModel ?? (embedder === 'hosted' ? model : null) }
    : null;
  return jsonResponse(200, { ok: true, index: { count, dims, storage, model, embedder, imageField, shard }, endpoint });
}
