// errors.js — the Errors the package throws: VitrineError when the core refuses an
// input, EndpointError when the hosted endpoint cannot be had.
//
//   try { vitrine.openIndex(bytes) } catch (e) { if (e instanceof VitrineError) e.kind }
//   try { await client.search(q) } catch (e) { if (e instanceof EndpointError) e.status }
//
// `message` is the core's own message (the same line the CLI prints) and `kind` its
// category: 'invalid_argument', 'corrupt_index', 'unsupported', 'bad_image',
// 'limit_exceeded', 'bad_response', 'bad_catalogue', 'bad_delta', or 'out_of_memory' when the
// WASM heap cannot grow. Arguments of the wrong JS type are refused earlier, with a
// TypeError, before they reach WebAssembly.

export class VitrineError extends Error {
  constructor(kind, message) {
    super(message);
    this.name = 'VitrineError';
    this.kind = kind;
  }
}

// A call to the endpoint failed after its retries (js/transport.js). `status` is the
// last HTTP status, 0 when no response came (network error, timeout: see timedOut);
// `body` a short printable snippet of the last response body. The message says it
// all in one line; the API key is never in it.
export class EndpointError extends Error {
  constructor(message, { status, timedOut, attempts, url, body }) {
    super(message);
    this.name = 'EndpointError';
    this.status = status;
    this.timedOut = timedOut;
    this.attempts = attempts;
    this.url = url;
    this.body = body;
  }
}

// A raw binding returns null or undefined when it failed; the failure waits in the module.
export function unwrap(core, result) {
  if (result !== undefined && result !== null) return result;
  const { kind, message } = core.takeFailure();
  throw new VitrineError(kind || 'internal', message || 'the WebAssembly module failed without a message');
}
