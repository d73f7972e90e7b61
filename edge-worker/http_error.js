// http_error.js — the worker's errors and how they become JSON responses.
//
//   throw new HttpError(400, 'invalid_parameter', "k must be an integer in 1..50, got 'ten'");
//   ...
//   return errorResponse(error);   // {"error": {"code": "invalid_parameter", "message": "..."}}
//
// An HttpError's message is written for the caller and is sent as is, so it must never
// hold a secret (the API key, upstream bodies). Anything else that reaches errorResponse
// is a fault of the worker itself: the caller gets a generic 500 and the details go to
// the log only.

export class HttpError extends Error {
  constructor(status, code, message, { headers = {}, details = {} } = {}) {
    super(message);
    this.name = 'HttpError';
    this.status = status;
    this.code = code;
    this.headers = headers;
    // Extra public fields for the body, e.g. { upstreamStatus: 503 }.
    this.details = details;
  }
}

export function jsonResponse(status, payload, headers = {}) {
  return jsonTextResponse(status, JSON.stringify(payload), headers);
}

// For JSON already serialised (and checked as it will be sent: see hosted_endpoint.js).
export function jsonTextResponse(status, json, headers = {}) {
  return new Response(json, {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'X-Content-Type-Options': 'nosniff', ...headers },
  });
}

export function errorResponse(error) {
  if (error instanceof HttpError) {
    return jsonResponse(error.status, { error: { code: error.code, message: error.message, ...error.details } }, error.headers);
  }
  console.error('vitrine worker: internal error', error);
  return jsonResponse(500, { error: { code: 'internal_error', message: 'the worker failed to handle this request' } });
}
