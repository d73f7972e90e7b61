// storefront.test.mjs — the storefront demo (web-demo/) in headless Chromium: searching as
// you type, filters, search by photo, rerank through the edge worker (workerd on loopback,
// with the OpenAI-compatible test server as its endpoint), keyboard use and labels, and
// offline use. Screenshots go to build/test-artifacts/.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';

import { encodePng } from '../../scripts/lib/png.mjs';
import { startDemoServer } from '../../web-demo/serve.mjs';
import { API_KEY, startEdge } from '../worker/edge_fixture.mjs';
import { freePort } from '../worker/workerd.mjs';
import { launchChromium } from './chromium.mjs';

const artifacts = new URL('../../build/test-artifacts/', import.meta.url);
mkdirSync(artifacts, { recursive: true });

let edge;
let demo;
let browser;
let page;
const problems = []; // console errors and page errors: { text, url }
const responses = []; // every response the page received, for the key check

before(async () => {
  const port = await freePort();
  edge = await startEdge({ allowedOrigins: [`http://127.0.0.1:${port}`] });
  demo = await startDemoServer({ port, workerUrl: edge.url.bundled });
  browser = await launchChromium();
  page = await browser.newPage();
  page.on('console', (message) => message.type() === 'error' && problems.push({ text: message.text(), url: message.location().url }));
  page.on('pageerror', (error) => problems.push({ text: error.message, url: page.url() }));
  page.on('response', async (response) => {
    const body = await response.body().catch(() => Buffer.alloc(0));
    responses.push({ url: response.url(), headers: JSON.stringify(await response.allHeaders()), body: body.toString('latin1') });
  });
  await page.goto(demo.url);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
});
after(async () => {
  await browser?.close();
  await demo?.close();
  await edge?.stop();
});

const status = () => page.locator('#status');
const cardTitles = () => page.locator('.card-title').allTextContents();

async function waitForStatus(pattern) {
  await page.waitForFunction((source) => new RegExp(source).test(document.getElementById('status').textContent),
    pattern.source, { timeout: 10_000 });
}

async function resetControls() {
  await page.locator('#rerank').setChecked(false);
  if (await page.locator('#photo-panel').isVisible()) await page.locator('#photo-clear').click();
  await page.locator('#clear-filters').click();
  await page.locator('#query').fill('');
}

