// app.js — the storefront page's behaviour: loads the catalogue (catalogue.js), searches
// as the shopper types or changes a filter, searches by photo (photo.js prepares it; the
// index's image field finds look-alikes, offline), lists products like one ("More like
// this" on every card), reranks through the edge worker when the toggle is on
// (rerank_client.js), and shows the cards (product_card.js) with the time each step took.
// The sidebar shows the core's exact facet counts (categories, brands, the price range) of
// every match; a sort menu and "Load more" page through them; no match says which filters
// to relax.
//
// Local search runs on every keystroke (it takes about a millisecond); the rerank call
// waits for a pause in typing and is cancelled when a newer search starts, so only the
// latest query's ranking is ever shown. Without a reachable worker (config.json's
// workerUrl, set by `serve.mjs --worker`) the page stays fully usable offline and says
// why reranking is off.
import { openCatalogue } from './catalogue.js';
import { formatBytes, preparePhoto } from './photo.js';
import { productCard } from './product_card.js';
import { connectReranker } from './rerank_client.js';

const RERANK_PAUSE_MS = 250;
// A category as the sidebar names it.
const categoryName = (category) => (category ? category[0].toUpperCase() + category.slice(1) : 'Uncategorised');
const $ = (id) => document.getElementById(id);
const ui = {
  query: $('query'), category: $('category'), minPrice: $('min-price'), maxPrice: $('max-price'),
  priceError: $('price-error'), rerank: $('rerank'), rerankHelp: $('rerank-help'), clear: $('clear-filters'),
  photoButton: $('photo-button'), photoInput: $('photo-input'), photoPanel: $('photo-panel'),
  photoPreview: $('photo-preview'), photoSizes: $('photo-sizes'), photoNote: $('photo-note'), photoClear: $('photo-clear'),
  status: $('status'), timings: $('timings'), notice: $('notice'), list: $('result-list'), engine: $('engine-index'),
  sort: $('sort'), loadMore: $('load-more'), brandField: $('brand-field'), brandList: $('brand-list'),
};

const state = {
  catalogue: null, config: null, price: null, reranker: null, photo: null, similarTo: null, pending: null, timer: 0,
  brands: new Set(), shown: 0,
};

async function start() {
  try {
    state.config = await (await fetch('config.json')).json();
    state.catalogue = await openCatalogue(state.config.indexUrl);
  } catch (error) {
    ui.status.textContent = `The catalogue could not be loaded: ${error.message}`;
    return;
  }
  const { index, vitrine, categories } = state.catalogue;
  ui.engine.textContent = `${index.count} products · ${index.storage} · ${index.dims} dims · SIMD ${vitrine.searchKernel}`;
  for (const category of categories.filter(Boolean)) ui.category.append(new Option(categoryName(category), category));
  state.price = new Intl.NumberFormat('en', { style: 'currency', currency: state.config.currency });
  for (const control of [ui.query, ui.category, ui.minPrice, ui.maxPrice, ui.photoButton, ui.clear, ui.sort]) control.disabled = false;

  ui.query.addEventListener('input', () => {
    state.similarTo = null;
    update();
  });
  for (const control of [ui.category, ui.minPrice, ui.maxPrice, ui.rerank, ui.sort]) control.addEventListener('change', update);
  ui.loadMore.addEventListener('click', loadMore);
  ui.rerank.addEventListener('change', describePhoto);
  for (const control of [ui.minPrice, ui.maxPrice]) control.addEventListener('input', update);
  $('search-form').addEventListener('submit', (event) => {
    event.preventDefault();
    update();
  });
  ui.clear.addEventListener('click', clearFilters);
  ui.photoButton.addEventListener('click', () => ui.photoInput.click());
  ui.photoInput.addEventListener('change', choosePhoto);
  ui.photoClear.addEventListener('click', clearPhoto);

  update();
  await connectWorker(state.config.workerUrl);
  document.body.dataset.ready = 'true';
}

async function connectWorker(workerUrl) {
  if (!workerUrl) {
    ui.rerankHelp.textContent = 'Off: no edge worker is configured, so search runs offline only.';
    return;
  }
  try {
    state.reranker = await connectReranker(state.catalogue, workerUrl);
    ui.rerank.disabled = false;
    ui.rerankHelp.textContent = `Reorders the top ${state.config.rerankCount} by text and image with a hosted model, through the edge worker.`;
  } catch (error) {
    ui.rerankHelp.textContent = `Off: ${error.message}.`;
  }
  describePhoto();
}

