// sample/random.mjs — seeded randomness: FNV-1a seeds (hash32) and the mulberry32 generator (Rng).
// Part of the sample generator (scripts/make-sample-catalogue.mjs): deterministic, no dependencies.

// Seeded randomness

// FNV-1a: turns a seed string or a product id into a 32-bit PRNG seed.
export function hash32(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

// mulberry32: tiny, fast and good enough for sampling vocabulary.
export class Rng {
  constructor(seed) {
    this.state = seed >>> 0;
  }
  next() {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(lo, hi) {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  range(lo, hi) {
    return lo + this.next() * (hi - lo);
  }
  // A value in [lo, hi] on a grid of `step`, rounded so 1.7 stays 1.7.
  step(lo, hi, step) {
    return Number((lo + step * this.int(0, Math.round((hi - lo) / step))).toFixed(2));
  }
  pick(list) {
    return list[Math.floor(this.next() * list.length)];
  }
  chance(p) {
    return this.next() < p;
  }
  shuffle(list) {
    const out = list.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  }
}
