// search_request.js — the query string of GET /search, checked.
//
//   /search?q=green+sofa&k=5&category=furniture&min_price=100&max_price=900&rerank=1
//   /search?q=lamp&facet=category&facet=brand&filter=brand=Acme,Zeta&filter=rating>=4&sort=-price&offset=24
//   /search?q=lamp&keyword_weight=0            (keywords' share of a page's ranking, 0..1: the core's default)
//   parseSearchRequest(url.searchParams, settings)
//     -> { q, k, rerank, filters: { category?, minPrice?, maxPrice? },
//          page: { facets?, filter?, sort?, offset?, keywordWeight? } }
//
// facet and filter may repeat; their values (field names, filter syntax, sort fields) are
// the core's to judge, and what it refuses is a 400 too (search_route.js). They, sort and
// offset (and keyword_weight) shape a storefront page, which rerank=1 does not make:
// together they are refused.
// q is required (1..512 characters once trimmed); k is an integer in 1..MAX_K (default
// 10); prices are finite numbers >= 0 with min <= max; rerank is 0 or 1. Refuses unknown
// and repeated parameters, so a misspelt filter (min-price) is an error and not a silently
// unfiltered search. Every refusal is a 400 that names the parameter.
import { HttpError } from './http_error.js';

const KNOWN = new Set(['q', 'k', 'category', 'min_price', 'max_price', 'rerank', 'facet', 'filter', 'sort', 'offset',
  'keyword_weight']);
const REPEATABLE = new Set(['facet', 'filter']);
const MAX_REPEATS = 16;
const MAX_PAGE_VALUE_CHARS = 256;
const MAX_OFFSET = 10000;
const MAX_QUERY_CHARS = 512;
const MAX_CATEGORY_CHARS = 128;

const invalid = (message) => new HttpError(400, 'invalid_parameter', message);

export function parseSearchRequest(params, settings) {
  refuseUnknown(params, KNOWN);
  return parseQuery(params, settings);
}

// Unknown and repeated parameters, refused by name.
export function refuseUnknown(params, known) {
  for (const name of new Set(params.keys())) {
    if (!known.has(name)) throw invalid(`unknown parameter '${name}' (known: ${[...known].join(', ')})`);
    const count = params.getAll(name).length;
    if (count > 1 && !REPEATABLE.has(name)) throw invalid(`parameter '${name}' is given more than once`);
    if (count > MAX_REPEATS) throw invalid(`parameter '${name}' is given more than ${MAX_REPEATS} times`);
  }
}

function parseQuery(params, settings) {
  const q = (params.get('q') ?? '').trim();
  if (q === '') throw invalid("parameter 'q' is required and must not be blank");
  if (q.length > MAX_QUERY_CHARS) throw invalid(`parameter 'q' is longer than ${MAX_QUERY_CHARS} characters`);
  const { k, filters } = parseDepthAndFilters(params, settings);

  const rerank = params.get('rerank') ?? '0';
  if (rerank !== '0' && rerank !== '1') throw invalid("parameter 'rerank' must be 0 or 1");

  const page = parsePage(params);
  if (rerank === '1' && Object.keys(page).length > 0) {
    throw invalid("parameters 'facet', 'filter', 'sort', 'offset' and 'keyword_weight' shape a storefront page: leave them out with rerank=1");
  }

  return { q, k, rerank: rerank === '1', filters, page };
}

// facet, filter, sort and offset: a storefront page's shape.
function parsePage(params) {
  const page = {};
  for (const [name, key] of [['facet', 'facets'], ['filter', 'filter']]) {
    const values = params.getAll(name);
    if (values.length === 0) continue;
    if (values.some((v) => v === '' || v.length > MAX_PAGE_VALUE_CHARS)) {
      throw invalid(`parameter '${name}' must be 1..${MAX_PAGE_VALUE_CHARS} characters`);
    }
    page[key] = values;
  }
  if (params.has('sort')) {
    const sort = params.get('sort');
    if (sort === '' || sort.length > MAX_PAGE_VALUE_CHARS) throw invalid(`parameter 'sort' must be 1..${MAX_PAGE_VALUE_CHARS} characters`);
    page.sort = sort;
  }
  if (params.has('offset')) {
    const text = params.get('offset');
    if (!/^\d{1,5}$/.test(text) || Number(text) > MAX_OFFSET) throw invalid(`parameter 'offset' must be an integer in 0..${MAX_OFFSET}`);
    page.offset = Number(text);
  }
  if (params.has('keyword_weight')) {
    const text = params.get('keyword_weight');
    // The range is the core's to judge (a 400 too): here, only that it is a number.
    if (!/^\d+(\.\d{1,6})?$/.test(text)) throw invalid("parameter 'keyword_weight' must be a number in 0..1");
    page.keywordWeight = Number(text);
  }
  return page;
}

// k and the filters, as GET /search takes them; POST /search and GET /similar share them.
export function parseDepthAndFilters(params, settings) {
  const kText = params.get('k') ?? '10';
  const k = Number(kText);
  if (!/^\d{1,6}$/.test(kText) || k < 1 || k > settings.maxK) {
    throw invalid(`parameter 'k' must be an integer in 1..${settings.maxK}`);
  }

  const filters = {};
  if (params.has('category')) {
    const category = params.get('category');
    if (category === '' || category.length > MAX_CATEGORY_CHARS) {
      throw invalid(`parameter 'category' must be 1..${MAX_CATEGORY_CHARS} characters`);
    }
    filters.category = category;
  }
  for (const [name, key] of [['min_price', 'minPrice'], ['max_price', 'maxPrice']]) {
    if (!params.has(name)) continue;
    const text = params.get(name);
    const value = Number(text);
    if (text.trim() === '' || !Number.isFinite(value) || value < 0) {
      throw invalid(`parameter '${name}' must be a number >= 0`);
    }
    filters[key] = value;
  }
  if (filters.minPrice !== undefined && filters.maxPrice !== undefined && filters.minPrice > filters.maxPrice) {
    throw invalid("parameter 'min_price' is greater than 'max_price'");
  }
  return { k, filters };
}
