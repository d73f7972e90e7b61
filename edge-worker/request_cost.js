// request_cost.js — what one request costs, in units of work done for it, and the cap.
//
//   requireAffordable(searchCost({ k, rerank }, settings), settings);   // 400 cost_exceeded past MAX_REQUEST_COST
//
// A unit is one text the hosted endpoint embeds or scores (the query, an input, a
// document, a reranked candidate); an image costs IMAGE_COST units more (fetched,
// decoded and encoded by the worker, or forwarded for the reranker to read). A local
// search without rerank costs 1. The same cost is what the rate limit charges
// (rate_limit.js), so one client address cannot spend more than RATE_LIMIT_PER_MINUTE
// units a minute whatever mix of routes it calls. With the defaults (MAX_REQUEST_COST
// 128): /search?rerank=1 with k <= 20 and product images costs 1 + 20 + 4 x 20 = 101;
// k = 50 costs 251 and is refused, k = 50 by text alone costs 51.
import { HttpError } from './http_error.js';

export const IMAGE_COST = 4;

// rerank: the candidates are max(k, RETRIEVE_K), each with its image when images can be fetched.
export function searchCost({ k, rerank }, settings) {
  if (!rerank) return 1;
  const candidates = Math.max(k, settings.retrieveK);
  const images = settings.imagePrefixes.length > 0 ? candidates : 0;
  return 1 + candidates + IMAGE_COST * images;
}

export function embedCost(payload) {
  return payload.input.length;
}

export function rerankCost(payload) {
  const parts = [payload.query, ...payload.documents];
  const images = parts.reduce((sum, part) => sum + (part.content?.filter((p) => p.type === 'image_url').length ?? 0), 0);
  return parts.length + IMAGE_COST * images;
}

export function requireAffordable(cost, settings) {
  if (cost > settings.maxRequestCost) {
    throw new HttpError(400, 'cost_exceeded', `this request costs ${cost} units, over the limit of ${settings.maxRequestCost} ` +
      `(1 a text embedded or scored, ${IMAGE_COST} more an image): ask for fewer results or candidates`);
  }
  return cost;
}
