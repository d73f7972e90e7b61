// bounded_read.js — a response body read into memory, but never past a byte limit.
//
//   const bytes = await readBounded(response, settings.maxUpstreamBytes);   // null: larger
//
// A Content-Length over the limit is refused before reading; a body that grows past it
// while streaming is cancelled there, so a hostile upstream cannot fill the isolate.
export async function readBounded(response, maxBytes) {
  if (Number(response.headers.get('Content-Length')) > maxBytes) {
    await response.body?.cancel();
    return null;
  }
  if (!response.body) return new Uint8Array(0);
  const chunks = [];
  let size = 0;
  const reader = response.body.getReader();
  for (let part = await reader.read(); !part.done; part = await reader.read()) {
    size += part.value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(part.value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}
