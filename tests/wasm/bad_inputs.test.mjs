// bad_inputs.test.mjs — every class of bad input gives a JS Error that says what is
// wrong, and the same module instance keeps working afterwards.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';

import { VitrineError } from '../../wasm/js/index.js';
import { catalogueJson, loadVitrine } from './support.mjs';
import { jpegOf, patternPng } from './test_images.mjs';

let vitrine;
let indexBytes;
let index;
let png;
before(async () => {
  vitrine = await loadVitrine();
  indexBytes = vitrine.buildIndex(catalogueJson, { dims: 32 });
  index = vitrine.openIndex(indexBytes);
  png = patternPng(40, 30);
});

// The refusal, then proof that the instance still opens, searches and prepares images.
function assertRefused(call, kind, message) {
  assert.throws(call, (error) => {
    assert.ok(error instanceof VitrineError, `expected a VitrineError, got ${error}`);
    assert.equal(error.kind, kind);
    assert.match(error.message, message);
    return true;
  });
  const again = vitrine.openIndex(indexBytes);
  assert.equal(again.search(vitrine.embedLocal('lamp', 32), { topK: 1 }).results.length, 1);
  again.close();
  assert.equal(vitrine.prepareImage(png).width, 40);
}

function withByte(bytes, at, value) {
  const copy = bytes.slice();
  copy[at] = value;
  return copy;
}

// --- index bytes -------------------------------------------------------------------

test('refuses empty index bytes', () => {
  assertRefused(() => vitrine.openIndex(new Uint8Array(0)), 'corrupt_index', /shorter than the 256-byte header/);
});

test('refuses index bytes truncated inside the header', () => {
  assertRefused(() => vitrine.openIndex(indexBytes.subarray(0, 100)), 'corrupt_index', /truncated/);
});

test('refuses index bytes truncated inside the sections', () => {
  assertRefused(() => vitrine.openIndex(indexBytes.subarray(0, indexBytes.length - 10)), 'corrupt_index',
    /truncated/);
});

test('refuses bytes that are not a Vitrine index', () => {
  assertRefused(() => vitrine.openIndex(withByte(indexBytes, 0, 0x00)), 'corrupt_index', /bad magic/);
});

test('refuses an index whose vectors were altered (checksum)', () => {
  const corrupted = withByte(indexBytes, indexBytes.length - 1, indexBytes[indexBytes.length - 1] ^ 0x40);
  assertRefused(() => vitrine.openIndex(corrupted), 'corrupt_index', /checksum mismatch/);
});

test('refuses an index whose header was altered (checksum)', () => {
  assertRefused(() => vitrine.openIndex(withByte(indexBytes, 40, indexBytes[40] ^ 0x01)), 'corrupt_index',
    /checksum/);
});

// --- search ------------------------------------------------------------------------

test('refuses a query with the wrong number of dims', () => {
  assertRefused(() => index.search(new Float32Array(31).fill(1)), 'invalid_argument',
    /query has 31 dims, the index has 32/);
});

test('refuses a zero query vector', () => {
  assertRefused(() => index.search(new Float32Array(32)), 'invalid_argument', /zero or not finite/);
});

test('refuses a query holding NaN', () => {
  assertRefused(() => index.search(new Float32Array(32).fill(NaN)), 'invalid_argument', /zero or not finite/);
});

test('refuses topK 0', () => {
  assertRefused(() => index.search(vitrine.embedLocal('lamp', 32), { topK: 0 }), 'invalid_argument',
    /top_k must be at least 1/);
});

test('refuses a price range whose minimum is above its maximum', () => {
  assertRefused(() => index.search(vitrine.embedLocal('lamp', 32), { minPrice: 100, maxPrice: 10 }),
    'invalid_argument', /min_price is greater than max_price/);
});

test('refuses a NaN price bound', () => {
  assertRefused(() => index.search(vitrine.embedLocal('lamp', 32), { minPrice: NaN }), 'invalid_argument',
    /price bounds must be numbers/);
});

test('refuses a record position past the end', () => {
  assertRefused(() => index.record(6), 'invalid_argument', /record position 6 is out of range \(count 6\)/);
});

// --- images ------------------------------------------------------------------------

test('refuses bytes that are not an image', () => {
  assertRefused(() => vitrine.prepareImage(new TextEncoder().encode('BM, a bitmap')), 'bad_image', /not a JPEG, PNG, WebP or GIF/);
});

test('refuses empty image bytes', () => {
  assertRefused(() => vitrine.prepareImage(new Uint8Array(0)), 'bad_image', /empty input/);
});

test('refuses a truncated PNG', () => {
  assertRefused(() => vitrine.prepareImage(png.subarray(0, png.length - 40)), 'bad_image', /truncated.*PNG/);
});

test('refuses a truncated JPEG', () => {
  const jpeg = jpegOf(vitrine, patternPng(64, 48));
  assertRefused(() => vitrine.prepareImage(jpeg.subarray(0, 200)), 'bad_image', /truncated.*JPEG/);
});

test('refuses an image over the pixel limit, from its header alone', () => {
  assertRefused(() => vitrine.prepareImage(png, { maxPixels: 40 * 30 - 1 }), 'limit_exceeded', /40x30 is 1200 pixels, over the limit of 1199/);
});

