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
import { makeCategoryProducts } from './sample/product_text.mjs';
import { Rng, hash32 } from './sample/random.mjs';
import { renderProduct } from './sample/render.mjs';
import { CATEGORIES } from './sample/vocabulary.mjs';

const DEFAULT_COUNT = 600;
const DEFAULT_SEED = 20240607;

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
