// The `vitrine` CLI against a hosted endpoint, end to end: the real libcurl
// transport talks to the loopback OpenAI-compatible server, which checks every
// request (bearer key, JPEG images <= 1024 px, <= 5 images per rerank call)
// and injects each fault the transport must survive.
// Run: VITRINE_CLI=build/bin/vitrine node --test tests/cli
import { test, before, after, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodePng } from '../../scripts/lib/png.mjs';
import { startServer } from '../server/openai-compatible-server.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const cli = resolve(root, process.env.VITRINE_CLI ?? 'build/bin/vitrine');
const work = mkdtempSync(join(tmpdir(), 'vitrine-hosted-'));
const sample = join(work, 'sample');
const key = 'sk-test-SECRET-0123456789abcdef';
let server;

// Runs the CLI without blocking the event loop (the server lives in this process).
function vitrine(args, { env = {}, onSpawn } = {}) {
  return new Promise((resolvePromise) => {
    const started = Date.now();
    const child = spawn(cli, args, {
      cwd: sample,
      env: { ...process.env, VITRINE_API_BASE: server.url, VITRINE_API_KEY: key, NO_PROXY: '127.0.0.1', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    const guard = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('close', (code, signal) => {
      clearTimeout(guard);
      resolvePromise({ code, signal, stdout, stderr, ms: Date.now() - started });
    });
    onSpawn?.(child);
  });
}

async function json(args, options) {
  const run = await vitrine([...args, '--json'], options);
  assert.equal(run.code, 0, run.stderr);
  return { ...JSON.parse(run.stdout), run };
}

const requestsTo = (endpoint) => server.requests.filter((r) => r.endpoint === endpoint);
const ids = (results) => results.map((r) => r.id);

function solidPng(width, height, rgb) {
  const pixels = Buffer.alloc(width * height * 3);
  for (let i = 0; i < pixels.length; i += 3) pixels.set(rgb, i);
  return encodePng(width, height, pixels, 3);
}

before(async () => {
  const made = spawnSync(process.execPath, [join(root, 'scripts/make-sample-catalogue.mjs'), sample, '--count', '45'],
                         { encoding: 'utf8' });
  assert.equal(made.status, 0, made.stderr);
  server = await startServer({ apiKey: key, imagesDir: join(sample, 'images') });

  // Three products get images that exercise the edges: one larger than 1024 px,
  // one by URL (fetched from the server), one missing.
  writeFileSync(join(sample, 'images/big.png'), solidPng(2000, 1400, [200, 160, 60]));
  const catalogue = JSON.parse(readFileSync(join(sample, 'catalogue.json'), 'utf8'));
  const byId = Object.fromEntries(catalogue.map((p) => [p.id, p]));
  byId['lig-0002'].image = 'images/big.png';
  byId['lig-0001'].image = `${server.origin}/images/lig-0001.png`;
  byId['lig-0003'].image = 'images/missing.png';
  writeFileSync(join(sample, 'catalogue.json'), JSON.stringify(catalogue, null, 2));
  writeFileSync(join(work, 'photo.png'), solidPng(3000, 2000, [30, 90, 200]));

  const local = await vitrine(['build', '--catalogue', 'catalogue.json', '--out', 'local.vtx']);
  assert.equal(local.code, 0, local.stderr);
  const multimodal = await vitrine(['build', '--catalogue', 'catalogue.json', '--out', 'multimodal.vtx', '--images-out', 'photos',
                                    '--image-embedder', 'local']);
  assert.equal(multimodal.code, 0, multimodal.stderr);
  const hosted = await vitrine(['build', '--catalogue', 'catalogue.json', '--out', 'hosted.vtx', '--embed-url', server.url,
                                '--embed-model', 'Qwen/Qwen3-Embedding-8B', '--dims', '32', '--embed-batch', '16']);
  assert.equal(hosted.code, 0, hosted.stderr);
});

after(() => server?.close());
beforeEach(() => server.reset());
afterEach(() => assert.deepEqual(server.violations, []));

// --- building through the endpoint -------------------------------------------

test('build --embed-model embeds products in batches, without instructions, into a hosted index', async () => {
  const run = await vitrine(['build', '--catalogue', 'catalogue.json', '--out', 'fresh.vtx', '--embed-model',
                             'Qwen/Qwen3-Embedding-8B', '--embed-batch', '16']);
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /^embeddings: 0 from the cache, 45 embedded in 3 requests \(cache fresh\.vtx\.embed-cache\)\n/);
  assert.match(run.stdout, /wrote fresh\.vtx: 45 products, \d+ bytes\n$/);
  const batches = requestsTo('embeddings');
  assert.deepEqual(batches.map((r) => r.body.input.length), [16, 16, 13]);
  assert.ok(batches.every((r) => r.authorized));
  assert.ok(batches.flatMap((r) => r.body.input).every((text) => !text.startsWith('Instruct:')));
  assert.equal(batches[0].body.dimensions, undefined);

  const info = JSON.parse((await vitrine(['info', 'hosted.vtx'])).stdout);
  assert.equal(info.embedder, 'hosted');
  assert.equal(info.model, 'Qwen/Qwen3-Embedding-8B');
  assert.equal(info.dims, 32);
  assert.equal(info.model_dims, 64);
});

test('a rebuild embeds nothing again, and a changed product only itself', async () => {
  const args = ['build', '--catalogue', 'catalogue.json', '--out', 'hosted.vtx', '--embed-model', 'Qwen/Qwen3-Embedding-8B',
                '--dims', '32'];
  const again = await vitrine(args);
  assert.equal(again.code, 0, again.stderr);
  assert.match(again.stdout, /^embeddings: 45 from the cache, 0 embedded in 0 requests/);
  assert.equal(requestsTo('embeddings').length, 0);

  const catalogue = JSON.parse(readFileSync(join(sample, 'catalogue.json'), 'utf8'));
  catalogue[4].title = 'Completely Renamed Product';
  writeFileSync(join(sample, 'changed.json'), JSON.stringify(catalogue));
  const changed = await vitrine(['build', '--catalogue', 'changed.json', '--out', 'changed.vtx', '--embed-cache',
                                 'hosted.vtx.embed-cache', ...args.slice(5)]);
  assert.equal(changed.code, 0, changed.stderr);
  assert.match(changed.stdout, /^embeddings: 44 from the cache, 1 embedded in 1 requests/);
  assert.match(requestsTo('embeddings')[0].body.input[0], /^Completely Renamed Product/);
});

test('an interrupted build resumes from the batches already cached', async () => {
  server.fault({ endpoint: 'embeddings', kind: 'slow', ms: 60_000, skip: 2 });
  const args = ['build', '--catalogue', 'catalogue.json', '--out', 'resumed.vtx', '--embed-model', 'Qwen/Qwen3-Embedding-8B',
                '--embed-batch', '5'];
  let child;
  const killed = vitrine(args, { onSpawn: (c) => { child = c; } });
  await server.waitFor((r) => r.endpoint === 'embeddings' && r.index === 2);
  child.kill('SIGKILL');
  assert.equal((await killed).signal, 'SIGKILL');
  assert.deepEqual(readdirSync(sample).filter((f) => f.startsWith('resumed.vtx') && f !== 'resumed.vtx.embed-cache'), []);

  server.reset();
  const resumed = await vitrine(args);
  assert.equal(resumed.code, 0, resumed.stderr);
  assert.match(resumed.stdout, /^embeddings: 10 from the cache, 35 embedded in 7 requests/);
});

test('a corrupt cache file is skipped, not fatal', async () => {
  const cache = join(sample, 'hosted.vtx.embed-cache');
  // The largest file: a whole batch of products, all in this catalogue.
  const [file] = readdirSync(cache).filter((f) => f.endsWith('.vec')).map((f) => join(cache, f))
    .sort((a, b) => readFileSync(b).length - readFileSync(a).length);
  const bytes = readFileSync(file);
  bytes[bytes.length - 20] ^= 0xff;
  writeFileSync(file, bytes);
  const run = await vitrine(['build', '--catalogue', 'catalogue.json', '--out', 'hosted.vtx', '--embed-model',
                             'Qwen/Qwen3-Embedding-8B', '--dims', '32']);
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /embedded in 1 requests .*1 unusable files skipped\)/);
});

