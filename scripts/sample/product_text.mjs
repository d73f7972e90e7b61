// sample/product_text.mjs — titles, descriptions and shop-style prices from the vocabulary; products per category.
// Part of the sample generator (scripts/make-sample-catalogue.mjs): deterministic, no dependencies.
import { COLLECTIONS, COLOURS, MATERIALS } from './vocabulary.mjs';

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
export function makeCategoryProducts(r, category, count, usedTitles) {
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
