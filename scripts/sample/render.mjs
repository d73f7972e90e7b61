// sample/render.mjs — one product's PNG: backdrop, silhouette, encoded.
// Part of the sample generator (scripts/make-sample-catalogue.mjs): deterministic, no dependencies.
import { encodePng } from '../lib/png.mjs';
import { BLACK, WHITE, luma, makePalette, mix, shade } from './palette.mjs';
import { Rng, hash32 } from './random.mjs';
import { Canvas, Pen } from './rasteriser.mjs';
import { SHAPES } from './shapes.mjs';

// Image composition

const SIZES = {
  land: [[640, 480], [600, 450], [640, 400]],
  port: [[480, 640], [450, 600], [400, 600]],
  square: [[512, 512], [480, 480]],
};
const BACKDROPS = [[240, 236, 230], [232, 234, 236], [236, 228, 216], [226, 232, 224], [240, 228, 226], [226, 230, 238]];
const DARK_BACKDROPS = [[196, 190, 182], [176, 184, 188], [200, 186, 170], [170, 180, 168]];

export function renderProduct(product, seed) {
  const r = new Rng(hash32(`${seed}/${product.id}`));
  const shape = SHAPES[product._shape];
  const orientation = shape.aspect === 'any' ? r.pick(['land', 'port', 'square']) : shape.aspect;
  const [w, h] = r.pick(SIZES[orientation]);
  const channels = r.chance(0.08) ? 4 : 3; // a few cut-outs on a transparent background
  const c = makePalette(product);
  const canvas = new Canvas(w, h, channels);

  // Scale the drawing's extent to fill most of the frame, centred a little low.
  const [bx0, by0, bx1, by1] = shape.box;
  const scale = Math.min((w * 0.78) / (bx1 - bx0), (h * 0.7) / (by1 - by0));
  const g = new Pen(canvas, w / 2 - ((bx0 + bx1) / 2) * scale, h * 0.53 - ((by0 + by1) / 2) * scale, scale);
  // Hanging and wall-mounted things get a wall with a thin strip of floor.
  const horizon = shape.horizon ?? (shape.shadow ? by1 : null);
  const floorY = horizon === null ? h * 0.92 : g.oy + horizon * scale;

  if (channels === 3) {
    // Studio backdrop: a wall gradient meeting a slightly darker floor.
    const base = r.pick(luma(c.main) > 205 ? DARK_BACKDROPS : BACKDROPS);
    const top = mix(base, WHITE, 0.35);
    for (let y = 0; y < h; y++) {
      const col = y < floorY ? mix(top, base, y / floorY) : shade(base, 0.93 - (0.06 * (y - floorY)) / (h - floorY));
      canvas.fillRow(y, col);
    }
  }
  if (shape.shadow) {
    // Soft contact shadow: stacked translucent ellipses.
    for (let k = 3; k >= 1; k--) g.ellipse((bx0 + bx1) / 2, by1, shape.shadow + k * 2, 2 + k, BLACK, 0.07);
  }
  shape.draw(g, c, r);
  return encodePng(w, h, canvas.px, channels);
}
