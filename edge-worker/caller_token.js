// caller_token.js — optional caller authentication for server-to-server use: a signed,
// expiring token, checked in constant time.
//
//   const token = await signCallerToken(secret, Math.floor(Date.now() / 1000) + 300);   // on the caller's server
//   fetch(`${worker}/search?q=lamp`, { headers: { Authorization: `Bearer ${token}` } });
//   await requireCaller(request, settings);   // in the worker, when CALLER_SECRET is set
//
// A token is `vt1.<expiry, Unix seconds>.<signature>`, the signature being the
// unpadded base64url HMAC-SHA256 of `vt1.<expiry>` under CALLER_SECRET. The worker
// refuses (401 caller_unauthorized, with WWW-Authenticate) a missing or malformed token
// or a wrong signature — compared by crypto.subtle.verify, which takes the same time
// wherever the bytes differ — and one expired or expiring more than
// CALLER_TOKEN_MAX_SECONDS ahead, so a leaked token is only good for a short while.
// The secret never leaves the worker or the caller's server; ALLOWED_ORIGINS is no
// substitute (any non-browser client can send any Origin).
import { HttpError } from './http_error.js';

const VERSION = 'vt1';
const TOKEN = /^vt1\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/; // 32 bytes of signature in base64url
const keys = new WeakMap(); // settings -> Promise<CryptoKey>

function hmacKey(secret) {
  return crypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false,
    ['sign', 'verify']);
}

const base64url = (bytes) => btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const fromBase64url = (text) => Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));

export async function signCallerToken(secret, expiresAtSeconds) {
  if (!Number.isSafeInteger(expiresAtSeconds) || expiresAtSeconds < 0) throw new TypeError('expiresAtSeconds must be Unix seconds');
  const payload = `${VERSION}.${expiresAtSeconds}`;
  const signature = await crypto.subtle.sign('HMAC', await hmacKey(secret), new TextEncoder().encode(payload));
  return `${payload}.${base64url(new Uint8Array(signature))}`;
}

const unauthorized = (message) => new HttpError(401, 'caller_unauthorized', message,
  { headers: { 'WWW-Authenticate': 'Bearer realm="vitrine"' } });

export async function requireCaller(request, settings, nowSeconds = Math.floor(Date.now() / 1000)) {
  if (!settings.callerSecret) return;
  const match = TOKEN.exec((request.headers.get('Authorization') ?? '').replace(/^Bearer /, ''));
  if (!match) throw unauthorized('this worker needs a caller token: Authorization: Bearer vt1.<expiry>.<signature>');
  if (!keys.has(settings)) keys.set(settings, hmacKey(settings.callerSecret));
  const signed = await crypto.subtle.verify('HMAC', await keys.get(settings), fromBase64url(match[2]),
    new TextEncoder().encode(`${VERSION}.${match[1]}`));
  if (!signed) throw unauthorized('the caller token is not signed by this worker\'s CALLER_SECRET');
  const expiry = Number(match[1]);
  if (expiry <= nowSeconds) throw unauthorized('the caller token has expired');
  if (expiry > nowSeconds + settings.callerTokenMaxSeconds) {
    throw unauthorized(`the caller token expires more than ${settings.callerTokenMaxSeconds} s ahead (CALLER_TOKEN_MAX_SECONDS)`);
  }
}
