// request_body.js — a POST body read as a JSON object, within a byte limit.
//
//   const body = await readJsonBody(request, settings.maxBodyBytes);
//
// Refuses, with a 4xx the caller can act on: a Content-Type other than application/json
// (415), more than maxBytes (413: counted while streaming, so an oversized body is never
// buffered), bytes that are not UTF-8 or not JSON (400), and JSON that is not an object (400).
import { HttpError } from './http_error.js';

// A refused body is still read to its end, up to this much, and discarded: answering
// before the client has sent it all makes HTTP/1.1 clients fail with a broken pipe
// instead of reading the answer.
const DRAIN_LIMIT_BYTES = 32 * 1024 * 1024;

export async function readJsonBody(request, maxBytes) {
  if (!/^application\/json\s*(;|$)/i.test(request.headers.get('Content-Type') ?? '')) {
    throw new HttpError(415, 'unsupported_media_type', 'send the body as Content-Type: application/json');
  }
  const tooLarge = () => new HttpError(413, 'body_too_large', `the request body is larger than ${maxBytes} bytes`);
  if (Number(request.headers.get('Content-Length')) > Math.max(maxBytes, DRAIN_LIMIT_BYTES)) throw tooLarge();
  const bytes = await readAtMost(request.body, maxBytes);
  if (!bytes) throw tooLarge();

  let body;
  try {
    body = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new HttpError(400, 'invalid_json', 'the request body is not valid UTF-8 JSON');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new HttpError(400, 'invalid_body', 'the request body must be a JSON object');
  }
  return body;
}

// The stream's bytes, or null when there are more than maxBytes (never buffered past it).
async function readAtMost(stream, maxBytes) {
  if (!stream) return new Uint8Array(0);
  const chunks = [];
  let size = 0;
  const reader = stream.getReader();
  for (let part = await reader.read(); !part.done; part = await reader.read()) {
    size += part.value.byteLength;
    if (size > Math.max(maxBytes, DRAIN_LIMIT_BYTES)) {
      await reader.cancel();
      break;
    }
    if (size <= maxBytes) chunks.push(part.value);
  }
  if (size > maxBytes) return null;
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

// For answers given without reading the body (a refused origin, route or Content-Type).
export async function discardUnreadBody(request) {
  if (!request.body || request.bodyUsed) return;
  const reader = request.body.getReader();
  let size = 0;
  try {
    for (let part = await reader.read(); !part.done; part = await reader.read()) {
      size += part.value.byteLength;
      if (size > DRAIN_LIMIT_BYTES) return await reader.cancel();
    }
  } catch {
    // The client stopped sending: it will not read an answer either.
  }
}
