// `vitrine build --images-out DIR [--strict]`: photos prepared once into content-named
// JPEGs, the build report (printed and DIR/report.json), --strict, and reuse on rebuild.
// Run: VITRINE_CLI=build/bin/vitrine node --test tests/cli
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { promisify } from 'node:util';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const cli = resolve(root, process.env.VITRINE_CLI ?? 'build/bin/vitrine');
const work = mkdtempSync(join(tmpdir(), 'vitrine-photos-'));
const fixtures = join(root, 'tests/fixtures/images');

function vitrine(...args) {
  const run = spawnSync(cli, args, { encoding: 'utf8', cwd: work });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

mkdirSync(join(work, 'img'));
for (const name of ['pattern-160x100-lossy.webp', 'pattern-96x64.gif', 'animated-24x16.webp'])
  copyFileSync(join(fixtures, name), join(work, 'img', name));
writeFileSync(join(work, 'img/notes.jpg'), 'not a photo');
writeFileSync(join(work, 'shop.csv'), 'id,title,image\n' +
  'w,WebP lamp,img/pattern-160x100-lossy.webp\ng,GIF lamp,img/pattern-96x64.gif\n' +
  'a,Animated lamp,img/animated-24x16.webp\nn,Notes lamp,img/notes.jpg\nm,Missing lamp,img/gone.png\nx,Plain lamp,\n');

test('prepares the usable photos, names them by content and reports the rest', () => {
  const run = vitrine('build', '--catalogue', 'shop.csv', '--out', 'shop.vtx', '--images-out', 'photos');
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /^photos: 2 prepared, 0 reused, 3 unusable \(report photos\/report\.json\)$/m);
  assert.match(run.stdout, /^ {2}a: image 'img\/animated-24x16\.webp': image: animated WebP/m);
  assert.match(run.stdout, /^ {2}n: image 'img\/notes\.jpg': .*not a JPEG, PNG, WebP or GIF/m);
  assert.match(run.stdout, /^ {2}m: image 'img\/gone\.png': missing/m);
  assert.match(run.stdout, /wrote shop\.vtx: 6 products/);

  const report = JSON.parse(readFileSync(join(work, 'photos/report.json'), 'utf8'));
  assert.equal(report.products_with_photo, 5);
  assert.deepEqual(report.unusable.map((u) => u.id), ['a', 'n', 'm']);
  const jpegs = readdirSync(join(work, 'photos')).filter((f) => f.endsWith('.jpg'));
  assert.equal(jpegs.length, 4, 'a rerank photo and a thumbnail for each usable original');
  for (const name of jpegs) assert.match(name, /^[0-9a-f]{32}\.jpg$/);

  const hits = JSON.parse(vitrine('search', 'shop.vtx', 'webp lamp', '--json').stdout).results;
  const webp = hits.find((h) => h.id === 'w');
  assert.match(webp.prepared_image, /^photos\/[0-9a-f]{32}\.jpg$/);
  assert.ok(existsSync(join(work, webp.thumbnail)));
  assert.equal(hits.find((h) => h.id === 'x').prepared_image, undefined);
  const info = JSON.parse(vitrine('info', 'shop.vtx').stdout);
  assert.ok(info.sections.some((s) => s.name === 'photos'));
});

test('a rebuild reuses every photo whose original did not change', () => {
  const run = vitrine('build', '--catalogue', 'shop.csv', '--out', 'shop.vtx', '--images-out', 'photos');
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /^photos: 0 prepared, 2 reused, 3 unusable/m);
});

test('--strict refuses a build with unusable photos and leaves no index', () => {
  const run = vitrine('build', '--catalogue', 'shop.csv', '--out', 'strict.vtx', '--images-out', 'photos', '--strict');
  assert.equal(run.code, 1);
  assert.equal(run.stderr.trimEnd().split('\n').length, 1, run.stderr);
  assert.match(run.stderr, /^vitrine build: 3 product photos are unusable \(--strict; listed in photos\/report\.json\)/);
  assert.equal(existsSync(join(work, 'strict.vtx')), false);
});

test('--strict passes when every photo is usable, and needs --images-out', () => {
  writeFileSync(join(work, 'good.csv'), 'id,title,image\nw,WebP lamp,img/pattern-160x100-lossy.webp\n');
  const run = vitrine('build', '--catalogue', 'good.csv', '--out', 'good.vtx', '--images-out', 'photos', '--strict');
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /0 prepared, 1 reused, 0 unusable/);
  const usage = vitrine('build', '--catalogue', 'good.csv', '--out', 'good.vtx', '--strict');
  assert.equal(usage.code, 2);
  assert.match(usage.stderr, /--strict .* --images-out DIR/);
});

test('fetches photo URLs from a loopback server, and reports the ones that fail', async () => {
  const webp = readFileSync(join(fixtures, 'pattern-160x100-lossy.webp'));
  const server = createServer((request, response) => {
    if (request.url === '/lamp.webp') response.end(webp);
    else response.writeHead(404).end('no such photo');
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  const base = `http://127.0.0.1:${server.address().port}`;
  try {
    writeFileSync(join(work, 'remote.jsonl'), `{"id":"r","title":"Remote lamp","image":"${base}/lamp.webp"}\n` +
      `{"id":"z","title":"Gone lamp","image":"${base}/gone.webp"}\n`);
    const { stdout } = await promisify(execFile)(cli, ['build', '--catalogue', 'remote.jsonl', '--out', 'remote.vtx',
      '--images-out', 'remote-photos'], { cwd: work });
    assert.match(stdout, /^photos: 1 prepared, 0 reused, 1 unusable/m);
    assert.match(stdout, /^ {2}z: image '.*gone\.webp': unreadable: .*404/m);
  } finally {
    server.close();
  }
});