test('refuses a PNG header announcing a decompression bomb before decoding it', () => {
  const bomb = png.slice(0, 33); // signature + IHDR only, claiming 100000 x 100000
  new DataView(bomb.buffer).setUint32(16, 100000);
  new DataView(bomb.buffer).setUint32(20, 100000);
  assertRefused(() => vitrine.prepareImage(bomb), 'limit_exceeded', /100000x100000 is 10000000000 pixels/);
});

test('refuses out-of-range image options', () => {
  assertRefused(() => vitrine.prepareImage(png, { quality: 0 }), 'invalid_argument', /quality must be 1\.\.100/);
  assertRefused(() => vitrine.prepareImage(png, { maxEdge: 0 }), 'invalid_argument', /max_edge/);
  assertRefused(() => vitrine.prepareImage(png, { maxPixels: 0 }), 'invalid_argument', /max_pixels/);
});

// --- building and embedding ------------------------------------------------------------

test('refuses catalogue text that is not JSON', () => {
  assertRefused(() => vitrine.buildIndex('[{"id": "a",'), 'bad_catalogue', /catalogue is not valid JSON/);
});

test('refuses a catalogue that is not an array', () => {
  assertRefused(() => vitrine.buildIndex('{"id": "a"}'), 'bad_catalogue', /JSON array/);
});

test('refuses a product without a title', () => {
  assertRefused(() => vitrine.buildIndex('[{"id": "a"}]'), 'bad_catalogue', /title/);
});

test('refuses duplicate product ids', () => {
  assertRefused(() => vitrine.buildIndex('[{"id":"a","title":"x"},{"id":"a","title":"y"}]'), 'bad_catalogue',
    /repeats the id 'a'/);
});

test('refuses vectors JSON Lines naming a product the catalogue lacks', () => {
  assertRefused(() => vitrine.buildIndex('[{"id":"a","title":"x"}]', { vectorsJsonl: '{"id":"b","embedding":[1]}',
    model: 'm' }), 'bad_catalogue', /'b' is not in the catalogue/);
});

test('refuses vectors without a model, and a model without vectors', () => {
  assertRefused(() => vitrine.buildIndex(catalogueJson, { vectors: new Float32Array(6) }), 'invalid_argument',
    /model must name/);
  assertRefused(() => vitrine.buildIndex(catalogueJson, { model: 'm' }), 'invalid_argument', /local embedder/);
});

test('refuses a vectors array that is not products x dims', () => {
  assertRefused(() => vitrine.buildIndex(catalogueJson, { vectors: new Float32Array(7), model: 'm', dims: 1 }),
    'invalid_argument', /7 values, not 6 products x 1 dims/);
});

test('refuses an unknown storage type', () => {
  assertRefused(() => vitrine.buildIndex(catalogueJson, { storage: 'f16' }), 'invalid_argument', /'f16'/);
});

test('refuses embedding dims of 0', () => {
  assertRefused(() => vitrine.embedLocal('lamp', 0), 'invalid_argument', /dims/);
});

// --- JS types ------------------------------------------------------------------------

test('refuses arguments of the wrong JS type with a TypeError naming them', () => {
  assert.throws(() => vitrine.openIndex('index.vtx'), { name: 'TypeError', message: /openIndex bytes must be/ });
  assert.throws(() => index.search([0.1, 0.2]), { name: 'TypeError', message: /search query must be a string or a Float32Array/ });
  assert.throws(() => index.search(new Float32Array(32), { topK: -1 }), { name: 'TypeError', message: /topK/ });
  assert.throws(() => index.search(new Float32Array(32), { topK: 1.5 }), { name: 'TypeError', message: /topK/ });
  assert.throws(() => index.search(new Float32Array(32), { category: 3 }), { name: 'TypeError', message: /category/ });
  assert.throws(() => index.search(new Float32Array(32), { ids: 'a,b' }), { name: 'TypeError', message: /ids/ });
  assert.throws(() => index.record(-1), { name: 'TypeError', message: /record position/ });
  assert.throws(() => vitrine.prepareImage(png, { quality: '85' }), { name: 'TypeError', message: /quality/ });
  assert.throws(() => vitrine.embedLocal(42, 8), { name: 'TypeError', message: /embedLocal text/ });
  assert.throws(() => vitrine.buildIndex(null), { name: 'TypeError', message: /catalogueJson/ });
});

test('refuses an unknown option name instead of ignoring it', () => {
  assert.throws(() => index.search(new Float32Array(32).fill(1), { topk: 3 }),
    { name: 'TypeError', message: /unknown option 'topk'/ });
});

test('refuses 64 MiB of junk from its header, before copying it into WASM memory', async () => {
  const fresh = await loadVitrine();
  const before = fresh.memoryBytes();
  assert.throws(() => fresh.openIndex(new Uint8Array(64 << 20).fill(0x3c)),
    (error) => error instanceof VitrineError && error.kind === 'corrupt_index' && /bad magic/.test(error.message));
  assert.equal(fresh.memoryBytes(), before, 'the memory did not grow');
});
