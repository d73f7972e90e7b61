// sample/palette.mjs — drawing colours, and a product's palette.
// Part of the sample generator (scripts/make-sample-catalogue.mjs): deterministic, no dependencies.

// Colours for drawing

export const hexRgb = (hex) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
const clamp255 = (v) => Math.max(0, Math.min(255, Math.round(v)));
export const shade = (c, f) => c.map((v) => clamp255(v * f));
export const mix = (a, b, t) => a.map((v, i) => clamp255(v + (b[i] - v) * t));
export const luma = ([r, g, b]) => 0.299 * r + 0.587 * g + 0.114 * b;

export const WHITE = [255, 255, 255];
export const BLACK = [32, 32, 32];
export const IVORY = [238, 232, 216];
export const LINEN = [226, 216, 198];
const WOOD = [150, 105, 65];
export const LIGHT_WOOD = [205, 170, 120];
export const BRASS = [184, 146, 58];
export const STEEL = [170, 174, 178];
export const WARM_LIGHT = [255, 226, 160];
export const LEAF = [[74, 120, 70], [98, 140, 80], [58, 100, 64], [120, 150, 90]];
const ACCENTS = { wood: WOOD, black: BLACK, brass: BRASS, steel: STEEL };

// Parts that are "the material" (frames, legs) reuse the product colour when
// the product is wooden or metal; otherwise they get the type's accent.
export function makePalette(product) {
  const main = hexRgb(product.metadata.colour_hex);
  const solid = product._kind === 'wood' || product._kind === 'metal';
  const soft = ['fabric', 'natural', 'paper', 'glass'].includes(product._kind);
  return {
    main,
    dark: shade(main, 0.78),
    light: mix(main, WHITE, 0.22),
    acc: solid ? shade(main, 0.72) : ACCENTS[product._accent],
    // Lamps: a fabric/glass product colours the shade, otherwise the body.
    shadeCol: soft ? main : IVORY,
    bodyCol: soft ? ACCENTS[product._accent] : main,
  };
}
