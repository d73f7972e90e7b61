// catalogue.js — the storefront's catalogue: the WASM engine and the prebuilt index,
// searched in the browser.
//
//   const catalogue = await openCatalogue('/sample/catalogue.vtx');
//   const { hits, ms } = catalogue.search('green sofa', { category: 'furniture', maxPrice: 900 }, 24);
//   catalogue.search('', filters, 24, photo.preparedBytes);   // by photo (and words, when there are any)
//   catalogue.similar('fur-0002', filters, 24);               // "More like this"
//
// A query is embedded with the index's local embedder and searched exactly in WASM; a photo
// searches the index's image field too (the core's local image descriptor: look-alikes by
// colour and layout), over the whole catalogue. An empty query without a photo (or one with
// no words the embedder knows) browses instead: the filtered catalogue, taking products
// from each category in turn so the first screen shows the range. Refuses an index that was not built with the local embedder: this page has no
// way to embed a query through a hosted model without a worker.
import { init } from 'vitrine';

export async function openCatalogue(indexUrl) {
  const [vitrine, bytes] = await Promise.all([init(), fetchBytes(indexUrl)]);
  const index = vitrine.openIndex(bytes);
  if (index.embedder !== 'local_hashing') {
    throw new Error(`this demo needs an index built with the local embedder; ${indexUrl} uses ${index.model}`);
  }
  const records = Array.from({ length: index.count }, (_, position) => ({ ...index.record(position), position }));
  const imageBase = new URL(indexUrl, location.href);

  return {
    vitrine,
    index,
    indexUrl,
    categories: [...new Set(records.map((record) => record.category))].sort(),
    imageUrl: (record) => new URL(record.image, imageBase).href,

    // Whether a photo can be searched here (the index has a local image field).
    byPhoto: index.imageField?.embedder === 'local_image',

    search(query, filters, k, photo = null) {
      const started = performance.now();
      const vector = vitrine.embedLocal(query, index.dims);
      const noWords = vector.every((value) => value === 0);
      if (photo && this.byPhoto) {
        const hits = index.search(noWords ? null : vector, { photo, topK: k, ...filters }).results;
        return { hits, browsing: false, ms: performance.now() - started };
      }
      const hits = noWords ? browse(records, filters, k) : index.search(vector, { topK: k, ...filters }).results;
      return { hits, browsing: noWords, ms: performance.now() - started };
    },

    similar(id, filters, k) {
      const started = performance.now();
      const hits = index.similar(id, { topK: k, ...filters }).results;
      return { hits, ms: performance.now() - started };
    },
  };
}

async function fetchBytes(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`fetching ${url} failed: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

function browse(records, { category, minPrice = -Infinity, maxPrice = Infinity }, k) {
  const byCategory = new Map();
  for (const record of records) {
    if ((category && record.category !== category) || record.price < minPrice || record.price > maxPrice) continue;
    if (!byCategory.has(record.category)) byCategory.set(record.category, []);
    byCategory.get(record.category).push(record);
  }
  const queues = [...byCategory.values()];
  const picked = [];
  for (let round = 0; picked.length < k && queues.some((queue) => round < queue.length); round++) {
    for (const queue of queues) if (round < queue.length && picked.length < k) picked.push(queue[round]);
  }
  return picked;
}
