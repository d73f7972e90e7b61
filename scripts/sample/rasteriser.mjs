// sample/rasteriser.mjs — anti-aliased polygon fill on RGB(A) buffers, and the drawing kit in 100x100 "units".
// Part of the sample generator (scripts/make-sample-catalogue.mjs): deterministic, no dependencies.

// Rasteriser: anti-aliased polygon fill on an RGB or RGBA buffer.

const SUBSAMPLES = 4; // vertical samples per pixel row

export class Canvas {
  // channels: 3 (RGB, opaque) or 4 (RGBA, starts fully transparent).
  constructor(width, height, channels) {
    this.w = width;
    this.h = height;
    this.ch = channels;
    this.px = new Uint8Array(width * height * channels);
    // Per-row scratch: partial coverage of edge pixels, and a running-sum
    // delta for fully covered runs (so interiors cost O(1) per span).
    this.area = new Float32Array(width + 2);
    this.cover = new Float32Array(width + 2);
  }

  // Paint a whole opaque row: write one pixel, then keep doubling it.
  fillRow(y, [r, g, b]) {
    const row = y * this.w * this.ch;
    this.px.set(this.ch === 4 ? [r, g, b, 255] : [r, g, b], row);
    for (let filled = this.ch, total = this.w * this.ch; filled < total; filled *= 2) {
      this.px.copyWithin(row + filled, row, row + Math.min(filled, total - filled));
    }
  }

  // pts: flat [x0, y0, x1, y1, ...] pixel coordinates of a closed polygon.
  fillPolygon(pts, [r, g, b], opacity) {
    const edges = [];
    let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
    const n = pts.length / 2;
    for (let i = 0; i < n; i++) {
      const j = (i + 1) % n;
      const x0 = pts[2 * i], y0 = pts[2 * i + 1], x1 = pts[2 * j], y1 = pts[2 * j + 1];
      minX = Math.min(minX, x0); maxX = Math.max(maxX, x0);
      minY = Math.min(minY, y0); maxY = Math.max(maxY, y0);
      if (y0 === y1) continue;
      edges.push(y0 < y1
        ? { top: y0, bottom: y1, x: x0, slope: (x1 - x0) / (y1 - y0) }
        : { top: y1, bottom: y0, x: x1, slope: (x0 - x1) / (y0 - y1) });
    }
    const xLo = Math.max(0, Math.floor(minX)), xHi = Math.min(this.w - 1, Math.ceil(maxX));
    const yLo = Math.max(0, Math.floor(minY)), yHi = Math.min(this.h - 1, Math.ceil(maxY));
    if (xLo > xHi) return;
    const { area, cover } = this;
    const crossings = [];
    for (let y = yLo; y <= yHi; y++) {
      // Accumulate this row's coverage (even-odd rule), remembering the
      // columns touched.
      let lo = Infinity, hi = -1;
      for (let s = 0; s < SUBSAMPLES; s++) {
        const sy = y + (s + 0.5) / SUBSAMPLES;
        crossings.length = 0;
        for (const e of edges) if (sy >= e.top && sy < e.bottom) crossings.push(e.x + (sy - e.top) * e.slope);
        crossings.sort((a, b) => a - b);
        for (let k = 0; k + 1 < crossings.length; k += 2) {
          const a = Math.max(xLo, Math.min(xHi + 1, crossings[k]));
          const b = Math.max(xLo, Math.min(xHi + 1, crossings[k + 1]));
          if (b <= a) continue;
          this.addSpan(a, b);
          lo = Math.min(lo, Math.floor(a));
          hi = Math.max(hi, Math.floor(b));
        }
      }
      if (hi < 0) continue;
      const { px, ch } = this;
      let run = 0;
      for (let x = lo, end = Math.min(hi, xHi), i = (y * this.w + lo) * ch; x <= end; x++, i += ch) {
        run += cover[x];
        const a = Math.min(1, run + area[x]) * opacity;
        if (a >= 1) {
          // Fully covered, opaque: the common case, so skip the blend maths.
          px[i] = r; px[i + 1] = g; px[i + 2] = b;
          if (ch === 4) px[i + 3] = 255;
        } else if (a > 0.002) {
          this.blend(i, r, g, b, a);
        }
      }
      // Leave the scratch rows zeroed for the next row / next path.
      area.fill(0, lo, hi + 2);
      cover.fill(0, lo, hi + 2);
    }
  }

  // Add one sub-scanline span [a, b) (pixel units) with weight 1/SUBSAMPLES.
  addSpan(a, b) {
    const w = 1 / SUBSAMPLES, ia = Math.floor(a), ib = Math.floor(b);
    if (ia === ib) {
      this.area[ia] += (b - a) * w;
    } else {
      this.area[ia] += (ia + 1 - a) * w;
      this.cover[ia + 1] += w;
      this.cover[ib] -= w;
      this.area[ib] += (b - ib) * w;
    }
  }

