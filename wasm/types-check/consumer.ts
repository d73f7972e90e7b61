// consumer.ts — a strict TypeScript consumer of the package; compiled, never run.
// It exercises every declared function and option, so a declaration that drifts
// from the API, or that is too loose to catch misuse, fails `npm run typecheck`.
import { init, VitrineError, type SearchHit, type Vitrine, type VitrineIndex } from 'vitrine';

async function storefront(indexBytes: ArrayBuffer, photo: Uint8Array, compiled: WebAssembly.Module): Promise<string> {
  const vitrine: Vitrine = await init({ wasm: compiled });
  await init({ wasm: new URL('https://shop.example/vitrine_core.wasm') });
  await init();

  const index: VitrineIndex = vitrine.openIndex(indexBytes);
  const query: Float32Array = vitrine.embedLocal('brass floor lamp', index.dims);
  const hits: SearchHit[] = index.search(query, { topK: 5, category: 'lighting', minPrice: 10, maxPrice: 500, ids: ['a', 'b'] });
  const best = hits[0];
  const title: string = best ? `${best.rank}. ${best.title} (${best.score.toFixed(3)}) at ${best.position}` : 'none';
  const colour: unknown = index.record(0).metadata['colour'];
  const storage: 'f32' | 'int8' = index.storage;
  index.close();

  const image = vitrine.prepareImage(photo, { maxEdge: 512, quality: 80, maxPixels: 40_000_000 });
  const uri: string = vitrine.toDataUri(image.bytes, image.mime);
  const built: Uint8Array = vitrine.buildIndex('[{"id":"a","title":"Lamp"}]', { storage: 'int8', dims: 64 });
  vitrine.buildIndex(new Uint8Array(0), { vectors: new Float32Array(8), model: 'qwen3-embedding-8b', dims: 8 });
  vitrine.buildIndex('[]', { vectorsJsonl: '{"id":"a","embedding":[1]}\n', model: 'm' });

  try {
    vitrine.openIndex(built.subarray(0, 10));
  } catch (e) {
    if (e instanceof VitrineError && e.kind === 'corrupt_index') return e.message;
  }
  return `${title} ${String(colour)} ${storage} ${uri.length} ${image.width}x${image.height} ${vitrine.heapBytesInUse()} ${vitrine.searchKernel}`;
}

// Misuse the declarations must reject:
// @ts-expect-error a query is a Float32Array, not number[]
async function wrongVector(index: VitrineIndex) { index.search([0.1, 0.2]); }
// @ts-expect-error storage is 'f32' | 'int8'
async function wrongStorage(vitrine: Vitrine) { vitrine.buildIndex('[]', { storage: 'f16' }); }
// @ts-expect-error options are named topK, not topk
async function wrongOption(index: VitrineIndex) { index.search(new Float32Array(4), { topk: 3 }); }

export { storefront, wrongVector, wrongStorage, wrongOption };