test('a build whose endpoint keeps failing exits 1 with the status and attempts', async () => {
  server.fault({ endpoint: 'embeddings', kind: 'status', status: 503 });
  const run = await vitrine(['build', '--catalogue', 'catalogue.json', '--out', 'failed.vtx', '--embed-model', 'M',
                             '--retries', '1']);
  assert.equal(run.code, 1);
  assert.equal(run.stdout, '');
  const lines = run.stderr.trimEnd().split('\n');
  assert.match(lines.at(-1), /^vitrine build: POST http:\/\/127\.0\.0\.1:\d+\/v1\/embeddings failed after 2 attempts: HTTP 503 — body: .*injected status 503/);
  assert.match(lines[0], /note: .*HTTP 503, retrying in/);
});

// --- search ------------------------------------------------------------------

test('a hosted index embeds the query with the Qwen3 instruction and truncates it to the index dims', async () => {
  const { results } = await json(['search', 'hosted.vtx', 'green velvet sofa', '--top-k', '3']);
  const [request] = requestsTo('embeddings');
  assert.equal(request.body.input.length, 1);
  assert.match(request.body.input[0], /^Instruct: .+\nQuery:green velvet sofa$/);
  assert.match(results[0].title, /Velvet Sofa/);
});

test('a text on a hosted index is a storefront page: keywords with the model\'s vector, filters, exact facets, a total', async () => {
  const page = await json(['search', 'hosted.vtx', 'sofa', '--facet', 'category', '--top-k', '2']);
  assert.equal(requestsTo('embeddings').length, 1);
  assert.equal(page.results.length, 2);
  assert.ok(page.total >= 2);
  assert.equal(Object.values(page.facets.category).reduce((a, b) => a + b, 0), page.total, 'counted over every match');
  const furniture = await json(['search', 'hosted.vtx', 'sofa', '--filter', 'category=furniture', '--top-k', '50']);
  assert.ok(furniture.results.length > 0 && furniture.results.every((r) => r.category === 'furniture'));
  // The model's scores have no tuned floor; one the caller sets makes "no results" honest.
  const none = await json(['search', 'hosted.vtx', 'zzzz qqqq', '--vector-floor', '0.99']);
  assert.deepEqual([none.total, none.results.length], [0, 0]);
  const typo = await json(['search', 'hosted.vtx', 'velvte', '--vector-floor', '0.99']);
  assert.ok(typo.total > 0 && typo.results.every((r) => /Velvet/.test(r.title)), 'found by a keyword, one typo forgiven');
});

