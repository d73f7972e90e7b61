// The `vitrine` command-line tool, end to end: build, info, search, resize, and
// one clear stderr line with a non-zero exit for every failure.
// Run: VITRINE_CLI=build/bin/vitrine node --test tests/cli
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync, readdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const cli = resolve(root, process.env.VITRINE_CLI ?? 'build/bin/vitrine');
const work = mkdtempSync(join(tmpdir(), 'vitrine-cli-'));
const sample = join(work, 'sample');

function vitrine(...args) {
  const run = spawnSync(cli, args, { encoding: 'utf8', cwd: work });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

function assertFailsWithOneLine(run, code, pattern) {
  assert.equal(run.code, code, `exit code (stderr: ${run.stderr})`);
  assert.equal(run.stdout, '');
  const lines = run.stderr.trimEnd().split('\n');
  assert.equal(lines.length, 1, `one stderr line, got: ${run.stderr}`);
  assert.match(lines[0], pattern);
}

before(() => {
  const made = spawnSync(process.execPath, [join(root, 'scripts/make-sample-catalogue.mjs'), sample, '--count', '120'],
                         { encoding: 'utf8' });
  assert.equal(made.status, 0, made.stderr);
  for (const storage of ['f32', 'int8']) {
    const run = vitrine('build', '--catalogue', join(sample, 'catalogue.json'), '--out', `${storage}.vtx`,
                        '--storage', storage, '--dims', '256');
    assert.equal(run.code, 0, run.stderr);
  }
});

test('build reports what it wrote', () => {
  const run = vitrine('build', '--catalogue', join(sample, 'catalogue.json'), '--out', 'again.vtx');
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /^wrote again\.vtx: 120 products, \d+ bytes\n$/);
});

test('info summarises count, dims, storage, model and verified sections', () => {
  const run = vitrine('info', 'int8.vtx');
  assert.equal(run.code, 0, run.stderr);
  const info = JSON.parse(run.stdout);
  assert.equal(info.count, 120);
  assert.equal(info.dims, 256);
  assert.equal(info.storage, 'int8');
  assert.equal(info.model, 'vitrine-local-hash-v1');
  assert.equal(info.embedder, 'local_hashing');
  assert.equal(info.checksums_ok, true);
  assert.deepEqual(info.sections.map((s) => s.name), ['vectors', 'scales', 'records', 'strings', 'keywords', 'facet_columns']);
  assert.equal(info.sections[0].bytes, 120 * 256);
});

test('search prints a ranked table with the best match first', () => {
  const run = vitrine('search', 'f32.vtx', 'green velvet sofa', '--top-k', '3');
  assert.equal(run.code, 0, run.stderr);
  const lines = run.stdout.trimEnd().split('\n');
  assert.match(lines[0], /rank\s+score\s+id\s+price\s+category\s+title/);
  assert.equal(lines.length, 5);
  assert.match(lines[1], /^\s+1\s+0\.\d{4}\s+fur-\d+.*Velvet Sofa/i);
  assert.match(lines[4], /^\d+ matches$/);
});

test('search --json gives ranks, ids and scores that round-trip float32', () => {
  const run = vitrine('search', 'int8.vtx', 'brass floor lamp', '--top-k', '5', '--json');
  assert.equal(run.code, 0, run.stderr);
  const { results } = JSON.parse(run.stdout);
  assert.equal(results.length, 5);
  assert.deepEqual(results.map((r) => r.rank), [1, 2, 3, 4, 5]);
  for (const r of results) {
    // At most 9 significant digits, which are enough to name one float32 exactly.
    assert.equal(Number(r.score.toPrecision(9)), r.score);
  }
  for (let i = 1; i < results.length; i++) assert.ok(results[i - 1].score >= results[i].score);
  assert.equal(results[0].category, 'lighting');
  assert.match(results[0].title, /lamp/i);
});

test('search filters by category and price range', () => {
  const run = vitrine('search', 'f32.vtx', 'linen', '--category', 'apparel', '--min-price', '20', '--max-price', '60',
                      '--top-k', '50', '--json');
  assert.equal(run.code, 0, run.stderr);
  const { results } = JSON.parse(run.stdout);
  assert.ok(results.length > 0);
  for (const r of results) {
    assert.equal(r.category, 'apparel');
    assert.ok(r.price >= 20 && r.price <= 60);
  }
});

