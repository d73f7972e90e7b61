// catalogue.js — the storefront's catalogue: the WASM engine and the prebuilt index,
// searched in the browser.
//
//   const catalogue = await openCatalogue('/sample/catalogue.vtx');
//   const { hits, total, facets, ms } = catalogue.search('green sofa', { category: 'furniture', maxPrice: 900 }, 24,
//                                                        { filter: ['brand=Nordvik'], sort: '-price', offset: 24 });
//   catalogue.search('', filters, 24, { photo: photo.preparedBytes });   // by photo (and words, when there are any)
//   catalogue.similar('fur-0002', filters, 24);                          // "More like this"
//
// A query is a storefront page of the package (keywords and the local embedder's vectors,
// filters, exact facet counts of category, price and brand, sort, offset and a total), all
// decided in the core. A photo searches the index's image field too (the core's local image
// descriptor: look-alikes by colour and layout), over the whole catalogue, fused with the
// words' vector when there are any. An empty query without a photo browses instead: the
// core's page without a query (index.browse: the same filters, facet counts and sorts), taking
// products from each category in turn when unsorted so the first screen shows the range. Refuses an index that was not built with the local embedder: this page has no
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
  // Counted for the sidebar; brand only when the catalogue has brands (the index refuses unknown fields).
  const facets = ['category', 'price', ...(records.some((record) => record.metadata?.brand) ? ['brand'] : [])];

  return {
    vitrine,
    index,
    indexUrl,
    categories: [...new Set(records.map((record) => record.category))].sort(),
    // The build-time card thumbnail (`vitrine build --images-out`: 400 px, named by its hash, so
    // cacheable forever) when the index has one, else the original; null without an image: the
    // card shows a placeholder, never the index's own URL.
    imageUrl: (record) => {
      const photo = record.thumbnail || record.image;
      return photo ? new URL(photo, imageBase).href : null;
    },

    // Whether a photo can be searched here (the index has a local image field).
    byPhoto: index.imageField?.embedder === 'local_image',

    search(query, filters, k, { filter = [], sort, offset = 0, photo = null } = {}) {
      const started = performance.now();
      if (photo && this.byPhoto) {
        const vector = vitrine.embedLocal(query, index.dims);
        const words = vector.some((value) => value !== 0) ? vector : null;
        const hits = index.search(words, { photo, topK: k, ...filters }).results;
        return { hits, total: hits.length, facets: null, browsing: false, ms: performance.now() - started };
      }
      const browsing = query === '';
      if (browsing) {  // the core's page without a query: filters, facets and sort as for a text
        const sorted = Boolean(sort);
        const page = index.browse({ ...filters, facets, filter, ...(sorted ? { sort, offset, topK: k } : { topK: Math.max(index.count, 1) }) });
        const hits = sorted ? page.results : interleaved(page.results).slice(offset, offset + k);
        return { hits, total: page.total, facets: page.facets, facetStats: page.facetStats, browsing,
                 ms: performance.now() - started };
      }
      const page = index.search(query, { topK: k, ...filters, facets, filter, offset, ...(sort ? { sort } : {}) });
      return { hits: page.results, total: page.total, facets: page.facets, facetStats: page.facetStats, browsing,
               ms: performance.now() - started };
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

// In catalogue order the first screen would be one category; without a sort, browsing takes
// the filtered products from each category in turn, so it shows the range.
function interleaved(hits) {
  const byCategory = new Map();
  for (const hit of hits) {
    if (!byCategory.has(hit.category)) byCategory.set(hit.category, []);
    byCategory.get(hit.category).push(hit);
  }
  const queues = [...byCategory.values()];
  const picked = [];
  for (let round = 0; picked.length < hits.length; round++) {
    for (const queue of queues) if (round < queue.length) picked.push(queue[round]);
  }
  return picked;
}
