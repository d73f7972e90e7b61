#!/usr/bin/env node
// rebuild_bench.mjs — what a rebuild reuses: N products (default 100,000), each with its own
// small photo, built through a hosted embeddings endpoint (the loopback server of
// tests/server) with --images-out; then 1 % of the titles and 1 % of the photos change and
// the catalogue is built again. Prints the time of both builds and the CLI's own counts of
// embeddings taken from the cache and photos reused.
//
//   node bench/rebuild_bench.mjs [N] [CHANGED_PERCENT]      (needs build/bin/vitrine)
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { deflateSync } from 'node:zlib';

import { startServer } from '../tests/server/openai-compatible-server.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const cli = resolve(root, process.env.VITRINE_CLI ?? 'build/bin/vitrine');
const count = Number(process.argv[2] ?? 100_000);
const changedPercent = Number(process.argv[3] ?? 1);
const every = Math.round(100 / changedPercent);

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), 8 + data.length);
  return out;
}
// A 48 x 48 RGB PNG whose pixels depend on `seed`: every product's photo is its own.
function photo(seed) {
  const size = 48, rows = Buffer.alloc(size * (1 + size * 3));
  for (let y = 0; y < size; y++) {
    rows[y * (1 + size * 3)] = 0;
    for (let x = 0; x < size; x++) {
      const at = y * (1 + size * 3) + 1 + x * 3;
      rows[at] = (x * 5 + seed) & 0xff;
      rows[at + 1] = (y * 5 + (seed >> 8)) & 0xff;
      rows[at + 2] = (x * y + (seed >> 16)) & 0xff;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

const words = ['brass', 'oak', 'linen', 'lamp', 'chair', 'table', 'mug', 'shirt', 'rug', 'shelf', 'vase', 'clock'];
function feed(revision) {
  const lines = [];
  for (let i = 0; i < count; i++) {
    const retitled = revision > 0 && i % every === 0;
    const title = `${words[i % 12]} ${words[(i >> 4) % 12]} number ${i}${retitled ? ' (new edition)' : ''}`;
    lines.push(JSON.stringify({ id: `p${i}`, title, price: (i % 500) + 0.5, image: `img/p${i}.png` }));
  }
  return lines.join('\n') + '\n';
}

const work = mkdtempSync(join(tmpdir(), 'vitrine-rebuild-bench-'));
const server = await startServer({ apiKey: 'bench-key', dims: 64 });
try {
  mkdirSync(join(work, 'img'));
  for (let i = 0; i < count; i++) writeFileSync(join(work, 'img', `p${i}.png`), photo(i));
  const build = async (revision) => {
    writeFileSync(join(work, 'feed.jsonl'), feed(revision));
    const started = performance.now();
    const { stdout } = await promisify(execFile)(cli, ['build', '--catalogue', 'feed.jsonl', '--out', 'shop.vtx',
      '--images-out', 'prepared', '--embed-model', 'bench-model', '--embed-url', server.url, '--embed-batch', '256'],
    { cwd: work, env: { ...process.env, VITRINE_API_KEY: 'bench-key' }, maxBuffer: 64 << 20 });
    const seconds = (performance.now() - started) / 1000;
    return { seconds, embeddings: stdout.match(/^embeddings: .*$/m)?.[0], photos: stdout.match(/^photos: .*$/m)?.[0] };
  };
  const first = await build(0);
  for (let i = Math.floor(every / 2); i < count; i += every) writeFileSync(join(work, 'img', `p${i}.png`), photo(i + 1e7));
  const second = await build(1);
  console.log(`rebuild benchmark: ${count} products, ${changedPercent} % of titles and ${changedPercent} % of photos changed`);
  console.log('| build | seconds | embeddings | photos |');
  console.log('| --- | ---: | --- | --- |');
  for (const [name, run] of [['first', first], ['rebuild', second]])
    console.log(`| ${name} | ${run.seconds.toFixed(1)} | ${run.embeddings} | ${run.photos} |`);
} finally {
  await server.close();
  rmSync(work, { recursive: true, force: true });
}