test('search --ids restricts results to the allow-list', () => {
  const run = vitrine('search', 'f32.vtx', 'lamp sofa', '--ids', 'lig-0001,fur-0001', '--json');
  const ids = JSON.parse(run.stdout).results.map((r) => r.id).sort();
  assert.deepEqual(ids, ['fur-0001', 'lig-0001']);
});

test('search answers a storefront page: filters, exact facet counts, sort, offset and the total', () => {
  const page = (...flags) => JSON.parse(vitrine('search', 'int8.vtx', 'lamp', '--json', '--facet', 'category', ...flags).stdout);
  const all = page('--top-k', '100', '--filter', 'in_stock=true', '--sort', '-price');
  assert.ok(all.total > 2 && all.results.length === all.total);
  assert.equal(Object.values(all.facets.category).reduce((a, b) => a + b, 0), all.total);
  for (let i = 1; i < all.results.length; i++) assert.ok(all.results[i - 1].price >= all.results[i].price);
  const second = page('--top-k', '2', '--offset', '2', '--filter', 'in_stock=true', '--sort', '-price');
  assert.equal(second.total, all.total);
  assert.deepEqual(second.results.map((r) => r.id), all.results.slice(2, 4).map((r) => r.id));
  assert.deepEqual(second.facets, all.facets);
});

test('a query with no word in it finds nothing and exits 0', () => {
  const run = vitrine('search', 'f32.vtx', '???', '--json');
  assert.equal(run.code, 0, run.stderr);
  assert.deepEqual(JSON.parse(run.stdout), { results: [], total: 0, facets: {} });
});

