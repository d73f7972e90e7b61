// hosted_pipeline.js — drives one run of the core's hosted pipeline (a HostedJob in
// WebAssembly: wasm/src/hosted_job.hpp, vitrine/hosted/pipeline.hpp) with fetch. The
// core decides what to send and what the answers mean; this file only moves bytes.
//
//   const outcome = await runJob(job, { core, transport, images, signal, timings, maxCallsInFlight });
//   // {results, reranked, rerankError?, warnings, answer?, cited?}; timings gets
//   // embedMs, retrieveMs, imagesMs, rerankMs, answerMs for the stages that ran
//
// The photos the job wants are fetched and prepared (photos built with the index:
// checked) at once (js/product_images.js); the calls it asks for are all sent at once,
// the rerank batches concurrently (at most maxCallsInFlight at a time, the core's
// default; none more after a fallback). The first rerank call to fail after its
// retries (EndpointError) goes back to the job, which falls back to retrieval order,
// and stops its siblings. An embeddings or chat call that fails rejects with its
// EndpointError, a response the core refuses with a VitrineError, and a caller's abort
// with the signal's reason: none is the reranker's fault. The fallback's reason has the
// API key redacted (transport.redact).
import { linked } from './abort.js';
import { EndpointError, unwrap } from './errors.js';

const STAGE = { rerank: 'rerankMs', 'chat/completions': 'answerMs' }; // embeddings: embedMs + retrieveMs

const add = (timings, stage, start) => {
  timings[stage] = (timings[stage] ?? 0) + (performance.now() - start);
};

async function givePhotos(job, wanted, { core, images, signal, timings }) {
  const start = performance.now();
  const photos = await Promise.all(wanted.map(({ reference, prepared }) => images.get(reference, signal, { prepared })));
  wanted.forEach(({ position }, i) => unwrap(core, job.giveImage(position, photos[i])));
  add(timings, 'imagesMs', start);
}

// Every call the job asks for, at once (at most maxCallsInFlight at a time); each answer
// handed back as it arrives.
async function sendCalls(job, calls, { core, transport, signal, timings, maxCallsInFlight }) {
  const start = performance.now();
  const siblings = linked(signal);
  let fellBack = false;
  const send = async (call) => {
    let body;
    try {
      body = await transport.postJson(call.path, call.body, { signal: siblings.signal });
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      if (fellBack) return; // stopped by a sibling's failure
      if (!call.fallsBack || !(error instanceof EndpointError)) throw error;
      fellBack = true;
      siblings.abort(error);
      unwrap(core, job.fail(call.id, error.message));
      return;
    }
    const received = performance.now();
    unwrap(core, job.receive(call.id, body));
    if (call.path !== 'embeddings') return;
    // The job retrieves the candidates on receipt of the query vector.
    timings.embedMs = (timings.embedMs ?? 0) + (received - start);
    add(timings, 'retrieveMs', received);
  };
  const queue = [...calls];
  const sender = async () => {
    for (let call = queue.shift(); call && !fellBack; call = queue.shift()) await send(call);
  };
  try {
    await Promise.all(Array.from({ length: Math.min(calls.length, maxCallsInFlight) }, sender));
  } catch (error) {
    siblings.abort(error);
    throw error;
  } finally {
    siblings.dispose();
  }
  if (calls[0].path !== 'embeddings') add(timings, STAGE[calls[0].path], start);
}

export async function runJob(job, context) {
  const { core, transport } = context;
  while (!job.finished()) {
    const wanted = job.wantedImages();
    if (wanted.length > 0) await givePhotos(job, wanted, context);
    else await sendCalls(job, job.calls(), context);
  }
  const outcome = unwrap(core, job.outcome());
  if (outcome.rerankError !== undefined) outcome.rerankError = transport.redact(outcome.rerankError);
  return outcome;
}
