// The CLI's table output prints strings from the index, which anyone may have written:
// control characters in them must reach the terminal as visible escapes, never as commands.
// Run: VITRINE_CLI=build/bin/vitrine node --test tests/cli
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const cli = resolve(root, process.env.VITRINE_CLI ?? 'build/bin/vitrine');

test('search escapes control characters of titles, ids and categories in the table', () => {
  const work = mkdtempSync(join(tmpdir(), 'vitrine-terminal-'));
  writeFileSync(join(work, 'catalogue.json'), JSON.stringify([{
    id: 'lamp\u0007', title: 'Brass lamp \u001b]0;owned\u0007\u001b[2J\u009b31m done', category: 'light\r\ning', price: 5,
  }]));
  const build = spawnSync(cli, ['build', '--catalogue', 'catalogue.json', '--out', 'x.vtx'], { cwd: work, encoding: 'utf8' });
  assert.equal(build.status, 0, build.stderr);
  const run = spawnSync(cli, ['search', 'x.vtx', 'brass lamp'], { cwd: work, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  assert.doesNotMatch(run.stdout, /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/, 'no control character but the line ends');
  assert.match(run.stdout, /lamp\\x07/);
  assert.match(run.stdout, /Brass lamp \\x1b\]0;owned\\x07\\x1b\[2J\\xc2\\x9b31m done/);
  assert.match(run.stdout, /light\\x0d\\x0aing/);
  assert.equal(run.stdout.trimEnd().split('\n').length, 3, 'a header, one row and the total');
});
