#!/usr/bin/env node
// serve-demo-with-worker.mjs — the storefront demo with its rerank toggle working, all on
// loopback and offline: the OpenAI-compatible test server as the hosted endpoint, the edge
// worker in workerd in front of it, and the demo page pointed at the worker. For trying
// the page by hand; the browser tests set up the same world. Ctrl-C stops everything.
//
//   node tests/browser/serve-demo-with-worker.mjs [--port 8080]
// (the sample index and the WASM package must exist: scripts/serve-demo.sh --prepare)
import { parseArgs } from 'node:util';

import { startDemoServer } from '../../web-demo/serve.mjs';
import { startEdge } from '../worker/edge_fixture.mjs';

const { values } = parseArgs({ options: { port: { type: 'string', default: '8080' } } });
const port = Number(values.port);
const edge = await startEdge({ allowedOrigins: [`http://127.0.0.1:${port}`], upstreamTimeoutMs: 10_000 });
const demo = await startDemoServer({ port, workerUrl: edge.url.bundled });
console.log(`Vitrine storefront demo: ${demo.url} (rerank through the worker at ${edge.url.bundled}, ` +
  `endpoint ${edge.server.url}: the loopback test server, which ranks by shared words)`);

const stop = () => Promise.all([demo.close(), edge.stop()]).then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
