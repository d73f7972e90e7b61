// sample/labelled_queries.mjs — a labelled query set made from the sample catalogue, for
// the relevance bench (bench/storefront/relevance.mjs). Deterministic: the same
// catalogue gives the same queries.
//
//   import { labelledQueries } from './scripts/sample/labelled_queries.mjs';
//   for (const { kind, text, relevant } of labelledQueries(products)) ...   // relevant: { id: grade }
//
// Kinds, each a few dozen queries:
//   name         a product's title as typed            -> that product 2, same type 1
//   code         a product's id ("fur-0001")           -> that product 2
//   misspelling  a title with two letters swapped in its longest word (typo tolerance)
//   accents      a title with accents added ("Vélvet Sófa"), found by accent folding
//   descriptive  "<colour> <material> <type>"          -> products with all three 2, same type 1
//   partial      a title's first word and the start of its second (search as you type)
//   nonsense     letters that name no product          -> nothing is relevant: the right answer is none
import { hash32, Rng } from './random.mjs';

const ACCENTED = { a: 'á', e: 'é', i: 'í', o: 'ó', u: 'ü', c: 'ç', n: 'ñ' };

function swapInLongestWord(title) {
  const words = title.split(' ');
  let at = 0;
  words.forEach((w, i) => { if (w.length > words[at].length) at = i; });
  const w = words[at];
  if (w.length < 5) return null;
  const k = Math.floor(w.length / 2);
  words[at] = w.slice(0, k - 1) + w[k] + w[k - 1] + w.slice(k + 1);
  return words.join(' ');
}

function accented(title) {
  let changed = 0;
  return [...title].map((c) => (ACCENTED[c] && changed++ < 2 ? ACCENTED[c] : c)).join('');
}

export function labelledQueries(products, { perKind = 40, seed = 'labelled-queries' } = {}) {
  const rng = new Rng(hash32(seed));
  const byType = new Map();
  for (const p of products) {
    const type = p.metadata?.type ?? p.category;
    if (!byType.has(type)) byType.set(type, []);
    byType.get(type).push(p);
  }
  const sameType = (p) => byType.get(p.metadata?.type ?? p.category) ?? [];
  const aboutOne = (p) => Object.fromEntries([...sameType(p).map((q) => [q.id, 1]), [p.id, 2]]);
  const sample = () => {
    const chosen = new Set();
    while (chosen.size < Math.min(perKind, products.length)) chosen.add(products[rng.int(0, products.length - 1)]);
    return [...chosen];
  };

  const queries = [];
  for (const p of sample()) queries.push({ kind: 'name', text: p.title, relevant: aboutOne(p) });
  for (const p of sample()) queries.push({ kind: 'code', text: p.id, relevant: { [p.id]: 2 } });
  for (const p of sample()) {
    const text = swapInLongestWord(p.title);
    if (text) queries.push({ kind: 'misspelling', text, relevant: aboutOne(p) });
  }
  for (const p of sample()) queries.push({ kind: 'accents', text: accented(p.title), relevant: aboutOne(p) });
  for (const p of sample()) {
    const { colour, material, type } = p.metadata ?? {};
    if (!colour || !material || !type) continue;
    const text = `${colour} ${material} ${type}`.toLowerCase();
    const relevant = Object.fromEntries(sameType(p).map((q) => [q.id, 1]));
    for (const q of sameType(p)) if (q.metadata.colour === colour && q.metadata.material === material) relevant[q.id] = 2;
    queries.push({ kind: 'descriptive', text, relevant });
  }
  for (const p of sample()) {
    const [first, second] = p.title.split(/[ ,]+/);
    if (second && second.length >= 4) queries.push({ kind: 'partial', text: `${first} ${second.slice(0, 3)}`, relevant: aboutOne(p) });
  }
  for (let i = 0; i < perKind; i++) {
    const length = rng.int(4, 9);
    const text = Array.from({ length }, () => 'qxzjvkwy'[rng.int(0, 7)]).join('');
    queries.push({ kind: 'nonsense', text, relevant: {} });
  }
  return queries;
}
