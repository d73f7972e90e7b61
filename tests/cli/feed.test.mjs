// `vitrine build` over feeds as shops export them: --format, --map, extensions, and
// errors that name the file, line and field; products with no price through search.
// Run: VITRINE_CLI=build/bin/vitrine node --test tests/cli
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const cli = resolve(root, process.env.VITRINE_CLI ?? 'build/bin/vitrine');
const work = mkdtempSync(join(tmpdir(), 'vitrine-feed-'));

function vitrine(...args) {
  const run = spawnSync(cli, args, { encoding: 'utf8', cwd: work });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

function feedFile(name, text) {
  writeFileSync(join(work, name), text);
  return name;
}

function searchJson(index, query, ...options) {
  const run = vitrine('search', index, query, '--json', ...options);
  assert.equal(run.code, 0, run.stderr);
  return JSON.parse(run.stdout).results;
}

test('builds a CSV feed chosen by its extension, mapping its column names', () => {
  const csv = feedFile('shop.csv', '\uFEFFsku,name,price_eur,image_link,brand\r\n' +
    'A1,"Brass lamp, large","12,50",a1.jpg,Acme\r\nB2,Oak desk,,b2.jpg,Wood & Co\r\n');
  const run = vitrine('build', '--catalogue', csv, '--out', 'csv.vtx', '--map', 'id=sku,title=name,price=price_eur,image=image_link');
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /wrote csv\.vtx: 2 products/);
  const results = searchJson('csv.vtx', 'brass lamp', '--top-k', '2');
  const lamp = results.find((r) => r.id === 'A1');
  assert.equal(lamp.title, 'Brass lamp, large');
  assert.equal(lamp.price, 12.5);
  assert.equal(lamp.image, 'a1.jpg');
  const desk = searchJson('csv.vtx', 'oak desk', '--top-k', '2').find((r) => r.id === 'B2');
  assert.equal(desk.price, null, 'no price is null, not 0');
});

test('a price filter never matches a product with no price', () => {
  const results = searchJson('csv.vtx', 'brass lamp or oak desk', '--min-price', '0');
  assert.deepEqual(results.map((r) => r.id), ['A1']);
});

test('builds JSON Lines and {"products": [...]} feeds, by extension and by --format', () => {
  const lines = feedFile('shop.jsonl', '{"id":1,"title":"Lamp","price":"9.99 EUR"}\n\n{"id":2,"title":"Mug","tags":["x"]}\n');
  assert.equal(vitrine('build', '--catalogue', lines, '--out', 'lines.vtx').code, 0);
  const wrapped = feedFile('shop.txt', '{"products":[{"id":"a","title":"Lamp"}]}');
  const run = vitrine('build', '--catalogue', wrapped, '--out', 'wrapped.vtx', '--format', 'json');
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /1 products/);
  assert.deepEqual(searchJson('lines.vtx', 'lamp', '--top-k', '1').map((r) => [r.id, r.price]), [['1', 9.99]]);
});

function assertBuildFails(args, pattern) {
  const run = vitrine('build', '--out', 'never.vtx', ...args);
  assert.notEqual(run.code, 0);
  assert.equal(run.stdout, '');
  const lines = run.stderr.trimEnd().split('\n');
  assert.equal(lines.length, 1, `one stderr line, got: ${run.stderr}`);
  assert.match(lines[0], pattern);
}

test('a bad feed is refused with the file, line, column and field named', () => {
  const csv = feedFile('bad.csv', 'id,title,price\na,Lamp,3\nb,Mug,-2\n');
  assertBuildFails(['--catalogue', csv], /^vitrine build: bad\.csv: line 3, column 3 \(price\), product 2 \('b'\): the price "-2" is negative$/);
  const jsonl = feedFile('bad.jsonl', '{"id":"a","title":"Lamp"}\n{"id":"a","title":"Mug"}\n');
  assertBuildFails(['--catalogue', jsonl], /bad\.jsonl: line 2, product 2 repeats the id 'a' of line 1/);
  const json = feedFile('bad.json', '[{"id":"a","title":"Lamp","price":"1,234"}]');
  assertBuildFails(['--catalogue', json], /bad\.json: line 1, product 1 \('a'\), field "price": the price "1,234" is ambiguous/);
});

test('an unknown format, extension or field map is a usage error', () => {
  const xml = feedFile('feed.xml', '<feed/>');
  assertBuildFails(['--catalogue', xml], /cannot tell the format of 'feed\.xml'.*--format json, jsonl or csv/);
  assertBuildFails(['--catalogue', xml, '--format', 'xml'], /--format must be json, jsonl or csv/);
  const csv = feedFile('ok.csv', 'id,title\na,b\n');
  assertBuildFails(['--catalogue', csv, '--map', 'sku=id'], /field map: 'sku' is not a product field/);
});
