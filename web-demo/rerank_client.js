// rerank_client.js — the page's rerank step: the package's hosted pipeline
// (vitrine.createClient) pointed at the edge worker, whose POST /rerank proxy holds the
// API key. The page prepares the product images (and the shopper's photo) in WASM and
// sends them in batches of at most 5, as the hosted reranker requires.
//
//   const reranker = await connectReranker(catalogue, 'https://search.shop.example');  // throws why not
//   const outcome = await reranker.rerank({ query, photo, filters, k, signal });
//   // { hits, reranked, reason?, rerankMs, imagesMs }
//
// Candidates are the local search's top k for the text, the photo (the index's image
// field) or both. A reranker that fails never loses them: they come back
// in retrieval order with reranked: false and the reason. An abort (a newer search
// started) rejects with the signal's reason.

export async function connectReranker({ vitrine, index, indexUrl }, workerUrl) {
  let health;
  try {
    const response = await fetch(new URL('/health', workerUrl));
    health = response.ok ? await response.json() : null;
  } catch {
    // unreachable: said below
  }
  if (!health) throw new Error('the edge worker cannot be reached');
  if (!health.endpoint?.rerankModel) throw new Error('the edge worker has no reranker configured');
  const client = vitrine.createClient({
    index,
    baseUrl: workerUrl,              // no apiKey: the worker adds it
    rerankModel: health.endpoint.rerankModel,
    imageBase: new URL(indexUrl, location.href),
    imageCacheSize: 128,
    retries: 1,
  });

  return {
    async rerank({ query, photo, filters, k, signal }) {
      const depth = { topK: k, retrieveK: k, ...filters, signal };
      const found = photo
        ? await client.searchByImage(photo.bytes, { ...depth, ...(query ? { query } : {}) })
        : await client.search(query, { ...depth, rerank: true });
      return {
        hits: found.results,
        reranked: found.reranked,
        reason: found.rerankError,
        rerankMs: found.timings.rerankMs ?? 0,
        imagesMs: found.timings.imagesMs ?? 0,
      };
    },
  };
}
