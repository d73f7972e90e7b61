// proxy_route.js — POST /embed and POST /rerank: the storefront page's way to the hosted
// endpoint without ever holding the key.
//
//   POST /embed  {"input": ["green sofa"]}                 -> the endpoint's /v1/embeddings answer
//   POST /rerank {"query": "...", "documents": [...]}      -> the endpoint's /v1/rerank answer
//
// The body is read within MAX_BODY_BYTES, checked (proxy_request.js), its cost charged to
// the client's rate limit (request_cost.js), and forwarded with the worker's model and key;
// the endpoint's JSON answer is relayed as re-serialised and checked for the key, its
// failures become the worker's own 429/502/504 (hosted_endpoint.js). /embed's model is EMBED_MODEL, or
// the index's own model when the index was built by a hosted one.
import { postEndpoint, requireEndpoint, requireModel } from './hosted_endpoint.js';
import { jsonTextResponse } from './http_error.js';
import { embedPayload, rerankPayload } from './proxy_request.js';
import { embedCost, rerankCost } from './request_cost.js';
import { readJsonBody } from './request_body.js';

export async function embedRoute(request, settings, loadCatalogue, charge) {
  requireEndpoint(settings);
  const model = settings.embedModel ?? (await hostedIndexModel(settings, loadCatalogue));
  requireModel(model, 'EMBED_MODEL');
  const payload = embedPayload(await readJsonBody(request, settings.maxBodyBytes), model);
  await charge(embedCost(payload));
  return jsonTextResponse(200, await postEndpoint(settings, 'embeddings', payload));
}

export async function rerankRoute(request, settings, charge) {
  requireEndpoint(settings);
  requireModel(settings.rerankModel, 'RERANK_MODEL');
  const payload = rerankPayload(await readJsonBody(request, settings.maxBodyBytes), settings);
  await charge(rerankCost(payload));
  return jsonTextResponse(200, await postEndpoint(settings, 'rerank', payload));
}

async function hostedIndexModel(settings, loadCatalogue) {
  const { index } = await loadCatalogue(settings);
  return index.embedder === 'local_hashing' ? null : index.model;
}
