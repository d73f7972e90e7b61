// random_catalogue.mjs — seeded random catalogues, vectors and queries for parity runs.
//
//   const { catalogue, vectors } = randomCatalogue({ count: 1000, dims: 100, seed: 1 });
//
// Vectors are float32 values written to JSON in their exact shortest form, so the
// CLI (parsing JSON) and the WASM package (given the Float32Array) see the same
// floats. Every 50th product repeats an earlier product's vector, so equal scores
// occur and their tie order (lower position first) is compared too. Prices and
// categories are spread so that filters keep a part of the catalogue.
import { randomFloats, randomVector } from '../wasm/support.mjs';

const categories = ['lighting', 'furniture', 'kitchen', 'garden'];
const words = ['brass', 'oak', 'linen', 'copper', 'velvet', 'stoneware', 'lamp', 'table', 'chair', 'mug', 'rug', 'vase'];

export function randomCatalogue({ count, dims, seed }) {
  const next = randomFloats(seed);
  const pick = (list) => list[Math.floor(((next() + 1) / 2) * list.length) % list.length];
  const catalogue = [];
  const vectors = new Float32Array(count * dims);
  for (let i = 0; i < count; i++) {
    catalogue.push({
      id: `p${seed}-${i}`,
      title: `${pick(words)} ${pick(words)} ${i}`,
      description: `${pick(words)} ${pick(words)}`,
      category: pick(categories),
      price: Math.round((next() + 1) * 500 * 100) / 100,
      metadata: { batch: seed, serial: i },
    });
    const row = i % 50 === 49 ? vectors.slice((i - 7) * dims, (i - 6) * dims) : randomVector(next, dims);
    vectors.set(row, i * dims);
  }
  return { catalogue, vectors };
}

export function vectorsJsonl(catalogue, vectors, dims) {
  return catalogue.map((p, i) => JSON.stringify({ id: p.id, embedding: [...vectors.subarray(i * dims, (i + 1) * dims)] }))
    .join('\n');
}

// Random queries, and some that equal a stored vector (a certain best hit).
export function randomQueries({ count, dims, seed, stored }) {
  const next = randomFloats(seed);
  const rows = stored.length / dims;
  return Array.from({ length: count }, (_, q) => {
    if (q % 10 === 0) {
      const row = (q * 37) % rows;
      return stored.slice(row * dims, (row + 1) * dims);
    }
    return randomVector(next, dims);
  });
}
