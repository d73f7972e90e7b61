// index.js — Vitrine's JS API: the C++ core compiled to WebAssembly, for browsers, Node
// and edge workers (workerd / Cloudflare Workers). Names follow the core's.
//
//   import { init } from 'vitrine';
//   const vitrine = await init();                       // or init({ wasm: bytes | URL | Module })
//   const index = vitrine.openIndex(indexBytes);
//   const next = vitrine.openIndex(vitrine.applyDelta(indexBytes, deltaBytes));  // a delta update
//   const { results } = index.search('brass lamp', { topK: 5 });   // or a Float32Array query vector
//   const { results, total, facets } = index.search('lamp', { facets: ['brand'], filter: ['in_stock=true'], sort: '-price' });
//   const category = index.browse({ category: 'lighting', sort: 'price', facets: ['brand'], topK: 24 });   // no query
//   const client = vitrine.createClient({ index, baseUrl: 'https://host/v1', apiKey });  // hosted models
//   const { results, reranked } = await client.search('brass lamp', { topK: 3 });
//   index.close();
//   const page = vitrine.mergePages(shardPages, { topK: 10, facets: ['brand'] });   // a catalogue's shards
//   const web = await vitrine.openWebIndex('https://cdn.example/pack/');   // a web pack, fetched lazily
//   const { results } = await web.search(queryVector, { topK: 10 });
//
// Each init() makes an independent module instance with its own memory. Inputs are
// copied into WebAssembly memory once (index bytes stay there until close()); results
// are plain JS objects and JS-owned typed arrays. A wrong JS type is a TypeError; an
// input the core refuses is a VitrineError carrying the core's message and kind, and
// the instance keeps working after either. The endpoint's failures are EndpointErrors
// (js/transport.js).
import * as check from './arguments.js';
import { EndpointError, unwrap, VitrineError } from './errors.js';
import { createHostedClient } from './hosted_client.js';
import { compileWasm } from './load_wasm.js';
import { openWebIndex } from './web_index.js';
import createVitrineCore from '../dist/vitrine_core.mjs';

export { EndpointError, VitrineError };

export async function init({ wasm } = {}) {
  const module = await compileWasm(wasm);
  // Emscripten's ready promise never settles if instantiation fails inside the hook.
  let instantiationFailed;
  const failure = new Promise((_, reject) => (instantiationFailed = reject));
  const core = await Promise.race([
    createVitrineCore({
      locateFile: (name) => name, // never used to fetch: see load_wasm.js
      instantiateWasm(imports, receiveInstance) {
        WebAssembly.instantiate(module, imports).then((instance) => receiveInstance(instance, module), instantiationFailed);
        return {};
      },
    }),
    failure,
  ]);
  return new Vitrine(core);
}

const searchOptions = {
  topK: check.integer(0, check.UINT32_MAX),
  category: check.string,
  minPrice: check.number,
  maxPrice: check.number,
  ids: check.stringArray,
  rescore: check.boolean,
  rescoreFactor: check.integer(1, check.UINT32_MAX),
};
// The fields' options (the core's vitrine/search/field_fusion.hpp): a query photo (image
// bytes the core prepares and describes) or its vector, and the fields' weights.
const fieldOptions = {
  photo: check.bytes,
  imageVector: check.float32Array,
  textWeight: check.number,
  imageWeight: check.number,
};
const similarOptions = { ...searchOptions, textWeight: check.number, imageWeight: check.number };
// buildIndex's photos: an object of product id -> the original photo's bytes.
function photoMap(name, value) {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new TypeError(`${name} must be an object of product id -> photo bytes`);
  return Object.fromEntries(Object.entries(value).map(([id, bytes]) => [id, check.bytes(`${name}['${id}']`, bytes)]));
}
// index.search on a text (a storefront page, the core's search_text_page) also takes these.
const pageOptions = {
  ...searchOptions,
  facets: check.stringArray,
  filter: check.stringOrStringArray,
  sort: check.string,
  offset: check.integer(0, check.UINT32_MAX),
  keywordWeight: check.number,
  fusion: check.string,
  vectorFloor: check.number,
};
const prepareOptions = {
  maxEdge: check.integer(0, 2 ** 31 - 1),
  quality: check.integer(0, 2 ** 31 - 1),
  maxPixels: check.integer(0, Number.MAX_SAFE_INTEGER),
};
const mergeOptions = {
  topK: check.integer(1, check.UINT32_MAX),
  offset: check.integer(0, check.UINT32_MAX),
  sort: check.string,
  facets: check.stringArray,
};
const buildOptions = {
  format: check.string,
  storage: check.string,
  dims: check.integer(0, check.UINT32_MAX),
  model: check.string,
  vectorsJsonl: check.text,
  vectors: check.float32Array,
  rescore: check.boolean,
  rescoreWith: check.string,
  imageVectors: check.text,
  imageModel: check.string,
  imageStorage: check.string,
  imageDims: check.integer(0, check.UINT32_MAX),
  imageEmbedder: check.string,
  photos: photoMap,
};

