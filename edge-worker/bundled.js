// bundled.js — the worker's entry with the index bundled into the script, as a data
// module: put the index at edge-worker/catalogue.vtx before deploying (wrangler.toml's
// Data rule covers *.vtx). Suits catalogues whose index fits the platform's script size
// limit; larger ones use remote.js. The WASM arrives compiled, as workers require.
import wasm from '../wasm/dist/vitrine_core.wasm';
import index from './catalogue.vtx';
import { createWorker } from './worker.js';

export default createWorker({ wasm, index });
