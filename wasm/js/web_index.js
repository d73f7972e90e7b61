// web_index.js — a web pack (`vitrine web-pack`) searched lazily over HTTP: the manifest
// and the first pass once, then only the chunks the best candidates need, each fetched once.
//
//   const web = await vitrine.openWebIndex('https://cdn.example/shop-pack/', { fetch });
//   const { results } = await web.search(queryVector, { topK: 10, candidates: 500 });
//   web.bytesFetched; web.requests; web.close();
//
// Plain GETs of whole files, or for a single-file pack (`vitrine web-pack --single-file`)
// Range requests of its one file; `concurrency` (6, a browser's per-host limit on HTTP/1.1)
// at a time, best candidates' chunks first. A Range answer must be a 206 of exactly the
// bytes asked for (a host that ignores Range and sends the whole file is refused, and its
// body dropped unread). A cross-origin pack host must allow the Range header (CORS). The core decides everything
// else: which chunks a query needs, whether fetched bytes are the ones the manifest names
// (length and XXH3-128; a refused chunk is not kept, a later search fetches it again), and
// the exact scores, so results are index.search's on the whole index (vitrine/web/web_index.hpp).
// A file that cannot be fetched is a VitrineError of kind 'bad_response' naming its URL.
import * as check from './arguments.js';
import { unwrap, VitrineError } from './errors.js';

const webSearchOptions = {
  topK: check.integer(0, check.UINT32_MAX),
  candidates: check.integer(0, check.UINT32_MAX),
};
const openOptions = {
  fetch: check.func,
  concurrency: check.integer(1, 64),
};

export async function openWebIndex(core, baseUrl, options, parseMetadata) {
  const checked = check.checkOptions('openWebIndex', options, openOptions);
  const text = check.url('openWebIndex baseUrl', baseUrl);
  const base = new URL(text.endsWith('/') ? text : `${text}/`);
  const fetcher = new Fetcher(checked.fetch ?? globalThis.fetch, base);
  const manifest = await fetcher.get(core.webManifestName());
  const firstPass = unwrap(core, core.webManifestFirstPass(manifest));
  const firstPassBytes = firstPass.range ? await fetcher.getRange(firstPass.range) : await fetcher.get(firstPass.file);
  const handle = unwrap(core, core.openWebIndex(manifest, firstPassBytes));
  return new VitrineWebIndex(core, handle, fetcher, checked.concurrency ?? 6, parseMetadata);
}

class Fetcher {
  bytes = 0;
  requests = 0;

  constructor(fetch, base) {
    this.fetch = fetch;
    this.base = base;
  }

  async get(name) {
    const url = new URL(name, this.base);
    const response = await this.#send(url, `GET ${url}`);
    if (!response.ok) throw new VitrineError('bad_response', `web index: GET ${url} answered HTTP ${response.status}`);
    return this.#take(response);
  }

  // {file, offset, bytes} of a single-file pack: those bytes exactly, or a bad_response.
  async getRange({ file, offset, bytes }) {
    const url = new URL(file, this.base);
    const range = `bytes=${offset}-${offset + bytes - 1}`;
    const what = `GET ${url} (${range})`;
    const response = await this.#send(url, what, { headers: { Range: range } });
    if (response.status !== 206) {
      await response.body?.cancel();
      const why = response.ok ? 'ignored the Range request' : 'failed';
      throw new VitrineError('bad_response', `web index: ${what} answered HTTP ${response.status}: the host ${why}`);
    }
    const length = response.headers.get('content-length');
    if (length !== null && Number(length) !== bytes) {
      await response.body?.cancel();
      throw new VitrineError('bad_response', `web index: ${what} answered ${length} bytes, not ${bytes}`);
    }
    const contentRange = response.headers.get('content-range'); // unreadable cross-origin unless exposed
    if (contentRange !== null && !contentRange.startsWith(`bytes ${offset}-${offset + bytes - 1}/`)) {
      await response.body?.cancel();
      throw new VitrineError('bad_response', `web index: ${what} answered the range '${contentRange}'`);
    }
    const body = await this.#take(response);
    if (body.length !== bytes) throw new VitrineError('bad_response', `web index: ${what} answered ${body.length} bytes, not ${bytes}`);
    return body;
  }

  async #send(url, what, init) {
    try {
      return await this.fetch(url, init);
    } catch (error) {
      throw new VitrineError('bad_response', `web index: ${what} failed: ${error.message}`);
    }
  }

  async #take(response) {
    const bytes = new Uint8Array(await response.arrayBuffer());
    this.bytes += bytes.length;
    this.requests += 1;
    return bytes;
  }
}

class VitrineWebIndex {
  #core;
  #handle;
  #fetcher;
  #concurrency;
  #parseMetadata;
  #pending = new Map(); // chunk file -> its fetch-and-add, shared by concurrent searches

  constructor(core, handle, fetcher, concurrency, parseMetadata) {
    this.#core = core;
    this.#handle = handle;
    this.#fetcher = fetcher;
    this.#concurrency = concurrency;
    this.#parseMetadata = parseMetadata;
    this.count = handle.count;
    this.dims = handle.dims;
    this.firstPassDims = handle.firstPassDims;
    this.storage = handle.storage;
    this.model = handle.model;
    this.indexBytes = handle.indexBytes; // the whole index's size, for comparison
  }

  get bytesFetched() {
    return this.#fetcher.bytes;
  }

  get requests() {
    return this.#fetcher.requests;
  }

  // {results: [hits]} as index.search gives them for this vector on the whole index.
  async search(query, options) {
    check.float32Array('web search query', query);
    const checked = check.checkOptions('web search', options, webSearchOptions);
    let answer = unwrap(this.#core, this.#open().search(query, checked));
    if (answer.missing) {
      await this.#fetchChunks(answer.missing);
      answer = unwrap(this.#core, this.#open().search(query, checked));
    }
    for (const hit of answer.results) hit.metadata = this.#parseMetadata(hit);
    return answer;
  }

  async #fetchChunks(files) {
    let next = 0;
    const worker = async () => {
      while (next < files.length) await this.#chunk(files[next++]);
    };
    await Promise.all(Array.from({ length: Math.min(this.#concurrency, files.length) }, worker));
  }

  #chunk(file) {
    if (!this.#pending.has(file)) {
      const range = this.#open().rangeOf(file);
      const added = (range ? this.#fetcher.getRange(range) : this.#fetcher.get(file)).then((bytes) => {
        unwrap(this.#core, this.#open().addChunk(file, bytes));
      });
      added.catch(() => this.#pending.delete(file)); // refused or not fetched: try again next time
      this.#pending.set(file, added);
    }
    return this.#pending.get(file);
  }

  // Frees the pack's WASM memory. Idempotent; the object is unusable afterwards.
  close() {
    if (!this.#handle) return;
    this.#handle.delete();
    this.#handle = null;
  }

  #open() {
    if (!this.#handle) throw new VitrineError('invalid_argument', 'this web index is closed');
    return this.#handle;
  }
}
