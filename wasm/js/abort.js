// abort.js — waiting that a caller's AbortSignal can cut short.
//
//   await sleep(1500, signal);                 // rejects with signal.reason on abort
//   const value = await abortable(promise, signal);
//   const batch = linked(signal); ... batch.abort(); batch.dispose();
//
// An abort rejects with the signal's own reason (an AbortError DOMException unless
// the caller gave one), so callers see the error they asked for. Listeners are
// removed once the wait is over: a long-lived signal does not collect them.

export function sleep(ms, signal) {
  let timer;
  const wait = new Promise((resolve) => (timer = setTimeout(resolve, ms)));
  // Cleared on abort too: a pending timer would keep a Node process alive.
  return abortable(wait, signal).finally(() => clearTimeout(timer));
}

export function abortable(promise, signal) {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    const abort = () => reject(signal.reason);
    signal.addEventListener('abort', abort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
  });
}

// A controller that aborts when `signal` does, and can be aborted on its own (to
// stop sibling requests once one failed). dispose() unhooks it from `signal`.
export function linked(signal) {
  const controller = new AbortController();
  const follow = () => controller.abort(signal.reason);
  if (signal?.aborted) follow();
  else signal?.addEventListener('abort', follow, { once: true });
  return {
    signal: controller.signal,
    abort: (reason) => controller.abort(reason),
    dispose: () => signal?.removeEventListener('abort', follow),
  };
}
