// index.d.ts — TypeScript declarations of the vitrine package (js/index.js).
// Checked by `npm run typecheck` (tsc --strict --noEmit on types-check/consumer.ts).

/** The core's error categories, plus 'out_of_memory' (the WASM heap cannot grow) and 'internal'. */
export type VitrineErrorKind =
  | 'invalid_argument'
  | 'corrupt_index'
  | 'unsupported'
  | 'bad_image'
  | 'limit_exceeded'
  | 'bad_response'
  | 'bad_catalogue'
  | 'bad_delta'
  | 'out_of_memory'
  | 'internal';

/** Thrown when the core refuses an input; `message` is the core's. Wrong JS types throw TypeError instead. */
export class VitrineError extends Error {
  readonly name: 'VitrineError';
  readonly kind: VitrineErrorKind;
}

/** A call to the hosted endpoint failed after its retries. The message never holds the API key. */
export class EndpointError extends Error {
  readonly name: 'EndpointError';
  /** The last HTTP status; 0 when no response came (a network error, or a timeout: see timedOut). */
  readonly status: number;
  readonly timedOut: boolean;
  /** Attempts made (0: the URL was refused before any). */
  readonly attempts: number;
  /** scheme://host/path of the request: no user info, no query. */
  readonly url: string;
  /** A short printable snippet of the last response body ('' when there was none). */
  readonly body: string;
}

export type Bytes = Uint8Array | ArrayBuffer | ArrayBufferView;

export interface InitOptions {
  /** The compiled module (required in workerd / Cloudflare Workers), its bytes, or its URL. Default: the package's dist/vitrine_core.wasm. */
  wasm?: WebAssembly.Module | Bytes | URL | string;
}

/** Creates an independent module instance with its own WebAssembly memory. */
export function init(options?: InitOptions): Promise<Vitrine>;

export type Storage = 'f32' | 'int8' | 'binary';

export interface ProductRecord {
  id: string;
  title: string;
  description: string;
  image: string;
  category: string;
  /** null: the product has no price (a price filter never matches it). */
  price: number | null;
  /** The product's free-form metadata object. */
  metadata: Record<string, unknown>;
  /** The photo prepared at build time (`vitrine build --images-out`): a <= 1024 px JPEG to send to rerank as it is, resolved like `image`; '' when none. */
  preparedImage: string;
  /** The card thumbnail prepared at build time (<= 400 px JPEG), resolved like `image`; '' when none. */
  thumbnail: string;
}

export interface SearchHit extends ProductRecord {
  /** 1 for the best hit. */
  rank: number;
  /** Cosine similarity, a float32 value. */
  score: number;
  /** The record's position in the index (for `record()`); in a page mergePages made, the whole catalogue's. */
  position: number;
  /** Text pages sorted by a field: the number the page sorts by (null: the product has none). */
  sortKey?: number | null;
  /** Text pages of a shard's index: the product's position in the whole catalogue (for mergePages). */
  cataloguePosition?: number;
}

/** Which shard of a catalogue an index is (`vitrine build --shards N`). */
export interface ShardInfo {
  shard: number;
  shards: number;
  /** The whole catalogue's fingerprint (its index's XXH3-64), 16 hex digits: the same in every shard of one build. */
  catalogue: string;
  /** Products in the whole catalogue. */
  catalogueCount: number;
}

export interface MergeOptions {
  /** The page size: required. */
  topK: number;
  offset?: number;
  sort?: string;
  /** The facets the pages were asked for, in that order. */
  facets?: string[];
}

export interface SearchOptions {
  /** Default 10; 0 is refused. */
  topK?: number;
  /** Exact, case-sensitive category match. */
  category?: string;
  /** Inclusive. */
  minPrice?: number;
  /** Inclusive. */
  maxPrice?: number;
  /** Allow-list of product ids. */
  ids?: string[];
  /** int8/binary indexes built with rescore: rescore the first pass exactly (default true). */
  rescore?: boolean;
  /** First-pass candidates kept per result when rescoring; default 4 (int8) or 16 (binary). */
  rescoreFactor?: number;
}

