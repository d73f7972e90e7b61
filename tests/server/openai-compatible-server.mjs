#!/usr/bin/env node
// openai-compatible-server.mjs — a deterministic OpenAI-compatible endpoint on
// loopback, for testing Vitrine's transports and pipelines without a network.
// Node built-ins only.
//
//   import { startServer } from './openai-compatible-server.mjs';
//   const server = await startServer({ apiKey: 'sk-test' });   // server.url = http://127.0.0.1:PORT/v1
//   server.fault({ endpoint: 'rerank', kind: '429', times: 2, retryAfter: 1 });
//   ... run the client against server.url ...
//   assert.deepEqual(server.violations, []);
//   await server.close();
//
//   node tests/server/openai-compatible-server.mjs --port 0 [--key K] [--max-images 5] [--dims 64] [--images DIR]
//   (prints its base URL; faults then come from POST /control/faults)
//
// Serves, deterministically:
//   POST /v1/embeddings        feature-hashed bag of words (dims per server, every 8/16/32... prefix
//                              non-zero, like a Matryoshka model), L2-normalised; a Qwen3
//                              "Instruct: …\nQuery:" prefix is not embedded, so queries and products
//                              sharing words score high. `data` comes back in reverse order (clients
//                              must order by `index`); `dimensions` truncates.
//                              vLLM's multimodal chat form (`messages`, one user turn whose content
//                              holds one image_url data URI and optional text parts,
//                              `encoding_format: "float"`): one vector, derived from the JPEG's bytes
//                              (the same photo, the same vector; others near orthogonal) plus the
//                              text's words, so a test can tell which product a photo finds.
//   POST /v1/rerank            relevance = share of the query's distinct words found in the document;
//                              best first (ties: lower index); top_n honoured.
//   POST /v1/chat/completions  "[n]" of the context item sharing most words with the question, cited.
//   GET  /images/NAME          files from --images DIR (for products whose image is a URL).
// Checks what it receives and records each breach in `violations` (and answers 400): a bearer key
// other than the configured one (401, recorded in the request log, not a violation), a body that is
// not JSON, more images in one request than maxImages (the query's included), an image that is not
// a data:image/jpeg;base64 URI holding a JPEG whose SOF gives a longest edge <= 1024, chat images
// without detail "low", and any Authorization header sent to /images (keys go to the API only).
// Faults, matched in order against each /v1 request (endpoint 'embeddings' | 'rerank' | 'chat' | 'any'),
// after `skip` matching requests pass, for `times` requests (default: all):
//   { kind: '429', retryAfter: 1 | 'date' }   429 with Retry-After in seconds or as an HTTP-date
//   { kind: 'status', status: 500 }           that status with an error object
//   { kind: 'slow', ms: 2000 }                answers normally after ms
//   { kind: 'malformed' }                     200 with broken JSON
//   { kind: 'truncated' }                     200 whose body stops short of its Content-Length
//   { kind: 'bad-index' }                     200 with a result index out of range
//   { kind: 'echo-key' }                      500 whose body quotes the Authorization header
//   { kind: 'drop' }                          closes the connection without answering
//   { kind: 'redirect', location: URL }       307 to location (a client carrying the key must not follow)
//   { kind: 'invalid-utf8' }                  200, the normal answer with a byte 0xff in a string
//   { kind: 'escaped-key' }                   200, the normal answer plus a field quoting the bearer key
//                                             through a JSON escape (\u0073k-…), as an echo could
//   { kind: 'huge', bytes: N }                200 with a valid JSON body of about N bytes
//   { kind: 'wrong-dims' }                    200, embeddings one value short
//   { kind: 'empty-data' }                    200, embeddings with an empty data list
// Control (for standalone use): POST /control/faults [specs], POST /control/reset, GET /control/requests.

import http from 'node:http';
import { readFile } from 'node:fs/promises';
import { join, basename } from 'node:path';
import { fileURLToPath } from 'node:url';

