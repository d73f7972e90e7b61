// remote.js — the worker's entry for an index fetched from the INDEX_URL setting on the
// isolate's first request and kept in WebAssembly memory for the isolate's life (for
// indexes beyond the script size limit, or updated without redeploying the worker).
import wasm from '../wasm/dist/vitrine_core.wasm';
import { createWorker } from './worker.js';

export default createWorker({ wasm });