test('search --rerank reranks candidates in requests of at most five images and keeps the top k', async () => {
  // A query broad enough to match 12 of the 45 products (the relevance floor leaves out the rest).
  const { results, reranked } = await json(['search', 'local.vtx', 'brass floor lamp light', '--rerank', '--retrieve-k', '12',
                                            '--top-k', '4', '--instruction', 'Prefer brass']);
  assert.equal(reranked, true);
  assert.equal(results.length, 4);
  for (let i = 1; i < results.length; i++) assert.ok(results[i - 1].relevance_score >= results[i].relevance_score);
  assert.match(results[0].title, /Brass/);
  const calls = requestsTo('rerank');
  assert.ok(calls.length >= 3, `${calls.length} rerank requests`);
  assert.ok(calls.every((r) => r.images <= 5));
  assert.equal(calls.reduce((n, r) => n + r.body.documents.length, 0), 12);
  assert.ok(calls.every((r) => r.body.instruction === 'Prefer brass' && r.body.top_n <= 4));
});

test('rerank results are the reranker\'s order of the retrieval candidates', async () => {
  const plain = await json(['search', 'local.vtx', 'linen shirt', '--top-k', '10']);
  const reranked = await json(['search', 'local.vtx', 'linen shirt', '--rerank', '--top-k', '10']);
  assert.deepEqual(ids(reranked.results).sort(), ids(plain.results).sort());
  for (const r of reranked.results) {
    assert.equal(r.score, plain.results.find((p) => p.id === r.id).score);
  }
});

