// sample/shapes.mjs — the silhouette drawn for each product shape.
// Part of the sample generator (scripts/make-sample-catalogue.mjs): deterministic, no dependencies.
import { BLACK, BRASS, IVORY, LEAF, LIGHT_WOOD, LINEN, STEEL, WARM_LIGHT, WHITE, hexRgb, luma, mix, shade } from './palette.mjs';
import { TAU } from './rasteriser.mjs';
import { COLOURS, EARTH, FABRIC } from './vocabulary.mjs';

// Silhouettes. Each: aspect = preferred image orientation; box = [x0, y0,
// x1, y1], the drawing's extent in units, used to frame it; shadow = half-width
// of the contact shadow at the box's bottom edge, where the object stands
// (0 = hung on a wall or laid flat); horizon = where wall meets floor, for
// flat-lay items (standing items use their bottom edge).

function seating(g, c, x0, x1, backTop, cushions) {
  const arm = 12, inner0 = x0 + arm, cw = (x1 - x0 - 2 * arm) / cushions;
  g.rect(x0 + 9, 80, 3, 10, c.acc);
  g.rect(x1 - 12, 80, 3, 10, c.acc);
  g.rrect(x0 + 5, backTop, x1 - x0 - 10, 70 - backTop, 6, c.dark);
  for (let i = 0; i < cushions; i++) g.rrect(inner0 + i * cw + 1, backTop + 4, cw - 2, 58 - backTop, 5, c.main);
  g.rrect(x0 + 4, 62, x1 - x0 - 8, 20, 4, c.dark);
  for (let i = 0; i < cushions; i++) g.rrect(inner0 + i * cw + 0.5, 57, cw - 1, 11, 4, c.light);
  g.rrect(x0, 50, arm + 1, 32, 6, c.main);
  g.rrect(x1 - arm - 1, 50, arm + 1, 32, 6, c.main);
}

function bed(g, frame, duvet, pillow) {
  g.rect(11, 82, 3, 8, shade(frame, 0.7));
  g.rect(86, 82, 3, 8, shade(frame, 0.7));
  g.rrect(8, 26, 84, 50, 5, shade(frame, 0.85));
  g.rect(8, 56, 84, 12, [236, 233, 226]);
  g.rrect(15, 47, 30, 13, 5, pillow);
  g.rrect(55, 47, 30, 13, 5, pillow);
  g.rrect(6, 60, 88, 19, 4, duvet);
  g.rect(6, 60, 88, 4, mix(duvet, WHITE, 0.3));
  g.rect(7, 76, 86, 6, frame);
}

function garmentOutline(longSleeves, hem, neckDip) {
  const sleeve = longSleeves
    ? [[80, 20], [90, 74], [80, 77], [70, 36]]
    : [[82, 24], [76, 38], [70, 33]];
  const right = [[56, 10], [64, 12], ...sleeve, [70, hem]];
  const left = right.map(([x, y]) => [100 - x, y]).reverse();
  return [[50, neckDip], ...right, ...left];
}

function hanger(g) {
  g.band(50, 4, 3, 1, Math.PI, TAU * 0.98, STEEL);
  g.line(50, 5, 30, 15, 1.6, LIGHT_WOOD);
  g.line(50, 5, 70, 15, 1.6, LIGHT_WOOD);
}

function rug(g, c, r, fringe) {
  const quad = [[20, 50], [80, 50], [96, 86], [4, 86]];
  // Bilinear point inside the perspective quad.
  const at = (u, v) => {
    const top = [quad[0][0] + (quad[1][0] - quad[0][0]) * u, quad[0][1]];
    const bot = [quad[3][0] + (quad[2][0] - quad[3][0]) * u, quad[3][1]];
    return [top[0] + (bot[0] - top[0]) * v, top[1] + (bot[1] - top[1]) * v];
  };
  g.poly(quad, c.dark);
  g.poly([at(0.05, 0.08), at(0.95, 0.08), at(0.95, 0.92), at(0.05, 0.92)], c.main);
  const pattern = r.int(0, 2);
  if (pattern === 0) {
    for (const v of [0.25, 0.45, 0.65]) g.poly([at(0.05, v), at(0.95, v), at(0.95, v + 0.06), at(0.05, v + 0.06)], c.light);
  } else if (pattern === 1) {
    g.poly([at(0.5, 0.2), at(0.75, 0.5), at(0.5, 0.8), at(0.25, 0.5)], c.light);
    g.poly([at(0.5, 0.35), at(0.62, 0.5), at(0.5, 0.65), at(0.38, 0.5)], c.dark);
  } else {
    for (let k = 0; k < 6; k++) {
      const u = 0.12 + k * 0.15;
      g.poly([at(u, 0.2), at(u + 0.06, 0.5), at(u, 0.8), at(u - 0.06, 0.5)], c.light, 0.8);
    }
  }
  if (fringe) for (let x = 5; x <= 95; x += 1.8) g.line(x, 86, x, 89.5, 0.6, IVORY);
}

