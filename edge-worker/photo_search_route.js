// photo_search_route.js — POST /search (by a photo, and optionally a text) and GET /similar,
// both answered from the index's vector fields in WASM: the photo is described by the index's
// image model — the local descriptor (vitrine/search/photo_query.hpp) with no endpoint call,
// or a hosted one through the endpoint's /embeddings (as is a text beside it on a hosted-model
// index) — and the fields' scores fused by the core's rule (field_fusion.hpp).
//
//   POST /search  {"image": "data:image/jpeg;base64,..." (or image/png: a photo, or the bytes a
//                  client prepared), "q"?: "velvet sofa", "k"?: 10, "category"?, "min_price"?,
//                  "max_price"?, "text_weight"?, "image_weight"?}
//   GET  /similar?id=fur-0002&k=8&category=...&min_price=...&max_price=...
//   -> { k, results: [{ rank, id, title, ..., score }], timings: { retrieveMs, totalMs } }
//
// The body is read within MAX_BODY_BYTES (request_body.js); the decoded photo within
// MAX_IMAGE_BYTES (413), prepared under MAX_IMAGE_PIXELS, the worker's decode budget (413
// past it, 400 for bytes that are no photo). An index without a local image field answers
// 400 no_image_field with the core's message; GET /similar of an unknown id is 404; a hosted
// model's photo with no endpoint configured is 503, and the endpoint's failures as GET /search's.
// Each costs 1 unit, plus IMAGE_COST for the photo (request_cost.js).
import { VitrineError } from '../wasm/js/index.js';
import { HttpError, jsonResponse } from './http_error.js';
import { requireEndpoint } from './hosted_endpoint.js';
import { readJsonBody } from './request_body.js';
import { IMAGE_COST } from './request_cost.js';
import { searchClient, upstreamFailure } from './search_client.js';
import { parseDepthAndFilters, refuseUnknown } from './search_request.js';

const BODY_FIELDS = new Set(['image', 'q', 'k', 'category', 'min_price', 'max_price', 'text_weight', 'image_weight']);
const IMAGE_DATA_URI = /^data:image\/(jpeg|png);base64,([A-Za-z0-9+/]*={0,2})$/;
const MAX_QUERY_CHARS = 512;
const MAX_ID_CHARS = 256;

const invalid = (message) => new HttpError(400, 'invalid_parameter', message);

export async function photoSearchRoute(request, settings, load, charge) {
  const body = await readJsonBody(request, settings.maxBodyBytes);
  for (const name of Object.keys(body)) {
    if (!BODY_FIELDS.has(name)) throw invalid(`unknown field '${name}' (known: ${[...BODY_FIELDS].join(', ')})`);
  }
  // k and the filters are checked as GET /search checks them.
  const params = new URLSearchParams();
  for (const name of ['k', 'category', 'min_price', 'max_price']) if (body[name] !== undefined) params.set(name, String(body[name]));
  const { k, filters } = parseDepthAndFilters(params, settings);
  const q = body.q === undefined ? null : body.q;
  if (q !== null && (typeof q !== 'string' || q.trim() === '' || q.length > MAX_QUERY_CHARS))
    throw invalid(`field 'q' must be a text of 1..${MAX_QUERY_CHARS} characters`);
  const weights = {};
  for (const [name, key] of [['text_weight', 'textWeight'], ['image_weight', 'imageWeight']]) {
    if (body[name] === undefined) continue;
    if (typeof body[name] !== 'number' || !Number.isFinite(body[name]) || body[name] < 0) throw invalid(`field '${name}' must be a number >= 0`);
    weights[key] = body[name];
  }
  const photo = photoBytes(body.image, settings);
  await charge(1 + IMAGE_COST);

  const catalogue = await load(settings);
  const { vitrine, index } = catalogue;
  if (index.imageField?.embedder === 'hosted' || (q !== null && index.embedder !== 'local_hashing'))
    return hostedPhotoSearch(catalogue, settings, photo, q, k, { ...filters, ...weights });
  const start = performance.now();
  const found = coreAnswer(() => {
    const prepared = vitrine.prepareImage(photo, { maxPixels: settings.maxImagePixels }).bytes;
    return index.search(q === null ? null : q.trim(), { photo: prepared, topK: k, ...filters, ...weights });
  });
  return answer(k, found.results, start);
}

// A hosted image model (or a hosted text model beside the photo) embeds the query through the
// endpoint: the package's pipeline, without a rerank (the core prepares the photo under
// MAX_IMAGE_PIXELS and sends it to the image model in the chat form).
async function hostedPhotoSearch(catalogue, settings, photo, q, k, options) {
  const client = searchClient(catalogue, settings);
  if (!client) requireEndpoint(settings);
  const start = performance.now();
  let found;
  try {
    found = await client.searchByImage(photo, { ...(q === null ? {} : { query: q.trim() }), topK: k, rerank: false, ...options });
  } catch (error) {
    throw upstreamFailure(coreFailure(error), settings);
  }
  return answer(k, found.results, start);
}

export async function similarRoute(url, settings, load, charge) {
  refuseUnknown(url.searchParams, new Set(['id', 'k', 'category', 'min_price', 'max_price']));
  const id = url.searchParams.get('id') ?? '';
  if (id === '' || id.length > MAX_ID_CHARS) throw invalid(`parameter 'id' is required (1..${MAX_ID_CHARS} characters)`);
  const { k, filters } = parseDepthAndFilters(url.searchParams, settings);
  await charge(1);
  const { index } = await load(settings);
  const start = performance.now();
  const found = coreAnswer(() => index.similar(id, { topK: k, ...filters }));
  return answer(k, found.results, start);
}

function photoBytes(image, settings) {
  const match = typeof image === 'string' ? IMAGE_DATA_URI.exec(image) : null;
  if (!match) throw invalid("field 'image' must be a data:image/jpeg or data:image/png base64 URI");
  if (Math.floor((match[2].length * 3) / 4) > settings.maxImageBytes)
    throw new HttpError(413, 'image_too_large', `the photo is larger than ${settings.maxImageBytes} bytes`);
  return Uint8Array.from(atob(match[2]), (c) => c.charCodeAt(0));
}

// The core's refusals as the caller's errors: they name what is wrong with the request.
function coreAnswer(call) {
  try {
    return call();
  } catch (error) {
    throw coreFailure(error);
  }
}

// What the endpoint answered (bad_response) stays the endpoint's failure; the others are the caller's.
function coreFailure(error) {
  if (!(error instanceof VitrineError) || error.kind === 'bad_response') return error;
  if (error.kind === 'bad_image') return new HttpError(400, 'invalid_image', error.message);
  if (error.kind === 'limit_exceeded') return new HttpError(413, 'image_too_large', error.message);
  if (/no product has the id/.test(error.message)) return new HttpError(404, 'not_found', error.message);
  if (/image field/.test(error.message)) return new HttpError(400, 'no_image_field', error.message);
  return new HttpError(400, 'invalid_parameter', error.message);
}

function answer(k, results, start) {
  const retrieveMs = performance.now() - start;
  return jsonResponse(200, { k, results, timings: { retrieveMs, totalMs: retrieveMs } },
    { 'Server-Timing': `retrieve;dur=${retrieveMs.toFixed(2)}` });
}
