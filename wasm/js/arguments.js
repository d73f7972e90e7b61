// arguments.js — JS-side type checks, before anything reaches WebAssembly.
//
//   const o = checkOptions('search', options, { topK: integer(0, UINT32_MAX), category: string });
//
// Embind would coerce a wrong type silently (a negative count wraps) or fail with an
// error that names no argument, so each public function checks JS types here and
// throws a TypeError naming the argument. Values are left to the core: a topK of 0
// or a price range upside down is a well-typed input that the core refuses itself.

export const UINT32_MAX = 0xffffffff;

const describe = (value) => (value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value);

// Bytes as a Uint8Array view (no copy): a Uint8Array, an ArrayBuffer or any other view.
export function bytes(name, value) {
  if (value instanceof Uint8Array) return value;
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  if (ArrayBuffer.isView(value)) return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  throw new TypeError(`${name} must be a Uint8Array or an ArrayBuffer, got ${describe(value)}`);
}

const utf8 = new TextEncoder();

// Text as UTF-8 bytes: a string, or bytes already encoded.
export function text(name, value) {
  return typeof value === 'string' ? utf8.encode(value) : bytes(name, value);
}

export function float32Array(name, value) {
  if (value instanceof Float32Array) return value;
  throw new TypeError(`${name} must be a Float32Array, got ${describe(value)}`);
}

export function textOrFloat32Array(name, value) {
  if (typeof value === 'string' || value instanceof Float32Array) return value;
  throw new TypeError(`${name} must be a string or a Float32Array, got ${describe(value)}`);
}

export function integer(min, max) {
  return (name, value) => {
    if (Number.isInteger(value) && value >= min && value <= max) return value;
    throw new TypeError(`${name} must be an integer in ${min}..${max}, got ${String(value)}`);
  };
}

export function number(name, value) {
  if (typeof value === 'number') return value;
  throw new TypeError(`${name} must be a number, got ${describe(value)}`);
}

export function string(name, value) {
  if (typeof value === 'string') return value;
  throw new TypeError(`${name} must be a string, got ${describe(value)}`);
}

export function stringArray(name, value) {
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value;
  throw new TypeError(`${name} must be an array of strings`);
}

export function stringOrStringArray(name, value) {
  if (typeof value === 'string') return value;
  return stringArray(name, value);
}

// A fresh object with the checked options that are set; unknown names are refused, so
// a misspelt option (topk) fails loudly instead of being ignored.
export function checkOptions(where, options, checks) {
  if (options === undefined) return {};
  if (typeof options !== 'object' || options === null || Array.isArray(options))
    throw new TypeError(`${where} options must be an object, got ${describe(options)}`);
  const checked = {};
  for (const [name, value] of Object.entries(options)) {
    if (!Object.hasOwn(checks, name))
      throw new TypeError(`${where}: unknown option '${name}' (known: ${Object.keys(checks).join(', ')})`);
    if (value !== undefined) checked[name] = checks[name](`${where} option ${name}`, value);
  }
  return checked;
}

export function boolean(name, value) {
  if (typeof value === 'boolean') return value;
  throw new TypeError(`${name} must be a boolean, got ${describe(value)}`);
}

export function func(name, value) {
  if (typeof value === 'function') return value;
  throw new TypeError(`${name} must be a function, got ${describe(value)}`);
}

// A URL object or a URL string (resolved later, where a base is known).
export function url(name, value) {
  if (typeof value === 'string' || value instanceof URL) return String(value);
  throw new TypeError(`${name} must be a URL or a string, got ${describe(value)}`);
}

// Duck-typed: an AbortSignal from another realm (a test runner, a worker) is fine too.
export function abortSignal(name, value) {
  if (typeof value === 'object' && value !== null && typeof value.aborted === 'boolean' &&
      typeof value.addEventListener === 'function') return value;
  throw new TypeError(`${name} must be an AbortSignal, got ${describe(value)}`);
}