function boot(g, c, shaftTop, laces) {
  g.poly([[28, shaftTop], [56, shaftTop], [57, 58], [76, 64], [88, 70], [90, 82], [26, 82]], c.main);
  g.rect(24, 82, 68, 5, shade(c.main, 0.45));
  g.rect(24, 82, 16, 8, shade(c.main, 0.4));
  g.rect(30, shaftTop - 4, 5, 6, c.dark);
  if (laces) {
    for (let y = shaftTop + 6; y < 60; y += 6) g.line(52, y, 58, y + 4, 1.2, BLACK);
  } else if (shaftTop < 20) {
    g.poly([[46, shaftTop + 2], [55, shaftTop + 2], [56, 48], [51, 40]], shade(c.main, 0.55));
  }
}

export const SHAPES = {
  sofa: { aspect: 'land', shadow: 46, box: [4, 40, 96, 90], draw: (g, c) => seating(g, c, 4, 96, 40, 2) },
  armchair: { aspect: 'any', shadow: 32, box: [18, 28, 82, 90], draw: (g, c) => seating(g, c, 20, 80, 28, 1) },
  chair: {
    aspect: 'any', shadow: 26, box: [26, 18, 74, 90],
    draw(g, c) {
      const back = shade(c.acc, 0.8);
      g.rect(31, 22, 3.5, 68, back);
      g.rect(65.5, 22, 3.5, 68, back);
      g.rrect(30, 18, 40, 20, 3, c.main);
      g.rect(33, 30, 34, 2, c.dark);
      g.rrect(26, 56, 48, 7, 2, c.main);
      g.rect(27, 61, 46, 4, c.dark);
      g.rect(27, 63, 4, 27, c.acc);
      g.rect(69, 63, 4, 27, c.acc);
      g.rect(31, 78, 38, 2, c.acc);
    },
  },
  table: {
    aspect: 'land', shadow: 46, box: [6, 44, 94, 90],
    draw(g, c) {
      g.rect(22, 52, 4, 34, shade(c.acc, 0.8));
      g.rect(74, 52, 4, 34, shade(c.acc, 0.8));
      g.rect(6, 44, 88, 6, c.main);
      g.rect(6, 50, 88, 2, c.dark);
      g.rect(12, 52, 76, 5, shade(c.main, 0.7));
      g.rect(10, 52, 5, 38, c.acc);
      g.rect(85, 52, 5, 38, c.acc);
    },
  },
  coffeeTable: {
    aspect: 'land', shadow: 42, box: [10, 52, 90, 90],
    draw(g, c) {
      g.line(50, 66, 50, 88, 3, shade(c.acc, 0.8));
      g.line(30, 64, 22, 90, 3, c.acc);
      g.line(70, 64, 78, 90, 3, c.acc);
      g.ellipse(50, 65, 40, 9, c.dark);
      g.rect(10, 61, 80, 4, c.dark);
      g.ellipse(50, 61, 40, 9, c.main);
      g.ellipse(40, 59, 14, 3, WHITE, 0.15);
    },
  },
  shelf: {
    aspect: 'port', shadow: 34, box: [20, 8, 80, 90],
    draw(g, c, r) {
      g.rect(20, 8, 60, 82, c.main);
      g.rect(24, 12, 52, 74, c.dark);
      const books = FABRIC.map((n) => hexRgb(COLOURS[n]));
      for (let k = 0; k < 4; k++) {
        const floor = 12 + (k + 1) * 18.5 - (k < 3 ? 2.5 : 0);
        if (k < 3) g.rect(24, floor, 52, 2.5, c.main);
        for (let x = 26 + r.range(0, 4); x < 70; ) {
          const w = r.range(2.5, 5), h = r.range(9, 15);
          if (r.chance(0.85)) g.rect(x, floor - h, w, h, shade(r.pick(books), 0.85));
          x += w + r.range(0.2, 2.5);
        }
      }
    },
  },
  sideboard: {
    aspect: 'land', shadow: 46, box: [8, 23, 92, 90],
    draw(g, c, r) {
      g.rect(14, 80, 3, 10, c.acc);
      g.rect(83, 80, 3, 10, c.acc);
      g.rect(8, 42, 84, 38, c.main);
      g.rect(8, 42, 84, 2.5, c.light);
      for (let i = 0; i < 3; i++) {
        const x = 10.5 + i * 26.7;
        g.rect(x, 47, 25.5, 30, shade(c.main, 0.9));
        g.rect(x + 11, 50, 3.5, 1.4, c.acc === c.main ? c.dark : BRASS);
      }
      const vase = hexRgb(COLOURS[r.pick(EARTH)]);
      g.lathe(24, [[0, 42], [5, 42], [7, 36], [6, 30], [2.5, 26], [2.5, 23], [0, 23]], vase);
      g.rect(64, 38, 18, 4, hexRgb(COLOURS[r.pick(FABRIC)]));
      g.rect(66, 35, 15, 3, hexRgb(COLOURS[r.pick(FABRIC)]));
    },
  },
  bed: { aspect: 'land', shadow: 46, box: [6, 26, 94, 90], draw: (g, c) => bed(g, c.main, LINEN, IVORY) },
  bedding: { aspect: 'land', shadow: 46, box: [6, 26, 94, 90], draw: (g, c) => bed(g, LIGHT_WOOD, c.main, c.light) },
  pendant: {
    aspect: 'any', shadow: 0, box: [20, 36, 80, 72],
    draw(g, c, r) {
      g.rect(49.6, -60, 0.8, 100, BLACK);
      g.poly([[26, 66], [74, 66], [140, 240], [-40, 240]], WARM_LIGHT, 0.1);
      g.rect(46.5, 37, 7, 5, c.bodyCol);
      const style = r.int(0, 2);
      if (style === 0) {
        g.halfEllipse(50, 66, 28, 25, true, c.shadeCol);
        g.ellipse(50, 66, 28, 3, shade(c.shadeCol, 0.7));
      } else if (style === 1) {
        g.poly([[44, 41], [56, 41], [78, 68], [22, 68]], c.shadeCol);
        g.ellipse(50, 68, 28, 2.5, shade(c.shadeCol, 0.7));
      } else {
        g.ellipse(50, 60, 20, 20, c.shadeCol, 0.92);
      }
      g.ellipse(50, 68, 6, 3.5, WARM_LIGHT);
    },
  },
  floorLamp: {
    aspect: 'port', shadow: 16, box: [28, 8, 72, 92],
    draw(g, c) {
      g.ellipse(50, 89, 13, 3, c.bodyCol);
      g.rect(49, 30, 2, 59, c.bodyCol);
      g.ellipse(50, 34, 10, 2.5, WARM_LIGHT, 0.8);
      g.poly([[37, 8], [63, 8], [72, 34], [28, 34]], c.shadeCol);
      g.rect(28, 33, 44, 1.5, shade(c.shadeCol, 0.8));
    },
  },
  tableLamp: {
    aspect: 'any', shadow: 18, box: [28, 24, 72, 90],
    draw(g, c) {
      g.lathe(50, [[0, 90], [9, 90], [14, 82], [15, 72], [10, 62], [4, 58], [2.5, 52], [0, 52]], c.bodyCol);
      g.ellipse(45, 74, 3, 8, WHITE, 0.15);
      g.poly([[36, 24], [64, 24], [72, 53], [28, 53]], c.shadeCol);
      g.rect(28, 52, 44, 1.5, shade(c.shadeCol, 0.8));
    },
  },
  sconce: {
    aspect: 'any', shadow: 0, box: [18, 22, 80, 70],
    draw(g, c) {
      g.ellipse(56, 46, 24, 24, WARM_LIGHT, 0.18);
      g.rrect(18, 26, 8, 30, 3, c.bodyCol);
      g.line(26, 41, 46, 41, 2.4, c.bodyCol);
      g.rect(43, 34, 6, 9, c.bodyCol);
      g.ellipse(56, 46, 14, 14, c.shadeCol, 0.92);
      g.ellipse(56, 48, 6, 6, WARM_LIGHT, 0.6);
    },
  },
  deskLamp: {
    aspect: 'any', shadow: 18, box: [18, 30, 86, 92],
    draw(g, c) {
      g.poly([[64, 57], [82, 50], [96, 90], [50, 90]], WARM_LIGHT, 0.15);
      g.ellipse(32, 88, 14, 3, c.main);
      g.line(32, 88, 42, 52, 2.4, c.main);
      g.line(42, 52, 66, 38, 2.4, c.main);
      g.ellipse(42, 52, 2.8, 2.8, c.dark);
      g.poly([[62, 33], [71, 30], [84, 51], [64, 58]], c.main);
      g.ellipse(74, 54, 9, 2.2, WARM_LIGHT, 0.9, -0.36);
    },
  },
  shirt: {
    aspect: 'port', shadow: 0, box: [10, 2, 90, 88],
    draw(g, c) {
      hanger(g);
      g.poly(garmentOutline(true, 88, 16), c.main);
      g.poly([[44, 10], [50, 16], [46, 23], [39, 13]], c.light);
      g.poly([[56, 10], [50, 16], [54, 23], [61, 13]], c.light);
      g.line(50, 17, 50, 88, 1.2, c.dark);
      for (let y = 25; y < 86; y += 11) g.ellipse(50, y, 0.9, 0.9, c.light);
      g.rect(55, 28, 9, 9, c.dark, 0.45);
    },
  },
  tshirt: {
    aspect: 'any', shadow: 0, box: [18, 2, 82, 82],
    draw(g, c) {
      hanger(g);
      g.poly(garmentOutline(false, 82, 12), c.main);
      g.ellipse(50, 11.5, 7, 3.5, c.dark);
      g.line(30, 79, 70, 79, 0.6, c.dark, 0.6);
    },
  },
  jumper: {
    aspect: 'any', shadow: 0, box: [10, 10, 90, 84],
    draw(g, c) {
      g.poly(garmentOutline(true, 84, 12), c.main);
      g.ellipse(50, 11.5, 7, 3.5, c.dark);
      g.rect(30, 79, 40, 5, c.dark);
      g.poly([[80, 77], [90, 74], [88.8, 69], [79, 72]], c.dark);
      g.poly([[20, 77], [10, 74], [11.2, 69], [21, 72]], c.dark);
    },
  },
  coat: {
    aspect: 'port', shadow: 0, box: [10, 2, 90, 94],
    draw(g, c) {
      hanger(g);
      g.poly(garmentOutline(true, 94, 12), c.main);
      g.poly([[44, 10], [50, 40], [42, 26], [37, 13]], c.dark);
      g.poly([[56, 10], [50, 40], [58, 26], [63, 13]], c.dark);
      g.line(50, 40, 50, 94, 0.8, c.dark);
      for (const y of [48, 60, 72]) g.ellipse(54, y, 1.3, 1.3, BLACK);
      g.rect(34, 66, 11, 1.8, c.dark);
      g.rect(55, 66, 11, 1.8, c.dark);
    },
  },
  dress: {
    aspect: 'port', shadow: 0, box: [22, 2, 78, 92],
    draw(g, c) {
      hanger(g);
      g.poly([[41, 12], [44, 12], [50, 18], [56, 12], [59, 12], [62, 30], [59, 40], [78, 92],
        [22, 92], [41, 40], [38, 30]], c.main);
      g.rect(40.4, 37.5, 19.2, 3, c.dark);
      g.line(50, 41, 46, 60, 1, c.dark);
      g.line(50, 41, 53, 58, 1, c.dark);
    },
  },
  trousers: {
    aspect: 'port', shadow: 0, box: [26, 8, 74, 92],
    draw(g, c) {
      g.poly([[32, 8], [68, 8], [74, 92], [56, 92], [50, 34], [44, 92], [26, 92]], c.main);
      g.rect(32, 8, 36, 5, c.dark);
      g.line(50, 13, 50, 30, 0.8, c.dark);
      g.line(36, 13, 40, 24, 0.8, c.dark);
      g.line(64, 13, 60, 24, 0.8, c.dark);
    },
  },
  scarf: {
    aspect: 'port', shadow: 0, box: [34, 6, 66, 92],
    draw(g, c) {
      g.rrect(34, 6, 16, 78, 3, c.main);
      g.rrect(50, 12, 16, 74, 3, c.dark);
      g.rect(34, 70, 16, 3, c.light);
      g.rect(50, 74, 16, 3, c.light);
      for (let x = 35; x < 50; x += 1.6) g.line(x, 83.5, x, 90, 0.7, c.main);
      for (let x = 51; x < 66; x += 1.6) g.line(x, 85.5, x, 92, 0.7, c.dark);
    },
  },
  pan: {
    aspect: 'land', shadow: 38, box: [10, 42, 97, 82],
    draw(g, c) {
      g.line(68, 58, 97, 47, 5, c.main);
      g.ellipse(93.5, 48.3, 1.2, 1.2, shade(c.main, 0.5));
      g.ellipse(42, 63, 32, 19, c.dark);
      g.ellipse(42, 61, 32, 18, c.main);
      g.ellipse(42, 61, 27, 14, shade(c.main, 0.55));
      g.ellipse(33, 56, 9, 3, WHITE, 0.12);
    },
  },
  pot: {
    aspect: 'land', shadow: 36, box: [10, 36, 90, 87],
    draw(g, c) {
      g.rrect(10, 53, 13, 6, 2.5, c.dark);
      g.rrect(77, 53, 13, 6, 2.5, c.dark);
      g.rect(20, 48, 60, 32, c.main);
      g.ellipse(50, 80, 30, 7, c.main);
      g.rect(25, 52, 4, 26, WHITE, 0.15);
      g.ellipse(50, 48, 31, 7, c.dark);
      g.ellipse(50, 46, 29, 6.5, c.light);
      g.rrect(44, 36, 12, 8, 3, c.acc);
    },
  },
  kettle: {
    aspect: 'any', shadow: 26, box: [15, 28, 70, 91],
    draw(g, c) {
      g.band(50, 44, 16, 3.5, Math.PI, TAU, c.acc);
      g.poly([[33, 70], [15, 48], [19, 46], [37, 59]], c.main);
      g.poly([[30, 88], [70, 88], [64, 44], [36, 44]], c.main);
      g.ellipse(50, 88, 20, 3, c.main);
      g.ellipse(50, 44, 14, 4, c.light);
      g.ellipse(50, 39, 4, 3, c.acc);
      g.rect(40, 50, 3, 34, WHITE, 0.18);
    },
  },
  mug: {
    aspect: 'any', shadow: 24, box: [30, 42, 77, 89],
    draw(g, c) {
      g.band(64, 66, 13, 4.5, -Math.PI / 2, Math.PI / 2, c.main);
      g.rect(30, 46, 34, 40, c.main);
      g.ellipse(47, 86, 17, 3, c.main);
      g.rect(34, 52, 3, 30, WHITE, 0.16);
      g.ellipse(47, 46, 17, 4, c.dark);
      g.ellipse(47, 47, 15, 2.8, [92, 60, 40]);
    },
  },
  knife: {
    aspect: 'land', shadow: 44, box: [4, 50, 96, 78],
    draw(g, c) {
      g.rrect(4, 66, 92, 12, 3, LIGHT_WOOD);
      g.rect(4, 76, 92, 2, shade(LIGHT_WOOD, 0.8));
      g.poly([[8, 60], [20, 52], [64, 51], [64, 63], [22, 63]], c.main);
      g.rect(20, 51.5, 44, 1.5, c.light);
      g.rect(64, 50, 3, 14, c.dark);
      g.rrect(67, 51, 27, 12, 5, c.acc);
      for (const x of [74, 81, 88]) g.ellipse(x, 57, 1.1, 1.1, STEEL);
    },
  },
  bowl: {
    aspect: 'land', shadow: 30, box: [16, 43, 84, 84],
    draw(g, c) {
      g.rect(40, 78, 20, 6, c.dark);
      g.halfEllipse(50, 50, 34, 32, false, c.main);
      g.ellipse(50, 50, 34, 7, c.dark);
      g.ellipse(50, 51, 31, 5.5, shade(c.main, 0.6));
      g.ellipse(36, 62, 4, 10, WHITE, 0.12, 0.4);
    },
  },
  fruitBowl: {
    aspect: 'land', shadow: 36, box: [10, 46, 90, 88],
    draw(g, c, r) {
      g.rect(40, 82, 20, 6, c.dark);
      for (const [x, y, col] of [[40, 58, [233, 140, 40]], [56, 57, [222, 196, 70]], [48, 54, [190, 60, 50]], [64, 60, [120, 160, 70]]]) {
        if (r.chance(0.8)) g.ellipse(x, y, 8, 8, col);
      }
      g.halfEllipse(50, 62, 40, 22, false, c.main);
      g.ellipse(50, 62, 40, 5, c.dark, 0.5);
      g.ellipse(34, 70, 3, 8, WHITE, 0.12, 0.6);
    },
  },
  plates: {
    aspect: 'land', shadow: 40, box: [12, 60, 88, 94],
    draw(g, c) {
      for (let i = 0; i < 4; i++) {
        const y = 82 - i * 4;
        g.ellipse(50, y + 1.6, 38, 10, c.dark);
        g.ellipse(50, y, 38, 10, c.main);
      }
      g.ellipse(50, 70, 27, 6.5, shade(c.main, 0.93));
    },
  },
  rug: { aspect: 'land', shadow: 0, horizon: 36, box: [4, 50, 96, 90], draw: (g, c, r) => rug(g, c, r, true) },
  bathMat: { aspect: 'land', shadow: 0, horizon: 36, box: [4, 50, 96, 90], draw: (g, c, r) => rug(g, c, r, false) },
  cushion: {
    aspect: 'any', shadow: 30, box: [20, 32, 80, 88],
    draw(g, c) {
      g.rrect(20, 32, 60, 56, 14, c.dark);
      g.rrect(21, 33, 58, 54, 13, c.main);
      g.line(26, 38, 42, 54, 1.2, c.dark, 0.3);
      g.line(74, 82, 58, 66, 1.2, c.dark, 0.3);
      g.ellipse(50, 60, 2.5, 2.5, c.dark);
    },
  },
  throw: {
    aspect: 'land', shadow: 40, box: [14, 50, 90, 88],
    draw(g, c) {
      g.rrect(14, 66, 72, 22, 5, c.dark);
      g.rrect(14, 50, 72, 20, 5, c.main);
      g.rect(14, 57, 72, 2.5, c.light);
      g.rect(14, 74, 72, 2.5, c.light);
      for (let y = 52; y < 87; y += 2) g.line(86, y, 90, y + 0.5, 0.7, c.main);
    },
  },
  curtain: {
    aspect: 'any', shadow: 0, box: [4, 8, 96, 90],
    draw(g, c) {
      g.rect(28, 14, 44, 72, [214, 228, 238]);
      g.rect(49.5, 14, 1, 72, WHITE);
      g.rect(28, 49.5, 44, 1, WHITE);
      g.line(6, 10, 94, 10, 1.6, c.acc);
      g.ellipse(6, 10, 2, 2, c.acc);
      g.ellipse(94, 10, 2, 2, c.acc);
      g.poly([[10, 11], [42, 11], [36, 90], [8, 90]], c.main);
      g.poly([[58, 11], [90, 11], [92, 90], [64, 90]], c.main);
      for (const [x0, x1] of [[16, 14], [24, 20], [33, 28], [66, 72], [75, 80], [84, 86]]) {
        g.line(x0, 12, x1, 90, 1.2, c.dark, 0.5);
      }
    },
  },
  showerCurtain: {
    aspect: 'port', shadow: 0, box: [18, 8, 82, 90],
    draw(g, c) {
      g.line(18, 10, 82, 10, 1.4, c.acc);
      g.poly([[20, 12], [80, 12], [82, 90], [18, 90]], c.main);
      for (let x = 22; x < 80; x += 6) {
        g.band(x, 12, 2, 0.6, -Math.PI / 2, Math.PI * 1.2, c.acc);
        g.line(x + 3, 14, x + 3.3, 90, 1, c.dark, 0.4);
      }
    },
  },
  towels: {
    aspect: 'any', shadow: 34, box: [20, 43, 80, 89],
    draw(g, c) {
      g.rrect(20, 72, 60, 17, 5, c.dark);
      g.rrect(22, 57, 56, 16, 5, c.main);
      g.rrect(24, 43, 52, 15, 5, c.light);
      for (const y of [80, 64, 50]) g.rect(20, y, 60, 2, shade(c.main, 0.65), 0.6);
    },
  },
  bottle: {
    aspect: 'port', shadow: 18, box: [34, 27, 66, 90],
    draw(g, c) {
      g.rrect(34, 44, 32, 46, 8, c.main);
      g.rect(38, 50, 3, 34, WHITE, 0.18);
      g.rect(45, 37, 10, 8, c.acc);
      g.rect(47, 30, 6, 8, c.acc);
      g.rect(38, 27, 20, 4, c.acc);
      g.rect(34, 28, 5, 2, c.acc);
    },
  },
  tumbler: {
    aspect: 'port', shadow: 16, box: [34, 19, 64, 92],
    draw(g, c) {
      g.line(46, 62, 38, 22, 2.2, [240, 240, 236]);
      g.line(54, 62, 60, 24, 2.2, [120, 170, 200]);
      g.rrect(36, 20, 5, 7, 1.5, [240, 240, 236]);
      g.lathe(50, [[0, 90], [12, 90], [13.5, 58], [0, 58]], c.main);
      g.ellipse(50, 58, 13.5, 3, c.dark);
      g.ellipse(50, 90, 12, 2, c.main);
    },
  },
  mirror: {
    aspect: 'any', shadow: 0, box: [14, 16, 86, 92],
    draw(g, c, r) {
      g.line(50, -20, 50, 20, 1.6, [110, 70, 40]);
      if (r.chance(0.6)) {
        g.ellipse(50, 54, 36, 36, c.main);
        g.ellipse(50, 54, 31, 31, [206, 220, 226]);
      } else {
        g.rrect(20, 18, 60, 74, 28, c.main);
        g.rrect(25, 23, 50, 64, 24, [206, 220, 226]);
      }
      g.poly([[30, 44], [46, 28], [52, 32], [36, 48]], WHITE, 0.35);
    },
  },
  vase: {
    aspect: 'port', shadow: 22, box: [30, 6, 70, 90],
    draw(g, c, r) {
      const profiles = [
        [[0, 90], [10, 90], [16, 76], [17, 64], [12, 50], [6, 42], [6, 36], [9, 32], [0, 32]],
        [[0, 90], [12, 90], [12, 38], [0, 38]],
        [[0, 90], [12, 90], [16, 80], [14, 68], [5, 58], [3, 44], [4, 40], [0, 40]],
        [[0, 90], [8, 90], [17, 80], [20, 68], [16, 56], [7, 50], [8, 44], [0, 44]],
      ];
      const profile = r.pick(profiles);
      const mouthY = profile[profile.length - 1][1];
      const mouthR = profile[profile.length - 2][0];
      for (let k = 0; k < r.int(3, 6); k++) {
        const x = r.range(30, 70), y = r.range(6, 22);
        g.line(50, mouthY + 2, x, y, 0.9, LEAF[2]);
        if (r.chance(0.6)) g.ellipse(x, y, 3.5, 3.5, hexRgb(COLOURS[r.pick(['Blush Pink', 'Ivory', 'Mustard Yellow', 'Coral', 'Lavender'])]));
        else g.ellipse(x, y, 2, 5, r.pick(LEAF), 1, r.range(-0.6, 0.6));
      }
      g.lathe(50, profile, c.main);
      g.ellipse(50, mouthY, mouthR, 1.6, c.dark);
      g.ellipse(44, 72, 2, 9, WHITE, 0.15);
    },
  },
  candle: {
    aspect: 'port', shadow: 18, box: [36, 28, 64, 92],
    draw(g, c) {
      g.ellipse(50, 40, 12, 12, WARM_LIGHT, 0.25);
      g.rect(38, 50, 24, 40, c.main);
      g.ellipse(50, 90, 12, 2.5, c.main);
      g.ellipse(50, 50, 12, 2.5, c.light);
      g.rect(41, 56, 3, 30, WHITE, 0.15);
      g.line(50, 50, 50, 45, 0.6, BLACK);
      g.ellipse(50, 41, 2.2, 4.5, [255, 190, 70]);
    },
  },
  frame: {
    aspect: 'port', shadow: 26, box: [26, 12, 74, 88],
    draw(g, c, r) {
      g.rect(26, 12, 48, 76, c.main);
      g.rect(31, 17, 38, 66, [246, 244, 238]);
      const sky = hexRgb(COLOURS[r.pick(['Sky Blue', 'Blush Pink', 'Sand Beige', 'Lavender', 'Dusty Blue'])]);
      const hill = hexRgb(COLOURS[r.pick(['Sage Green', 'Olive Green', 'Terracotta', 'Ochre', 'Forest Green'])]);
      g.rect(36, 22, 28, 56, sky);
      g.ellipse(56, 36, 4, 4, mix(WARM_LIGHT, WHITE, 0.3));
      g.poly([[36, 60], [46, 48], [56, 58], [64, 52], [64, 78], [36, 78]], hill);
    },
  },
  clock: {
    aspect: 'any', shadow: 0, box: [14, 14, 86, 86],
    draw(g, c) {
      g.ellipse(50, 50, 36, 36, c.main);
      g.ellipse(50, 50, 31, 31, [245, 242, 235]);
      for (let i = 0; i < 12; i++) {
        const a = (i / 12) * TAU, len = i % 3 === 0 ? 5 : 3;
        g.line(50 + Math.cos(a) * 28, 50 + Math.sin(a) * 28, 50 + Math.cos(a) * (28 - len), 50 + Math.sin(a) * (28 - len), 1.2, BLACK);
      }
      g.line(50, 50, 38, 42, 2.2, BLACK);
      g.line(50, 50, 62, 30, 1.4, BLACK);
      g.line(50, 56, 58, 36, 0.5, [190, 50, 40]);
      g.ellipse(50, 50, 2, 2, BLACK);
    },
  },
  planter: {
    aspect: 'any', shadow: 24, box: [18, 8, 82, 90],
    draw(g, c, r) {
      for (let k = 0, n = r.int(6, 10); k < n; k++) {
        const a = -1 + (2 * k) / (n - 1) + r.range(-0.1, 0.1);
        const len = r.range(14, 22);
        g.ellipse(50 + Math.sin(a) * len, 50 - Math.cos(a) * len, 5, len * 0.8, r.pick(LEAF), 1, a);
      }
      g.poly([[28, 57], [72, 57], [66, 90], [34, 90]], c.main);
      g.rect(26, 54, 48, 7, c.light);
      g.ellipse(50, 54.5, 23, 1.6, [70, 50, 35]);
    },
  },
  bench: {
    aspect: 'land', shadow: 44, box: [8, 24, 92, 90],
    draw(g, c) {
      g.rect(16, 24, 4, 66, c.acc);
      g.rect(80, 24, 4, 66, c.acc);
      for (const y of [26, 34, 42]) g.rect(14, y, 72, 5, c.main);
      g.rect(10, 55, 80, 4, c.light);
      g.rect(10, 60, 80, 4, c.main);
      g.rect(12, 64, 4, 26, c.dark);
      g.rect(84, 64, 4, 26, c.dark);
      g.rect(8, 46, 12, 3, c.dark);
      g.rect(80, 46, 12, 3, c.dark);
    },
  },
  lounger: {
    aspect: 'land', shadow: 44, box: [8, 35, 92, 90],
    draw(g, c) {
      g.line(18, 72, 16, 90, 2, c.dark);
      g.line(60, 72, 62, 90, 2, c.dark);
      g.line(80, 66, 84, 86, 2, c.dark);
      g.ellipse(84, 86.5, 3.5, 3.5, BLACK);
      g.poly([[8, 68], [62, 68], [86, 40], [91, 43], [66, 74], [8, 74]], c.main);
      g.poly([[10, 62], [60, 62], [83, 35], [88, 39], [64, 68], [10, 68]], IVORY);
    },
  },
  parasol: {
    aspect: 'any', shadow: 12, box: [8, 12, 92, 90],
    draw(g, c) {
      g.rect(40, 86, 20, 4, BLACK);
      g.rect(49, 16, 2, 72, c.acc);
      g.poly([[8, 38], [50, 14], [92, 38]], c.main);
      for (let i = 0; i < 6; i++) g.halfEllipse(15 + i * 14, 37.5, 7, 4, false, c.main);
      for (const x of [8, 29, 50, 71, 92]) g.line(50, 14, x, 38, 0.6, c.dark, 0.6);
      g.ellipse(50, 13, 2, 2, c.acc);
    },
  },
  wateringCan: {
    aspect: 'land', shadow: 30, box: [28, 30, 95, 88],
    draw(g, c) {
      g.band(48, 50, 20, 3.5, Math.PI, TAU, c.main);
      g.poly([[64, 70], [88, 40], [91, 42.5], [68, 78]], c.main);
      g.ellipse(90.5, 40, 4.5, 2.5, c.dark, 1, -0.9);
      g.rrect(28, 50, 40, 38, 5, c.main);
      g.rect(28, 78, 40, 2, c.dark);
      g.rect(32, 56, 3, 20, WHITE, 0.18);
    },
  },
  lantern: {
    aspect: 'port', shadow: 20, box: [32, 14, 68, 87],
    draw(g, c) {
      g.band(50, 20, 6, 1.5, Math.PI, TAU, c.main);
      g.poly([[34, 32], [50, 19], [66, 32]], c.main);
      g.rect(34, 32, 32, 3, c.main);
      g.rect(36, 35, 28, 46, [225, 230, 228], 0.55);
      g.ellipse(50, 60, 11, 13, WARM_LIGHT, 0.5);
      g.rect(46, 62, 8, 18, IVORY);
      g.ellipse(50, 59, 1.4, 3, [255, 190, 70]);
      g.rect(34, 35, 3, 46, c.main);
      g.rect(63, 35, 3, 46, c.main);
      g.rect(32, 81, 36, 6, c.main);
    },
  },
  sneaker: {
    aspect: 'land', shadow: 44, box: [9, 40, 93, 81],
    draw(g, c) {
      const sole = luma(c.main) > 200 ? [190, 140, 90] : [240, 238, 232];
      g.poly([[12, 74], [13, 58], [22, 54], [36, 52], [50, 42], [60, 40], [64, 48], [80, 58], [90, 66], [91, 74]], c.main);
      g.ellipse(82, 69, 9, 5, c.light);
      g.poly([[32, 70], [48, 55], [54, 57], [40, 70]], c.dark);
      g.rect(11, 56, 4, 12, c.dark);
      g.ellipse(30, 53.5, 9, 2.2, shade(c.main, 0.4));
      for (let i = 0; i < 4; i++) g.line(48 + i * 5, 45 + i * 3, 53 + i * 5, 48 + i * 3, 1.1, IVORY);
      g.rrect(9, 73, 84, 8, 3, sole);
      g.rect(9, 76, 84, 1.2, shade(sole, 0.8));
    },
  },
  chelseaBoot: { aspect: 'any', shadow: 36, box: [24, 14, 92, 90], draw: (g, c) => boot(g, c, 18, false) },
  laceBoot: { aspect: 'any', shadow: 36, box: [24, 22, 92, 90], draw: (g, c) => boot(g, c, 26, true) },
  welly: { aspect: 'port', shadow: 36, box: [24, 2, 92, 90], draw: (g, c) => boot(g, c, 6, false) },
  sandal: {
    aspect: 'land', shadow: 44, box: [8, 60, 92, 83],
    draw(g, c) {
      g.band(62, 76, 16, 4.5, Math.PI, TAU, c.main);
      g.band(30, 76, 12, 3.5, Math.PI, TAU, c.main);
      g.rect(22, 66, 4, 4, BRASS);
      g.rrect(8, 76, 84, 7, 3, [196, 160, 110]);
      g.rect(8, 81, 84, 2.5, shade(c.main, 0.5));
    },
  },
  loafer: {
    aspect: 'land', shadow: 44, box: [8, 57, 93, 85],
    draw(g, c) {
      g.poly([[10, 78], [12, 66], [30, 62], [46, 58], [70, 58], [84, 64], [91, 72], [91, 78]], c.main);
      g.ellipse(32, 62, 16, 3, shade(c.main, 0.45));
      g.ellipse(72, 66, 14, 5, c.light, 0.3);
      g.rect(46, 61, 16, 4, c.dark);
      g.rect(8, 78, 85, 4, shade(c.main, 0.45));
      g.rect(10, 78, 16, 7, shade(c.main, 0.4));
    },
  },
  slipper: {
    aspect: 'land', shadow: 44, box: [8, 55, 94, 83],
    draw(g, c) {
      g.poly([[10, 78], [12, 64], [30, 60], [50, 56], [72, 57], [86, 63], [92, 72], [92, 78]], c.main);
      g.ellipse(32, 60, 20, 4.5, [240, 230, 210]);
      g.rrect(8, 77, 86, 6, 2.5, [70, 62, 56]);
    },
  },
};