class Vitrine {
  #core;

  constructor(core) {
    this.#core = core;
    this.searchKernel = core.searchKernel(); // the SIMD kernels in use, e.g. 'sse4.1' (= WASM SIMD128)
  }

  openIndex(bytes) {
    const handle = unwrap(this.#core, this.#core.openIndex(check.bytes('openIndex bytes', bytes)));
    return new VitrineIndex(this.#core, handle);
  }

  // A web pack (`vitrine web-pack`) at baseUrl, fetched lazily (js/web_index.js); options {fetch?, concurrency?}.
  openWebIndex(baseUrl, options) {
    return openWebIndex(this.#core, baseUrl, options, parseMetadata);
  }

  embedLocal(text, dims) {
    check.string('embedLocal text', text);
    check.integer(0, check.UINT32_MAX)('embedLocal dims', dims);
    return unwrap(this.#core, this.#core.embedLocal(text, dims));
  }

  prepareImage(bytes, options) {
    const checked = check.checkOptions('prepareImage', options, prepareOptions);
    return unwrap(this.#core, this.#core.prepareImage(check.bytes('prepareImage bytes', bytes), checked));
  }

  // True for bytes fetched for a record's preparedImage that may be sent as they are; throws otherwise.
  checkPreparedPhoto(bytes) {
    return unwrap(this.#core, this.#core.checkPreparedPhoto(check.bytes('checkPreparedPhoto bytes', bytes)));
  }

  // mime defaults to prepareImage's output type, as in the core.
  toDataUri(bytes, mime = 'image/jpeg') {
    check.string('toDataUri mime', mime);
    return unwrap(this.#core, this.#core.toDataUri(check.bytes('toDataUri bytes', bytes), mime));
  }

  // A delta (`vitrine delta OLD NEW`) over its base: NEW's bytes, checked by hash, for openIndex.
  applyDelta(baseBytes, deltaBytes) {
    return unwrap(
      this.#core,
      this.#core.applyDelta(check.bytes('applyDelta baseBytes', baseBytes), check.bytes('applyDelta deltaBytes', deltaBytes)),
    );
  }

  // The pages of a catalogue's shards (index.shard), each asked for its first offset + topK
  // hits at offset 0, merged into the page the whole catalogue's index gives (shard_binding.hpp).
  mergePages(pages, options) {
    const checked = check.checkOptions('mergePages', options, mergeOptions);
    if (checked.topK === undefined) throw new TypeError('mergePages options.topK is required');
    if (!Array.isArray(pages) || pages.some((page) => typeof page !== 'object' || page === null || !Array.isArray(page.results))) {
      throw new TypeError('mergePages pages must be an array of index.search answers');
    }
    return unwrap(this.#core, this.#core.mergePages(pages, checked));
  }

  buildIndex(catalogueJson, options) {
    const checked = check.checkOptions('buildIndex', options, buildOptions);
    return unwrap(this.#core, this.#core.buildIndex(check.text('buildIndex catalogueJson', catalogueJson), checked));
  }

  // Search, rerank and answers through an OpenAI-compatible endpoint (js/hosted_client.js).
  createClient(options) {
    const core = this.#core;
    return createHostedClient({ vitrine: this, core, handleOf: (index) => VitrineIndex.handleOf(index, core), parseMetadata },
      options);
  }

  // Bytes malloc'ed in the WASM heap right now: a diagnostic for leak checks.
  heapBytesInUse() {
    return this.#core.heapBytesInUse();
  }

  // Size of this instance's linear memory: the peak it has needed (it never shrinks).
  memoryBytes() {
    return this.#core.memoryBytes();
  }
}

// Frees the WASM copy of an index its owner dropped without close() (where the
// runtime has FinalizationRegistry; close() is the contract either way).
const unclosed = typeof FinalizationRegistry === 'function'
  ? new FinalizationRegistry((handle) => handle.delete())
  : { register() {}, unregister() {} };

class VitrineIndex {
  #core;
  #handle;

  constructor(core, handle) {
    this.#core = core;
    this.#handle = handle;
    this.count = handle.count;
    this.dims = handle.dims;
    this.modelDims = handle.modelDims;
    this.storage = handle.storage;
    this.model = handle.model;
    this.embedder = handle.embedder;
    this.imageField = handle.imageField(); // {model, dims, modelDims, storage, embedder, jointSpace, products} or null
    this.shard = handle.shard(); // {shard, shards, catalogue, catalogueCount} (a catalogue's shard: mergePages) or null
    unclosed.register(this, handle, this);
  }

  // One entry point for both kinds of query: a text, searched as the index was built for
  // (a local index: the core's search_text_page, keywords and local vectors, with total and
  // facets), or a query vector. With a photo (options.photo, or options.imageVector) the
  // image field is searched too, over the whole catalogue, the fields' scores fused by the
  // core's rule; the text may then be null, and the page's own options do not apply.
  search(query, options) {
    const checked = check.checkOptions('search', options, { ...pageOptions, ...fieldOptions });
    const byFields = Object.keys(fieldOptions).some((name) => name in checked);
    if (byFields) {
      const pageOnly = Object.keys(checked).filter((name) => name in pageOptions && !(name in searchOptions));
      if (pageOnly.length > 0) throw new TypeError(`search options ${pageOnly.join(', ')} apply to a text query without a photo`);
      const argument = query === null || query === undefined ? null : check.textOrFloat32Array('search query', query);
      return this.#answer(this.#open().searchFields(argument, checked));
    }
    if (typeof checked.filter === 'string') checked.filter = [checked.filter];
    return this.#answer(this.#open().search(check.textOrFloat32Array('search query', query), checked));
  }

  // A page without a query (a category page): every product the filters leave, in `sort`
  // order (default: catalogue order), with total and facets, as search's pages (score 0).
  browse(options) {
    const { keywordWeight, fusion, vectorFloor, ...browseOptions } = pageOptions;
    const checked = check.checkOptions('browse', options, browseOptions);
    if (typeof checked.filter === 'string') checked.filter = [checked.filter];
    return this.#answer(this.#open().browse(checked));
  }

  // The products nearest to one product, from its stored text and image vectors (no
  // endpoint call); the product itself is left out, filters apply.
  similar(id, options) {
    check.string('similar id', id);
    const checked = check.checkOptions('similar', options, similarOptions);
    return this.#answer(this.#open().similar(id, checked));
  }

  #answer(raw) {
    const answer = unwrap(this.#core, raw);
    for (const hit of answer.results) hit.metadata = parseMetadata(hit);
    return answer;
  }

  // Many query vectors in one pass over the index's vectors: an array of Float32Arrays or
  // one Float32Array of count x dims values; options one object for all or one per query.
  // Answers [{results}, ...], each exactly what search() gives that vector (WASM: one thread).
  searchBatch(vectors, options) {
    const each = (o, where) => check.checkOptions(where, o, searchOptions);
    const checked = Array.isArray(options) ? options.map((o, q) => each(o, `searchBatch options[${q}]`)) : each(options, 'searchBatch');
    let matrix = vectors, lengths;
    if (Array.isArray(vectors)) {
      vectors.forEach((v, q) => check.float32Array(`searchBatch vectors[${q}]`, v));
      lengths = vectors.map((v) => v.length);
      matrix = new Float32Array(lengths.reduce((sum, n) => sum + n, 0));
      vectors.reduce((at, v) => (matrix.set(v, at), at + v.length), 0);
    } else if (!(vectors instanceof Float32Array)) {
      throw new TypeError('searchBatch vectors must be an array of Float32Arrays or one Float32Array matrix');
    }
    const answers = unwrap(this.#core, this.#core.searchBatch(this.#open(), matrix, lengths, checked));
    for (const answer of answers) for (const hit of answer.results) hit.metadata = parseMetadata(hit);
    return answers;
  }

  record(position) {
    check.integer(0, check.UINT32_MAX)('record position', position);
    const record = unwrap(this.#core, this.#open().record(position));
    record.metadata = parseMetadata(record);
    return record;
  }

  // The WASM object of an index opened by this module instance (another instance's
  // lives in another memory), for the hosted pipeline's bindings.
  static handleOf(index, core) {
    if (!(typeof index === 'object' && index !== null && #handle in index) || index.#core !== core)
      throw new TypeError('createClient option index must be an index opened by this instance (openIndex)');
    return index.#open();
  }

  // Frees the index's WASM memory. Idempotent; the index is unusable afterwards.
  close() {
    if (!this.#handle) return;
    unclosed.unregister(this);
    this.#handle.delete();
    this.#handle = null;
  }

  #open() {
    if (!this.#handle) throw new VitrineError('invalid_argument', 'this index is closed');
    return this.#handle;
  }
}

// Metadata comes out of WASM as JSON text. The index writer only stores objects, so
// text that does not parse means the bytes were altered after they were built.
function parseMetadata(record) {
  try {
    return JSON.parse(record.metadata);
  } catch {
    throw new VitrineError('corrupt_index', `index: record '${record.id}' has metadata that is not valid JSON`);
  }
}
