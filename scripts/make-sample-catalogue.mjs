#!/usr/bin/env node
// make-sample-catalogue.mjs: generate the deterministic sample product
// catalogue for Vitrine's bundled offline demo.
//
// Usage:
//   node scripts/make-sample-catalogue.mjs OUT_DIR [--count N] [--seed S]
//
// Writes OUT_DIR/catalogue.json (a JSON array of products) and one
// procedurally drawn product image per product, OUT_DIR/images/<id>.png.
// The same count and seed always give byte-identical files. Re-running
// overwrites catalogue.json and images/, and removes stale product images
// left in images/ by an earlier, larger run. Node 18+, no npm dependencies.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { encodePng } from './lib/png.mjs';

const DEFAULT_COUNT = 600;
const DEFAULT_SEED = 20240607;

// ---------------------------------------------------------------------------
// Seeded randomness

// FNV-1a: turns a seed string or a product id into a 32-bit PRNG seed.
function hash32(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

// mulberry32: tiny, fast and good enough for sampling vocabulary.
class Rng {
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

// ---------------------------------------------------------------------------
// Vocabulary: colours, materials, brands

const COLOURS = {
  'Sage Green': '#9caf88', 'Emerald Green': '#1f6f4a', 'Olive Green': '#6b7a3a',
  'Forest Green': '#2e4a35', 'Navy Blue': '#1f2e4d', 'Dusty Blue': '#7c98b3',
  'Sky Blue': '#9cc3e0', 'Teal': '#2a7a7b', 'Terracotta': '#c0643f', 'Rust': '#a4472a',
  'Mustard Yellow': '#d1a53a', 'Ochre': '#c58b2d', 'Blush Pink': '#e3b5ae',
  'Coral': '#e47f68', 'Burgundy': '#6e1f2e', 'Lavender': '#b6a6cf',
  'Charcoal Grey': '#3d3f42', 'Light Grey': '#b9bcbe', 'Ivory': '#eee8d8',
  'Cream': '#f1e6cc', 'Oatmeal': '#d8cbb3', 'Sand Beige': '#cdb48f',
  'Chocolate Brown': '#5a3a29', 'Black': '#1e1e1e', 'White': '#f4f4f2',
  'Indigo': '#2c3e66', 'Light Wash Blue': '#8aa6c8', 'Speckled White': '#e9e4da',
  'Cherry Red': '#b2262c', 'Flame Orange': '#e0622a',
  'Light Oak': '#c9a574', 'Smoked Oak': '#7a5b3e', 'Walnut': '#5c3b26',
  'Natural Ash': '#d9c3a0', 'Natural Beech': '#d8b98a', 'Teak': '#9a6a3a', 'Acacia': '#a36f3d',
  'Natural': '#c9a66b', 'Brass': '#b8923a', 'Antique Brass': '#8e7236', 'Copper': '#b46a3c',
  'Chrome': '#c8ccd0', 'Brushed Steel': '#a3a8ad', 'Matte Black': '#262626',
  'Gunmetal Grey': '#55595e', 'Tan': '#b07a47', 'Cognac': '#8f4e23', 'Dark Brown': '#4a2f20',
  'Oxblood': '#5e1b1e', 'Clear': '#d7e6ea', 'Smoked Grey': '#6c6f72', 'Amber': '#c27a25',
  'Concrete Grey': '#9a9a96', 'White Marble': '#e8e6e1', 'Green Marble': '#3e5e4e',
  'Black Marble': '#2a2a2a',
};

const FABRIC = ['Sage Green', 'Emerald Green', 'Olive Green', 'Forest Green', 'Navy Blue',
  'Dusty Blue', 'Teal', 'Terracotta', 'Rust', 'Mustard Yellow', 'Blush Pink', 'Burgundy',
  'Charcoal Grey', 'Light Grey', 'Ivory', 'Oatmeal', 'Sand Beige', 'Chocolate Brown',
  'Lavender', 'Coral', 'Ochre', 'Black', 'White', 'Sky Blue'];
const NATURAL_FABRIC = ['Sage Green', 'Oatmeal', 'White', 'Ivory', 'Sand Beige', 'Dusty Blue',
  'Terracotta', 'Charcoal Grey', 'Olive Green', 'Rust', 'Blush Pink', 'Navy Blue'];
const EARTH = ['Terracotta', 'Sage Green', 'Oatmeal', 'Ivory', 'Charcoal Grey', 'Ochre',
  'Dusty Blue', 'Speckled White', 'Black', 'Forest Green', 'Rust', 'Sand Beige'];
const LEATHER = ['Tan', 'Cognac', 'Black', 'Dark Brown', 'Oxblood', 'Olive Green'];
const ENAMEL = ['Cherry Red', 'Flame Orange', 'Teal', 'Sage Green', 'Cream', 'Navy Blue', 'Black'];
const PAINTED = ['Matte Black', 'White', 'Sage Green', 'Terracotta', 'Mustard Yellow',
  'Navy Blue', 'Charcoal Grey'];

// kind drives drawing (which parts take the colour); mult scales the price.
const MATERIALS = {
  'velvet': { kind: 'fabric', pal: FABRIC, mult: 1.15, note: 'The velvet has a soft, short pile that catches the light.' },
  'boucle': { kind: 'fabric', pal: ['Ivory', 'Oatmeal', 'Cream', 'Sand Beige', 'Light Grey', 'Sage Green', 'Terracotta'], mult: 1.2, note: 'Boucle yarn gives it a soft, nubbly texture.' },
  'linen': { kind: 'fabric', pal: NATURAL_FABRIC, mult: 1.1, note: 'The stonewashed linen softens with every wash.' },
  'cotton': { kind: 'fabric', pal: FABRIC, mult: 1, note: 'Made from breathable, long-staple cotton.' },
  'organic cotton': { kind: 'fabric', pal: NATURAL_FABRIC, mult: 1.1, note: 'Woven from GOTS-certified organic cotton.' },
  'Turkish cotton': { kind: 'fabric', pal: ['White', 'Ivory', 'Sage Green', 'Dusty Blue', 'Charcoal Grey', 'Blush Pink', 'Sand Beige'], mult: 1.2, note: 'Long Turkish cotton fibres make it soft and very absorbent.' },
  'waffle cotton': { kind: 'fabric', pal: NATURAL_FABRIC, mult: 1, note: 'The waffle weave is light, absorbent and quick to dry.' },
  'cotton percale': { kind: 'fabric', pal: ['White', 'Ivory', 'Light Grey', 'Sage Green', 'Dusty Blue', 'Blush Pink'], mult: 1.1, note: 'Percale has a crisp, cool, matte feel.' },
  'wool': { kind: 'fabric', pal: FABRIC, mult: 1.2, note: 'The wool is naturally warm, breathable and hard-wearing.' },
  'merino wool': { kind: 'fabric', pal: FABRIC, mult: 1.3, note: 'Fine merino wool that keeps you warm without bulk.' },
  'cashmere': { kind: 'fabric', pal: ['Oatmeal', 'Light Grey', 'Charcoal Grey', 'Navy Blue', 'Sand Beige', 'Burgundy', 'Ivory'], mult: 2, note: 'Pure cashmere, brushed for extra softness.' },
  'denim': { kind: 'fabric', pal: ['Indigo', 'Light Wash Blue', 'Black'], mult: 1, note: 'Cut from rigid denim that fades beautifully.' },
  'corduroy': { kind: 'fabric', pal: ['Rust', 'Olive Green', 'Ochre', 'Chocolate Brown', 'Navy Blue', 'Oatmeal'], mult: 1.05, note: 'Soft needlecord with a fine wale.' },
  'silk': { kind: 'fabric', pal: FABRIC, mult: 1.8, note: 'Washed silk with a gentle sheen and fluid drape.' },
  'canvas': { kind: 'fabric', pal: ['Ivory', 'Sand Beige', 'Olive Green', 'Navy Blue', 'Black', 'White', 'Terracotta'], mult: 0.9, note: 'Sturdy cotton canvas that wears in nicely.' },
  'recycled polyester': { kind: 'fabric', pal: FABRIC, mult: 0.85, note: 'Made from recycled bottles and it shrugs off rain.' },
  'knit': { kind: 'fabric', pal: FABRIC, mult: 1, note: 'A breathable knit upper made from recycled yarn.' },
  'shearling': { kind: 'fabric', pal: ['Tan', 'Cream', 'Light Grey', 'Chocolate Brown'], mult: 1.3, note: 'Real sheepskin that stays warm and dry.' },
  'felt': { kind: 'fabric', pal: ['Light Grey', 'Charcoal Grey', 'Oatmeal', 'Sage Green', 'Navy Blue'], mult: 0.9, note: 'Boiled wool felt, dense and cosy.' },
  'leather': { kind: 'leather', pal: LEATHER, mult: 1.45, note: 'Full-grain leather that develops a rich patina with use.' },
  'suede': { kind: 'leather', pal: ['Tan', 'Sand Beige', 'Chocolate Brown', 'Sage Green', 'Navy Blue', 'Black'], mult: 1.35, note: 'Soft suede, treated against water and stains.' },
  'solid oak': { kind: 'wood', pal: ['Light Oak', 'Smoked Oak'], mult: 1.2, note: 'Solid oak, finished with a hard-wax oil.' },
  'walnut': { kind: 'wood', pal: ['Walnut'], mult: 1.4, note: 'American black walnut with a rich, dark grain.' },
  'ash': { kind: 'wood', pal: ['Natural Ash', 'Black'], mult: 1.1, note: 'Solid ash with a pale, open grain.' },
  'beech': { kind: 'wood', pal: ['Natural Beech', 'Black', 'White'], mult: 0.9, note: 'Steam-bent beech, light but strong.' },
  'teak': { kind: 'wood', pal: ['Teak'], mult: 1.3, note: 'Sustainably grown teak that weathers to a silver grey.' },
  'acacia': { kind: 'wood', pal: ['Acacia'], mult: 0.95, note: 'Oiled acacia, dense and naturally weather-resistant.' },
  'rattan': { kind: 'natural', pal: ['Natural', 'Black'], mult: 1, note: 'Hand-woven rattan over a steel frame.' },
  'jute': { kind: 'natural', pal: ['Natural'], mult: 0.8, note: 'Hand-woven jute with a natural, rustic texture.' },
  'rice paper': { kind: 'paper', pal: ['White', 'Ivory'], mult: 0.6, note: 'The rice paper shade diffuses light softly.' },
  'brass': { kind: 'metal', pal: ['Brass', 'Antique Brass'], mult: 1.35, note: 'Solid brass that ages to a warm patina.' },
  'copper': { kind: 'metal', pal: ['Copper'], mult: 1.4, note: 'Polished copper that heats quickly and evenly.' },
  'steel': { kind: 'metal', pal: PAINTED, mult: 0.9, note: 'Powder-coated steel, durable and easy to wipe clean.' },
  'stainless steel': { kind: 'metal', pal: ['Brushed Steel', 'Chrome', 'Matte Black'], mult: 1, note: 'Stainless steel that will not rust or stain.' },
  'aluminium': { kind: 'metal', pal: ['Brushed Steel', 'Matte Black', 'White', 'Sage Green', 'Charcoal Grey'], mult: 0.85, note: 'Lightweight, rust-proof aluminium.' },
  'carbon steel': { kind: 'metal', pal: ['Black', 'Gunmetal Grey'], mult: 0.9, note: 'Carbon steel that builds a natural non-stick seasoning.' },
  'Damascus steel': { kind: 'metal', pal: ['Gunmetal Grey', 'Brushed Steel'], mult: 1.8, note: 'Sixty-seven layers of Damascus steel for a keen, lasting edge.' },
  'cast iron': { kind: 'metal', pal: ['Black', 'Matte Black'], mult: 1, note: 'Pre-seasoned cast iron that holds heat evenly and improves with use.' },
  'enamelled cast iron': { kind: 'metal', pal: ENAMEL, mult: 1.5, note: 'Enamelled cast iron needs no seasoning and goes from hob to oven.' },
  'enamelled steel': { kind: 'metal', pal: ENAMEL, mult: 0.9, note: 'Glossy enamel over steel, easy to clean.' },
  'stoneware': { kind: 'ceramic', pal: EARTH, mult: 1, note: 'Reactive-glaze stoneware, so every piece is slightly different.' },
  'ceramic': { kind: 'ceramic', pal: EARTH, mult: 0.9, note: 'Glazed ceramic, made in a small family pottery.' },
  'porcelain': { kind: 'ceramic', pal: ['White', 'Speckled White', 'Dusty Blue', 'Sage Green', 'Black'], mult: 1.1, note: 'Fine porcelain, thin yet chip-resistant.' },
  'terracotta': { kind: 'ceramic', pal: ['Terracotta'], mult: 0.8, note: 'Unglazed terracotta that lets roots breathe.' },
  'glass': { kind: 'glass', pal: ['Clear', 'Smoked Grey', 'Amber', 'Sage Green', 'Blush Pink'], mult: 1, note: 'Mouth-blown glass with a subtle ripple.' },
  'concrete': { kind: 'stone', pal: ['Concrete Grey', 'Charcoal Grey', 'Sand Beige'], mult: 0.9, note: 'Cast concrete with a smooth, sealed finish.' },
  'marble': { kind: 'stone', pal: ['White Marble', 'Green Marble', 'Black Marble'], mult: 1.5, note: 'Natural marble, so the veining is unique to each piece.' },
  'soy wax': { kind: 'wax', pal: ['Ivory', 'Sage Green', 'Blush Pink', 'Terracotta', 'Charcoal Grey', 'Ochre', 'Dusty Blue'], mult: 1, note: 'Hand-poured soy wax for a clean, slow burn.' },
  'beeswax': { kind: 'wax', pal: ['Ochre', 'Ivory', 'Mustard Yellow'], mult: 1.3, note: 'Pure beeswax with a faint honey scent.' },
  'rubber': { kind: 'rubber', pal: ['Black', 'Olive Green', 'Navy Blue', 'Mustard Yellow', 'Forest Green'], mult: 1, note: 'Natural rubber that is fully waterproof.' },
  'recycled plastic': { kind: 'plastic', pal: PAINTED, mult: 0.6, note: 'Made from recycled plastic and fully recyclable.' },
};

const COLLECTIONS = ['Hollis', 'Arlo', 'Marlow', 'Ines', 'Otto', 'Freya', 'Soren', 'Wren', 'Luca',
  'Mira', 'Elio', 'Nova', 'Ada', 'Bram', 'Cleo', 'Dune', 'Fern', 'Harlow', 'Iris', 'Juno', 'Kai',
  'Lotte', 'Milo', 'Nell', 'Oslo', 'Pia', 'Quinn', 'Rhea', 'Sable', 'Tove', 'Una', 'Vale',
  'Wilder', 'Yara', 'Zeno', 'Alma', 'Birch', 'Coast', 'Delphine', 'Esme'];

// ---------------------------------------------------------------------------
// Size helpers: each returns [metadata.size, phrase for the description].

const boxSize = (w, d, h) => (r) => {
  const [W, D, H] = [r.step(...w), r.step(...d), r.step(...h)];
  return [`W ${W} x D ${D} x H ${H} cm`, `${W} cm wide and ${H} cm high`];
};
const diameter = (d) => (r) => {
  const D = r.step(...d);
  return [`${D} cm diameter`, `${D} cm across`];
};
const height = (h) => (r) => {
  const H = r.step(...h);
  return [`H ${H} cm`, `${H} cm tall`];
};
const flat = (sizes) => (r) => {
  const [W, L] = r.pick(sizes);
  return [`${W} x ${L} cm`, `${W} x ${L} cm`];
};
const volume = (v, unit) => (r) => {
  const V = r.step(...v);
  return unit === 'ml' ? [`${V} ml`, `holds ${V} ml`] : [`${V} L`, `holds ${V} litres`];
};
const clothing = (r) => {
  const range = r.pick(['XS-XL', 'S-XXL', 'XS-L', 'S-XL', 'XXS-XL']);
  return [range, `available in sizes ${range}`];
};
const shoes = (r) => {
  const lo = r.pick([35, 36, 37, 39, 40]);
  const range = `EU ${lo}-${lo + r.pick([5, 6, 7])}`;
  return [range, `in sizes ${range}`];
};
const bedSize = (r) => {
  const [name, dims] = r.pick([['Single', '135 x 200 cm'], ['Double', '200 x 200 cm'],
    ['King', '230 x 220 cm'], ['Super King', '260 x 220 cm']]);
  return [`${name} (${dims})`, `${name.toLowerCase()} size, ${dims}`];
};

// ---------------------------------------------------------------------------
// Catalogue vocabulary, per category. Each product type names its silhouette
// (`shape`), materials, features, uses, size and price range. `made` phrases
// the material differently ("a sage green pendant lamp with a glass shade",
// `%` is the material); `upholstered` does the same for fabric and leather
// ("an emerald green sofa upholstered in velvet").

const CATEGORIES = [
  {
    name: 'furniture', prefix: 'fur',
    brands: ['Nordvik', 'Hollow & Pine', 'Casa Alba', 'Marlowe Works'],
    featured: [
      { type: 'sofa', material: 'velvet', colour: 'Emerald Green' },
      { type: 'sofa', material: 'velvet', colour: 'Sage Green' },
      { type: 'armchair', material: 'velvet', colour: 'Olive Green' },
      { type: 'dining table', material: 'solid oak', colour: 'Light Oak' },
      { type: 'dining chair', material: 'walnut', colour: 'Walnut' },
    ],
    types: [
      { noun: 'sofa', shape: 'sofa', accent: 'wood', upholstered: true,
        materials: ['velvet', 'velvet', 'boucle', 'linen', 'wool', 'leather', 'cotton'],
        size: boxSize([180, 240, 10], [88, 100, 2], [76, 88, 2]), price: [649, 1899],
        features: ['deep feather-wrapped seat cushions', 'tapered solid oak legs', 'a low, relaxed back', 'removable, washable covers', 'pocket-sprung seats', 'a kiln-dried hardwood frame'],
        uses: ['made for long evenings in the living room', 'sized for family living rooms', 'a generous seat for lounging and naps'] },
      { noun: 'armchair', shape: 'armchair', accent: 'wood', upholstered: true,
        materials: ['velvet', 'boucle', 'linen', 'wool', 'leather'],
        size: boxSize([70, 90, 2], [76, 90, 2], [74, 96, 2]), price: [249, 899],
        features: ['a high, supportive back', 'feather-wrapped cushions', 'solid beech legs', 'gently curved arms', 'a deep, comfortable seat'],
        uses: ['a reading chair for a quiet corner', 'perfect beside a fireplace or window', 'an easy extra seat for the living room'] },
      { noun: 'dining chair', shape: 'chair', accent: 'wood', upholstered: true,
        materials: ['solid oak', 'walnut', 'beech', 'ash', 'rattan', 'velvet', 'boucle'],
        size: boxSize([44, 52, 1], [50, 56, 1], [78, 86, 1]), price: [89, 349],
        features: ['a gently curved backrest', 'a 46 cm seat height', 'felt pads to protect floors', 'traditional mortise-and-tenon joints', 'a padded seat'],
        uses: ['made for everyday family dinners', 'ideal around a kitchen or dining table', 'comfortable enough to double as a desk chair'] },
      { noun: 'dining table', shape: 'table', accent: 'wood',
        materials: ['solid oak', 'walnut', 'ash', 'acacia', 'marble'],
        size: (r) => {
          const [W, D] = [r.step(140, 240, 10), r.step(80, 100, 5)];
          const seats = W >= 220 ? 8 : W >= 180 ? 6 : 4;
          return [`W ${W} x D ${D} x H 75 cm`, `${W} cm long and seats ${seats}`];
        },
        price: [399, 1699],
        features: ['a hard-wax oiled finish', 'tapered legs set in from the corners', 'a softened, rounded edge', 'an extension leaf stored underneath'],
        uses: ['made for long dinners with friends', 'a generous table for family meals', 'doubles as a home-office desk'] },
      { noun: 'coffee table', shape: 'coffeeTable', accent: 'wood',
        materials: ['solid oak', 'walnut', 'marble', 'rattan', 'glass', 'concrete'],
        size: (r) => {
          const [D, H] = [r.step(70, 110, 5), r.step(35, 45, 1)];
          return [`${D} cm diameter x H ${H} cm`, `${D} cm across and ${H} cm high`];
        },
        price: [149, 749],
        features: ['a lower shelf for magazines', 'rounded edges that are kind to shins', 'three splayed legs', 'a lipped, tray-style top'],
        uses: ['a centrepiece for the living room', 'sized for smaller sofas and snug rooms', 'room for books, coffee and a plant'] },
      { noun: 'bookcase', shape: 'shelf', accent: 'wood',
        materials: ['solid oak', 'walnut', 'ash', 'steel', 'beech'],
        size: boxSize([60, 120, 10], [28, 36, 1], [150, 200, 10]), price: [179, 899],
        features: ['adjustable shelves', 'a wall-fixing kit', 'a slim open back', 'deep shelves that fit large art books'],
        uses: ['a home for books and records', 'ideal for a study or living room', 'room for books, plants and keepsakes'] },
      { noun: 'sideboard', shape: 'sideboard', accent: 'wood',
        materials: ['solid oak', 'walnut', 'ash', 'acacia'],
        size: boxSize([120, 200, 10], [40, 48, 1], [70, 85, 1]), price: [449, 1499],
        features: ['cane-webbed doors', 'soft-close doors', 'adjustable inner shelves', 'cable cut-outs for a record player', 'push-to-open drawers'],
        uses: ['storage for dining rooms and hallways', 'made for records, glassware and linens', 'a media unit for the living room'] },
      { noun: 'bed frame', shape: 'bed', accent: 'wood', upholstered: true,
        materials: ['velvet', 'boucle', 'linen', 'solid oak', 'walnut'],
        size: bedSize, price: [499, 1599],
        features: ['a padded headboard', 'a sprung slatted base', 'under-bed clearance for storage', 'solid wood legs'],
        uses: ['the calm centre of a restful bedroom', 'made for guest rooms and main bedrooms alike', 'fits a standard mattress'] },
    ],
  },
  {
    name: 'lighting', prefix: 'lig',
    brands: ['Lumen & Co', 'Maison Verre', 'Arden Light', 'Solberg'],
    featured: [
      { type: 'floor lamp', material: 'brass', colour: 'Antique Brass' },
      { type: 'floor lamp', material: 'brass', colour: 'Brass' },
      { type: 'pendant lamp', material: 'glass', colour: 'Sage Green' },
      { type: 'table lamp', material: 'ceramic', colour: 'Terracotta' },
    ],
    types: [
      { noun: 'pendant lamp', shape: 'pendant', accent: 'black', made: 'with a % shade',
        materials: ['glass', 'linen', 'rice paper', 'rattan', 'brass', 'steel'],
        size: diameter([25, 60, 5]), price: [49, 349],
        features: ['a 1.5 m adjustable fabric cord', 'an E27 bulb holder', 'a matching ceiling rose', 'a dimmable warm-white bulb'],
        uses: ['warm light for dining tables', 'hang it low over a kitchen island', 'soft ambient light for hallways and stairwells'] },
      { noun: 'floor lamp', shape: 'floorLamp', accent: 'black',
        materials: ['brass', 'brass', 'steel', 'walnut', 'solid oak', 'rattan', 'linen'],
        size: height([140, 180, 5]), price: [99, 499],
        features: ['a pleated linen shade', 'a weighted marble base', 'a foot switch', 'an adjustable reading arm', 'a dimmable warm-white bulb'],
        uses: ['reading light beside a sofa or armchair', 'warm light for a dark corner', 'a soft glow for bedrooms and living rooms'] },
      { noun: 'table lamp', shape: 'tableLamp', accent: 'brass',
        materials: ['ceramic', 'stoneware', 'glass', 'brass', 'marble', 'rattan'],
        size: height([30, 60, 2]), price: [39, 249],
        features: ['a linen drum shade', 'an inline dimmer switch', 'a braided fabric cable', 'a hand-glazed base'],
        uses: ['bedside light for reading', 'a warm glow for a sideboard or console', 'soft light for a home office desk'] },
      { noun: 'wall light', shape: 'sconce', accent: 'brass',
        materials: ['brass', 'glass', 'steel', 'ceramic'],
        size: height([18, 40, 2]), price: [45, 229],
        features: ['an opal glass globe', 'a plug-in cable with switch', 'a swivelling arm'],
        uses: ['bedside reading light that frees up table space', 'accent lighting for hallways', 'a glow either side of a mirror'] },
      { noun: 'desk lamp', shape: 'deskLamp', accent: 'black',
        materials: ['steel', 'aluminium', 'brass'],
        size: height([40, 60, 2]), price: [39, 189],
        features: ['a fully adjustable arm', 'a weighted base', 'a tilting shade', 'a switch on the shade'],
        uses: ['focused task light for a home office', 'reading light for a study desk', 'light for crafts and homework'] },
    ],
  },
  {
    name: 'apparel', prefix: 'app',
    brands: ['Fenwick', 'Saltmarsh', 'Juniper Row', 'Oda Studio'],
    featured: [
      { type: 'shirt', material: 'linen', colour: 'White' },
      { type: 'shirt', material: 'linen', colour: 'Sage Green' },
      { type: 'shirt', material: 'linen', colour: 'Dusty Blue' },
      { type: 'jumper', material: 'merino wool', colour: 'Navy Blue' },
    ],
    types: [
      { noun: 'shirt', shape: 'shirt', materials: ['linen', 'linen', 'cotton', 'organic cotton', 'denim', 'corduroy'],
        size: clothing, price: [29, 119],
        features: ['a relaxed fit', 'a button-down collar', 'a chest pocket', 'mother-of-pearl buttons', 'a curved hem that can be worn untucked'],
        uses: ['an easy layer for warm summer days', 'smart enough for the office, relaxed enough for weekends', 'a go-to shirt for holidays'] },
      { noun: 'T-shirt', shape: 'tshirt', materials: ['organic cotton', 'cotton', 'linen', 'merino wool'],
        size: clothing, price: [12, 49],
        features: ['a classic crew neck', 'a slightly boxy fit', 'reinforced shoulder seams', 'a soft, heavyweight jersey'],
        uses: ['an everyday essential for layering', 'made for warm days and weekends', 'ideal on its own or under a jacket'] },
      { noun: 'jumper', shape: 'jumper', materials: ['merino wool', 'wool', 'cashmere', 'cotton'],
        size: clothing, price: [45, 229],
        features: ['ribbed cuffs and hem', 'a crew neck', 'a relaxed, slightly cropped fit', 'a fine-gauge knit'],
        uses: ['a warm layer for cold mornings', 'perfect for autumn walks', 'smart over a shirt for the office'] },
      { noun: 'dress', shape: 'dress', materials: ['linen', 'cotton', 'organic cotton', 'silk'],
        size: clothing, price: [39, 189],
        features: ['a midi length', 'a fitted waist with a tie belt', 'side-seam pockets', 'a square neckline'],
        uses: ['made for summer weddings and garden parties', 'an easy dress for warm days', 'easy to dress up or down'] },
      { noun: 'trousers', shape: 'trousers', article: 'a pair of',
        materials: ['linen', 'cotton', 'wool', 'denim', 'corduroy'],
        size: clothing, price: [35, 149],
        features: ['a relaxed, wide leg', 'an elasticated back waist', 'deep side pockets', 'a straight leg'],
        uses: ['comfortable for long days in the office', 'made for travel and weekends', 'an easy pair for warm evenings'] },
      { noun: 'coat', shape: 'coat', materials: ['wool', 'cotton', 'recycled polyester', 'cashmere'],
        size: clothing, price: [89, 399],
        features: ['a notched lapel', 'a water-repellent finish', 'deep patch pockets', 'a quilted lining'],
        uses: ['a warm coat for winter commutes', 'a smart layer over knitwear', 'built for wet and windy days'] },
      { noun: 'scarf', shape: 'scarf', materials: ['wool', 'cashmere', 'merino wool', 'linen'],
        size: flat([[30, 180], [40, 190], [50, 200], [70, 200]]), price: [19, 149],
        features: ['fringed ends', 'a herringbone weave', 'a brushed, soft finish'],
        uses: ['a warm layer for winter walks', 'an easy gift', 'adds colour to a plain coat'] },
    ],
  },
  {
    name: 'kitchen', prefix: 'kit',
    brands: ['Kettlestone', 'Pepper & Tin', 'Hearth Kitchen', 'Sato'],
    featured: [
      { type: 'frying pan', material: 'cast iron', colour: 'Black' },
      { type: 'frying pan', material: 'cast iron', colour: 'Matte Black' },
      { type: 'casserole dish', material: 'enamelled cast iron', colour: 'Cherry Red' },
      { type: 'kettle', material: 'stainless steel', colour: 'Brushed Steel' },
    ],
    types: [
      { noun: 'frying pan', shape: 'pan', accent: 'steel',
        materials: ['cast iron', 'cast iron', 'carbon steel', 'stainless steel', 'enamelled cast iron', 'aluminium'],
        size: diameter([20, 32, 2]), price: [24, 149],
        features: ['a long, stay-cool handle', 'a helper handle for lifting', 'a pouring lip on each side', 'a flat base for all hobs, including induction'],
        uses: ['made for searing steak and crisping potatoes', 'the everyday pan for eggs and stir-fries', 'goes from hob to oven to table'] },
      { noun: 'casserole dish', shape: 'pot', accent: 'steel',
        materials: ['enamelled cast iron', 'enamelled cast iron', 'stainless steel', 'stoneware', 'cast iron'],
        size: volume([2.5, 6.5, 0.5], 'L'), price: [45, 329],
        features: ['a tight-fitting, self-basting lid', 'wide loop handles', 'a smooth enamel interior'],
        uses: ['made for slow-cooked stews and braises', 'bakes bread, soups and one-pot dinners', 'serves straight from oven to table'] },
      { noun: 'kettle', shape: 'kettle', accent: 'black',
        materials: ['stainless steel', 'enamelled steel', 'copper', 'glass'],
        size: volume([1, 1.7, 0.1], 'L'), price: [29, 149],
        features: ['a whistle that sings when the water boils', 'a heat-resistant handle', 'a gooseneck spout for pour-over coffee', 'a limescale filter'],
        uses: ['for tea and pour-over coffee', 'works on gas, electric and induction hobs', 'a classic kettle for the stovetop'] },
      { noun: 'mug', shape: 'mug', materials: ['stoneware', 'porcelain', 'ceramic', 'enamelled steel'],
        size: volume([250, 450, 50], 'ml'), price: [8, 29],
        features: ['a reactive glaze', 'a comfortable loop handle', 'a dishwasher-safe glaze'],
        uses: ['made for morning coffee', 'a generous mug for tea', 'stacks neatly in the cupboard'] },
      { noun: "chef's knife", shape: 'knife', accent: 'wood',
        materials: ['stainless steel', 'carbon steel', 'Damascus steel'],
        size: (r) => {
          const L = r.step(15, 24, 1);
          return [`${L} cm blade`, `with a ${L} cm blade`];
        },
        price: [35, 249],
        features: ['a walnut handle', 'a full tang for balance', 'a hand-sharpened edge', 'a riveted olive-wood handle'],
        uses: ['for chopping, slicing and dicing every day', 'a workhorse for home cooks', 'precise enough for fine herbs'] },
      { noun: 'mixing bowl', shape: 'bowl', materials: ['stoneware', 'stainless steel', 'ceramic', 'glass'],
        size: diameter([18, 32, 2]), price: [12, 69],
        features: ['a non-slip base', 'a pouring lip', 'a stackable shape'],
        uses: ['for baking, salads and mixing doughs', 'serves salads at the table', 'an all-rounder for prep'] },
      { noun: 'dinner plates', shape: 'plates', article: 'a set of four',
        materials: ['stoneware', 'porcelain', 'ceramic'],
        size: diameter([25, 29, 1]), price: [29, 119],
        features: ['a rustic, hand-finished rim', 'a speckled glaze', 'a chip-resistant glaze'],
        uses: ['made for everyday meals and dinner parties', 'pairs with matching bowls and side plates', 'sturdy enough for daily family use'] },
    ],
  },
  {
    name: 'textiles', prefix: 'tex',
    brands: ['Arden Loom', 'Larkspur', 'Woolhouse', 'Tidewell'],
    featured: [
      { type: 'rug', material: 'wool', colour: 'Charcoal Grey' },
      { type: 'rug', material: 'wool', colour: 'Ivory' },
      { type: 'rug', material: 'jute', colour: 'Natural' },
      { type: 'throw blanket', material: 'wool', colour: 'Mustard Yellow' },
    ],
    types: [
      { noun: 'rug', shape: 'rug', materials: ['wool', 'wool', 'jute', 'cotton', 'recycled polyester'],
        size: flat([[120, 170], [160, 230], [200, 300], [80, 150], [240, 340]]), price: [59, 899],
        features: ['a hand-knotted pile', 'a flat-woven weave', 'tasselled ends', 'a subtle geometric border', 'a dense, low pile'],
        uses: ['softens a living room floor', 'anchors a dining table', 'warmth underfoot in the bedroom'] },
      { noun: 'cushion cover', shape: 'cushion', materials: ['velvet', 'linen', 'cotton', 'wool', 'boucle'],
        size: flat([[45, 45], [50, 50], [60, 60], [30, 50]]), price: [12, 59],
        features: ['a concealed zip', 'piped edges', 'a feather-filled insert', 'a tufted centre'],
        uses: ['adds colour to a sofa or bed', 'pairs well with a wool throw', 'a quick refresh for the living room'] },
      { noun: 'duvet cover set', shape: 'bedding', materials: ['linen', 'cotton percale', 'organic cotton'],
        size: bedSize, price: [49, 249],
        features: ['two matching pillowcases', 'button fastenings', 'a stonewashed finish', 'a 200 thread count weave'],
        uses: ['for cool, restful sleep', 'layered with a throw for colder nights', 'a relaxed look for a guest room'] },
      { noun: 'throw blanket', shape: 'throw', materials: ['wool', 'cotton', 'cashmere', 'merino wool', 'linen'],
        size: flat([[130, 170], [140, 180], [150, 200]]), price: [29, 249],
        features: ['fringed edges', 'a herringbone weave', 'a waffle texture', 'a chunky knit'],
        uses: ['for chilly evenings on the sofa', 'adds a layer at the end of the bed', 'a cosy wrap for reading in the garden'] },
      { noun: 'curtains', shape: 'curtain', accent: 'brass', article: 'a pair of',
        materials: ['linen', 'velvet', 'cotton', 'recycled polyester'],
        size: flat([[140, 240], [160, 260], [228, 228], [117, 183]]), price: [39, 229],
        features: ['a thermal blackout lining', 'a tape heading for hooks', 'eyelet tops', 'a weighted hem'],
        uses: ['blocks light in bedrooms', 'frames a living room window', 'softens echo in larger rooms'] },
    ],
  },
  {
    name: 'outdoor', prefix: 'out',
    brands: ['Moorland', 'Greenfold', 'Brightwater', 'Terrace & Co'],
    featured: [
      { type: 'planter', material: 'terracotta', colour: 'Terracotta' },
      { type: 'garden bench', material: 'teak', colour: 'Teak' },
    ],
    types: [
      { noun: 'planter', shape: 'planter', materials: ['terracotta', 'concrete', 'stoneware', 'steel', 'recycled plastic'],
        size: diameter([20, 60, 5]), price: [14, 149],
        features: ['a drainage hole and saucer', 'a frost-resistant finish', 'a ridged texture', 'a wide rim'],
        uses: ['for olive trees and large houseplants', 'brightens a balcony or doorstep', 'grows herbs by the kitchen door'] },
      { noun: 'garden bench', shape: 'bench', materials: ['teak', 'acacia', 'steel', 'aluminium'],
        size: boxSize([120, 180, 10], [55, 65, 1], [85, 92, 1]), price: [149, 699],
        features: ['a slatted seat that drains quickly', 'a weather-resistant oil finish', 'curved armrests'],
        uses: ['seating for a patio or garden path', 'made for morning coffee outside', 'seats three comfortably'] },
      { noun: 'parasol', shape: 'parasol', accent: 'wood', made: 'with a % canopy',
        materials: ['recycled polyester', 'canvas', 'cotton'],
        size: (r) => {
          const D = r.step(200, 350, 50);
          return [`${D} cm diameter`, `${D} cm across when open`];
        },
        price: [59, 399],
        features: ['a crank-and-tilt mechanism', 'a UV-protective canopy', 'a sturdy ash pole'],
        uses: ['shade for a dining table on the patio', 'cool shade for sunny afternoons', 'fits most parasol bases'] },
      { noun: 'sun lounger', shape: 'lounger', materials: ['teak', 'aluminium', 'acacia', 'rattan'],
        size: boxSize([190, 200, 5], [60, 70, 2], [30, 90, 5]), price: [129, 599],
        features: ['a five-position adjustable back', 'wheels for easy moving', 'a quick-dry cushion'],
        uses: ['made for lazy afternoons by the pool', 'lounging on the terrace', 'folds flat for winter storage'] },
      { noun: 'watering can', shape: 'wateringCan', materials: ['steel', 'copper', 'recycled plastic'],
        size: volume([2, 9, 1], 'L'), price: [12, 69],
        features: ['a long spout for reaching pots', 'a removable brass rose', 'a balanced carry handle'],
        uses: ['for houseplants and window boxes', 'waters seedlings gently', 'a garden essential'] },
      { noun: 'garden lantern', shape: 'lantern', materials: ['steel', 'brass', 'rattan'],
        size: height([25, 60, 5]), price: [19, 99],
        features: ['tempered glass panels', 'a hanging loop', 'a door that latches closed'],
        uses: ['candlelight for summer evenings outside', 'lines a garden path', 'a warm glow on the balcony table'] },
    ],
  },
  {
    name: 'bathroom', prefix: 'bat',
    brands: ['Tidewell', 'Bathe', 'Saltmarsh Home', 'Ostra'],
    featured: [
      { type: 'bath towel', material: 'Turkish cotton', colour: 'White' },
      { type: 'bath towel', material: 'waffle cotton', colour: 'Sage Green' },
    ],
    types: [
      { noun: 'bath towel', shape: 'towels', materials: ['Turkish cotton', 'organic cotton', 'waffle cotton', 'linen', 'cotton'],
        size: flat([[70, 130], [90, 150], [100, 150], [50, 90]]), price: [9, 49],
        features: ['a 600 gsm weight', 'a woven border', 'a hanging loop', 'a quick-drying weave'],
        uses: ['soft and absorbent after a bath', 'dries fast for the gym and travel', 'a spa feel at home'] },
      { noun: 'bath mat', shape: 'bathMat', materials: ['cotton', 'organic cotton', 'teak', 'jute'],
        size: flat([[50, 80], [60, 90], [55, 85]]), price: [12, 59],
        features: ['a non-slip backing', 'a deep, absorbent pile', 'a tufted texture'],
        uses: ['soft underfoot after a shower', 'dries quickly between baths', 'stops slips on tiled floors'] },
      { noun: 'soap dispenser', shape: 'bottle', accent: 'steel', materials: ['ceramic', 'stoneware', 'glass', 'marble', 'concrete'],
        size: volume([250, 500, 50], 'ml'), price: [9, 39],
        features: ['a brushed steel pump', 'a refillable design', 'a weighted base'],
        uses: ['for hand soap by the basin', 'keeps the kitchen sink tidy', 'pairs with a matching tumbler'] },
      { noun: 'bathroom mirror', shape: 'mirror', made: 'with a % frame',
        materials: ['brass', 'steel', 'solid oak', 'rattan'],
        size: diameter([40, 80, 5]), price: [39, 299],
        features: ['a bevelled glass edge', 'a leather hanging strap', 'a moisture-resistant backing'],
        uses: ['hangs above a basin', 'brightens small bathrooms and hallways', 'for getting ready in the morning'] },
      { noun: 'shower curtain', shape: 'showerCurtain', accent: 'steel', materials: ['cotton', 'linen', 'recycled polyester'],
        size: flat([[180, 180], [180, 200], [120, 200]]), price: [19, 59],
        features: ['a water-repellent finish', 'rust-proof eyelets', 'a waffle texture'],
        uses: ['softens a tiled bathroom', 'keeps the floor dry', 'a quick bathroom update'] },
      { noun: 'toothbrush tumbler', shape: 'tumbler', materials: ['ceramic', 'stoneware', 'glass', 'marble', 'concrete'],
        size: height([9, 12, 1]), price: [7, 29],
        features: ['a non-slip cork base', 'a weighted base', 'a drainage hole'],
        uses: ['keeps toothbrushes upright by the basin', 'a neat place for makeup brushes', 'pairs with a matching soap dispenser'] },
    ],
  },
  {
    name: 'decor', prefix: 'dec',
    brands: ['Larkspur', 'Ostra', 'Maison Verre', 'Kobo'],
    featured: [
      { type: 'vase', material: 'stoneware', colour: 'Speckled White' },
      { type: 'vase', material: 'glass', colour: 'Amber' },
      { type: 'candle', material: 'soy wax', colour: 'Sage Green' },
    ],
    types: [
      { noun: 'vase', shape: 'vase', materials: ['stoneware', 'ceramic', 'glass', 'terracotta', 'porcelain', 'brass'],
        size: height([12, 45, 1]), price: [15, 149],
        features: ['a matte reactive glaze', 'a narrow neck for single stems', 'a wide mouth for full bouquets', 'a hand-thrown shape'],
        uses: ['for fresh flowers or dried grasses', 'a sculptural piece for a shelf or sideboard', 'brightens a dining table'] },
      { noun: 'candle', shape: 'candle', materials: ['soy wax', 'soy wax', 'beeswax'],
        size: height([8, 20, 1]), price: [9, 45],
        features: ['a cotton wick', 'a fig and cedar scent', 'a citrus and basil scent', 'a 40-hour burn time'],
        uses: ['soft light for long evenings', 'an easy housewarming gift', 'scents a living room or bathroom'] },
      { noun: 'picture frame', shape: 'frame', materials: ['solid oak', 'walnut', 'brass', 'aluminium', 'ash'],
        size: (r) => {
          const s = r.pick(['A4', 'A3', '30 x 40 cm', '50 x 70 cm', '13 x 18 cm']);
          return [s, `for ${s} prints`];
        },
        price: [12, 89],
        features: ['a card mount', 'shatter-resistant glazing', 'fixings to hang portrait or landscape'],
        uses: ['for prints, photos and children\'s drawings', 'builds a gallery wall', 'stands on a desk or hangs on a wall'] },
      { noun: 'wall clock', shape: 'clock', materials: ['solid oak', 'walnut', 'steel', 'brass', 'concrete'],
        size: diameter([25, 50, 5]), price: [25, 159],
        features: ['a silent sweep movement', 'a clear, minimal dial', 'slim brass hands'],
        uses: ['a statement piece for the kitchen wall', 'easy to read from across the room', 'a quiet clock for a bedroom'] },
      { noun: 'decorative bowl', shape: 'fruitBowl', materials: ['stoneware', 'ceramic', 'marble', 'walnut', 'brass'],
        size: diameter([20, 40, 2]), price: [15, 99],
        features: ['a hand-carved finish', 'a wide, shallow form', 'a felt base that protects surfaces'],
        uses: ['a home for keys by the door', 'holds fruit on a kitchen counter', 'a centrepiece for a coffee table'] },
    ],
  },
  {
    name: 'footwear', prefix: 'ftw',
    brands: ['Trail & Tread', 'Fenwick', 'Cobble Lane', 'Nomad Sole'],
    featured: [
      { type: 'Chelsea boots', material: 'leather', colour: 'Tan' },
      { type: 'trainers', material: 'canvas', colour: 'White' },
    ],
    types: [
      { noun: 'trainers', shape: 'sneaker', article: 'a pair of', materials: ['canvas', 'leather', 'suede', 'knit'],
        size: shoes, price: [49, 169],
        features: ['a cushioned rubber sole', 'a padded collar', 'organic cotton laces', 'a removable insole'],
        uses: ['everyday comfort for city walking', 'made for weekends and travel', 'pairs with jeans or linen trousers'] },
      { noun: 'Chelsea boots', shape: 'chelseaBoot', article: 'a pair of', materials: ['leather', 'leather', 'suede'],
        size: shoes, price: [89, 249],
        features: ['elastic side panels', 'a pull tab at the heel', 'a Goodyear-welted sole', 'a stacked leather heel'],
        uses: ['smart enough for the office', 'made for autumn and winter days', 'pairs with jeans or tailoring'] },
      { noun: 'hiking boots', shape: 'laceBoot', article: 'a pair of', materials: ['leather', 'suede', 'canvas'],
        size: shoes, price: [99, 229],
        features: ['a grippy lugged sole', 'a waterproof membrane', 'a padded ankle collar', 'speed-lace hooks'],
        uses: ['built for muddy trails and long walks', 'made for weekends in the hills', 'ready for rain and rough ground'] },
      { noun: 'wellington boots', shape: 'welly', article: 'a pair of', materials: ['rubber'],
        size: shoes, price: [29, 119],
        features: ['a cushioned footbed', 'a back strap with buckle', 'a deep-tread sole'],
        uses: ['for muddy gardens and festivals', 'keeps feet dry on rainy dog walks', 'made for wet winters'] },
      { noun: 'sandals', shape: 'sandal', article: 'a pair of', materials: ['leather', 'suede'],
        size: shoes, price: [29, 129],
        features: ['a contoured cork footbed', 'adjustable buckle straps', 'a lightweight sole'],
        uses: ['made for summer days and holidays', 'comfortable for long beach walks', 'an easy choice for hot cities'] },
      { noun: 'loafers', shape: 'loafer', article: 'a pair of', materials: ['leather', 'suede'],
        size: shoes, price: [69, 219],
        features: ['a hand-stitched moc toe', 'a leather sole', 'a penny strap'],
        uses: ['smart for the office', 'pairs with tailored trousers or jeans', 'an easy shoe for travel'] },
      { noun: 'slippers', shape: 'slipper', article: 'a pair of', materials: ['wool', 'shearling', 'suede', 'felt'],
        size: shoes, price: [19, 79],
        features: ['a warm shearling lining', 'a non-slip rubber sole', 'a memory-foam footbed'],
        uses: ['warm feet on cold floors', 'made for lazy Sunday mornings', 'a cosy gift'] },
    ],
  },
];

// ---------------------------------------------------------------------------
// Product text

const titleCase = (s) => s.replace(/(^|[\s-])([a-z])/g, (_, sep, ch) => sep + ch.toUpperCase());
const capitalise = (s) => s[0].toUpperCase() + s.slice(1);
const withArticle = (phrase) => (/^[aeiou]/i.test(phrase) ? 'an ' : 'a ') + phrase;

const words = (s) => s.toLowerCase().split(' ');

// "Light Oak" and "solid oak" share a word, so naming both reads badly.
function colourOverlapsMaterial(colour, material) {
  return words(colour).some((w) => words(material).includes(w));
}

// "a green velvet sofa"; "an antique brass floor lamp" when the colour already
// names the material; "a light oak dining table in solid oak" when they overlap.
function describe(type, material, colour) {
  const c = colour.toLowerCase();
  const soft = ['fabric', 'leather'].includes(MATERIALS[material].kind);
  const made = type.made ?? (type.upholstered && soft ? 'upholstered in %' : null);
  let phrase;
  if (made) phrase = `${c} ${type.noun} ${made.replace('%', material)}`;
  else if (words(material).every((w) => words(colour).includes(w))) phrase = `${c} ${type.noun}`;
  else if (colourOverlapsMaterial(colour, material)) phrase = `${c} ${type.noun} in ${material}`;
  else phrase = `${c} ${material} ${type.noun}`;
  return type.article ? `${type.article} ${phrase}` : withArticle(phrase);
}

function makeTitle(r, type, material, colour) {
  const coll = r.pick(COLLECTIONS);
  const noun = titleCase(type.noun);
  if (colourOverlapsMaterial(colour, material)) {
    return r.pick([`${coll} ${noun}, ${colour}`, `${colour} ${noun}`, `${coll} ${noun} in ${colour}`]);
  }
  const mat = titleCase(material);
  return r.pick([
    `${coll} ${mat} ${noun}, ${colour}`,
    `${colour} ${mat} ${noun}`,
    `${mat} ${noun}, ${colour}`,
    `${coll} ${noun} in ${colour} ${mat}`,
  ]);
}

function makeDescription(r, type, material, colour, sizeText, brand) {
  const sentences = [`${capitalise(describe(type, material, colour))}, ${sizeText}; ${r.pick(type.uses)}.`];
  if (r.chance(0.85)) {
    const [f1, f2] = r.shuffle(type.features);
    sentences.push(`It has ${f1} and ${f2}.`);
  }
  if (r.chance(0.6)) sentences.push(MATERIALS[material].note);
  else if (r.chance(0.5)) sentences.push(`Designed and tested by ${brand}.`);
  return sentences.join(' ');
}

// Shop-style prices: a random point in the type's range, scaled by material,
// ending in .00, .50, .95 or .99.
function makePrice(r, type, material) {
  const [lo, hi] = type.price;
  const base = Math.floor(r.range(lo, hi) * MATERIALS[material].mult);
  return Number((base + r.pick([0, 0.5, 0.95, 0.99])).toFixed(2));
}

function makeProduct(r, category, type, id, fixed, usedTitles) {
  const material = fixed.material ?? r.pick(type.materials);
  let colour, title;
  // Re-roll colour (unless fixed) and title wording until the title is unique.
  for (let tries = 0; ; tries++) {
    colour = fixed.colour ?? r.pick(MATERIALS[material].pal);
    title = makeTitle(r, type, material, colour);
    if (!usedTitles.has(title)) break;
    if (tries > 50) throw new Error(`cannot find a unique title for ${id}`);
  }
  usedTitles.add(title);
  const brand = r.pick(category.brands);
  const [size, sizeText] = type.size(r);
  return {
    id,
    title,
    description: makeDescription(r, type, material, colour, sizeText, brand),
    image: `images/${id}.png`,
    category: category.name,
    price: makePrice(r, type, material),
    metadata: {
      colour,
      colour_hex: COLOURS[colour],
      material,
      size,
      brand,
      type: type.noun.toLowerCase(),
      rating: Number(r.range(3.6, 5).toFixed(1)),
      in_stock: r.chance(0.88),
    },
    // Kept out of catalogue.json; the image renderer needs them.
    _shape: type.shape,
    _kind: MATERIALS[material].kind,
    _accent: type.accent ?? 'black',
  };
}

// Featured products first (so queries like "green velvet sofa" always have
// hits), then the rest cycles through a shuffled list of types for balance.
function makeCategoryProducts(r, category, count, usedTitles) {
  const byNoun = new Map(category.types.map((t) => [t.noun, t]));
  const order = r.shuffle(category.types);
  const products = [];
  for (let i = 0; i < count; i++) {
    const fixed = category.featured[i] ?? {};
    const type = fixed.type ? byNoun.get(fixed.type) : order[(i - category.featured.length) % order.length];
    const id = `${category.prefix}-${String(i + 1).padStart(4, '0')}`;
    products.push(makeProduct(r, category, type, id, fixed, usedTitles));
  }
  return products;
}

// ---------------------------------------------------------------------------
// Rasteriser: anti-aliased polygon fill on an RGB or RGBA buffer.

const SUBSAMPLES = 4; // vertical samples per pixel row

class Canvas {
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

const TAU = Math.PI * 2;

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

class Pen {
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

// ---------------------------------------------------------------------------
// Colours for drawing

const hexRgb = (hex) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
const clamp255 = (v) => Math.max(0, Math.min(255, Math.round(v)));
const shade = (c, f) => c.map((v) => clamp255(v * f));
const mix = (a, b, t) => a.map((v, i) => clamp255(v + (b[i] - v) * t));
const luma = ([r, g, b]) => 0.299 * r + 0.587 * g + 0.114 * b;

const WHITE = [255, 255, 255];
const BLACK = [32, 32, 32];
const IVORY = [238, 232, 216];
const LINEN = [226, 216, 198];
const WOOD = [150, 105, 65];
const LIGHT_WOOD = [205, 170, 120];
const BRASS = [184, 146, 58];
const STEEL = [170, 174, 178];
const WARM_LIGHT = [255, 226, 160];
const LEAF = [[74, 120, 70], [98, 140, 80], [58, 100, 64], [120, 150, 90]];
const ACCENTS = { wood: WOOD, black: BLACK, brass: BRASS, steel: STEEL };

// Parts that are "the material" (frames, legs) reuse the product colour when
// the product is wooden or metal; otherwise they get the type's accent.
function makePalette(product) {
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

// ---------------------------------------------------------------------------
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

const SHAPES = {
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

// ---------------------------------------------------------------------------
// Image composition

const SIZES = {
  land: [[640, 480], [600, 450], [640, 400]],
  port: [[480, 640], [450, 600], [400, 600]],
  square: [[512, 512], [480, 480]],
};
const BACKDROPS = [[240, 236, 230], [232, 234, 236], [236, 228, 216], [226, 232, 224], [240, 228, 226], [226, 230, 238]];
const DARK_BACKDROPS = [[196, 190, 182], [176, 184, 188], [200, 186, 170], [170, 180, 168]];

function renderProduct(product, seed) {
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

// ---------------------------------------------------------------------------
// Command line

function parseArgs(argv) {
  const opts = { outDir: null, count: DEFAULT_COUNT, seed: DEFAULT_SEED };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--count') opts.count = Number(argv[++i]);
    else if (arg === '--seed') {
      const s = argv[++i];
      if (s === undefined) opts.seed = NaN;
      else opts.seed = /^\d+$/.test(s) ? Number(s) >>> 0 : hash32(s);
    } else if (arg === '-h' || arg === '--help') opts.help = true;
    else if (!opts.outDir && !arg.startsWith('--')) opts.outDir = arg;
    else throw new Error(`unexpected argument: ${arg}`);
  }
  if (!opts.help && !opts.outDir) throw new Error('missing OUT_DIR');
  if (!Number.isInteger(opts.count) || opts.count < 1 || opts.count > 9999 * CATEGORIES.length) {
    throw new Error('--count must be a positive integer');
  }
  if (Number.isNaN(opts.seed)) throw new Error('--seed needs a value');
  return opts;
}

// Each image depends only on its product and the seed, so rendering is split
// across worker threads without affecting the output bytes.
function renderAndWrite(products, outDir, seed) {
  let bytes = 0;
  for (const product of products) {
    const png = renderProduct(product, seed);
    fs.writeFileSync(path.join(outDir, product.image), png);
    bytes += png.length;
  }
  return bytes;
}

async function renderInWorkers(products, outDir, seed) {
  const cores = os.availableParallelism ? os.availableParallelism() : os.cpus().length;
  const threads = Math.max(1, Math.min(cores, 4, products.length));
  const jobs = Array.from({ length: threads }, (_, t) => products.filter((_, i) => i % threads === t));
  const totals = await Promise.all(jobs.map((job) => new Promise((resolve, reject) => {
    const worker = new Worker(new URL(import.meta.url), { workerData: { products: job, outDir, seed } });
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => code !== 0 && reject(new Error(`render worker exited with code ${code}`)));
  })));
  return totals.reduce((a, b) => a + b, 0);
}

async function main() {
  const usage = 'usage: node scripts/make-sample-catalogue.mjs OUT_DIR [--count N] [--seed S]';
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (err) {
    console.error(`${err.message}\n${usage}`);
    process.exit(2);
  }
  if (opts.help) {
    console.log(usage);
    return;
  }

  const started = process.hrtime.bigint();
  const rng = new Rng(opts.seed);
  const usedTitles = new Set();
  const perCategory = Math.floor(opts.count / CATEGORIES.length);
  const extra = opts.count % CATEGORIES.length;
  const products = CATEGORIES.flatMap((cat, i) =>
    makeCategoryProducts(rng, cat, perCategory + (i < extra ? 1 : 0), usedTitles));

  const imageDir = path.join(opts.outDir, 'images');
  fs.mkdirSync(imageDir, { recursive: true });
  let bytes = await renderInWorkers(products, opts.outDir, opts.seed);
  const written = new Set(products.map((p) => path.basename(p.image)));
  // Drop product images from an earlier, larger run; leave anything else alone.
  for (const name of fs.readdirSync(imageDir)) {
    if (/^[a-z]{3}-\d{4}\.png$/.test(name) && !written.has(name)) fs.unlinkSync(path.join(imageDir, name));
  }

  const publicProducts = products.map(({ _shape, _kind, _accent, ...rest }) => rest);
  const json = `${JSON.stringify(publicProducts, null, 2)}\n`;
  fs.writeFileSync(path.join(opts.outDir, 'catalogue.json'), json);
  bytes += Buffer.byteLength(json);

  const counts = CATEGORIES.map((cat) => [cat.name, products.filter((p) => p.category === cat.name).length])
    .filter(([, n]) => n > 0);
  const secs = Number(process.hrtime.bigint() - started) / 1e9;
  console.log(`wrote ${products.length} products in ${counts.length} categories ` +
    `(${counts.map(([name, n]) => `${name} ${n}`).join(', ')}), ` +
    `${(bytes / 1e6).toFixed(1)} MB (${bytes} bytes) to ${opts.outDir} in ${secs.toFixed(1)} s`);
}

if (isMainThread) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
} else {
  const { products, outDir, seed } = workerData;
  parentPort.postMessage(renderAndWrite(products, outDir, seed));
}