function filters() {
  const result = {};
  if (ui.category.value) result.category = ui.category.value;
  const [min, max] = [ui.minPrice, ui.maxPrice].map((input) => (input.value === '' ? undefined : Number(input.value)));
  if (min !== undefined && min >= 0) result.minPrice = min;
  if (max !== undefined && max >= 0) result.maxPrice = max;
  return result;
}

// Field filters of the core's syntax: brand=A,B (any of the brands ticked).
function fieldFilters() {
  return state.brands.size ? [`brand=${[...state.brands].join(',')}`] : [];
}

function pageOptions(offset) {
  return { filter: fieldFilters(), sort: ui.sort.value || undefined, offset };
}

function priceProblem({ minPrice, maxPrice }) {
  if ([ui.minPrice, ui.maxPrice].some((input) => !input.validity.valid)) return 'Prices must be numbers of 0 or more.';
  if (minPrice !== undefined && maxPrice !== undefined && minPrice > maxPrice) return 'The minimum price is above the maximum.';
  return '';
}

function update() {
  state.pending?.abort();
  clearTimeout(state.timer);
  const query = ui.query.value.trim();
  const chosen = filters();
  const problem = priceProblem(chosen);
  ui.priceError.textContent = problem;
  for (const input of [ui.minPrice, ui.maxPrice]) input.setAttribute('aria-invalid', String(problem !== ''));
  if (problem) return;
  ui.notice.hidden = true;

  const { resultCount, rerankCount } = state.config;
  if (state.similarTo) {
    const { hits, ms } = state.catalogue.similar(state.similarTo.id, chosen, resultCount);
    render(hits);
    ui.loadMore.hidden = true;
    ui.timings.textContent = `Search ${ms.toFixed(2)} ms`;
    ui.status.textContent = `${hits.length} product${hits.length === 1 ? '' : 's'} like “${state.similarTo.title}”.`;
    return;
  }
  const reranking = ui.rerank.checked && state.reranker && (query || state.photo);
  const photo = state.photo?.preparedBytes ?? null;
  const page = state.catalogue.search(query, chosen, reranking ? rerankCount : resultCount, { ...pageOptions(0), photo });
  const { hits, total, browsing, ms } = page;
  render(hits);
  state.shown = hits.length;
  showFacets(page);
  ui.loadMore.hidden = reranking || state.shown >= total;
  const searchTiming = `Search ${ms.toFixed(2)} ms`;
  ui.timings.textContent = searchTiming;
  if (!reranking || hits.length === 0) {
    ui.status.textContent = describe(hits, query, browsing, total, chosen);
    return;
  }

  ui.status.textContent = `${describe(hits, query, browsing, total, chosen)} Reranking…`;
  ui.list.setAttribute('aria-busy', 'true');
  const controller = new AbortController();
  state.pending = controller;
  state.timer = setTimeout(async () => {
    try {
      const outcome = await state.reranker.rerank({ query, photo: state.photo, filters: chosen, k: rerankCount, signal: controller.signal });
      render(outcome.hits);
      const images = outcome.imagesMs >= 1 ? ` (+ images ${outcome.imagesMs.toFixed(0)} ms)` : '';
      ui.timings.textContent = `${searchTiming} · Rerank ${outcome.rerankMs.toFixed(0)} ms${images}`;
      ui.status.textContent = outcome.reranked
        ? `${describe(outcome.hits, query, browsing, total, chosen)} Reranked by AI${state.photo ? ' using your photo' : ''}.`
        : `${describe(outcome.hits, query, browsing, total, chosen)} AI rerank unavailable; showing search order.`;
      // The reason is for the curious (and the shop's developers), not announced.
      ui.notice.textContent = outcome.reranked ? '' : `Why: ${outcome.reason}`;
      ui.notice.hidden = outcome.reranked;
    } catch (error) {
      if (!controller.signal.aborted) ui.status.textContent = `Search failed: ${error.message}`;
    } finally {
      if (state.pending === controller) ui.list.removeAttribute('aria-busy');
    }
  }, RERANK_PAUSE_MS);
}

function describe(hits, query, browsing, total, chosen) {
  if (hits.length === 0) {
    const relax = activeFilters(chosen);
    const words = query ? ` “${query}”` : '';
    return relax.length
      ? `No products match${words} with ${relax.join(', ')}. Try removing a filter or other words.`
      : `No products match${words}. Try other words.`;
  }
  const count = `${total} product${total === 1 ? '' : 's'}`;
  if (state.photo && state.catalogue.byPhoto) return `${count} like your photo${query ? ` and “${query}”` : ''}.`;
  return browsing || !query ? `Showing ${count}.` : `${count} for “${query}”.`;
}

