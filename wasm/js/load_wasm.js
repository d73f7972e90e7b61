// load_wasm.js — turns the `wasm` option of init() into a compiled WebAssembly.Module.
//
//   WebAssembly.Module        used as is (workerd / Cloudflare Workers import it this way:
//                             they forbid compiling code at run time)
//   Uint8Array, ArrayBuffer   compiled
//   URL or URL string         fetched, then compiled; a file: URL is read from disk in Node
//   undefined                 the package's own dist/vitrine_core.wasm, by URL
//
// The Emscripten glue is never asked to find or fetch the file itself: its Node code
// path reads __dirname, which does not exist in an ES module.
import { bytes } from './arguments.js';

const packagedWasm = () => new URL('../dist/vitrine_core.wasm', import.meta.url);

async function read(url) {
  if (url.protocol === 'file:') {
    // Node's fetch does not read files; bundlers must not follow this import into a browser build.
    const { readFile } = await import(/* webpackIgnore: true */ 'node:fs/promises');
    return readFile(url);
  }
  const response = await fetch(url);
  if (!response.ok) throw new Error(`fetching ${url} failed: HTTP ${response.status} ${response.statusText}`);
  return new Uint8Array(await response.arrayBuffer());
}

export async function compileWasm(source = packagedWasm()) {
  if (source instanceof WebAssembly.Module) return source;
  if (source instanceof URL) return WebAssembly.compile(await read(source));
  if (typeof source === 'string') {
    // A relative string resolves against the page in a browser (as fetch would), else against this file.
    return WebAssembly.compile(await read(new URL(source, globalThis.location?.href ?? import.meta.url)));
  }
  if (source instanceof ArrayBuffer || ArrayBuffer.isView(source)) return WebAssembly.compile(bytes('wasm', source));
  throw new TypeError('init option wasm must be a WebAssembly.Module, bytes (Uint8Array, ArrayBuffer) or a URL');
}
