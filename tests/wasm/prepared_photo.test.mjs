// prepared_photo.test.mjs — checkPreparedPhoto: what a JS client may send to rerank as it
// is when a record has a preparedImage, and WebP/GIF input to prepareImage.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, test } from 'node:test';

import { loadVitrine } from './support.mjs';
import { jpegOf, patternPng } from './test_images.mjs';

let vitrine;
before(async () => {
  vitrine = await loadVitrine();
});

const fixture = (name) => readFileSync(new URL(`../fixtures/images/${name}`, import.meta.url));

test('accepts a JPEG of at most 1024 px, as the build prepares them', () => {
  assert.equal(vitrine.checkPreparedPhoto(vitrine.prepareImage(patternPng(1500, 900)).bytes), true);
});

test('refuses a PNG, a JPEG over 1024 px and a truncated JPEG', () => {
  const refused = (bytes, pattern) => assert.throws(() => vitrine.checkPreparedPhoto(bytes),
    (error) => error.kind === 'bad_image' && pattern.test(error.message));
  refused(patternPng(10, 10), /a prepared photo must be a JPEG/);
  refused(jpegOf(vitrine, patternPng(1100, 50)), /1100x50 is over 1024 px/);
  const jpeg = vitrine.prepareImage(patternPng(300, 200)).bytes;
  refused(jpeg.subarray(0, jpeg.length - 40), /JPEG/);
});

test('prepares WebP and a GIF\'s first frame, and refuses an animated WebP', () => {
  assert.deepEqual([vitrine.prepareImage(fixture('pattern-160x100-lossy.webp')).width], [160]);
  assert.deepEqual([vitrine.prepareImage(fixture('pattern-96x64.gif'), { maxEdge: 48 }).height], [32]);
  assert.throws(() => vitrine.prepareImage(fixture('animated-24x16.webp')), /animated WebP/);
});