test('product images go out as JPEG data URIs of at most 1024 px, URL images fetched without the key', async () => {
  const run = await vitrine(['search', 'local.vtx', 'brass floor lamp light', '--rerank', '--retrieve-k', '10', '--json']);
  assert.equal(run.code, 0, run.stderr);
  const { warnings } = JSON.parse(run.stdout);
  // The server refused (and recorded) any image that was not a JPEG <= 1024 px: afterEach sees no violation.
  const sent = requestsTo('rerank').flatMap((r) => r.body.documents).filter((d) => typeof d !== 'string');
  assert.ok(sent.length >= 8);
  assert.equal(server.requests.filter((r) => r.endpoint === 'image').length, 1);
  assert.ok(server.requests.filter((r) => r.endpoint === 'image').every((r) => r.authorization === undefined));
  assert.deepEqual(warnings, [
    "lig-0003: image 'images/missing.png' cannot be used: cannot open " +
      `${join(sample, 'images/missing.png')}: No such file or directory; sent as text alone`,
  ]);
  assert.match(run.stderr, /^vitrine search: note: lig-0003: image 'images\/missing\.png'/);
});

test('the table shows relevance when reranked', async () => {
  const run = await vitrine(['search', 'local.vtx', 'brass floor lamp', '--rerank']);
  assert.equal(run.code, 0, run.stderr);
  const lines = run.stdout.trimEnd().split('\n');
  assert.match(lines[0], /rank\s+score\s+relevance\s+id/);
  assert.equal(lines.length, 4);
});

test('search by photo retrieves by the image field, then sends the prepared photo as the query', async () => {
  const query = join(sample, 'images', readdirSync(join(sample, 'images')).filter((f) => f.endsWith('.png')).sort()[0]);
  const { results, reranked } = await json(['search', 'multimodal.vtx', '--image', query, '--rerank', '--retrieve-k', '9']);
  assert.equal(reranked, true);
  assert.equal(results.length, 3);
  assert.ok(results.every((r) => typeof r.score === 'number'), 'retrieved by the photo\'s vector, with scores');
  const calls = requestsTo('rerank');
  assert.ok(calls.every((r) => r.images <= 5));
  assert.ok(calls.every((r) => r.body.query.content.length === 1 && r.body.query.content[0].type === 'image_url'));
  assert.equal(calls.flatMap((r) => r.body.documents).length, 9);
});

test('search by photo with text retrieves by the text and sends both', async () => {
  const { results } = await json(['search', 'local.vtx', 'brass lamp', '--image', join(work, 'photo.png'), '--rerank']);
  assert.match(results[0].title, /Lamp/);
  const [call] = requestsTo('rerank');
  assert.deepEqual(call.body.query.content.map((p) => p.type), ['text', 'image_url']);
  assert.equal(call.body.query.content[0].text, 'brass lamp');
});

// --- faults --------------------------------------------------------------------

const rerankArgs = ['search', 'local.vtx', 'brass floor lamp', '--rerank', '--retrieve-k', '5', '--top-k', '3'];

test('429 with Retry-After in seconds is waited for, then retried', async () => {
  server.fault({ endpoint: 'rerank', kind: '429', retryAfter: 1, times: 1 });
  const { reranked, run } = await json(rerankArgs);
  assert.equal(reranked, true);
  assert.equal(requestsTo('rerank').length, 2);
  assert.ok(run.ms >= 1000, `took ${run.ms} ms`);
  assert.match(run.stderr, /note: POST http:\/\/127\.0\.0\.1:\d+\/v1\/rerank: HTTP 429, retrying in 1\.0 s \(attempt 2 of 4\)/);
});