describe('the storefront page', () => {
  test('loads the sample catalogue and shows a first screen of products', async () => {
    await waitForStatus(/^Showing 600 products\.$/);
    assert.equal(await page.locator('.card').count(), 24);
    assert.ok(await page.locator('#load-more').isVisible());
    assert.match(await page.locator('#engine-index').textContent(), /600 products · int8 · 256 dims/);
    assert.equal(await page.locator('#category option').count(), 10);
  });

  test('shows the expected product first while the query is typed', async () => {
    await page.locator('#query').pressSequentially('green velvet sofa', { delay: 20 });
    await waitForStatus(/for “green velvet sofa”/);
    const [first] = await cardTitles();
    assert.equal(first, 'Mira Velvet Sofa, Emerald Green');
    const card = page.locator('.card').first();
    assert.match(await card.locator('.card-price').textContent(), /^€1,823\.00$/);
    assert.equal(await card.locator('.card-category').textContent(), 'furniture');
    assert.ok(await card.locator('img').evaluate((img) => img.complete && img.naturalWidth > 0), 'the product image loaded');
    assert.match(await page.locator('#timings').textContent(), /^Search \d+\.\d\d ms$/);
    await page.screenshot({ path: new URL('storefront-search.png', artifacts).pathname });
    await resetControls();
  });

  test('applies the category filter and the price range', async () => {
    await page.locator('#query').fill('brass');
    await page.getByLabel('Category').selectOption('lighting');
    await waitForStatus(/for “brass”/);
    const categories = await page.locator('.card-category').allTextContents();
    assert.ok(categories.length > 0 && categories.every((category) => category === 'lighting'), categories.join());

    await page.getByLabel('Maximum price').fill('100');
    await page.waitForFunction(() => [...document.querySelectorAll('.card-price')]
      .every((price) => Number(price.textContent.replace(/[^\d.]/g, '')) <= 100));
    const prices = (await page.locator('.card-price').allTextContents()).map((text) => Number(text.replace(/[^\d.]/g, '')));
    assert.ok(prices.length > 0 && prices.every((price) => price <= 100), prices.join());
    await resetControls();
  });

  test('counts brands exactly, sorts by price, loads more and says which filters to relax', async () => {
    await page.locator('#query').fill('lamp');
    await waitForStatus(/^\d+ products for “lamp”\.$/);
    const total = Number((await status().textContent()).match(/^\d+/)[0]);
    const brands = await page.locator('#brand-list label').allTextContents();
    const counted = brands.reduce((sum, text) => sum + Number(text.match(/\((\d+)\)$/)[1]), 0);
    assert.equal(counted, total, 'every match has one brand: the counts add up to the total');
    await page.getByLabel('Sort').selectOption('price');
    await page.waitForFunction(() => {
      const prices = [...document.querySelectorAll('.card-price')].map((p) => Number(p.textContent.replace(/[^\d.]/g, '')));
      return prices.length > 1 && prices.every((price, i) => i === 0 || prices[i - 1] <= price);
    });
    if (total > 24) {
      await page.locator('#load-more').click();
      await page.waitForFunction(() => document.querySelectorAll('.card').length > 24);
    }
    await page.locator('#query').fill('zzzz');
    await page.getByLabel('Category').selectOption('lighting');
    await waitForStatus(/^No products match “zzzz” with Lighting\. Try removing a filter or other words\.$/);
    assert.equal(await page.locator('.card').count(), 0);
    await page.getByLabel('Sort').selectOption('');
    await resetControls();
  });

  test('explains a price range upside down instead of searching it', async () => {
    await page.getByLabel('Minimum price').fill('500');
    await page.getByLabel('Maximum price').fill('100');
    assert.equal(await page.locator('#price-error').textContent(), 'The minimum price is above the maximum.');
    assert.equal(await page.getByLabel('Minimum price').getAttribute('aria-invalid'), 'true');
    await resetControls();
    assert.equal(await page.locator('#price-error').textContent(), '');
  });

  test('prepares an uploaded photo in WASM and shows its original and prepared sizes', async () => {
    const [width, height] = [1600, 1200];
    const pixels = Buffer.alloc(width * height * 3);
    for (let i = 0; i < width * height; i++) pixels.set([30 + (i % width) / 16, 110, 74], i * 3);
    await page.locator('#photo-input').setInputFiles({ name: 'sofa.png', mimeType: 'image/png', buffer: encodePng(width, height, pixels, 3) });
    await page.locator('#photo-panel').waitFor({ state: 'visible' });
    const sizes = await page.locator('#photo-sizes').textContent();
    assert.match(sizes, /^Original 1600 × 1200 px, [\d.]+ KB → prepared 1024 × 768 px JPEG, [\d.]+ KB/);
    assert.ok(await page.locator('#photo-preview').evaluate((img) => img.complete && img.naturalWidth === 1024));
    assert.match(await page.locator('#photo-note').textContent(), /Turn on “Rerank with AI”/);
  });

  test('reranks through the worker when the toggle is on, with the photo and product images, and shows the timings', async () => {
    edge.server.reset();
    await page.locator('#query').fill('green velvet sofa');
    await page.getByRole('switch', { name: 'Rerank with AI' }).check();
    await waitForStatus(/Reranked by AI using your photo\./);
    assert.match(await page.locator('#timings').textContent(), /^Search \d+\.\d\d ms · Rerank \d+ ms \(\+ images \d+ ms\)$/);
    assert.equal(await page.locator('.card-relevance').count(), 20);
    const reranks = edge.server.requests.filter((request) => request.endpoint === 'rerank');
    // 20 products and the photo: 5 requests of 4 product images and the query's photo.
    assert.deepEqual(reranks.slice(-5).map((request) => request.images), [5, 5, 5, 5, 5]);
    assert.ok(reranks.every((request) => request.authorized), 'the worker added its key');
    assert.deepEqual(edge.server.violations, []);
    await page.screenshot({ path: new URL('storefront-rerank-photo.png', artifacts).pathname, fullPage: true });
    await resetControls();
  });

  test('keeps the search order and says why when the reranker fails', async () => {
    edge.server.reset();
    edge.server.fault({ endpoint: 'rerank', kind: 'status', status: 500 });
    await page.locator('#query').fill('wool rug');
    await page.getByRole('switch', { name: 'Rerank with AI' }).check();
    await waitForStatus(/AI rerank unavailable; showing search order\./);
    assert.match(await page.locator('#notice').textContent(), /^Why: .*HTTP 502/);
    assert.equal(await page.locator('.card-relevance').count(), 0);
    assert.equal((await cardTitles()).length, 20);
    edge.server.reset();
    await resetControls();
  });

  test('is usable by keyboard alone, in a sensible order', async () => {
    await page.locator('#query').focus();
    const order = [];
    while (order.at(-1) !== 'clear-filters' && order.length < 40) {
      await page.keyboard.press('Tab');
      // The brand checkboxes (the core's brand counts, browsing too) have no ids: one entry for them.
      const id = await page.evaluate(() => document.activeElement.id || (document.activeElement.closest('#brand-list') ? 'brand' : ''));
      if (!(id === 'brand' && order.at(-1) === 'brand')) order.push(id);
    }
    assert.deepEqual(order, ['photo-button', 'category', 'brand', 'min-price', 'max-price', 'rerank', 'clear-filters']);
    await page.locator('#rerank').focus();
    await page.keyboard.press('Space');
    assert.equal(await page.locator('#rerank').isChecked(), true);
    await page.keyboard.press('Space');
    await page.locator('#category').focus();
    await page.keyboard.press('ArrowDown');
    assert.equal(await page.locator('#category').inputValue(), 'apparel');
    await resetControls();
  });

  test('finds a product by its own photo offline, and lists products like one with "More like this"', async () => {
    await resetControls();
    const photo = readFileSync(new URL('../../sample/images/kit-0010.png', import.meta.url));
    await page.locator('#photo-input').setInputFiles({ name: 'kettle.png', mimeType: 'image/png', buffer: photo });
    await waitForStatus(/like your photo\.$/);
    assert.equal((await cardTitles())[0], 'Arlo Stainless Steel Kettle, Chrome');
    assert.match(await page.locator('#photo-note').textContent(), /look-alikes by colour and layout/);
    await page.locator('#photo-clear').click();
    await waitForStatus(/^Showing 600 products\.$/);
    const [first] = await cardTitles();
    await page.getByRole('button', { name: `More like ${first}` }).click();
    await waitForStatus(/ products like “/);
    assert.equal(await status().textContent(), `24 products like “${first}”.`);
    assert.ok(!(await cardTitles()).includes(first), 'the product itself left out');
    await resetControls();
  });

  test('names every control and region for screen readers', async () => {
    for (const label of ['Search products', 'Category', 'Minimum price', 'Maximum price']) {
      assert.equal(await page.getByLabel(label, { exact: true }).count(), 1, label);
    }
    assert.equal(await page.getByRole('button', { name: 'Search by photo' }).count(), 1);
    assert.equal(await page.getByRole('switch', { name: 'Rerank with AI' }).count(), 1);
    assert.equal(await page.getByRole('search').count(), 1);
    assert.equal(await page.getByRole('status').count(), 1);
    assert.equal(await page.getByRole('list', { name: 'Products' }).count(), 1);
    const unnamedImages = await page.locator('img').evaluateAll((images) => images.filter((img) => !img.alt).length);
    assert.equal(unnamedImages, 0);
  });

  test('never receives the API key, and logs no errors but the injected rerank failure', () => {
    assert.ok(responses.length > 20);
    for (const { url, headers, body } of responses) {
      assert.ok(!headers.includes(API_KEY) && !body.includes(API_KEY), `the key reached the page in ${url}`);
    }
    const injected = ({ text, url }) => url === `${edge.url.bundled}/rerank` && /status of 502/.test(text);
    assert.deepEqual(problems.filter((problem) => !injected(problem)), []);
  });
});

