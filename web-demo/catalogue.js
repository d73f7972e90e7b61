// catalogue.js — the storefront's catalogue: the WASM engine and the prebuilt index,
// searched in the browser.
//
//   const catalogue = await openCatalogue('/sample/catalogue.vtx');
//   const { hits, ms } = catalogue.search('green sofa', { category: 'furniture', maxPrice: 900 }, 24);
//
// A query is embedded with the index's local embedder and searched exactly in WASM. An
// empty query (or one with no words the embedder knows) browses instead: the filtered
// catalogue, taking products from each category in turn so the first screen shows the
// range. Refuses an index that was not built with the local embedder: this page has no
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

    search(query, filters, k) {
      const started = performance.now();
      const vector = vitrine.embedLocal(query, index.dims);
      const browsing = vector.every((value) => value === 0);
      const hits = browsing ? browse(records, filters, k) : index.search(vector, { topK: k, ...filters }).results;
      return { hits, browsing, ms: performance.now() - started };
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
