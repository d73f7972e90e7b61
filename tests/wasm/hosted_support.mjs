// hosted_support.mjs — what the hosted-endpoint tests share (tests/wasm/hosted_*,
// tests/parity/hosted_parity): the loopback OpenAI-compatible server, a catalogue
// whose product photos it serves, and indexes over that catalogue.
//
//   const fixture = await startFixture();        // server + photos on disk, fixture.close() after
//   const index = vitrine.openIndex(hostedIndexBytes(vitrine, fixture.catalogue));
//   const client = vitrine.createClient({ index, ...fixture.clientOptions });
//
// Photos are PNGs of several sizes (one over 1024 px, so resizing is exercised), named
// <id>.png in fixture.imagesDir; the server serves them under /images/. References are
// a mix, as catalogues have: plain file names (resolved against imageBase natively a
// directory, in JS the server's /images/ URL), absolute URLs, none, and one missing file.
// The hosted index holds the server's own deterministic embeddings (64 dims) cut to 32,
// so queries embedded through /embeddings retrieve as a real model's would.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { embed, startServer } from '../server/openai-compatible-server.mjs';
import { patternPng } from './test_images.mjs';

export const API_KEY = 'sk-loopback-0123456789abcdef';
export const EMBEDDING_MODEL = 'Qwen/Qwen3-Embedding-8B';
export const SERVER_DIMS = 64;
export const INDEX_DIMS = 32;

const rows = [
  ['lamp-brass', 'Brass floor lamp', 'Tall brass reading lamp with a linen shade', 'lighting', 129.5, [1300, 700]],
  ['lamp-paper', 'Paper table lamp', 'Soft warm light, rice paper shade', 'lighting', 39, [400, 300]],
  ['lamp-desk', 'Black desk lamp', 'Adjustable arm, steel', 'lighting', 55, [320, 480]],
  ['pendant-copper', 'Copper pendant light', 'Hammered copper dome over the table', 'lighting', 149, [500, 500]],
  ['sofa-velvet', 'Green velvet sofa', 'Three seats, brass legs', 'furniture', 899, [640, 360]],
  ['table-oak', 'Oak dining table', 'Seats six, solid oak', 'furniture', 640, [600, 400]],
  ['chair-rattan', 'Rattan lounge chair', 'Woven rattan with a linen cushion', 'furniture', 210, [360, 360]],
  ['shelf-walnut', 'Walnut wall shelf', 'Floating shelf for a reading nook', 'furniture', 75, [480, 240]],
  ['mug-stoneware', 'Stoneware mug', 'Hand glazed, warm brown', 'kitchen', 14, [300, 300]],
  ['kettle-copper', 'Copper kettle', 'Whistling stovetop kettle in brass and copper', 'kitchen', 59, [420, 380]],
  ['board-oak', 'Oak chopping board', 'End grain oak', 'kitchen', 45, null],
  ['vase-glass', 'Glass vase', 'Hand blown, for a table lamp corner', 'kitchen', 32, 'missing'],
];

// The catalogue with image references for a server at `origin`: every third photo by
// absolute URL, the others by file name.
export function catalogueFor(origin) {
  return rows.map(([id, title, description, category, price, photo], i) => {
    let image = '';
    if (photo === 'missing') image = 'no-such-photo.png';
    else if (photo) image = i % 3 === 2 ? `${origin}/images/${id}.png` : `${id}.png`;
    return { id, title, description, category, price, image, metadata: { serial: i } };
  });
}

// The text the core embeds for a product (product_embedding_text: one part a line).
const productText = (p) => [p.title, p.description, p.category].filter(Boolean).join('\n');

export function vectorsJsonl(catalogue) {
  return catalogue.map((p) => JSON.stringify({ id: p.id, embedding: embed(productText(p), SERVER_DIMS) })).join('\n');
}

// A hosted-model index: the server's 64-dim embeddings, stored as their first `dims`.
export function hostedIndexBytes(vitrine, catalogue, { dims = INDEX_DIMS, storage = 'f32' } = {}) {
  return vitrine.buildIndex(JSON.stringify(catalogue), { vectorsJsonl: vectorsJsonl(catalogue), model: EMBEDDING_MODEL, dims, storage });
}

export async function startFixture(serverOptions = {}) {
  const imagesDir = mkdtempSync(join(tmpdir(), 'vitrine-hosted-'));
  for (const [id, , , , , photo] of rows) {
    if (Array.isArray(photo)) writeFileSync(join(imagesDir, `${id}.png`), patternPng(photo[0], photo[1]));
  }
  const server = await startServer({ apiKey: API_KEY, dims: SERVER_DIMS, imagesDir, ...serverOptions });
  return {
    server,
    imagesDir,
    catalogue: catalogueFor(server.origin),
    // Fast retries: the tests wait for Retry-After, not for the default backoff.
    clientOptions: { baseUrl: server.url, apiKey: API_KEY, imageBase: `${server.origin}/images/`, retryDelayMs: 20 },
    requests: (endpoint) => server.requests.filter((r) => r.endpoint === endpoint),
    async close() {
      await server.close();
      rmSync(imagesDir, { recursive: true, force: true });
    },
  };
}
