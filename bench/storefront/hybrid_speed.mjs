#!/usr/bin/env node
// hybrid_speed.mjs — the cost of a storefront page in WASM: N products (default 100,000;
// the 600 sample products repeated with a varied title word, price and id), int8 x 256,
// local embedder. Per query, the median over the queries of the median of ROUNDS runs:
//   vector only   index.search(embedLocal(q), {topK: 10})       the exact vector top-10
//   hybrid        index.search(q, {topK: 10})                   keywords + vectors fused, total
//   hybrid+facets index.search(q, {topK: 10, facets: [category, brand]})
//
//   node scripts/make-sample-catalogue.mjs sample && scripts/build-wasm.sh
//   node bench/storefront/hybrid_speed.mjs [N] [ROUNDS]
import { readFileSync } from 'node:fs';

import { init } from '../../wasm/js/index.js';
import { Rng } from '../../scripts/sample/random.mjs';

const count = Number(process.argv[2] ?? 100_000);
const rounds = Number(process.argv[3] ?? 5);
const sample = JSON.parse(readFileSync(new URL('../../sample/catalogue.json', import.meta.url)));
const rng = new Rng(13);
const extra = ['classic', 'studio', 'heritage', 'compact', 'grand', 'modern', 'rustic', 'nordic', 'urban', 'coastal'];
const products = Array.from({ length: count }, (_, i) => {
  const base = sample[i % sample.length];
  return { ...base, id: `${base.id}-${i}`, title: `${base.title} ${rng.pick(extra)}`,
           price: base.price === undefined ? undefined : Math.round(base.price * rng.range(0.8, 1.2) * 100) / 100 };
});

const vitrine = await init({ wasm: readFileSync(new URL('../../wasm/dist/vitrine_core.wasm', import.meta.url)) });
let started = performance.now();
const bytes = vitrine.buildIndex(JSON.stringify(products), { storage: 'int8', dims: 256 });
console.log(`built ${count} products, int8 x 256, ${(bytes.length / 1e6).toFixed(1)} MB, in ${((performance.now() - started) / 1000).toFixed(1)} s`);
const index = vitrine.openIndex(bytes);

const queries = ['brass floor lamp', 'green velvet sofa', 'linen shirt', 'oak dining table', 'wool rug', 'ceramic mug',
                 'cast iron casserole', 'leather boots', 'cotton throw blanket', 'smoked glass wall light',
                 'emerald', 'stainless steel kettle', 'bamboo bath mat', 'walnut sideboard', 'rattan pendant lamp'];
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
function time(run) {
  const perQuery = queries.map((q) => {
    run(q);  // warm
    const ms = [];
    for (let r = 0; r < rounds; r++) {
      started = performance.now();
      run(q);
      ms.push(performance.now() - started);
    }
    return median(ms);
  });
  return median(perQuery);
}
const vector = time((q) => index.search(vitrine.embedLocal(q, 256), { topK: 10 }));
const hybrid = time((q) => index.search(q, { topK: 10 }));
const faceted = time((q) => index.search(q, { topK: 10, facets: ['category', 'brand'] }));
const { total } = index.search('brass floor lamp', { topK: 10 });
console.log(`kernels ${vitrine.searchKernel}; median per query over ${queries.length} queries x ${rounds} runs`);
console.log(`vector only    ${vector.toFixed(2)} ms`);
console.log(`hybrid         ${hybrid.toFixed(2)} ms   (${(hybrid / vector).toFixed(1)}x; 'brass floor lamp' has ${total} matches)`);
console.log(`hybrid+facets  ${faceted.toFixed(2)} ms   (${(faceted / vector).toFixed(1)}x)`);
index.close();