  // Source-over compositing of a partially covering or translucent colour.
  blend(i, r, g, b, a) {
    const p = this.px;
    const da = this.ch === 4 ? p[i + 3] : 255;
    if (da === 255) {
      p[i] = (p[i] + (r - p[i]) * a + 0.5) | 0;
      p[i + 1] = (p[i + 1] + (g - p[i + 1]) * a + 0.5) | 0;
      p[i + 2] = (p[i + 2] + (b - p[i + 2]) * a + 0.5) | 0;
      return;
    }
    const keep = (da / 255) * (1 - a);
    const out = a + keep;
    if (out <= 0) return;
    p[i] = ((r * a + p[i] * keep) / out + 0.5) | 0;
    p[i + 1] = ((g * a + p[i + 1] * keep) / out + 0.5) | 0;
    p[i + 2] = ((b * a + p[i + 2] * keep) / out + 0.5) | 0;
    p[i + 3] = (out * 255 + 0.5) | 0;
  }
}

// ---------------------------------------------------------------------------
// Drawing kit in "units": silhouettes are drawn in a nominal 100x100 box
// (standing things rest near y = 90); the pen maps units to pixels.

export const TAU = Math.PI * 2;

function ellipsePoints(cx, cy, rx, ry, a0 = 0, a1 = TAU, rot = 0, n = 48) {
  const pts = [];
  const cos = Math.cos(rot), sin = Math.sin(rot);
  const full = a1 - a0 >= TAU - 1e-9;
  const steps = full ? n : n + 1;
  for (let i = 0; i < steps; i++) {
    const t = a0 + ((a1 - a0) * i) / n;
    const x = Math.cos(t) * rx, y = Math.sin(t) * ry;
    pts.push([cx + x * cos - y * sin, cy + x * sin + y * cos]);
  }
  return pts;
}

export class Pen {
  constructor(canvas, ox, oy, scale) {
    Object.assign(this, { canvas, ox, oy, scale });
  }
  toPx(pts) {
    const flatPts = new Array(pts.length * 2);
    pts.forEach(([x, y], i) => {
      flatPts[2 * i] = this.ox + x * this.scale;
      flatPts[2 * i + 1] = this.oy + y * this.scale;
    });
    return flatPts;
  }
  poly(pts, col, opacity = 1) {
    this.canvas.fillPolygon(this.toPx(pts), col, opacity);
  }
  rect(x, y, w, h, col, opacity) {
    this.poly([[x, y], [x + w, y], [x + w, y + h], [x, y + h]], col, opacity);
  }
  rrect(x, y, w, h, rad, col, opacity) {
    const r = Math.min(rad, w / 2, h / 2);
    const q = Math.PI / 2;
    this.poly([
      ...ellipsePoints(x + w - r, y + r, r, r, -q, 0, 0, 6),
      ...ellipsePoints(x + w - r, y + h - r, r, r, 0, q, 0, 6),
      ...ellipsePoints(x + r, y + h - r, r, r, q, 2 * q, 0, 6),
      ...ellipsePoints(x + r, y + r, r, r, 2 * q, 3 * q, 0, 6),
    ], col, opacity);
  }
  ellipse(cx, cy, rx, ry, col, opacity, rot = 0) {
    this.poly(ellipsePoints(cx, cy, rx, ry, 0, TAU, rot), col, opacity);
  }
  // Half of an ellipse: lower (bowls) or upper (domes).
  halfEllipse(cx, cy, rx, ry, upper, col, opacity) {
    this.poly(upper ? ellipsePoints(cx, cy, rx, ry, Math.PI, TAU) : ellipsePoints(cx, cy, rx, ry, 0, Math.PI), col, opacity);
  }
  line(x0, y0, x1, y1, width, col, opacity) {
    const len = Math.hypot(x1 - x0, y1 - y0) || 1;
    const nx = (-(y1 - y0) / len) * (width / 2), ny = ((x1 - x0) / len) * (width / 2);
    this.poly([[x0 + nx, y0 + ny], [x1 + nx, y1 + ny], [x1 - nx, y1 - ny], [x0 - nx, y0 - ny]], col, opacity);
  }
  // A thick circular arc (handles, straps, hanging loops).
  band(cx, cy, r, thick, a0, a1, col, opacity) {
    const outer = ellipsePoints(cx, cy, r, r, a0, a1, 0, 32);
    const inner = ellipsePoints(cx, cy, r - thick, r - thick, a0, a1, 0, 32).reverse();
    this.poly([...outer, ...inner], col, opacity);
  }
  // Solid of revolution from a right-hand profile [[radius, y], ...].
  lathe(cx, profile, col, opacity) {
    const right = profile.map(([r, y]) => [cx + r, y]);
    const left = profile.map(([r, y]) => [cx - r, y]).reverse();
    this.poly([...right, ...left], col, opacity);
  }
}