/**
 * The index's two vector fields in one query (the core's vitrine/search/field_fusion.hpp):
 * per product, score = (textWeight × text score + imageWeight × image score) / (sum of the
 * weights of the fields used), a field used when the query has a vector for it, the product
 * has a vector in it and its weight is above 0. A product without a photo is scored on its
 * text alone; with a photo alone, only products with an image vector are found.
 */
export interface FieldOptions {
  /** A query photo (JPEG, PNG, WebP, GIF), prepared and described by the index's image model (the local descriptor). */
  photo?: Bytes;
  /** Or the photo's vector, in the image field's space (length `imageField.dims`). */
  imageVector?: Float32Array;
  /** Default 1; >= 0. */
  textWeight?: number;
  /** Default 1; >= 0. */
  imageWeight?: number;
}

/** The image vector field of an index: its own model, dims and storage. */
export interface ImageField {
  model: string;
  dims: number;
  modelDims: number;
  storage: 'f32' | 'int8';
  embedder: 'hosted' | 'local_image';
  /** The image model also embeds text into the same space. */
  jointSpace: boolean;
  /** Products with an image vector (the others have none: no photo, never a zero vector). */
  products: number;
}

export interface SimilarOptions extends SearchOptions {
  textWeight?: number;
  imageWeight?: number;
}

/**
 * A text query on an index of the local embedder is a storefront page: keywords (BM25F,
 * typo- and accent-tolerant, prefix on the last word) and vectors fused, every filter
 * applied before counting, `total` and `facets` over every match, `topK` results from `offset`.
 */
export interface TextSearchOptions extends SearchOptions {
  /** Fields to count: 'category', 'price' (min/max only) or the index's facet columns. */
  facets?: string[];
  /** 'brand=Acme,Zeta' (OR within a field), 'in_stock=true', 'rating>=4' ('>', '<=', '<'); all apply (AND). */
  filter?: string | string[];
  /** 'relevance' (default), 'price', '-price' or a numeric field; products without it come last. */
  sort?: string;
  /** Results to skip (pages: offset = page × topK). Default 0. */
  offset?: number;
  /** 0..1, weight of the keyword score in the fusion; the core's default is 0.7 (tuned on the sample: bench/storefront/relevance.mjs). */
  keywordWeight?: number;
  /** 'convex' (default: normalised scores combined) or 'rrf' (reciprocal rank fusion). */
  fusion?: 'convex' | 'rrf';
}

/** What `search` answers: the hits, best first; a text page also its total and facets. */
export interface SearchResult {
  results: SearchHit[];
  /** Text pages: the number of matches (all pages). */
  total?: number;
  /** Text pages: per facet field, each value's count over every match, e.g. {category: {lighting: 12}}. */
  facets?: Record<string, Record<string, number>>;
  /** Text pages: min and max of numeric facet fields among the matches, e.g. {price: {min: 9, max: 120}}. */
  facetStats?: Record<string, { min: number; max: number }>;
}

export interface VitrineIndex {
  readonly count: number;
  readonly dims: number;
  /** The embedding model's native dims (>= dims when vectors were truncated). */
  readonly modelDims: number;
  readonly storage: Storage;
  readonly model: string;
  readonly embedder: 'hosted' | 'local_hashing';
  /** The image vector field, or null for a text-only index. */
  readonly imageField: ImageField | null;
  /** Which shard of a catalogue this index is, or null for an index that is not a shard. */
  readonly shard: ShardInfo | null;
  /**
   * A text on an index of the local embedder: a storefront page (TextSearchOptions); a
   * text with no word in it ('???') finds nothing, not an error. A vector whose length
   * equals `dims`: exact top-k by cosine similarity, filters before top-k. An index of a
   * hosted model needs `createClient().search` or a vector.
   */
  search(query: string | Float32Array, options?: TextSearchOptions): SearchResult;
  /**
   * With a `photo` or `imageVector` the image field is searched too, over the whole
   * catalogue, the fields fused (FieldOptions); the text query may then be null (search by
   * photo alone). The page's own options (facets, filter, sort, offset, keywordWeight,
   * fusion) do not apply: passing one is a TypeError.
   */
  search(query: string | Float32Array | null, options: SearchOptions & FieldOptions): SearchResult;
  /**
   * The products nearest to the product `id`, from its stored text and image vectors (fused
   * as in `search`): no embedder, no endpoint call. The product itself is left out; filters apply.
   */
  similar(id: string, options?: SimilarOptions): SearchResult;
  /**
   * A page without a query (a category page): every product the filters leave, in `sort`
   * order (default: catalogue order), with total, facets and facetStats as a text page; scores are 0.
   */
  browse(options?: Omit<TextSearchOptions, 'keywordWeight' | 'fusion' | 'vectorFloor'>): SearchResult;
  /**
   * Many query vectors scored in one pass over the index's vectors (each row loaded once
   * for all of them): an array of vectors of length `dims`, or one `Float32Array` of
   * count × `dims` values. `options`: one set for every query, or an array of one per query.
   * Answer q is exactly `search(vectors[q], options[q])`: the same ids, order and float32
   * scores. Runs on the calling thread (the WebAssembly build has no threads).
   */
  searchBatch(vectors: Float32Array[] | Float32Array, options?: SearchOptions | SearchOptions[]): SearchResult[];
  record(position: number): ProductRecord;
  /** Frees the index's WebAssembly memory; idempotent. */
  close(): void;
}