const MAX_BODY_BYTES = 64 << 20;
const MAX_IMAGE_EDGE = 1024;

// --- deterministic models ---------------------------------------------------

function words(text) {
  return (String(text).toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
}

function fnv1a(text) {
  let h = 0x811c9dc5;
  for (const byte of Buffer.from(text, 'utf8')) h = Math.imul(h ^ byte, 0x01000193);
  return h >>> 0;
}

// The text after a Qwen3 "Instruct: …\nQuery:" prefix, or the text itself.
function queryPart(text) {
  const match = /^Instruct: [^\n]*\nQuery:([\s\S]*)$/.exec(text);
  return match ? match[1] : text;
}

// Each word adds +-1 to one bucket in every prefix of 8, 16, 32, ... dims, so any
// such prefix of a text's vector is non-zero: truncation works as with a
// Matryoshka-trained model.
export function embed(text, dims) {
  const vector = new Array(dims).fill(0);
  for (const word of words(queryPart(text))) {
    for (let width = Math.min(8, dims); ; width = Math.min(width * 2, dims)) {
      const h = fnv1a(`${word}#${width}`);
      vector[h % width] += h & 0x80000000 ? -1 : 1;
      if (width === dims) break;
    }
  }
  let norm = Math.hypot(...vector);
  if (norm === 0) {
    vector[0] = 1;
    norm = 1;
  }
  return vector.map((v) => v / norm);
}

export function overlap(query, documentText) {
  const wanted = new Set(words(query));
  if (wanted.size === 0) return 0;
  const present = new Set(words(documentText));
  let found = 0;
  for (const w of wanted) if (present.has(w)) found++;
  return found / wanted.size;
}

// --- JPEG checks ------------------------------------------------------------

// Width and height from the first SOF marker, after walking the segments from SOI.
export function jpegSize(bytes) {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) throw new Error('not a JPEG (no SOI marker)');
  let at = 2;
  while (at < bytes.length) {
    if (bytes[at] !== 0xff) throw new Error(`no marker at byte ${at}`);
    while (bytes[at] === 0xff) at++;
    const marker = bytes[at++];
    if (marker === 0xd9) throw new Error('EOI before any frame header');
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) continue;
    if (at + 2 > bytes.length) break;
    const length = bytes.readUInt16BE(at);
    if (length < 2 || at + length > bytes.length) throw new Error(`segment 0x${marker.toString(16)} runs past the end`);
    const isFrame = marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker);
    if (isFrame) {
      if (length < 8) throw new Error('frame header too short');
      const height = bytes.readUInt16BE(at + 3);
      const width = bytes.readUInt16BE(at + 5);
      if (width === 0 || height === 0) throw new Error(`frame header gives ${width}x${height}`);
      if (bytes[bytes.length - 2] !== 0xff || bytes[bytes.length - 1] !== 0xd9) throw new Error('no EOI marker at the end');
      return { width, height };
    }
    at += length;
  }
  throw new Error('truncated before a frame header');
}

function checkImageUrl(url) {
  const prefix = 'data:image/jpeg;base64,';
  if (typeof url !== 'string' || !url.startsWith(prefix)) {
    throw new Error(`image is not a data:image/jpeg;base64 URI: ${String(url).slice(0, 40)}`);
  }
  const base64 = url.slice(prefix.length);
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64)) throw new Error('image data URI is not valid base64');
  const size = jpegSize(Buffer.from(base64, 'base64'));
  if (Math.max(size.width, size.height) > MAX_IMAGE_EDGE) {
    throw new Error(`image is ${size.width}x${size.height}, longer than ${MAX_IMAGE_EDGE} px`);
  }
  return size;
}

// --- request shapes ---------------------------------------------------------

class BadRequest extends Error {}

