// cors.js — Cross-Origin Resource Sharing against the configured allow-list.
//
//   const cors = corsFor(request, settings);   // throws 403 for an origin not on the list
//   if (request.method === 'OPTIONS') return preflight(cors);
//   ... withCors(response, cors)
//
// A request without an Origin header is not from a browser page and passes (CORS cannot
// stop it anyway). So the list binds browsers only: it is not access control, and any
// other client may send any Origin, or none. Rate limits, the cost cap and caller tokens
// (CALLER_SECRET) are what bound who spends the key. A request from an origin not on the list is refused outright rather
// than answered without headers: the browser would hide that answer, but the proxy would
// already have spent the key on it.
import { HttpError } from './http_error.js';

const EXPOSED = 'Server-Timing, Retry-After';

export function corsFor(request, settings) {
  const origin = request.headers.get('Origin');
  if (origin === null) return { origin: null };
  if (!settings.allowedOrigins.has(origin)) {
    throw new HttpError(403, 'origin_not_allowed', `origin ${origin} is not allowed to use this worker`);
  }
  return { origin };
}

export function preflight(cors) {
  return new Response(null, {
    status: 204,
    headers: {
      'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
      'Access-Control-Allow-Headers': 'Content-Type, Authorization',
      'Access-Control-Max-Age': '600',
      ...allowHeaders(cors),
    },
  });
}

export function withCors(response, cors) {
  for (const [name, value] of Object.entries(allowHeaders(cors))) response.headers.set(name, value);
  return response;
}

function allowHeaders({ origin }) {
  // Vary on every answer: a cache must not serve one origin's answer to another.
  if (origin === null) return { Vary: 'Origin' };
  return { 'Access-Control-Allow-Origin': origin, 'Access-Control-Expose-Headers': EXPOSED, Vary: 'Origin' };
}
