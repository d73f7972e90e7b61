// throttled_server.mjs — serves a directory over HTTP as a slow link would: every response
// waits `latency` ms before its first byte, and all responses share one `mbit` Mbit/s link
// (sent in 16 KiB slices, each waiting for the link). GETs, with single `bytes=a-b` Range
// requests answered 206 (single-file web packs).
//
//   node bench/lazy/throttled_server.mjs DIR [--mbit 10] [--latency-ms 50]   # prints "port N"
import { open, readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { join, normalize } from 'node:path';

const [dir, ...rest] = process.argv.slice(2);
const settings = { mbit: 10, 'latency-ms': 50 };
for (let i = 0; i < rest.length; i += 2) settings[rest[i].replace(/^--/, '')] = Number(rest[i + 1]);
const bytesPerMs = (settings.mbit * 1e6) / 8 / 1000;
const slice = 16 * 1024;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
let linkFreeAt = 0; // when the shared link has sent every slice reserved so far

async function send(response, bytes, headers = {}, status = 200) {
  await sleep(settings['latency-ms']);
  response.writeHead(status, { 'content-length': bytes.length, 'content-type': 'application/octet-stream', ...headers });
  for (let at = 0; at < bytes.length; at += slice) {
    const part = bytes.subarray(at, at + slice);
    linkFreeAt = Math.max(performance.now(), linkFreeAt) + part.length / bytesPerMs;
    await sleep(linkFreeAt - performance.now());
    if (!response.write(part)) await new Promise((resolve) => response.once('drain', resolve));
  }
  response.end();
}

// Only the bytes asked for are read: a range of a 120 MB pack must not cost reading all of it.
async function rangeOf(path, header) {
  const range = /^bytes=(\d+)-(\d+)$/.exec(header ?? '');
  if (!range) return null;
  const file = await open(path);
  try {
    const { size } = await file.stat();
    const [start, end] = [Number(range[1]), Math.min(Number(range[2]), size - 1)];
    if (start > end) return { size, bytes: null };
    const bytes = Buffer.alloc(end - start + 1);
    await file.read(bytes, 0, bytes.length, start);
    return { size, start, end, bytes };
  } finally {
    await file.close();
  }
}

const server = createServer(async (request, response) => {
  const name = normalize(decodeURIComponent(new URL(request.url, 'http://x').pathname)).replace(/^\/+/, '');
  if (name.startsWith('..')) return response.writeHead(403).end();
  let bytes, range;
  try {
    range = await rangeOf(join(dir, name), request.headers.range);
    if (!range) bytes = await readFile(join(dir, name));
  } catch {
    return response.writeHead(404).end();
  }
  if (!range) return send(response, bytes);
  if (!range.bytes) return response.writeHead(416, { 'content-range': `bytes */${range.size}` }).end();
  await send(response, range.bytes, { 'content-range': `bytes ${range.start}-${range.end}/${range.size}` }, 206);
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => console.log(`port ${server.address().port}`));