// Text and image URLs of a rerank query or document: a string or {content: [parts]}.
function scoreInput(value, what) {
  if (typeof value === 'string') return { text: value, images: [] };
  if (!value || !Array.isArray(value.content)) throw new BadRequest(`${what} is neither a string nor {content: [...]}`);
  const out = { text: '', images: [] };
  for (const part of value.content) {
    if (part?.type === 'text' && typeof part.text === 'string') out.text += (out.text ? ' ' : '') + part.text;
    else if (part?.type === 'image_url' && typeof part.image_url?.url === 'string') out.images.push(part.image_url.url);
    else throw new BadRequest(`${what} has an unknown content part`);
  }
  return out;
}

function requireModel(body) {
  if (typeof body.model !== 'string' || body.model === '') throw new BadRequest('model is missing');
}

// A unit vector from a photo's bytes: +-1 per dimension by a hash of the bytes and the
// dimension, so any prefix is non-zero, as with a Matryoshka model.
export function embedImage(jpegBase64, dims) {
  const seed = fnv1a(jpegBase64);
  const vector = Array.from({ length: dims }, (_, d) => (fnv1a(`${seed}#${d}`) >>> 31 ? 1 : -1));
  const norm = Math.hypot(...vector);
  return vector.map((v) => v / norm);
}

// vLLM's chat form of /v1/embeddings: one user turn of an image and optional text.
function multimodalEmbedding(body, server) {
  requireModel(body);
  if (body.encoding_format !== 'float') throw new BadRequest('encoding_format must be "float"');
  if (!Array.isArray(body.messages) || body.messages.length !== 1 || body.messages[0]?.role !== 'user')
    throw new BadRequest('messages must be one user turn');
  const { text, images } = scoreInput(body.messages[0], 'the user turn');
  if (images.length !== 1) throw new BadRequest(`the user turn holds ${images.length} images, not 1`);
  checkImageUrl(images[0]);
  const photo = embedImage(images[0].slice('data:image/jpeg;base64,'.length), server.dims);
  const words = text ? embed(text, server.dims) : null;
  const sum = photo.map((v, d) => v + (words ? words[d] : 0));
  const norm = Math.hypot(...sum);
  const embedding = sum.map((v) => v / norm).slice(0, body.dimensions ?? server.dims);
  return { object: 'list', model: body.model, data: [{ object: 'embedding', index: 0, embedding }], usage: { prompt_tokens: 1, total_tokens: 1 } };
}

function embeddings(body, server) {
  if (body.messages !== undefined) return multimodalEmbedding(body, server);
  requireModel(body);
  const inputs = typeof body.input === 'string' ? [body.input] : body.input;
  if (!Array.isArray(inputs) || inputs.length === 0 || inputs.some((t) => typeof t !== 'string' || t === '')) {
    throw new BadRequest('input must be a non-empty string or a list of them');
  }
  const dims = body.dimensions ?? server.dims;
  const data = inputs.map((text, index) => ({ object: 'embedding', index, embedding: embed(text, server.dims).slice(0, dims) }));
  data.reverse();
  return { object: 'list', model: body.model, data, usage: { prompt_tokens: inputs.length, total_tokens: inputs.length } };
}

function rerank(body, server, record) {
  requireModel(body);
  const query = scoreInput(body.query, 'query');
  if (!Array.isArray(body.documents) || body.documents.length === 0) throw new BadRequest('documents must be a non-empty list');
  const documents = body.documents.map((d, i) => scoreInput(d, `document ${i}`));
  const images = [...query.images, ...documents.flatMap((d) => d.images)];
  record.images = images.length;
  if (images.length > server.maxImages) {
    throw new BadRequest(`${images.length} images in one request, more than the limit of ${server.maxImages}`);
  }
  for (const url of images) checkImageUrl(url);
  if (body.instruction !== undefined && typeof body.instruction !== 'string') throw new BadRequest('instruction must be a string');
  const topN = body.top_n ?? documents.length;
  if (!Number.isInteger(topN) || topN < 1) throw new BadRequest('top_n must be a positive integer');
  const results = documents
    .map((d, index) => ({ index, document: { text: d.text }, relevance_score: overlap(query.text, d.text) }))
    .sort((a, b) => b.relevance_score - a.relevance_score || a.index - b.index)
    .slice(0, topN);
  return { id: `rerank-${server.requests.length}`, model: body.model, usage: { total_tokens: documents.length }, results };
}

