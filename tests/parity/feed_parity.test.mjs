// feed_parity.test.mjs — JS buildIndex(text, {format}) reads feeds as `vitrine build` does:
// the same index bytes natively and in WASM for CSV and JSON Lines (a BOM, quotes, a
// price as text, no price, numeric ids, fields into metadata), and the same refusals.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

import { loadVitrine } from '../wasm/support.mjs';
import { nativeCli } from './native_cli.mjs';

const work = mkdtempSync(join(tmpdir(), 'vitrine-feed-parity-'));
const cli = nativeCli(work);
after(() => rmSync(work, { recursive: true, force: true }));

let vitrine;
before(async () => {
  vitrine = await loadVitrine();
});

const feeds = {
  'shop.csv': '\uFEFFid,title,description,price,brand\r\n1,"Lamp, brass","Warm ""Arc""\r\nlight","12,50 EUR",Acme\r\n2,Mug,,,\r\n',
  'shop.jsonl': '{"id":7,"title":"Oak desk","price":"€1.234,50","tags":["wood"]}\n\n{"id":"b","title":"Rug"}\n',
};

test('native and WASM build the same bytes from CSV and JSON Lines feeds', () => {
  for (const [name, text] of Object.entries(feeds)) {
    writeFileSync(join(work, name), text);
    cli('build', '--catalogue', name, '--out', 'native.vtx', '--storage', 'int8');
    const format = name.endsWith('.csv') ? 'csv' : 'jsonl';
    const wasm = vitrine.buildIndex(text, { format, storage: 'int8' });
    assert.ok(Buffer.from(wasm).equals(readFileSync(join(work, 'native.vtx'))), `${name}: index bytes differ`);
    const index = vitrine.openIndex(wasm);
    assert.equal(index.record(1).price, null, `${name}: no price is null`);
    index.close();
  }
});

test('a record read back from a CSV feed keeps its quoted text, price and metadata', () => {
  const index = vitrine.openIndex(vitrine.buildIndex(feeds['shop.csv'], { format: 'csv' }));
  const lamp = index.record(0);
  assert.deepEqual([lamp.id, lamp.title, lamp.description, lamp.price], ['1', 'Lamp, brass', 'Warm "Arc"\r\nlight', 12.5]);
  assert.deepEqual(lamp.metadata, { brand: 'Acme', currency: 'EUR' });
  index.close();
});

test('native and WASM refuse a bad feed with the same message', () => {
  const text = 'id,title,price\na,Lamp,-3\n';
  writeFileSync(join(work, 'catalogue'), text);
  let nativeMessage;
  try {
    cli('build', '--catalogue', 'catalogue', '--format', 'csv', '--out', 'never.vtx');
  } catch (error) {
    nativeMessage = error.stderr.trim().replace(/^vitrine build: /, '');
  }
  assert.throws(() => vitrine.buildIndex(text, { format: 'csv' }), (error) => error.message === nativeMessage);
  assert.throws(() => vitrine.buildIndex(text, { format: 'tsv' }), /format must be 'json', 'jsonl' or 'csv', got 'tsv'/);
});