test('429 with Retry-After as an HTTP date is honoured', async () => {
  server.fault({ endpoint: 'rerank', kind: '429', retryAfter: 'date', times: 1 });
  const { reranked, run } = await json(rerankArgs);
  assert.equal(reranked, true);
  assert.ok(run.ms >= 900, `took ${run.ms} ms`);
});

test('a 500 is retried with backoff', async () => {
  server.fault({ endpoint: 'rerank', kind: 'status', status: 500, times: 2 });
  const { reranked } = await json(rerankArgs);
  assert.equal(reranked, true);
  assert.equal(requestsTo('rerank').length, 3);
});

test('a reranker that keeps failing gives the retrieval order, reranked false and the reason', async () => {
  const plain = await json(['search', 'local.vtx', 'brass floor lamp', '--top-k', '3']);
  server.reset();
  server.fault({ endpoint: 'rerank', kind: 'status', status: 500 });
  const { results, reranked, rerank_error } = await json([...rerankArgs, '--retries', '1']);
  assert.equal(reranked, false);
  assert.match(rerank_error, /rerank failed after 2 attempts: HTTP 500 — body: .*injected status 500/);
  assert.deepEqual(ids(results), ids(plain.results));
  assert.ok(results.every((r) => r.relevance_score === undefined));
});

test('the table notes a fallback under the results', async () => {
  server.fault({ endpoint: 'rerank', kind: 'status', status: 503 });
  const run = await vitrine([...rerankArgs, '--retries', '0']);
  assert.equal(run.code, 0, run.stderr);
  const lines = run.stdout.trimEnd().split('\n');
  assert.equal(lines.length, 5);
  assert.match(lines.at(-1), /^note: not reranked, showing retrieval order: .*HTTP 503/);
});

test('a slow reranker times out and falls back', async () => {
  server.fault({ endpoint: 'rerank', kind: 'slow', ms: 5000 });
  const { reranked, rerank_error, results, run } = await json([...rerankArgs, '--timeout', '0.3', '--retries', '1']);
  assert.equal(reranked, false);
  assert.match(rerank_error, /timed out after 300 ms/);
  assert.equal(results.length, 3);
  assert.ok(run.ms < 3000, `took ${run.ms} ms`);
});

for (const [kind, reason] of [['malformed', /not valid JSON/], ['bad-index', /index 10000 out of range/]]) {
  test(`a ${kind} rerank response is not retried and falls back`, async () => {
    server.fault({ endpoint: 'rerank', kind });
    const { reranked, rerank_error } = await json(rerankArgs);
    assert.equal(reranked, false);
    assert.match(rerank_error, reason);
    assert.equal(requestsTo('rerank').length, 1);
  });
}

for (const [kind, reason] of [['truncated', /cut short/], ['drop', /Empty reply|reset|Recv failure/]]) {
  test(`a ${kind} response is retried as a network error, then falls back`, async () => {
    server.fault({ endpoint: 'rerank', kind });
    const { reranked, rerank_error } = await json([...rerankArgs, '--retries', '2']);
    assert.equal(reranked, false);
    assert.match(rerank_error, reason);
    // Three attempts; libcurl itself may resend once when a reused keep-alive connection dies unanswered.
    assert.ok([3, 4].includes(requestsTo('rerank').length), `${requestsTo('rerank').length} requests`);
  });
}

test('a wrong key is a 401, not retried, and search still returns results', async () => {
  const { reranked, rerank_error, results } = await json(rerankArgs, { env: { VITRINE_API_KEY: 'sk-wrong-key-000000' } });
  assert.equal(reranked, false);
  assert.match(rerank_error, /HTTP 401/);
  assert.equal(results.length, 3);
  assert.equal(requestsTo('rerank').length, 1);
});