export interface PrepareOptions {
  /** Longest output edge in pixels, 1..65535; default 1024. */
  maxEdge?: number;
  /** JPEG quality 1..100; default 85. */
  quality?: number;
  /** Refuse sources with more pixels than this (read from the header); default 50,000,000. */
  maxPixels?: number;
}

export interface PreparedImage {
  bytes: Uint8Array;
  width: number;
  height: number;
  /** Of the source as displayed, i.e. after EXIF orientation. */
  sourceWidth: number;
  sourceHeight: number;
  mime: 'image/jpeg';
}

export interface BuildOptions {
  /** The catalogue's format, as `vitrine build --format`: a JSON array or {"products": [...]} (default), JSON Lines, or CSV with a header row. */
  format?: 'json' | 'jsonl' | 'csv';
  /** Default 'f32'. */
  storage?: Storage;
  /** int8 or binary storage: also keep f32 copies, so search rescores its first pass exactly. */
  rescore?: boolean;
  /**
   * The copies rescoring reads (implies `rescore`): `'f32'` (default, exact, 4 bytes a dim) or,
   * for binary storage, `'int8'` (1 byte a dim and a scale: about 1.2 KB a product at 1024 dims).
   */
  rescoreWith?: 'f32' | 'int8';
  /** Local embedder: its dims (default 256). With vectors: keep the first `dims` values of each (vectorsJsonl), or the row length (vectors). */
  dims?: number;
  /** The embedding model of vectorsJsonl / vectors; required with them, refused without. */
  model?: string;
  /** JSON Lines, {"id": ..., "embedding": [...]} a line, as `vitrine build --vectors`. */
  vectorsJsonl?: string | Bytes;
  /** One row of `dims` values per product, in catalogue order. */
  vectors?: Float32Array;
  /** The image field from JSON Lines, {"id": ..., "vector": [...]} a line, as `vitrine build --image-vectors`; a product without a line stays text-only. */
  imageVectors?: string | Bytes;
  /** The model of imageVectors; required with them. */
  imageModel?: string;
  /** `'local'`: the image field by the offline colour-and-layout descriptor of `photos` (look-alikes, not meaning). */
  imageEmbedder?: 'local';
  /** With imageEmbedder 'local': product id -> the original photo's bytes (prepared by the core first). */
  photos?: Record<string, Bytes>;
  /** The image field's storage; default 'f32' beside f32 text vectors, else 'int8'. */
  imageStorage?: 'f32' | 'int8';
  /** imageVectors: keep the first `imageDims` values of each (Matryoshka). */
  imageDims?: number;
}

/** The fetch the client calls (default: the global fetch), e.g. a test double or a worker's service binding. */
export type FetchFunction = (url: string, init: RequestInit) => Promise<Response>;