// The filters in force, as a shopper would name them, to say which to relax.
function activeFilters({ category, minPrice, maxPrice }) {
  const out = [];
  if (category) out.push(categoryName(category));
  if (minPrice !== undefined || maxPrice !== undefined) {
    out.push(`price ${minPrice !== undefined ? state.price.format(minPrice) : ''}–${maxPrice !== undefined ? state.price.format(maxPrice) : ''}`);
  }
  if (state.brands.size) out.push(`brand ${[...state.brands].join(' or ')}`);
  return out;
}

function cards(hits) {
  const options = { price: state.price, onMoreLikeThis: moreLikeThis };
  return hits.map((hit) => productCard(hit, { ...options, imageUrl: state.catalogue.imageUrl(hit) }));
}

function render(hits) {
  ui.list.replaceChildren(...cards(hits));
}

// The next page of the same query, filters and order, appended.
function loadMore() {
  const query = ui.query.value.trim();
  const { resultCount } = state.config;
  const page = state.catalogue.search(query, filters(), resultCount, pageOptions(state.shown));
  ui.list.append(...cards(page.hits));
  state.shown += page.hits.length;
  ui.loadMore.hidden = state.shown >= page.total;
}

// Category counts in the menu, brand checkboxes with counts, the price range as hints.
function showFacets({ facets, facetStats }) {
  for (const option of ui.category.options) {
    if (!option.value) continue;
    const count = facets?.category?.[option.value];
    option.textContent = `${categoryName(option.value)}${facets ? ` (${count ?? 0})` : ''}`;
  }
  const brands = facets?.brand ?? {};
  for (const brand of state.brands) if (!(brand in brands)) brands[brand] = 0;  // a ticked brand stays, to untick
  ui.brandField.hidden = Object.keys(brands).length === 0;
  ui.brandList.replaceChildren(...Object.entries(brands).map(([brand, count]) => {
    const item = document.createElement('li');
    const label = document.createElement('label');
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.checked = state.brands.has(brand);
    box.addEventListener('change', () => {
      if (box.checked) state.brands.add(brand);
      else state.brands.delete(brand);
      update();
    });
    label.append(box, ` ${brand} (${count})`);
    item.append(label);
    return item;
  }));
  const range = facetStats?.price;
  ui.minPrice.placeholder = range ? `Min ${Math.floor(range.min)}` : 'Min';
  ui.maxPrice.placeholder = range ? `Max ${Math.ceil(range.max)}` : 'Max';
}

// "More like this": the products nearest to one, from its stored vectors (no endpoint call).
function moreLikeThis(hit) {
  state.similarTo = hit;
  update();
}

function clearFilters() {
  ui.category.value = '';
  ui.minPrice.value = '';
  ui.maxPrice.value = '';
  state.brands.clear();
  update();
  ui.query.focus();
}

async function choosePhoto() {
  const [file] = ui.photoInput.files;
  ui.photoInput.value = ''; // choosing the same file again must fire change again
  if (!file) return;
  const started = performance.now();
  try {
    const photo = await preparePhoto(state.catalogue.vitrine, file);
    state.photo?.release();
    state.photo = { ...photo, ms: performance.now() - started, name: file.name };
    state.similarTo = null;
  } catch (error) {
    ui.status.textContent = `That photo cannot be used: ${error.message}`;
    return;
  }
  const { original, prepared } = state.photo;
  ui.photoPreview.src = state.photo.previewUrl;
  ui.photoSizes.textContent = `Original ${original.width} × ${original.height} px, ${formatBytes(original.bytes)} → ` +
    `prepared ${prepared.width} × ${prepared.height} px JPEG, ${formatBytes(prepared.bytes)} ` +
    `(in ${state.photo.ms.toFixed(0)} ms, in your browser)`;
  ui.photoPanel.hidden = false;
  describePhoto();
  update();
}

function describePhoto() {
  if (!state.photo) return;
  const offline = state.catalogue.byPhoto
    ? 'Found by your photo, in your browser: look-alikes by colour and layout, not by meaning.'
    : 'This index has no image field; results below come from your words and filters.';
  ui.photoNote.textContent = !state.reranker
    ? offline
    : ui.rerank.checked
      ? 'The AI reranker compares your photo with the products found for it and your words.'
      : `${offline} Turn on “Rerank with AI” to rank them by meaning.`;
}

function clearPhoto() {
  state.similarTo = null;
  state.photo?.release();
  state.photo = null;
  ui.photoPanel.hidden = true;
  ui.photoPreview.removeAttribute('src');
  update();
  ui.photoButton.focus();
}

start();
