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
  | 'out_of_memory'
  | 'internal';

/** Thrown when the core refuses an input; `message` is the core's. Wrong JS types throw TypeError instead. */
export class VitrineError extends Error {
  readonly name: 'VitrineError';
  readonly kind: VitrineErrorKind;
}

export type Bytes = Uint8Array | ArrayBuffer | ArrayBufferView;

export interface InitOptions {
  /** The compiled module (required in workerd / Cloudflare Workers), its bytes, or its URL. Default: the package's dist/vitrine_core.wasm. */
  wasm?: WebAssembly.Module | Bytes | URL | string;
}

/** Creates an independent module instance with its own WebAssembly memory. */
export function init(options?: InitOptions): Promise<Vitrine>;

export type Storage = 'f32' | 'int8';

export interface ProductRecord {
  id: string;
  title: string;
  description: string;
  image: string;
  category: string;
  price: number;
  /** The product's free-form metadata object. */
  metadata: Record<string, unknown>;
}

export interface SearchHit extends ProductRecord {
  /** 1 for the best hit. */
  rank: number;
  /** Cosine similarity, a float32 value. */
  score: number;
  /** The record's position in the index (for `record()`). */
  position: number;
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
}

export interface VitrineIndex {
  readonly count: number;
  readonly dims: number;
  /** The embedding model's native dims (>= dims when vectors were truncated). */
  readonly modelDims: number;
  readonly storage: Storage;
  readonly model: string;
  readonly embedder: 'hosted' | 'local_hashing';
  /** Exact top-k by cosine similarity; filters apply before top-k. `vector.length` must equal `dims`. */
  search(vector: Float32Array, options?: SearchOptions): SearchHit[];
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
  /** Default 'f32'. */
  storage?: Storage;
  /** Local embedder: its dims (default 256). With vectors: keep the first `dims` values of each (vectorsJsonl), or the row length (vectors). */
  dims?: number;
  /** The embedding model of vectorsJsonl / vectors; required with them, refused without. */
  model?: string;
  /** JSON Lines, {"id": ..., "embedding": [...]} a line, as `vitrine build --vectors`. */
  vectorsJsonl?: string | Bytes;
  /** One row of `dims` values per product, in catalogue order. */
  vectors?: Float32Array;
}

export interface Vitrine {
  /** The SIMD kernels in use ('sse4.1': xsimd's SSE4.1 code lowered to WASM SIMD128). */
  readonly searchKernel: string;
  /** Copies the index bytes into WebAssembly memory once and validates them. */
  openIndex(bytes: Bytes): VitrineIndex;
  /** The offline feature-hashing embedder (a lexical fallback). */
  embedLocal(text: string, dims: number): Float32Array;
  /** JPEG or PNG in; an upright JPEG whose longest edge is at most maxEdge out. */
  prepareImage(bytes: Bytes, options?: PrepareOptions): PreparedImage;
  /** "data:<mime>;base64,..."; mime defaults to 'image/jpeg'. */
  toDataUri(bytes: Bytes, mime?: string): string;
  /** Catalogue JSON (a JSON array of products) to index bytes, as `vitrine build`. */
  buildIndex(catalogueJson: string | Bytes, options?: BuildOptions): Uint8Array;
  /** Bytes allocated in the WebAssembly heap now (a diagnostic for leak checks). */
  heapBytesInUse(): number;
}
