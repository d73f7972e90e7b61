// rate_limit.test.mjs — the worker's rate limit as a module, in Node: the token bucket's
// arithmetic on a clock the test sets, and Cloudflare's rate-limiting binding used in its
// place when one is bound (workerd has no such binding to run it under).
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { admit } from '../../edge-worker/rate_limit.js';
import { settingsOf } from '../../edge-worker/settings.js';

const from = (address) => new Request('http://worker.test/search', { headers: { 'CF-Connecting-IP': address } });
const refusal = async (promise) => {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  assert.fail('the request was admitted');
};

test('a bucket holds RATE_LIMIT_BURST units and refills at RATE_LIMIT_PER_MINUTE', async () => {
  const settings = settingsOf({ RATE_LIMIT_PER_MINUTE: '60', RATE_LIMIT_BURST: '128' });
  await admit(from('192.0.2.1'), settings, 100, 0);
  const error = await refusal(admit(from('192.0.2.1'), settings, 40, 1000)); // 28 + 1 units: 11 short
  assert.equal(error.status, 429);
  assert.equal(error.headers['Retry-After'], '11');
  await admit(from('192.0.2.1'), settings, 40, 12_000); // 29 + 11 = 40
  await admit(from('192.0.2.2'), settings, 128, 12_000); // another address, a full bucket
});

test('RATE_LIMIT_PER_MINUTE = 0 admits everything', async () => {
  const settings = settingsOf({ RATE_LIMIT_PER_MINUTE: '0' });
  for (let i = 0; i < 100; i++) await admit(from('192.0.2.3'), settings, 128, 0);
});

test('a bound RATE_LIMITER decides instead, one call a request keyed by the client address', async () => {
  const keys = [];
  const RATE_LIMITER = { limit: async ({ key }) => ({ success: keys.push(key) <= 2 }) };
  const settings = settingsOf({ RATE_LIMITER });
  await admit(from('192.0.2.4'), settings, 128);
  await admit(from('192.0.2.4'), settings, 128);
  const error = await refusal(admit(from('192.0.2.4'), settings, 1));
  assert.equal(error.code, 'rate_limited');
  assert.equal(error.headers['Retry-After'], '60');
  assert.deepEqual(keys, ['192.0.2.4', '192.0.2.4', '192.0.2.4']);
});

test('a burst below MAX_REQUEST_COST is a misconfiguration: such a request could never pass', () => {
  assert.throws(() => settingsOf({ RATE_LIMIT_BURST: '100' }), /RATE_LIMIT_BURST must be at least MAX_REQUEST_COST/);
});