export interface ClientOptions {
  /** The index to search, opened by the same instance. */
  index: VitrineIndex;
  /** The endpoint with its version, e.g. 'https://host/v1'; relative URLs resolve against the page (an edge worker proxy). */
  baseUrl: string | URL;
  /** Sent as a bearer token to baseUrl only. Never give it to a browser: proxy through an edge worker instead. */
  apiKey?: string;
  fetch?: FetchFunction;
  /** Per attempt, the body included; default 30000. */
  timeoutMs?: number;
  /** Retries after the first attempt (network errors, timeouts, 408, 429, 5xx but 501/505); default 3. */
  retries?: number;
  /** Backoff before the first retry, doubling, with jitter; default 500. */
  retryDelayMs?: number;
  /** Cap on the backoff; default 8000. */
  maxRetryDelayMs?: number;
  /** The longest Retry-After waited for; a longer one fails the call at once. Default 60000. */
  maxRetryAfterMs?: number;
  /** Hears one line per retry (the key redacted). */
  onRetry?: (note: string) => void;
  /** The model name sent to /embeddings; default the index's model. */
  embeddingModel?: string;
  /** How the query is worded, with {query} and optionally {task}; default by model (Qwen3-Embedding: 'Instruct: {task}\nQuery:{query}'). */
  queryTemplate?: string;
  /** The {task} of the query template. */
  queryTask?: string;
  /** Default 'Qwen/Qwen3-VL-Reranker-2B'. */
  rerankModel?: string;
  /** Default 'Qwen/Qwen3-VL-8B-Instruct'. */
  chatModel?: string;
  /** Images per /rerank request, a query photo included; default 5. */
  maxImagesPerRequest?: number;
  /** What relative image references (paths) resolve against, e.g. the index file's URL. */
  imageBase?: string | URL;
  /** Prepared product images kept for reuse; default 32. */
  imageCacheSize?: number;
  /** Photos (the products' and a query's) over this many pixels are not decoded: `prepareImage`'s `maxPixels`, which also sets the decode budget. */
  maxImagePixels?: number;
}

export interface HostedFilterOptions {
  /** Exact, case-sensitive category match. */
  category?: string;
  /** Inclusive. */
  minPrice?: number;
  /** Inclusive. */
  maxPrice?: number;
  /** Cancels the call: it rejects with the signal's reason. */
  signal?: AbortSignal;
}

export interface HostedSearchOptions extends HostedFilterOptions {
  /** Results; default 3. */
  topK?: number;
  /** Candidates retrieved for the reranker; default max(10, topK); at least topK. */
  retrieveK?: number;
  /** Default true. */
  rerank?: boolean;
  /** Passed to the reranker. */
  instruction?: string;
}

export interface ImageSearchOptions extends HostedFilterOptions {
  /** Text to retrieve candidates by (with the photo, over both fields) and to rerank with; without it, the index needs an image field (the local descriptor's) to retrieve by the photo. */
  query?: string;
  topK?: number;
  retrieveK?: number;
  instruction?: string;
}

export interface AnswerOptions extends HostedFilterOptions {
  /** Products given as sources; default 3. */
  topK?: number;
  /** Rerank before answering; default false (as `vitrine answer`). */
  rerank?: boolean;
  retrieveK?: number;
  instruction?: string;
  systemPrompt?: string;
  /** Default 512. */
  maxTokens?: number;
}

export interface HostedResult extends ProductRecord {
  /** 1 for the best result. */
  rank: number;
  position: number;
  /** The retrieval (cosine) score; null for candidates chosen without a query vector (photo alone). */
  score: number | null;
  /** The reranker's score, when reranked. */
  relevanceScore?: number;
}

/** Milliseconds per stage that ran. */
export interface Timings {
  embedMs?: number;
  retrieveMs?: number;
  imagesMs?: number;
  rerankMs?: number;
  answerMs?: number;
  totalMs: number;
}

export interface HostedSearchResult {
  results: HostedResult[];
  /** false when not asked for, or when reranking failed (then rerankError says why and results are in retrieval order). */
  reranked: boolean;
  rerankError?: string;
  /** Products whose image could not be used, sent as text alone. */
  warnings: string[];
  timings: Timings;
}

export interface Answer {
  answer: string;
  /** Ids of the products given, as numbered [1], [2], ... */
  sources: string[];
  /** Those the answer cites, in order of first citation. */
  cited: string[];
  /** Only with rerank: true. */
  reranked?: boolean;
  rerankError?: string;
  warnings: string[];
  timings: Timings;
}

