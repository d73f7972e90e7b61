// photo.js — a shopper's photo, prepared in the browser by the WASM core for search by
// photo and a rerank query: decoded (JPEG or PNG), turned upright by its EXIF orientation, resized so its
// longest edge is at most 1024 px and re-encoded as JPEG. Nothing leaves the page here.
//
//   const photo = await preparePhoto(vitrine, file);
//   photo.original   { width, height, bytes }     as shot (after EXIF orientation)
//   photo.prepared   { width, height, bytes }     what a rerank request carries
//   photo.bytes      the file, for the pipeline's searchByImage
//   photo.preparedBytes  the prepared JPEG, for search by photo in the page
//   photo.previewUrl the prepared JPEG, to show (revoke with photo.release())
//
// Refuses files over 25 MB before reading them; the core refuses what is not a JPEG or
// PNG, and decompression bombs, with a VitrineError whose message says why.

const MAX_FILE_BYTES = 25 * 1024 * 1024;

export async function preparePhoto(vitrine, file) {
  if (file.size > MAX_FILE_BYTES) throw new Error(`${file.name} is ${formatBytes(file.size)}; photos up to 25 MB can be used`);
  const bytes = new Uint8Array(await file.arrayBuffer());
  const prepared = vitrine.prepareImage(bytes);
  const previewUrl = URL.createObjectURL(new Blob([prepared.bytes], { type: prepared.mime }));
  return {
    original: { width: prepared.sourceWidth, height: prepared.sourceHeight, bytes: file.size },
    prepared: { width: prepared.width, height: prepared.height, bytes: prepared.bytes.length },
    bytes,
    preparedBytes: prepared.bytes,
    previewUrl,
    release: () => URL.revokeObjectURL(previewUrl),
  };
}

export function formatBytes(bytes) {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
