// test_images.mjs — generated JPEG and PNG inputs for image-preparation tests.
//
//   const png = patternPng(801, 599, { alpha: true });
//   const jpeg = withExifOrientation(await jpegOf(vitrine, png), 6, 'MM');
//
// PNGs come from scripts/lib/png.mjs; JPEGs are made by prepareImage itself (the
// package has a JPEG encoder, Node has none), and EXIF orientation is spliced in as
// an APP1 segment right after SOI, in either TIFF byte order. Deterministic: the
// same arguments give the same bytes. Nothing here is committed; all is made on demand.
import { encodePng } from '../../scripts/lib/png.mjs';

// A smooth gradient with hard-edged stripes and a circle: enough detail that a bad
// filter, a swapped axis or a missed flip changes the encoded output.
export function patternPng(width, height, { alpha = false } = {}) {
  const channels = alpha ? 4 : 3;
  const pixels = new Uint8Array(width * height * channels);
  const cx = width * 0.3;
  const cy = height * 0.4;
  const r2 = (Math.min(width, height) * 0.25) ** 2;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const at = (y * width + x) * channels;
      const inCircle = (x - cx) ** 2 + (y - cy) ** 2 < r2;
      pixels[at] = inCircle ? 230 : Math.floor((255 * x) / width);
      pixels[at + 1] = (x >> 3) % 2 ? 40 : Math.floor((255 * y) / height);
      pixels[at + 2] = inCircle ? 20 : (x * 7 + y * 3) & 0xff;
      if (alpha) pixels[at + 3] = Math.floor((255 * (x + y)) / (width + height));
    }
  }
  return new Uint8Array(encodePng(width, height, pixels, channels));
}

// A JPEG of the PNG at its own size (maxEdge = its longest edge: no resizing).
export function jpegOf(vitrine, png, quality = 92) {
  const width = new DataView(png.buffer, png.byteOffset).getUint32(16);
  const height = new DataView(png.buffer, png.byteOffset).getUint32(20);
  return vitrine.prepareImage(png, { maxEdge: Math.max(width, height), quality }).bytes;
}

// The JPEG with an EXIF APP1 segment holding only IFD0 tag 0x0112 (orientation).
export function withExifOrientation(jpeg, orientation, byteOrder = 'MM') {
  const little = byteOrder === 'II';
  const tiff = new DataView(new ArrayBuffer(26));
  tiff.setUint8(0, byteOrder.charCodeAt(0));
  tiff.setUint8(1, byteOrder.charCodeAt(1));
  tiff.setUint16(2, 42, little);
  tiff.setUint32(4, 8, little); // IFD0 right after the header
  tiff.setUint16(8, 1, little); // one entry
  tiff.setUint16(10, 0x0112, little); // orientation
  tiff.setUint16(12, 3, little); // SHORT
  tiff.setUint32(14, 1, little); // count
  tiff.setUint16(18, orientation, little); // value, left-justified in the 4-byte field
  tiff.setUint32(22, 0, little); // no next IFD
  const payload = new Uint8Array([...new TextEncoder().encode('Exif'), 0, 0, ...new Uint8Array(tiff.buffer)]);
  const segment = new Uint8Array(4 + payload.length);
  segment.set([0xff, 0xe1, (payload.length + 2) >> 8, (payload.length + 2) & 0xff]);
  segment.set(payload, 4);
  const out = new Uint8Array(jpeg.length + segment.length);
  out.set(jpeg.subarray(0, 2)); // SOI
  out.set(segment, 2);
  out.set(jpeg.subarray(2), 2 + segment.length);
  return out;
}

// The JPEG's frame size (SOF0/SOF2), for checking outputs without a decoder.
export function jpegSize(jpeg) {
  for (let at = 2; at + 9 < jpeg.length; ) {
    const marker = jpeg[at + 1];
    const length = (jpeg[at + 2] << 8) | jpeg[at + 3];
    if (marker === 0xc0 || marker === 0xc2)
      return { height: (jpeg[at + 5] << 8) | jpeg[at + 6], width: (jpeg[at + 7] << 8) | jpeg[at + 8] };
    at += 2 + length;
  }
  throw new Error('no SOF0/SOF2 marker in the JPEG');
}