test('the key never appears in any output, even when the server echoes it', async () => {
  server.fault({ kind: 'echo-key' });
  const runs = [
    await vitrine([...rerankArgs, '--json', '--retries', '1']),
    await vitrine(['search', 'hosted.vtx', 'lamp', '--retries', '1']),
    await vitrine(['answer', 'local.vtx', 'which lamp?', '--retries', '0']),
    await vitrine(['build', '--catalogue', 'catalogue.json', '--out', 'x.vtx', '--embed-model', 'K', '--retries', '0']),
  ];
  for (const run of runs) {
    assert.ok(!(run.stdout + run.stderr).includes(key), run.stdout + run.stderr);
    assert.ok(!(run.stdout + run.stderr).includes('SECRET'));
  }
  assert.match(runs[0].stdout, /authorization=Bearer \[redacted\]/);
  assert.match(runs[3].stderr, /authorization=Bearer \[redacted\]/);
});

// --- answers -------------------------------------------------------------------

test('answer sends the question with the products and prints the answer and its sources', async () => {
  const run = await vitrine(['answer', 'local.vtx', 'Which brass floor lamp should I buy?']);
  assert.equal(run.code, 0, run.stderr);
  const [answer, blank, heading, ...sources] = run.stdout.trimEnd().split('\n');
  assert.match(answer, /^The best match is \[1\] .*Brass/);
  assert.equal(blank, '');
  assert.equal(heading, 'sources:');
  assert.equal(sources.length, 3);
  assert.match(sources[0], /^\s+\[1\] lig-\d+\s+.*\(cited\)$/);
  const [chat] = requestsTo('chat');
  // Every source but lig-0003, whose image file is missing, goes with its photo.
  assert.equal(chat.images, sources.filter((line) => !line.includes('lig-0003')).length);
  const parts = chat.body.messages.at(-1).content;
  assert.equal(parts.at(-1).text, 'Which brass floor lamp should I buy?');
  assert.ok(parts.filter((p) => p.type === 'image_url').every((p) => p.image_url.detail === 'low'));
});

test('answer --json gives the answer, the sources and the cited ids', async () => {
  const out = await json(['answer', 'local.vtx', 'brass floor lamp', '--top-k', '2']);
  assert.match(out.answer, /\[1\]/);
  assert.equal(out.sources.length, 2);
  assert.deepEqual(out.cited, [out.sources[0]]);
});

test('answer --rerank answers from the reranked products and reuses their images', async () => {
  const out = await json(['answer', 'local.vtx', 'brass floor lamp', '--rerank', '--retrieve-k', '10']);
  assert.equal(out.reranked, true);
  const imagesInRerank = new Set(requestsTo('rerank').flatMap((r) => r.body.documents)
    .filter((d) => typeof d !== 'string').map((d) => d.content.at(-1).image_url.url));
  const imagesInChat = requestsTo('chat')[0].body.messages.at(-1).content
    .filter((p) => p.type === 'image_url').map((p) => p.image_url.url);
  assert.ok(imagesInChat.every((url) => imagesInRerank.has(url)));
});

// --- usage ---------------------------------------------------------------------

test('hosted commands without an endpoint, and rerank-only options without --rerank, are usage errors', async () => {
  const noBase = { env: { VITRINE_API_BASE: '' } };
  for (const [args, pattern] of [
    [['search', 'local.vtx', 'lamp', '--rerank'], /--rerank needs an endpoint: set VITRINE_API_BASE/],
    [['answer', 'local.vtx', 'lamp?'], /answer needs an endpoint/],
    [['build', '--catalogue', 'catalogue.json', '--out', 'y.vtx', '--embed-model', 'M'], /--embed-model needs an endpoint/],
  ]) {
    const run = await vitrine(args, noBase);
    assert.equal(run.code, 2);
    assert.match(run.stderr, pattern);
  }
  const image = await vitrine(['search', 'local.vtx', '--image', join(work, 'photo.png')]);
  assert.equal(image.code, 1);
  assert.match(image.stderr, /no image field/);
  const hostedNoBase = await vitrine(['search', 'hosted.vtx', 'lamp'], noBase);
  assert.equal(hostedNoBase.code, 2);
  assert.match(hostedNoBase.stderr, /hosted model 'Qwen\/Qwen3-Embedding-8B'/);
});
