// proxy_request.js — what the browser may ask the hosted endpoint for, checked before the
// key is spent on it. Returns the exact payload to forward.
//
//   embedPayload({ input: ['green sofa'] }, model)                 -> { model, input, dimensions? }
//   rerankPayload({ query, documents, top_n?, instruction? }, settings)
//                                                                  -> { model, query, documents, ... }
//
// The worker chooses the model: a body naming another one is refused, so a page cannot
// spend the key on a model the shop did not pick. Query and documents are strings or
// {content: [{type:'text',text} | {type:'image_url',image_url:{url}}]}; images must be
// data:image/jpeg;base64 URIs (prepareImage's output: the worker fetches nothing), at most
// MAX_IMAGE_BYTES each once decoded (413) and at most 5 per request. Unknown fields, wrong
// types and counts out of bounds are 400s naming the field.
import { HttpError } from './http_error.js';

const MAX_INPUTS = 64;
const MAX_DOCUMENTS = 100;
const MAX_TEXT_CHARS = 8192;
const MAX_IMAGES = 5; // the hosted rerank service's limit per request
const JPEG_DATA_URI = 'data:image/jpeg;base64,';

const invalid = (message) => new HttpError(400, 'invalid_body', message);

function onlyFields(body, allowed) {
  for (const name of Object.keys(body)) {
    if (!allowed.includes(name)) throw invalid(`unknown field '${name}' (known: ${allowed.join(', ')})`);
  }
}

function model(body, configured) {
  if (body.model !== undefined && body.model !== configured) {
    throw invalid(`field 'model' must be omitted or '${configured}', the model this worker uses`);
  }
  return configured;
}

function text(value, where) {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_TEXT_CHARS) {
    throw invalid(`${where} must be a string of 1..${MAX_TEXT_CHARS} characters`);
  }
  return value;
}

function positiveInteger(value, where, max) {
  if (!Number.isInteger(value) || value < 1 || value > max) throw invalid(`${where} must be an integer in 1..${max}`);
  return value;
}

export function embedPayload(body, configuredModel) {
  onlyFields(body, ['model', 'input', 'dimensions']);
  const inputs = typeof body.input === 'string' ? [body.input] : body.input;
  if (!Array.isArray(inputs) || inputs.length === 0 || inputs.length > MAX_INPUTS) {
    throw invalid(`field 'input' must be a string or a list of 1..${MAX_INPUTS} strings`);
  }
  inputs.forEach((input, at) => text(input, `input[${at}]`));
  const payload = { model: model(body, configuredModel), input: inputs };
  if (body.dimensions !== undefined) payload.dimensions = positiveInteger(body.dimensions, "field 'dimensions'", 65535);
  return payload;
}

export function rerankPayload(body, settings) {
  onlyFields(body, ['model', 'query', 'documents', 'top_n', 'instruction']);
  const images = { count: 0 };
  const query = scoreInput(body.query, 'query', settings, images);
  if (!Array.isArray(body.documents) || body.documents.length === 0 || body.documents.length > MAX_DOCUMENTS) {
    throw invalid(`field 'documents' must be a list of 1..${MAX_DOCUMENTS} documents`);
  }
  const documents = body.documents.map((document, at) => scoreInput(document, `documents[${at}]`, settings, images));
  if (images.count > MAX_IMAGES) {
    throw invalid(`${images.count} images in one request; at most ${MAX_IMAGES} are allowed (send batches)`);
  }
  const payload = { model: model(body, settings.rerankModel), query, documents };
  if (body.top_n !== undefined) payload.top_n = positiveInteger(body.top_n, "field 'top_n'", documents.length);
  if (body.instruction !== undefined) payload.instruction = text(body.instruction, "field 'instruction'");
  return payload;
}

// Rebuilt from the checked parts, so nothing unchecked is forwarded.
function scoreInput(value, where, settings, images) {
  if (typeof value === 'string') return text(value, where);
  if (typeof value !== 'object' || value === null || !Array.isArray(value.content) || value.content.length === 0) {
    throw invalid(`${where} must be a string or {content: [parts]}`);
  }
  return {
    content: value.content.map((part, at) => {
      const partWhere = `${where}.content[${at}]`;
      if (part?.type === 'text') return { type: 'text', text: text(part.text, `${partWhere}.text`) };
      if (part?.type === 'image_url') {
        images.count++;
        return { type: 'image_url', image_url: { url: jpegDataUri(part.image_url?.url, partWhere, settings) } };
      }
      throw invalid(`${partWhere} must be {type: 'text'} or {type: 'image_url'}`);
    }),
  };
}

function jpegDataUri(url, where, settings) {
  if (typeof url !== 'string' || !url.startsWith(JPEG_DATA_URI)) {
    throw invalid(`${where}.image_url.url must be a ${JPEG_DATA_URI}... URI (prepare the image with prepareImage)`);
  }
  const base64 = url.slice(JPEG_DATA_URI.length);
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  const bytes = Math.floor((base64.length * 3) / 4) - padding;
  if (bytes > settings.maxImageBytes) {
    throw new HttpError(413, 'image_too_large', `${where} is ${bytes} bytes; the limit is ${settings.maxImageBytes}`);
  }
  if (base64.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(base64) || !base64.startsWith('/9j/')) {
    throw invalid(`${where}.image_url.url is not Base64 of a JPEG`);
  }
  return url;
}
