// image.test.mjs — prepareImage and toDataUri through the JS API.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';

import { loadVitrine } from './support.mjs';
import { jpegOf, jpegSize, patternPng, withExifOrientation } from './test_images.mjs';

let vitrine;
before(async () => {
  vitrine = await loadVitrine();
});

test('shrinks so the longest edge is maxEdge (default 1024), keeping the aspect ratio', () => {
  const image = vitrine.prepareImage(patternPng(1500, 1000));
  assert.deepEqual({ width: image.width, height: image.height, sourceWidth: image.sourceWidth,
    sourceHeight: image.sourceHeight, mime: image.mime }, { width: 1024, height: 683, sourceWidth: 1500,
    sourceHeight: 1000, mime: 'image/jpeg' });
  assert.deepEqual(jpegSize(image.bytes), { width: 1024, height: 683 });
});

test('never enlarges an image already smaller than maxEdge', () => {
  const image = vitrine.prepareImage(patternPng(97, 61), { maxEdge: 512 });
  assert.deepEqual([image.width, image.height], [97, 61]);
});

test('returns a JPEG file as a Uint8Array', () => {
  const { bytes } = vitrine.prepareImage(patternPng(50, 40, { alpha: true }));
  assert.ok(bytes instanceof Uint8Array);
  assert.deepEqual([...bytes.subarray(0, 3)], [0xff, 0xd8, 0xff]);
  assert.deepEqual([...bytes.subarray(-2)], [0xff, 0xd9]);
});

test('applies EXIF orientation 6 (rotate 90) so the output is upright', () => {
  const jpeg = withExifOrientation(jpegOf(vitrine, patternPng(400, 300)), 6, 'MM');
  const image = vitrine.prepareImage(jpeg, { maxEdge: 200 });
  assert.deepEqual([image.width, image.height, image.sourceWidth, image.sourceHeight], [150, 200, 300, 400]);
});

test('reads EXIF in little-endian (II) TIFF byte order too', () => {
  const jpeg = withExifOrientation(jpegOf(vitrine, patternPng(400, 300)), 8, 'II');
  assert.deepEqual([vitrine.prepareImage(jpeg).width, vitrine.prepareImage(jpeg).height], [300, 400]);
});

test('EXIF orientation 3 (rotate 180) keeps the size but changes the pixels', () => {
  const plain = jpegOf(vitrine, patternPng(120, 80));
  const upright = vitrine.prepareImage(plain);
  const rotated = vitrine.prepareImage(withExifOrientation(plain, 3));
  assert.deepEqual([rotated.width, rotated.height], [120, 80]);
  assert.notDeepEqual(rotated.bytes, upright.bytes);
});

test('gives the same bytes for the same input and options', () => {
  const png = patternPng(333, 222, { alpha: true });
  assert.deepEqual(vitrine.prepareImage(png, { maxEdge: 100 }).bytes, vitrine.prepareImage(png, { maxEdge: 100 }).bytes);
});

test('a lower quality gives a smaller JPEG', () => {
  const png = patternPng(300, 200);
  assert.ok(vitrine.prepareImage(png, { quality: 30 }).bytes.length < vitrine.prepareImage(png, { quality: 95 }).bytes.length);
});

test('toDataUri writes a base64 data URI, image/jpeg by default', () => {
  const bytes = new Uint8Array([0xff, 0xd8, 0xff, 0x00, 0x10, 0xfe]);
  assert.equal(vitrine.toDataUri(bytes), `data:image/jpeg;base64,${Buffer.from(bytes).toString('base64')}`);
  assert.equal(vitrine.toDataUri(new Uint8Array([1, 2]), 'image/png'), 'data:image/png;base64,AQI=');
  assert.equal(vitrine.toDataUri(new Uint8Array(0)), 'data:image/jpeg;base64,');
});

test('toDataUri of a prepared image round-trips to the same bytes', () => {
  const { bytes, mime } = vitrine.prepareImage(patternPng(64, 64));
  const uri = vitrine.toDataUri(bytes, mime);
  assert.deepEqual(new Uint8Array(Buffer.from(uri.split(',')[1], 'base64')), bytes);
});
