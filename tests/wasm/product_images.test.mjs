// product_images.test.mjs — the JS photo loader: a photo built with the index is checked
// and sent as it is (never prepared again); an original is prepared; each once per client.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { productImages } from '../../wasm/js/product_images.js';

function loader() {
  const calls = { fetched: [], prepared: 0, checked: 0 };
  const images = productImages({
    kindOf: (reference) => (reference.startsWith('http') ? 'url' : 'path'),
    getBytes: async (url) => {
      calls.fetched.push(url);
      return new Uint8Array([url.length]);
    },
    prepare: (bytes) => {
      calls.prepared += 1;
      return new Uint8Array([...bytes, 0xd9]);
    },
    checkPrepared: (bytes) => {
      calls.checked += 1;
      if (bytes[0] > 100) throw new Error('a prepared photo must be a JPEG');
      return true;
    },
    imageBase: 'https://shop.example/photos/',
    cacheSize: 4,
  });
  return { images, calls };
}

test('a prepared photo is checked and its bytes kept; an original is prepared', async () => {
  const { images, calls } = loader();
  const built = await images.get('a1b2.jpg', undefined, { prepared: true });
  assert.deepEqual([...built.jpeg], ['https://shop.example/photos/a1b2.jpg'.length]);
  const original = await images.get('lamp.png', undefined);
  assert.equal(original.jpeg.at(-1), 0xd9);
  assert.deepEqual(calls, { fetched: ['https://shop.example/photos/a1b2.jpg', 'https://shop.example/photos/lamp.png'],
    prepared: 1, checked: 1 });
  await images.get('a1b2.jpg', undefined, { prepared: true });
  assert.equal(calls.fetched.length, 2); // cached
});

test('a prepared photo the core refuses is a problem, not an error', async () => {
  const { images } = loader();
  const long = `${'x'.repeat(120)}.jpg`;
  const { jpeg, problem } = await images.get(long, undefined, { prepared: true });
  assert.equal(jpeg, undefined);
  assert.match(problem, /cannot be used: a prepared photo must be a JPEG/);
});
