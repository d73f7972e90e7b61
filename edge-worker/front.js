// front.js — the entry of a sharded catalogue's front worker (shard_front.js): no index of
// its own, the shards behind the SHARD_n service bindings. The WASM merges their pages.
import wasm from '../wasm/dist/vitrine_core.wasm';
import { createShardFront } from './shard_front.js';

export default createShardFront({ wasm });
