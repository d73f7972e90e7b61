#!/usr/bin/env node
// relevance.mjs — storefront search quality on the sample catalogue: nDCG@10 and the
// zero-result rate of keyword-only, vector-only and hybrid ranking (convex at several
// keyword weights, and RRF), over the labelled queries of scripts/sample/labelled_queries.mjs.
// Nonsense queries count only in the last column: the share answered with no results,
// which is the right answer for them.
//
//   node scripts/make-sample-catalogue.mjs sample && scripts/build-wasm.sh
//   node bench/storefront/relevance.mjs [sample/catalogue.json]
import { readFileSync } from 'node:fs';

import { init } from '../../wasm/js/index.js';
import { labelledQueries } from '../../scripts/sample/labelled_queries.mjs';

const cataloguePath = process.argv[2] ?? new URL('../../sample/catalogue.json', import.meta.url);
const catalogueText = readFileSync(cataloguePath);
const products = JSON.parse(catalogueText);
const vitrine = await init({ wasm: readFileSync(new URL('../../wasm/dist/vitrine_core.wasm', import.meta.url)) });
const index = vitrine.openIndex(vitrine.buildIndex(catalogueText, { storage: 'int8', dims: 256 }));
const queries = labelledQueries(products);

function ndcgAt10(ids, relevant) {
  const gain = (grade) => 2 ** grade - 1;
  const dcg = ids.slice(0, 10).reduce((sum, id, r) => sum + gain(relevant[id] ?? 0) / Math.log2(r + 2), 0);
  const ideal = Object.values(relevant).sort((a, b) => b - a).slice(0, 10)
    .reduce((sum, grade, r) => sum + gain(grade) / Math.log2(r + 2), 0);
  return ideal > 0 ? dcg / ideal : 0;
}

const modes = [
  ['keyword only', { keywordWeight: 1 }],
  ['vector only', { keywordWeight: 0 }],
  ...[0.1, 0.2, 0.3, 0.5, 0.7, 0.8, 0.9].map((w) => [`hybrid convex w=${w}`, { keywordWeight: w }]),
  ['hybrid default', {}],
  ['hybrid rrf w=0.5', { fusion: 'rrf', keywordWeight: 0.5 }],
];
const kinds = [...new Set(queries.map((q) => q.kind))].filter((k) => k !== 'nonsense');
console.log(`${products.length} products, ${queries.length} labelled queries (${kinds.join(', ')}, nonsense)\n`);
console.log(['mode'.padEnd(22), 'nDCG@10', ...kinds.map((k) => k.padStart(11)), 'zero-result', 'nonsense->0'].join('  '));
for (const [name, options] of modes) {
  const perKind = Object.fromEntries(kinds.map((k) => [k, []]));
  let zero = 0, meaningful = 0, nonsenseEmpty = 0, nonsense = 0;
  for (const q of queries) {
    const { results } = index.search(q.text, { topK: 10, ...options });
    if (q.kind === 'nonsense') {
      nonsense++;
      if (results.length === 0) nonsenseEmpty++;
      continue;
    }
    meaningful++;
    if (results.length === 0) zero++;
    perKind[q.kind].push(ndcgAt10(results.map((r) => r.id), q.relevant));
  }
  const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const all = Object.values(perKind).flat();
  console.log([name.padEnd(22), mean(all).toFixed(3).padStart(7), ...kinds.map((k) => mean(perKind[k]).toFixed(3).padStart(11)),
               `${((100 * zero) / meaningful).toFixed(1)} %`.padStart(11), `${((100 * nonsenseEmpty) / nonsense).toFixed(0)} %`.padStart(11)].join('  '));
}
index.close();