test('search refuses a filter on a field the index does not have, naming those it has', () => {
  assertFailsWithOneLine(vitrine('search', 'f32.vtx', 'lamp', '--filter', 'nope=1'), 1, /unknown field 'nope' \(this index has category, price, /);
});

test('search --query-vector uses the given vector instead of embedding text', () => {
  const vector = new Array(256).fill(0);
  vector[7] = 1;
  writeFileSync(join(work, 'q.json'), JSON.stringify(vector));
  const run = vitrine('search', 'f32.vtx', '--query-vector', 'q.json', '--top-k', '2', '--json');
  assert.equal(run.code, 0, run.stderr);
  assert.equal(JSON.parse(run.stdout).results.length, 2);
});

test('search with a query vector of the wrong dimension fails clearly', () => {
  writeFileSync(join(work, 'short.json'), '[1, 2, 3]');
  assertFailsWithOneLine(vitrine('search', 'f32.vtx', '--query-vector', 'short.json'), 1, /query has 3 dims, the index has 256/);
});

test('search --query-vectors answers each query as --query-vector does, for any --threads', () => {
  const queries = [7, 40, 200].map((d) => Array.from({ length: 256 }, (_, i) => (i === d ? 1 : Math.sin(i + d) / 10)));
  writeFileSync(join(work, 'batch.json'), JSON.stringify(queries));
  const alone = queries.map((q, i) => {
    writeFileSync(join(work, `alone-${i}.json`), JSON.stringify(q));
    const run = vitrine('search', 'int8.vtx', '--query-vector', `alone-${i}.json`, '--top-k', '4', '--category', 'lighting', '--json');
    assert.equal(run.code, 0, run.stderr);
    return JSON.parse(run.stdout);
  });
  for (const threads of [[], ['--threads', '1'], ['--threads', '3']]) {
    const run = vitrine('search', 'int8.vtx', '--query-vectors', 'batch.json', '--top-k', '4', '--category', 'lighting', ...threads);
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(run.stdout.trimEnd().split('\n').map((line) => JSON.parse(line)), alone, `threads: ${threads}`);
  }
});

test('build --rescore-with int8 keeps int8 copies beside the sign bits, and search rescores with them', () => {
  const run = vitrine('build', '--catalogue', join(sample, 'catalogue.json'), '--out', 'lean.vtx', '--storage', 'binary',
                      '--rescore-with', 'int8', '--dims', '256');
  assert.equal(run.code, 0, run.stderr);
  const info = JSON.parse(vitrine('info', 'lean.vtx').stdout);
  assert.deepEqual(info.sections.map((s) => [s.name, s.bytes]).slice(0, 3),
    [['vectors', 120 * 32], ['rescore_int8', 120 * 256], ['rescore_scales', 120 * 4]]);
  const [best] = JSON.parse(vitrine('search', 'lean.vtx', 'lamp', '--json', '--top-k', '1').stdout).results;
  assert.ok(best.score * 256 !== Math.round(best.score * 256), 'a rescored score, not a sign-agreement share');
  assertFailsWithOneLine(vitrine('build', '--catalogue', join(sample, 'catalogue.json'), '--out', 'x.vtx',
    '--storage', 'int8', '--rescore-with', 'int8'), 1, /rescoring with int8 copies needs binary storage/);
  assertFailsWithOneLine(vitrine('build', '--catalogue', join(sample, 'catalogue.json'), '--out', 'x.vtx',
    '--storage', 'binary', '--rescore-with', 'int4'), 2, /--rescore-with must be f32 or int8/);
});

test('search --query-vectors names the query it refuses, and --threads must be in 1..256', () => {
  writeFileSync(join(work, 'zero.json'), JSON.stringify([new Array(256).fill(0.1), new Array(256).fill(0)]));
  assertFailsWithOneLine(vitrine('search', 'f32.vtx', '--query-vectors', 'zero.json'), 1,
    /search batch: query 1: query vector is zero or not finite/);
  assertFailsWithOneLine(vitrine('search', 'f32.vtx', 'lamp', '--threads', '0'), 2, /--threads/);
  assertFailsWithOneLine(vitrine('search', 'f32.vtx', 'lamp', '--threads', '257'), 2, /--threads/);
});

test('a corrupted index is refused with the reason', () => {
  const bytes = readFileSync(join(work, 'f32.vtx'));
  bytes[bytes.length - 10] ^= 0xff;
  writeFileSync(join(work, 'corrupt.vtx'), bytes);
  assertFailsWithOneLine(vitrine('search', 'corrupt.vtx', 'lamp'), 1, /index: .*checksum mismatch/);
  writeFileSync(join(work, 'short.vtx'), bytes.subarray(0, 300));
  assertFailsWithOneLine(vitrine('info', 'short.vtx'), 1, /index: .*truncated/);
  writeFileSync(join(work, 'empty.vtx'), '');
  assertFailsWithOneLine(vitrine('info', 'empty.vtx'), 1, /index: file is 0 bytes/);
});

test('a bad catalogue fails and leaves the previous index untouched', () => {
  const before = readFileSync(join(work, 'f32.vtx'));
  writeFileSync(join(work, 'bad.json'), '[{"id": "a", "title": "x"}, {"id": "a", "title": "y"}]');
  assertFailsWithOneLine(vitrine('build', '--catalogue', 'bad.json', '--out', 'f32.vtx'), 1, /repeats the id 'a'/);
  assert.deepEqual(readFileSync(join(work, 'f32.vtx')), before);
  assert.deepEqual(readdirSync(work).filter((f) => f.includes('.tmp-')), []);
});

test('usage errors exit 2 with one line', () => {
  assertFailsWithOneLine(vitrine('search'), 2, /expected an index file/);
  assertFailsWithOneLine(vitrine('search', 'f32.vtx', 'x', '--top-k', '0'), 2, /--top-k must be a whole number/);
  assertFailsWithOneLine(vitrine('build', '--catalogue', 'x.json', '--out', 'o.vtx', '--storage', 'f16'), 2, /--storage must be f32, int8 or binary/);
  assertFailsWithOneLine(vitrine('frobnicate'), 2, /unknown command 'frobnicate'/);
  assertFailsWithOneLine(vitrine('info', 'f32.vtx', '--verbose'), 2, /unknown option --verbose/);
  assertFailsWithOneLine(vitrine('info', 'missing.vtx'), 1, /cannot open missing\.vtx/);
});

test('build with precomputed vectors truncates to --dims (Matryoshka)', () => {
  const products = [{ id: 'a', title: 'A' }, { id: 'b', title: 'B' }];
  writeFileSync(join(work, 'two.json'), JSON.stringify(products));
  writeFileSync(join(work, 'two.jsonl'), products.map((p, i) =>
    JSON.stringify({ id: p.id, embedding: Array.from({ length: 32 }, (_, d) => (d === i ? 1 : 0.1)) })).join('\n'));
  const run = vitrine('build', '--catalogue', 'two.json', '--vectors', 'two.jsonl', '--model', 'Qwen3-Embedding-8B',
                      '--dims', '16', '--out', 'two.vtx');
  assert.equal(run.code, 0, run.stderr);
  const info = JSON.parse(vitrine('info', 'two.vtx').stdout);
  assert.equal(info.dims, 16);
  assert.equal(info.model_dims, 32);
  assert.equal(info.model, 'Qwen3-Embedding-8B');
  assert.equal(info.embedder, 'hosted');
  assertFailsWithOneLine(vitrine('search', 'two.vtx', 'a text query'), 2, /hosted model 'Qwen3-Embedding-8B'/);
});

test('resize writes a JPEG no larger than --max-edge and reports its size', () => {
  const run = vitrine('resize', join(sample, 'images/fur-0001.png'), 'small.jpg', '--max-edge', '100');
  assert.equal(run.code, 0, run.stderr);
  const info = JSON.parse(run.stdout);
  assert.ok(Math.max(info.width, info.height) === 100);
  const jpeg = readFileSync(join(work, 'small.jpg'));
  assert.equal(jpeg.length, info.bytes);
  assert.deepEqual([...jpeg.subarray(0, 3)], [0xff, 0xd8, 0xff]);
});

test('resize --data-uri writes a base64 JPEG data URI', () => {
  const run = vitrine('resize', join(sample, 'images/lig-0001.png'), 'uri.txt', '--data-uri');
  assert.equal(run.code, 0, run.stderr);
  const uri = readFileSync(join(work, 'uri.txt'), 'utf8');
  assert.match(uri, /^data:image\/jpeg;base64,[A-Za-z0-9+/]+=*$/);
  assert.deepEqual([...Buffer.from(uri.split(',')[1], 'base64').subarray(0, 2)], [0xff, 0xd8]);
});

test('resize refuses a file that is not an image', () => {
  writeFileSync(join(work, 'not-image.jpg'), 'hello, world');
  assertFailsWithOneLine(vitrine('resize', 'not-image.jpg', 'out.jpg'), 1, /image/i);
  assert.equal(existsSync(join(work, 'out.jpg')), false);
});

test('web-pack writes a manifest, a first pass and content-named chunks, and says what it wrote', () => {
  const run = vitrine('web-pack', 'int8.vtx', '--out', 'pack', '--first-pass-dims', '32', '--chunk-products', '10');
  assert.equal(run.code, 0, run.stderr);
  const manifest = JSON.parse(readFileSync(join(work, 'pack/manifest.json'), 'utf8'));
  assert.equal(manifest.format, 'vitrine-web-pack');
  assert.equal(manifest.count, 120);
  assert.equal(manifest.first_pass.dims, 32);
  assert.equal(manifest.first_pass.bytes, 16 + 120 * (32 + 4 + 4)); // rows, scales, chunk slots
  assert.equal(manifest.chunks.length, 12);
  const files = readdirSync(join(work, 'pack'));
  assert.equal(files.length, 1 + 1 + 12);
  for (const chunk of manifest.chunks) {
    assert.match(chunk.file, /^[0-9a-f]{32}\.bin$/);
    assert.equal(readFileSync(join(work, 'pack', chunk.file)).length, chunk.bytes);
  }
  assert.match(run.stdout, /manifest\.json: \d+ bytes\n/);
  assert.match(run.stdout, new RegExp(`${manifest.first_pass.file}: ${manifest.first_pass.bytes} bytes \\(first pass, 32 dims int8\\)`));
  assert.match(run.stdout, /12 chunks of up to 10 products: \d+ bytes\n/);
});

test('web-pack refuses a binary index and first-pass dims above the index dims, in one line', () => {
  assert.equal(vitrine('build', '--catalogue', join(sample, 'catalogue.json'), '--out', 'signs.vtx', '--storage', 'binary').code, 0);
  assertFailsWithOneLine(vitrine('web-pack', 'signs.vtx', '--out', 'signs-pack'), 1, /only f32 and int8 indexes/);
  assertFailsWithOneLine(vitrine('web-pack', 'int8.vtx', '--out', 'wide-pack', '--first-pass-dims', '257'), 1,
    /first_pass_dims must be in 1\.\.256/);
  assert.equal(existsSync(join(work, 'signs-pack')), false);
});
