// errors.js — the Error the package throws when the core refuses an input.
//
//   try { vitrine.openIndex(bytes) } catch (e) { if (e instanceof VitrineError) e.kind }
//
// `message` is the core's own message (the same line the CLI prints) and `kind` its
// category: 'invalid_argument', 'corrupt_index', 'unsupported', 'bad_image',
// 'limit_exceeded', 'bad_response', 'bad_catalogue', or 'out_of_memory' when the
// WASM heap cannot grow. Arguments of the wrong JS type are refused earlier, with a
// TypeError, before they reach WebAssembly.

export class VitrineError extends Error {
  constructor(kind, message) {
    super(message);
    this.name = 'VitrineError';
    this.kind = kind;
  }
}

// A raw binding returns null or undefined when it failed; the failure waits in the module.
export function unwrap(core, result) {
  if (result !== undefined && result !== null) return result;
  const { kind, message } = core.takeFailure();
  throw new VitrineError(kind || 'internal', message || 'the WebAssembly module failed without a message');
}