function chat(body, record) {
  requireModel(body);
  if (!Array.isArray(body.messages) || body.messages.length === 0) throw new BadRequest('messages must be a non-empty list');
  const user = body.messages.findLast((m) => m?.role === 'user');
  if (!user || !Array.isArray(user.content)) throw new BadRequest('the last user message must have content parts');
  const texts = [];
  let images = 0;
  for (const part of user.content) {
    if (part?.type === 'text') texts.push(String(part.text));
    else if (part?.type === 'image_url') {
      if (part.image_url?.detail !== 'low') throw new BadRequest('chat images must ask for detail "low"');
      checkImageUrl(part.image_url?.url);
      images++;
    } else throw new BadRequest('unknown content part');
  }
  record.images = images;
  const question = texts.at(-1) ?? '';
  let best = null;
  for (const text of texts.slice(0, -1)) {
    const match = /^\[(\d+)\]\s*([^\n]*)/.exec(text);
    if (!match) continue;
    const score = overlap(question, text);
    if (!best || score > best.score) best = { n: match[1], title: match[2], score };
  }
  const content = best ? `The best match is [${best.n}] ${best.title}.` : 'None of the products fits.';
  return {
    id: `chat-${record.index}`, object: 'chat.completion', model: body.model,
    choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
    usage: { prompt_tokens: texts.length, completion_tokens: 8, total_tokens: texts.length + 8 },
  };
}

const ROUTES = { '/v1/embeddings': 'embeddings', '/v1/rerank': 'rerank', '/v1/chat/completions': 'chat' };

// --- faults -----------------------------------------------------------------

function takeFault(server, endpoint) {
  for (const fault of server.faults) {
    if (fault.endpoint !== 'any' && fault.endpoint !== endpoint) continue;
    if (fault.skipped < fault.skip) {
      fault.skipped++;
      continue;
    }
    if (fault.used >= fault.times) continue;
    fault.used++;
    return fault;
  }
  return null;
}

function normaliseFault(spec) {
  const kinds = ['429', 'status', 'slow', 'malformed', 'truncated', 'bad-index', 'echo-key', 'drop',
    'redirect', 'invalid-utf8', 'escaped-key', 'huge', 'wrong-dims', 'empty-data'];
  if (!kinds.includes(spec.kind)) throw new Error(`unknown fault kind ${spec.kind}`);
  return { endpoint: 'any', times: Infinity, skip: 0, ...spec, used: 0, skipped: 0 };
}

function send(res, status, payload, headers = {}) {
  const body = typeof payload === 'string' ? payload : JSON.stringify(payload);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), ...headers });
  res.end(body);
}

const errorBody = (message, type = 'invalid_request_error') => ({ error: { message, type } });

