// image_parity.test.mjs — native `vitrine resize` and WASM prepareImage write the same JPEG bytes.
//
// Inputs are generated (tests/wasm/test_images.mjs): RGB and RGBA PNGs, odd sizes,
// extreme aspect ratios, images already under maxEdge, and JPEGs carrying each EXIF
// orientation 2..8 in both TIFF byte orders, plus the WebP and GIF fixtures; each is prepared with the default options
// and with a small edge at low quality and a large edge at quality 95 (4:4:4 chroma).
// Real photos are added when $VITRINE_PHOTOS names a folder of them
// (scripts/fetch-photos.sh DIR fetches 4-15 MP JPEGs and PNGs).
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

import { loadVitrine } from '../wasm/support.mjs';
import { jpegOf, patternPng, withExifOrientation } from '../wasm/test_images.mjs';
import { nativeCli } from './native_cli.mjs';

const work = mkdtempSync(join(tmpdir(), 'vitrine-image-parity-'));
const cli = nativeCli(work);
after(() => rmSync(work, { recursive: true, force: true }));

let vitrine;
const inputs = new Map();
before(async () => {
  vitrine = await loadVitrine();
  inputs.set('rgb-1500x1000.png', patternPng(1500, 1000));
  inputs.set('rgba-801x599.png', patternPng(801, 599, { alpha: true }));
  inputs.set('rgba-1025x7.png', patternPng(1025, 7, { alpha: true }));
  inputs.set('rgb-3x2000.png', patternPng(3, 2000));
  inputs.set('small-97x61.png', patternPng(97, 61));
  inputs.set('tiny-1x1.png', patternPng(1, 1));
  const jpeg = jpegOf(vitrine, patternPng(1203, 901));
  inputs.set('plain-1203x901.jpg', jpeg);
  for (let orientation = 2; orientation <= 8; orientation++) {
    const byteOrder = orientation % 2 ? 'II' : 'MM';
    inputs.set(`exif-${orientation}-${byteOrder}.jpg`, withExifOrientation(jpeg, orientation, byteOrder));
  }
  inputs.set('small-exif-6-63x41.jpg', withExifOrientation(jpegOf(vitrine, patternPng(63, 41)), 6));
  // WebP (lossy, lossy with alpha, lossless) and GIF files: tests/fixtures/images/make-images.py.
  const fixtures = new URL('../fixtures/images/', import.meta.url);
  for (const name of readdirSync(fixtures).filter((n) => /\.(webp|gif)$/.test(n) && !n.startsWith('animated-24x16')))
    inputs.set(name, readFileSync(new URL(name, fixtures)));
  const photos = process.env.VITRINE_PHOTOS;
  if (photos) {
    for (const name of readdirSync(photos).filter((n) => /\.(jpe?g|png)$/i.test(n)))
      inputs.set(`photo-${name}`, readFileSync(join(photos, name)));
  }
});

const optionSets = [
  { name: 'defaults', cli: [], wasm: {} },
  { name: 'maxEdge 300, quality 70', cli: ['--max-edge', '300', '--quality', '70'], wasm: { maxEdge: 300, quality: 70 } },
  { name: 'maxEdge 1500, quality 95', cli: ['--max-edge', '1500', '--quality', '95'], wasm: { maxEdge: 1500, quality: 95 } },
];

test('native and WASM prepare every input to byte-identical JPEGs', () => {
  let compared = 0;
  for (const [name, bytes] of inputs) {
    writeFileSync(join(work, name), bytes);
    // Real photos once, with the defaults: they are what takes time.
    for (const options of name.startsWith('photo-') ? optionSets.slice(0, 1) : optionSets) {
      const reported = JSON.parse(cli('resize', name, 'out.jpg', ...options.cli));
      const nativeJpeg = readFileSync(join(work, 'out.jpg'));
      const prepared = vitrine.prepareImage(bytes, options.wasm);
      const where = `${name} with ${options.name}`;
      assert.deepEqual([prepared.width, prepared.height, prepared.sourceWidth, prepared.sourceHeight],
        [reported.width, reported.height, reported.source_width, reported.source_height], `${where}: sizes`);
      assert.ok(Buffer.from(prepared.bytes).equals(nativeJpeg), `${where}: JPEG bytes differ`);
      compared++;
    }
  }
  console.log(`# image parity: ${compared} preparations of ${inputs.size} inputs, byte-identical`);
});

test('native and WASM refuse the same bad image with the same message', () => {
  const png = inputs.get('small-97x61.png');
  writeFileSync(join(work, 'truncated.png'), png.subarray(0, png.length - 30));
  const nativeError = (() => {
    try {
      cli('resize', 'truncated.png', 'out.jpg');
    } catch (error) {
      return error.stderr.trim();
    }
    return 'no error';
  })();
  assert.throws(() => vitrine.prepareImage(png.subarray(0, png.length - 30)),
    (error) => nativeError === `vitrine resize: ${error.message}`);
});
