// test-worker.js — runs inside workerd (`workerd test`, see ../workerd.test.mjs): the
// package initialised from an imported WebAssembly.Module, where compiling code at run
// time is forbidden, then an index built, searched and refused a bad query, and a
// hosted-client search reranked through an injected fetch (workerd's own Response).
import { init, VitrineError } from './js/index.js';
import wasm from './dist/vitrine_core.wasm';

function check(condition, message) {
  if (!condition) throw new Error(message);
}

export default {
  async test() {
    const vitrine = await init({ wasm });
    const catalogue = '[{"id":"lamp","title":"Brass floor lamp"},{"id":"table","title":"Oak table"}]';
    const index = vitrine.openIndex(vitrine.buildIndex(catalogue, { dims: 64, storage: 'int8' }));
    const [best] = index.search(vitrine.embedLocal('brass lamp', 64), { topK: 1 }).results;
    check(best.id === 'lamp', `best hit ${best.id}`);
    try {
      index.search(new Float32Array(3).fill(1));
      check(false, 'a 3-dims query was accepted');
    } catch (error) {
      check(error instanceof VitrineError && /query has 3 dims/.test(error.message), `unexpected error ${error}`);
    }
    check(index.search(vitrine.embedLocal('oak table', 64), { topK: 1 }).results[0].id === 'table', 'works after an error');

    const reranker = async (url, init) => {
      check(url === 'https://endpoint.example/v1/rerank' && init.signal, `fetch ${url}`);
      return new Response('{"results":[{"index":1,"relevance_score":0.9},{"index":0,"relevance_score":0.2}]}');
    };
    const client = vitrine.createClient({ index, baseUrl: 'https://endpoint.example/v1', fetch: reranker });
    const found = await client.search('brass lamp table', { topK: 2 });  // both match: lamp first, then table
    check(found.reranked && found.results.map((r) => r.id).join() === 'table,lamp', `rerank ${JSON.stringify(found)}`);
    index.close();
    check(vitrine.searchKernel === 'sse4.1', `kernel ${vitrine.searchKernel}`);
  },
};