describe('the storefront offline', () => {
  let offline;
  let offlineBrowser;
  before(async () => {
    offline = await startDemoServer({ port: 0 });
    offlineBrowser = await launchChromium();
  });
  after(async () => {
    await offlineBrowser?.close();
    await offline?.close();
  });

  test('searches the sample catalogue with no request beyond the page’s own server', async () => {
    const offPage = await offlineBrowser.newPage();
    const elsewhere = [];
    const origin = new URL(offline.url).origin;
    await offPage.route('**/*', (route) => {
      if (new URL(route.request().url()).origin === origin) return route.continue();
      elsewhere.push(route.request().url());
      return route.abort();
    });
    await offPage.goto(offline.url);
    await offPage.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
    await offPage.locator('#query').fill('cast iron pan');
    await offPage.waitForFunction(() => /for “cast iron pan”/.test(document.getElementById('status').textContent));
    assert.match(await offPage.locator('.card-title').first().textContent(), /Cast Iron/i);
    assert.equal(await offPage.locator('#rerank').isDisabled(), true);
    assert.match(await offPage.locator('#rerank-help').textContent(), /no edge worker is configured/);
    assert.deepEqual(elsewhere, []);
    await offPage.screenshot({ path: new URL('storefront-offline.png', artifacts).pathname });
  });
});