function sendFault(fault, req, res, endpoint, ok) {
  switch (fault.kind) {
    case '429': {
      const value = fault.retryAfter === 'date'
        ? new Date(Date.now() + 2000).toUTCString()
        : String(fault.retryAfter ?? 1);
      return send(res, 429, errorBody('rate limited, slow down', 'rate_limit_error'), { 'Retry-After': value });
    }
    case 'status':
      return send(res, fault.status ?? 500, errorBody(`injected status ${fault.status ?? 500}`, 'server_error'));
    case 'malformed':
      return send(res, 200, '{"results": [{"index": 0, "relevance_score": 0.5},');
    case 'truncated': {
      const body = JSON.stringify(ok());
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
      res.write(body.slice(0, Math.floor(body.length / 2)));
      return setTimeout(() => res.socket?.destroy(), 20);
    }
    case 'bad-index': {
      const answer = ok();
      if (endpoint === 'rerank') answer.results[0].index = 10_000;
      else if (endpoint === 'embeddings') answer.data[0].index = answer.data.length;
      else answer.choices = [];
      return send(res, 200, answer);
    }
    case 'wrong-dims': {
      const answer = ok();
      for (const item of answer.data ?? []) item.embedding = item.embedding.slice(1);
      return send(res, 200, answer);
    }
    case 'empty-data':
      return send(res, 200, { ...ok(), data: [] });
    case 'echo-key':
      return send(res, 500, errorBody(`upstream rejected the headers: authorization=${req.headers.authorization ?? ''}`));
    case 'drop':
      return req.socket.destroy();
    case 'redirect':
      res.writeHead(307, { Location: fault.location, 'Content-Length': 0 });
      return res.end();
    case 'invalid-utf8': {
      const body = Buffer.from(JSON.stringify({ ...ok(), note: 'INVALID' }));
      body[body.indexOf('INVALID')] = 0xff;
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': body.length });
      return res.end(body);
    }
    case 'escaped-key': {
      const key = (req.headers.authorization ?? '').replace(/^Bearer /, '');
      const escaped = [...key].map((c, i) => (i === 0 ? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}` : c)).join('');
      const body = JSON.stringify(ok()).replace(/^\{/, `{"note":"${escaped}",`);
      return send(res, 200, body);
    }
    case 'huge':
      return send(res, 200, JSON.stringify({ ...ok(), padding: 'x'.repeat(fault.bytes ?? 1 << 20) }));
    default:
      throw new Error(`fault ${fault.kind} cannot be sent`);
  }
}

// --- the server -------------------------------------------------------------

async function readBody(req) {
  const chunks = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new BadRequest('request body too large');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

async function handle(server, req, res) {
  const path = new URL(req.url, 'http://loopback').pathname;
  if (path.startsWith('/control/')) return control(server, path, req, res);
  if (req.method === 'GET' && path.startsWith('/images/')) {
    server.requests.push({ index: server.requests.length, endpoint: 'image', path, authorization: req.headers.authorization });
    if (req.headers.authorization) server.violations.push(`credentials sent to an image host: GET ${path}`);
    if (!server.imagesDir) return send(res, 404, errorBody('no image directory'));
    try {
      const bytes = await readFile(join(server.imagesDir, basename(path)));
      res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': bytes.length });
      return res.end(bytes);
    } catch {
      return send(res, 404, errorBody(`no image ${basename(path)}`));
    }
  }

  const endpoint = ROUTES[path];
  if (!endpoint || req.method !== 'POST') return send(res, 404, errorBody(`no route ${req.method} ${path}`));
  const record = { index: server.requests.length, endpoint, path, authorized: false, images: 0 };
  server.requests.push(record);
  let text;
  try {
    text = await readBody(req);
  } catch (error) {
    server.violations.push(`${endpoint}: ${error.message}`);
    return send(res, 413, errorBody(error.message));
  }
  record.authorized = req.headers.authorization === `Bearer ${server.apiKey}`;
  if (server.apiKey && !record.authorized) {
    record.status = 401;
    return send(res, 401, errorBody('missing or wrong API key', 'authentication_error'));
  }
  if (!/^application\/json\b/.test(req.headers['content-type'] ?? '')) {
    server.violations.push(`${endpoint}: Content-Type is ${req.headers['content-type']}`);
  }
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    server.violations.push(`${endpoint}: body is not JSON`);
    return send(res, 400, errorBody('body is not JSON'));
  }
  record.body = body;

  const ok = () => {
    if (endpoint === 'embeddings') return embeddings(body, server);
    if (endpoint === 'rerank') return rerank(body, server, record);
    return chat(body, record);
  };
  const fault = takeFault(server, endpoint);
  record.fault = fault?.kind;
  // unref: a long delay must not keep a finished test process alive.
  if (fault?.kind === 'slow') await new Promise((resolve) => setTimeout(resolve, fault.ms ?? 2000).unref());
  try {
    if (fault && fault.kind !== 'slow') return sendFault(fault, req, res, endpoint, ok);
    const answer = ok();
    record.status = 200;
    if (!res.destroyed) send(res, 200, answer);
  } catch (error) {
    if (!(error instanceof BadRequest)) throw error;
    server.violations.push(`${endpoint}: ${error.message}`);
    record.status = 400;
    send(res, 400, errorBody(error.message));
  }
  for (const waiter of [...server.waiters]) waiter();
}

async function control(server, path, req, res) {
  if (path === '/control/requests' && req.method === 'GET') {
    return send(res, 200, { requests: server.requests.map(({ body, ...rest }) => rest), violations: server.violations });
  }
  if (path === '/control/reset' && req.method === 'POST') {
    server.reset();
    return send(res, 200, { ok: true });
  }
  if (path === '/control/faults' && req.method === 'POST') {
    try {
      const specs = JSON.parse(await readBody(req));
      server.faults = (Array.isArray(specs) ? specs : [specs]).map(normaliseFault);
      return send(res, 200, { ok: true });
    } catch (error) {
      return send(res, 400, errorBody(error.message));
    }
  }
  return send(res, 404, errorBody(`no control ${path}`));
}

export async function startServer({ port = 0, host = '127.0.0.1', apiKey = 'test-key', maxImages = 5, dims = 64,
                                    imagesDir = null } = {}) {
  const server = {
    apiKey, maxImages, dims, imagesDir,
    requests: [], violations: [], faults: [], waiters: new Set(),
    fault(spec) { this.faults.push(normaliseFault(spec)); },
    reset() {
      this.requests.length = 0;
      this.violations.length = 0;
      this.faults = [];
    },
    // Resolves once a request satisfying predicate has been received (checked as requests arrive).
    waitFor(predicate) {
      return new Promise((resolve) => {
        const check = () => {
          const found = this.requests.find(predicate);
          if (found) {
            this.waiters.delete(check);
            resolve(found);
          }
        };
        this.waiters.add(check);
        check();
      });
    },
  };
  const sockets = new Set();
  const http_server = http.createServer((req, res) => {
    const notify = () => { for (const waiter of [...server.waiters]) waiter(); };
    handle(server, req, res).catch((error) => {
      server.violations.push(`server error: ${error.stack ?? error}`);
      if (!res.headersSent) send(res, 500, errorBody('test server error'));
    }).finally(notify);
    // A request is visible to waiters as soon as it is logged, before any slow fault ends.
    setImmediate(notify);
  });
  http_server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise((resolve, reject) => {
    http_server.once('error', reject);
    http_server.listen(port, host, resolve);
  });
  const address = http_server.address();
  server.origin = `http://${host}:${address.port}`;
  server.url = `${server.origin}/v1`;
  server.close = () => new Promise((resolve) => {
    for (const socket of sockets) socket.destroy();
    http_server.close(() => resolve());
  });
  return server;
}

// --- standalone ---------------------------------------------------------------

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const options = {};
  const args = process.argv.slice(2);
  for (let i = 0; i < args.length; i += 2) {
    const [name, value] = [args[i], args[i + 1]];
    if (value === undefined) throw new Error(`${name} needs a value`);
    if (name === '--port') options.port = Number(value);
    else if (name === '--key') options.apiKey = value;
    else if (name === '--max-images') options.maxImages = Number(value);
    else if (name === '--dims') options.dims = Number(value);
    else if (name === '--images') options.imagesDir = value;
    else throw new Error(`unknown option ${name}`);
  }
  const server = await startServer(options);
  console.log(server.url);
  process.on('SIGINT', () => server.close().then(() => process.exit(0)));
  process.on('SIGTERM', () => server.close().then(() => process.exit(0)));
}
