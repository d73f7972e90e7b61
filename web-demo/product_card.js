// product_card.js — one product as a storefront card: image, category, title, brand,
// rating, price, and the reranker's relevance when there is one. A product without an
// image gets a placeholder, without a category "Uncategorised", without a price "No price"
// (never 0).
//
//   list.append(productCard(hit, { imageUrl, price: new Intl.NumberFormat(...), onMoreLikeThis }));
//
// onMoreLikeThis(hit), when given, is called by the card's "More like this" button.
//
// Built with DOM calls, never innerHTML: catalogue text is data, not markup. The card is
// an <article> labelled by its title; the image's alt text is the title too, since the
// sample images show just the product.

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function categoryLabel(category) {
  return category || 'Uncategorised';
}

export function productCard(hit, { imageUrl, price, onMoreLikeThis }) {
  const item = element('li', 'result');
  const card = element('article', 'card');
  const titleId = `product-${hit.id}`;
  card.setAttribute('aria-labelledby', titleId);

  const figure = element('div', 'card-media');
  if (imageUrl) {
    const image = element('img');
    image.src = imageUrl;
    image.alt = hit.title;
    image.loading = 'lazy';
    image.decoding = 'async';
    figure.append(image);
  } else {
    figure.append(element('span', 'card-placeholder', 'No image'));
  }
  if (hit.metadata?.in_stock === false) figure.append(element('span', 'badge badge-muted', 'Out of stock'));

  const body = element('div', 'card-body');
  body.append(element('p', 'card-category', categoryLabel(hit.category)));
  const title = element('h3', 'card-title', hit.title);
  title.id = titleId;
  body.append(title);
  if (hit.metadata?.brand) body.append(element('p', 'card-brand', hit.metadata.brand));

  const footer = element('div', 'card-footer');
  footer.append(hit.price !== null ? element('p', 'card-price', price.format(hit.price)) : element('p', 'card-price card-no-price', 'No price'));
  if (typeof hit.metadata?.rating === 'number') {
    const rating = element('p', 'card-rating', `★ ${hit.metadata.rating.toFixed(1)}`);
    rating.setAttribute('aria-label', `Rated ${hit.metadata.rating.toFixed(1)} out of 5`);
    footer.append(rating);
  }
  body.append(footer);
  if (typeof hit.relevanceScore === 'number') {
    body.append(element('p', 'card-relevance', `AI relevance ${(hit.relevanceScore * 100).toFixed(0)}%`));
  }

  if (onMoreLikeThis) {
    const more = element('button', 'button button-link card-more', 'More like this');
    more.type = 'button';
    more.setAttribute('aria-label', `More like ${hit.title}`);
    more.addEventListener('click', () => onMoreLikeThis(hit));
    body.append(more);
  }

  card.append(figure, body);
  item.append(card);
  return item;
}
