// rerank.js — retrieved candidates reranked through the endpoint's /rerank, with their
// product images; the retrieval order when that fails. The mirror of the native
// rerank_products: the core plans the batches (at most maxImagesPerRequest images each,
// the query's photo included), builds their bodies, merges the scores and makes the
// fallback; this file only fetches.
//
//   const outcome = await rerankCandidates(engine, retrieved, settings, { signal, warnings });
//   // {results: [{position, score, relevanceScore?}], reranked, rerankError?, imagesMs, rerankMs}
//
// Batches are sent at once; the first to fail stops the others. A reranker that fails
// after its retries or times out (EndpointError), or answers what the core refuses
// (bad_response, limit_exceeded), gives the retrieval order with reranked: false and
// the reason. Settings out of contract still throw (VitrineError invalid_argument),
// and a caller's abort rejects with the signal's reason: neither is the reranker's fault.
import { linked } from './abort.js';
import { EndpointError, VitrineError, unwrap } from './errors.js';

const RESPONSE_FAILURES = new Set(['bad_response', 'limit_exceeded']);

// Adds "<id>: <problem>; sent as text alone" once per product.
export function warnTextOnly(warnings, id, image) {
  if (!image.problem || warnings.some((w) => w.startsWith(`${id}: `))) return;
  warnings.push(`${id}: ${image.problem}; sent as text alone`);
}

// engine: {core, handle (the index's WASM object), index, transport, images}.
// retrieved: [{position, score?}] in retrieval order. settings: {model, query,
// queryImage? (a prepared JPEG), instruction?, topK, maxImagesPerRequest}.
export async function rerankCandidates(engine, retrieved, settings, { signal, warnings }) {
  const { core, handle, index, transport, images } = engine;
  if (retrieved.length === 0)
    return { results: [], reranked: false, rerankError: 'there were no candidates to rerank', imagesMs: 0, rerankMs: 0 };

  const imagesStart = performance.now();
  const records = retrieved.map(({ position }) => index.record(position));
  const photos = await Promise.all(records.map((record) => images.get(record, signal)));
  // Warnings in retrieval order, as natively, whichever photo arrived first.
  records.forEach((record, i) => warnTextOnly(warnings, record.id, photos[i]));
  const candidates = retrieved.map(({ position, score }, i) => ({ position, score, image: photos[i].jpeg }));
  const rerankStart = performance.now();
  const timed = (outcome) => ({ ...outcome, imagesMs: rerankStart - imagesStart, rerankMs: performance.now() - rerankStart });

  const job = unwrap(core, core.planRerank(handle, candidates, settings));
  const batch = linked(signal);
  try {
    let bodies;
    try {
      bodies = await Promise.all(job.batches().map((b) => transport.postJson('rerank', b.body, { signal: batch.signal })
        .catch((error) => {
          batch.abort(error);
          throw error;
        })));
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      if (!(error instanceof EndpointError)) throw error;
      return timed(unwrap(core, job.fallback(error.message)));
    }
    const merged = job.merge(bodies);
    if (merged !== undefined) return timed(merged);
    const failure = core.takeFailure();
    if (!RESPONSE_FAILURES.has(failure.kind)) throw new VitrineError(failure.kind, failure.message);
    return timed(unwrap(core, job.fallback(transport.redact(failure.message))));
  } finally {
    batch.dispose();
    job.delete();
  }
}
