// isolate_once.js — a load run once per isolate and shared by concurrent requests.
//
//   const load = oncePerIsolate((settings) => fetchAndOpen(settings));   // at module scope
//   const { index } = await load(settings);                               // in a request
//
// A failed load is not remembered, so the next request retries it.
export function oncePerIsolate(load) {
  let loading = null;
  return (...args) => {
    loading ??= load(...args).catch((error) => {
      loading = null;
      throw error;
    });
    return loading;
  };
}