/** Multimodal search and answers for one index through an OpenAI-compatible endpoint. */
export interface HostedClient {
  readonly index: VitrineIndex;
  search(query: string, options?: HostedSearchOptions): Promise<HostedSearchResult>;
  /** The photo (JPEG or PNG, prepared in WebAssembly) is the rerank query. */
  searchByImage(imageBytes: Bytes, options?: ImageSearchOptions): Promise<HostedSearchResult>;
  answer(question: string, options?: AnswerOptions): Promise<Answer>;
}

export interface WebIndexOptions {
  /** Defaults to globalThis.fetch. */
  fetch?: (url: URL) => Promise<Response>;
  /** Chunk fetches in flight at once, 1..64 (default 6). */
  concurrency?: number;
}

export interface WebSearchOptions {
  topK?: number;
  /** First-pass candidates rescored exactly (default: the core's, 500). */
  candidates?: number;
}

/** A web pack (`vitrine web-pack`): manifest and first pass fetched once, chunks as searches need them. */
export interface VitrineWebIndex {
  readonly count: number;
  readonly dims: number;
  readonly firstPassDims: number;
  readonly storage: 'f32' | 'int8';
  readonly model: string;
  /** The whole index's size in bytes, for comparison. */
  readonly indexBytes: number;
  /** Bytes of every response body so far (manifest, first pass, chunks). */
  readonly bytesFetched: number;
  readonly requests: number;
  /** index.search's results for this vector on the whole index, when its top-k are among the candidates. */
  search(query: Float32Array, options?: WebSearchOptions): Promise<SearchResult>;
  close(): void;
}

export interface Vitrine {
  /** The SIMD kernels in use ('sse4.1': xsimd's SSE4.1 code lowered to WASM SIMD128). */
  readonly searchKernel: string;
  /** Copies the index bytes into WebAssembly memory once and validates them. */
  openIndex(bytes: Bytes): VitrineIndex;
  /** Opens the web pack at baseUrl (its manifest.json and first pass); a VitrineError if either is refused. */
  openWebIndex(baseUrl: string | URL, options?: WebIndexOptions): Promise<VitrineWebIndex>;
  /** The offline feature-hashing embedder (a lexical fallback). */
  embedLocal(text: string, dims: number): Float32Array;
  /** JPEG, PNG, WebP (still) or GIF (first frame) in; an upright JPEG whose longest edge is at most maxEdge out. */
  prepareImage(bytes: Bytes, options?: PrepareOptions): PreparedImage;
  /** true when bytes fetched for a record's preparedImage are a complete JPEG of at most 1024 px, to send to rerank as they are (no decoding); throws a VitrineError (bad_image) otherwise. */
  checkPreparedPhoto(bytes: Bytes): true;
  /** "data:<mime>;base64,..."; mime defaults to 'image/jpeg'. */
  toDataUri(bytes: Bytes, mime?: string): string;
  /** A delta update (`vitrine delta OLD.vtx NEW.vtx`) applied over its base (OLD's bytes): NEW's bytes, verified by length and XXH3-128, for openIndex. Throws a VitrineError: bad_delta for a delta made for another base, truncated or corrupted; limit_exceeded past 512 MiB; unsupported for another delta format version. */
  applyDelta(baseBytes: Bytes, deltaBytes: Bytes): Uint8Array;
  /**
   * The pages of a catalogue's shards, each `search(text, {...pageOptions, topK: offset + topK, offset: 0})`
   * on its shard, merged into the page the whole catalogue's index gives (exact for vector scores:
   * ask with keywordWeight 0). Throws a VitrineError (invalid_argument) for a page that is not a
   * shard's, or pages faceting different fields.
   */
  mergePages(pages: SearchResult[], options: MergeOptions): SearchResult;
  /** A catalogue (JSON by default; see BuildOptions.format) to index bytes, as `vitrine build`. */
  buildIndex(catalogueJson: string | Bytes, options?: BuildOptions): Uint8Array;
  /** A client for the hosted endpoint: query embedding, multimodal rerank, answers. */
  createClient(options: ClientOptions): HostedClient;
  /** Bytes allocated in the WebAssembly heap now (a diagnostic for leak checks). */
  heapBytesInUse(): number;
  /** Size of this instance's WebAssembly memory: the peak it has needed, since it never shrinks. */
  memoryBytes(): number;
}
