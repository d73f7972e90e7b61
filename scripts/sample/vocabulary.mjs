// sample/vocabulary.mjs — the catalogue's vocabulary, as data: colours, materials, collections,
// size phrases and, per category, the product types with their shapes, features, uses and prices.
// Part of the sample generator (scripts/make-sample-catalogue.mjs): deterministic, no dependencies.

// Vocabulary: colours, materials, brands

export const COLOURS = {
  'Sage Green': '#9caf88', 'Emerald Green': '#1f6f4a', 'Olive Green': '#6b7a3a',
  'Forest Green': '#2e4a35', 'Navy Blue': '#1f2e4d', 'Dusty Blue': '#7c98b3',
  'Sky Blue': '#9cc3e0', 'Teal': '#2a7a7b', 'Terracotta': '#c0643f', 'Rust': '#a4472a',
  'Mustard Yellow': '#d1a53a', 'Ochre': '#c58b2d', 'Blush Pink': '#e3b5ae',
  'Coral': '#e47f68', 'Burgundy': '#6e1f2e', 'Lavender': '#b6a6cf',
  'Charcoal Grey': '#3d3f42', 'Light Grey': '#b9bcbe', 'Ivory': '#eee8d8',
  'Cream': '#f1e6cc', 'Oatmeal': '#d8cbb3', 'Sand Beige': '#cdb48f',
  'Chocolate Brown': '#5a3a29', 'Black': '#1e1e1e', 'White': '#f4f4f2',
  'Indigo': '#2c3e66', 'Light Wash Blue': '#8aa6c8', 'Speckled White': '#e9e4da',
  'Cherry Red': '#b2262c', 'Flame Orange': '#e0622a',
  'Light Oak': '#c9a574', 'Smoked Oak': '#7a5b3e', 'Walnut': '#5c3b26',
  'Natural Ash': '#d9c3a0', 'Natural Beech': '#d8b98a', 'Teak': '#9a6a3a', 'Acacia': '#a36f3d',
  'Natural': '#c9a66b', 'Brass': '#b8923a', 'Antique Brass': '#8e7236', 'Copper': '#b46a3c',
  'Chrome': '#c8ccd0', 'Brushed Steel': '#a3a8ad', 'Matte Black': '#262626',
  'Gunmetal Grey': '#55595e', 'Tan': '#b07a47', 'Cognac': '#8f4e23', 'Dark Brown': '#4a2f20',
  'Oxblood': '#5e1b1e', 'Clear': '#d7e6ea', 'Smoked Grey': '#6c6f72', 'Amber': '#c27a25',
  'Concrete Grey': '#9a9a96', 'White Marble': '#e8e6e1', 'Green Marble': '#3e5e4e',
  'Black Marble': '#2a2a2a',
};

export const FABRIC = ['Sage Green', 'Emerald Green', 'Olive Green', 'Forest Green', 'Navy Blue',
  'Dusty Blue', 'Teal', 'Terracotta', 'Rust', 'Mustard Yellow', 'Blush Pink', 'Burgundy',
  'Charcoal Grey', 'Light Grey', 'Ivory', 'Oatmeal', 'Sand Beige', 'Chocolate Brown',
  'Lavender', 'Coral', 'Ochre', 'Black', 'White', 'Sky Blue'];
const NATURAL_FABRIC = ['Sage Green', 'Oatmeal', 'White', 'Ivory', 'Sand Beige', 'Dusty Blue',
  'Terracotta', 'Charcoal Grey', 'Olive Green', 'Rust', 'Blush Pink', 'Navy Blue'];
export const EARTH = ['Terracotta', 'Sage Green', 'Oatmeal', 'Ivory', 'Charcoal Grey', 'Ochre',
  'Dusty Blue', 'Speckled White', 'Black', 'Forest Green', 'Rust', 'Sand Beige'];
const LEATHER = ['Tan', 'Cognac', 'Black', 'Dark Brown', 'Oxblood', 'Olive Green'];
const ENAMEL = ['Cherry Red', 'Flame Orange', 'Teal', 'Sage Green', 'Cream', 'Navy Blue', 'Black'];
const PAINTED = ['Matte Black', 'White', 'Sage Green', 'Terracotta', 'Mustard Yellow',
  'Navy Blue', 'Charcoal Grey'];

// kind drives drawing (which parts take the colour); mult scales the price.
export const MATERIALS = {
  'velvet': { kind: 'fabric', pal: FABRIC, mult: 1.15, note: 'The velvet has a soft, short pile that catches the light.' },
  'boucle': { kind: 'fabric', pal: ['Ivory', 'Oatmeal', 'Cream', 'Sand Beige', 'Light Grey', 'Sage Green', 'Terracotta'], mult: 1.2, note: 'Boucle yarn gives it a soft, nubbly texture.' },
  'linen': { kind: 'fabric', pal: NATURAL_FABRIC, mult: 1.1, note: 'The stonewashed linen softens with every wash.' },
  'cotton': { kind: 'fabric', pal: FABRIC, mult: 1, note: 'Made from breathable, long-staple cotton.' },
  'organic cotton': { kind: 'fabric', pal: NATURAL_FABRIC, mult: 1.1, note: 'Woven from GOTS-certified organic cotton.' },
  'Turkish cotton': { kind: 'fabric', pal: ['White', 'Ivory', 'Sage Green', 'Dusty Blue', 'Charcoal Grey', 'Blush Pink', 'Sand Beige'], mult: 1.2, note: 'Long Turkish cotton fibres make it soft and very absorbent.' },
  'waffle cotton': { kind: 'fabric', pal: NATURAL_FABRIC, mult: 1, note: 'The waffle weave is light, absorbent and quick to dry.' },
  'cotton percale': { kind: 'fabric', pal: ['White', 'Ivory', 'Light Grey', 'Sage Green', 'Dusty Blue', 'Blush Pink'], mult: 1.1, note: 'Percale has a crisp, cool, matte feel.' },
  'wool': { kind: 'fabric', pal: FABRIC, mult: 1.2, note: 'The wool is naturally warm, breathable and hard-wearing.' },
  'merino wool': { kind: 'fabric', pal: FABRIC, mult: 1.3, note: 'Fine merino wool that keeps you warm without bulk.' },
  'cashmere': { kind: 'fabric', pal: ['Oatmeal', 'Light Grey', 'Charcoal Grey', 'Navy Blue', 'Sand Beige', 'Burgundy', 'Ivory'], mult: 2, note: 'Pure cashmere, brushed for extra softness.' },
  'denim': { kind: 'fabric', pal: ['Indigo', 'Light Wash Blue', 'Black'], mult: 1, note: 'Cut from rigid denim that fades beautifully.' },
  'corduroy': { kind: 'fabric', pal: ['Rust', 'Olive Green', 'Ochre', 'Chocolate Brown', 'Navy Blue', 'Oatmeal'], mult: 1.05, note: 'Soft needlecord with a fine wale.' },
  'silk': { kind: 'fabric', pal: FABRIC, mult: 1.8, note: 'Washed silk with a gentle sheen and fluid drape.' },
  'canvas': { kind: 'fabric', pal: ['Ivory', 'Sand Beige', 'Olive Green', 'Navy Blue', 'Black', 'White', 'Terracotta'], mult: 0.9, note: 'Sturdy cotton canvas that wears in nicely.' },
  'recycled polyester': { kind: 'fabric', pal: FABRIC, mult: 0.85, note: 'Made from recycled bottles and it shrugs off rain.' },
  'knit': { kind: 'fabric', pal: FABRIC, mult: 1, note: 'A breathable knit upper made from recycled yarn.' },
  'shearling': { kind: 'fabric', pal: ['Tan', 'Cream', 'Light Grey', 'Chocolate Brown'], mult: 1.3, note: 'Real sheepskin that stays warm and dry.' },
  'felt': { kind: 'fabric', pal: ['Light Grey', 'Charcoal Grey', 'Oatmeal', 'Sage Green', 'Navy Blue'], mult: 0.9, note: 'Boiled wool felt, dense and cosy.' },
  'leather': { kind: 'leather', pal: LEATHER, mult: 1.45, note: 'Full-grain leather that develops a rich patina with use.' },
  'suede': { kind: 'leather', pal: ['Tan', 'Sand Beige', 'Chocolate Brown', 'Sage Green', 'Navy Blue', 'Black'], mult: 1.35, note: 'Soft suede, treated against water and stains.' },
  'solid oak': { kind: 'wood', pal: ['Light Oak', 'Smoked Oak'], mult: 1.2, note: 'Solid oak, finished with a hard-wax oil.' },
  'walnut': { kind: 'wood', pal: ['Walnut'], mult: 1.4, note: 'American black walnut with a rich, dark grain.' },
  'ash': { kind: 'wood', pal: ['Natural Ash', 'Black'], mult: 1.1, note: 'Solid ash with a pale, open grain.' },
  'beech': { kind: 'wood', pal: ['Natural Beech', 'Black', 'White'], mult: 0.9, note: 'Steam-bent beech, light but strong.' },
  'teak': { kind: 'wood', pal: ['Teak'], mult: 1.3, note: 'Sustainably grown teak that weathers to a silver grey.' },
  'acacia': { kind: 'wood', pal: ['Acacia'], mult: 0.95, note: 'Oiled acacia, dense and naturally weather-resistant.' },
  'rattan': { kind: 'natural', pal: ['Natural', 'Black'], mult: 1, note: 'Hand-woven rattan over a steel frame.' },
  'jute': { kind: 'natural', pal: ['Natural'], mult: 0.8, note: 'Hand-woven jute with a natural, rustic texture.' },
  'rice paper': { kind: 'paper', pal: ['White', 'Ivory'], mult: 0.6, note: 'The rice paper shade diffuses light softly.' },
  'brass': { kind: 'metal', pal: ['Brass', 'Antique Brass'], mult: 1.35, note: 'Solid brass that ages to a warm patina.' },
  'copper': { kind: 'metal', pal: ['Copper'], mult: 1.4, note: 'Polished copper that heats quickly and evenly.' },
  'steel': { kind: 'metal', pal: PAINTED, mult: 0.9, note: 'Powder-coated steel, durable and easy to wipe clean.' },
  'stainless steel': { kind: 'metal', pal: ['Brushed Steel', 'Chrome', 'Matte Black'], mult: 1, note: 'Stainless steel that will not rust or stain.' },
  'aluminium': { kind: 'metal', pal: ['Brushed Steel', 'Matte Black', 'White', 'Sage Green', 'Charcoal Grey'], mult: 0.85, note: 'Lightweight, rust-proof aluminium.' },
  'carbon steel': { kind: 'metal', pal: ['Black', 'Gunmetal Grey'], mult: 0.9, note: 'Carbon steel that builds a natural non-stick seasoning.' },
  'Damascus steel': { kind: 'metal', pal: ['Gunmetal Grey', 'Brushed Steel'], mult: 1.8, note: 'Sixty-seven layers of Damascus steel for a keen, lasting edge.' },
  'cast iron': { kind: 'metal', pal: ['Black', 'Matte Black'], mult: 1, note: 'Pre-seasoned cast iron that holds heat evenly and improves with use.' },
  'enamelled cast iron': { kind: 'metal', pal: ENAMEL, mult: 1.5, note: 'Enamelled cast iron needs no seasoning and goes from hob to oven.' },
  'enamelled steel': { kind: 'metal', pal: ENAMEL, mult: 0.9, note: 'Glossy enamel over steel, easy to clean.' },
  'stoneware': { kind: 'ceramic', pal: EARTH, mult: 1, note: 'Reactive-glaze stoneware, so every piece is slightly different.' },
  'ceramic': { kind: 'ceramic', pal: EARTH, mult: 0.9, note: 'Glazed ceramic, made in a small family pottery.' },
  'porcelain': { kind: 'ceramic', pal: ['White', 'Speckled White', 'Dusty Blue', 'Sage Green', 'Black'], mult: 1.1, note: 'Fine porcelain, thin yet chip-resistant.' },
  'terracotta': { kind: 'ceramic', pal: ['Terracotta'], mult: 0.8, note: 'Unglazed terracotta that lets roots breathe.' },
  'glass': { kind: 'glass', pal: ['Clear', 'Smoked Grey', 'Amber', 'Sage Green', 'Blush Pink'], mult: 1, note: 'Mouth-blown glass with a subtle ripple.' },
  'concrete': { kind: 'stone', pal: ['Concrete Grey', 'Charcoal Grey', 'Sand Beige'], mult: 0.9, note: 'Cast concrete with a smooth, sealed finish.' },
  'marble': { kind: 'stone', pal: ['White Marble', 'Green Marble', 'Black Marble'], mult: 1.5, note: 'Natural marble, so the veining is unique to each piece.' },
  'soy wax': { kind: 'wax', pal: ['Ivory', 'Sage Green', 'Blush Pink', 'Terracotta', 'Charcoal Grey', 'Ochre', 'Dusty Blue'], mult: 1, note: 'Hand-poured soy wax for a clean, slow burn.' },
  'beeswax': { kind: 'wax', pal: ['Ochre', 'Ivory', 'Mustard Yellow'], mult: 1.3, note: 'Pure beeswax with a faint honey scent.' },
  'rubber': { kind: 'rubber', pal: ['Black', 'Olive Green', 'Navy Blue', 'Mustard Yellow', 'Forest Green'], mult: 1, note: 'Natural rubber that is fully waterproof.' },
  'recycled plastic': { kind: 'plastic', pal: PAINTED, mult: 0.6, note: 'Made from recycled plastic and fully recyclable.' },
};

export const COLLECTIONS = ['Hollis', 'Arlo', 'Marlow', 'Ines', 'Otto', 'Freya', 'Soren', 'Wren', 'Luca',
  'Mira', 'Elio', 'Nova', 'Ada', 'Bram', 'Cleo', 'Dune', 'Fern', 'Harlow', 'Iris', 'Juno', 'Kai',
  'Lotte', 'Milo', 'Nell', 'Oslo', 'Pia', 'Quinn', 'Rhea', 'Sable', 'Tove', 'Una', 'Vale',
  'Wilder', 'Yara', 'Zeno', 'Alma', 'Birch', 'Coast', 'Delphine', 'Esme'];

// ---------------------------------------------------------------------------
// Size helpers: each returns [metadata.size, phrase for the description].

const boxSize = (w, d, h) => (r) => {
  const [W, D, H] = [r.step(...w), r.step(...d), r.step(...h)];
  return [`W ${W} x D ${D} x H ${H} cm`, `${W} cm wide and ${H} cm high`];
};
const diameter = (d) => (r) => {
  const D = r.step(...d);
  return [`${D} cm diameter`, `${D} cm across`];
};
const height = (h) => (r) => {
  const H = r.step(...h);
  return [`H ${H} cm`, `${H} cm tall`];
};
const flat = (sizes) => (r) => {
  const [W, L] = r.pick(sizes);
  return [`${W} x ${L} cm`, `${W} x ${L} cm`];
};
const volume = (v, unit) => (r) => {
  const V = r.step(...v);
  return unit === 'ml' ? [`${V} ml`, `holds ${V} ml`] : [`${V} L`, `holds ${V} litres`];
};
const clothing = (r) => {
  const range = r.pick(['XS-XL', 'S-XXL', 'XS-L', 'S-XL', 'XXS-XL']);
  return [range, `available in sizes ${range}`];
};
const shoes = (r) => {
  const lo = r.pick([35, 36, 37, 39, 40]);
  const range = `EU ${lo}-${lo + r.pick([5, 6, 7])}`;
  return [range, `in sizes ${range}`];
};
const bedSize = (r) => {
  const [name, dims] = r.pick([['Single', '135 x 200 cm'], ['Double', '200 x 200 cm'],
    ['King', '230 x 220 cm'], ['Super King', '260 x 220 cm']]);
  return [`${name} (${dims})`, `${name.toLowerCase()} size, ${dims}`];
};

// ---------------------------------------------------------------------------
// Catalogue vocabulary, per category. Each product type names its silhouette
// (`shape`), materials, features, uses, size and price range. `made` phrases
// the material differently ("a sage green pendant lamp with a glass shade",
// `%` is the material); `upholstered` does the same for fabric and leather
// ("an emerald green sofa upholstered in velvet").

export const CATEGORIES = [
  {
    name: 'furniture', prefix: 'fur',
    brands: ['Nordvik', 'Hollow & Pine', 'Casa Alba', 'Marlowe Works'],
    featured: [
      { type: 'sofa', material: 'velvet', colour: 'Emerald Green' },
      { type: 'sofa', material: 'velvet', colour: 'Sage Green' },
      { type: 'armchair', material: 'velvet', colour: 'Olive Green' },
      { type: 'dining table', material: 'solid oak', colour: 'Light Oak' },
      { type: 'dining chair', material: 'walnut', colour: 'Walnut' },
    ],
    types: [
      { noun: 'sofa', shape: 'sofa', accent: 'wood', upholstered: true,
        materials: ['velvet', 'velvet', 'boucle', 'linen', 'wool', 'leather', 'cotton'],
        size: boxSize([180, 240, 10], [88, 100, 2], [76, 88, 2]), price: [649, 1899],
        features: ['deep feather-wrapped seat cushions', 'tapered solid oak legs', 'a low, relaxed back', 'removable, washable covers', 'pocket-sprung seats', 'a kiln-dried hardwood frame'],
        uses: ['made for long evenings in the living room', 'sized for family living rooms', 'a generous seat for lounging and naps'] },
      { noun: 'armchair', shape: 'armchair', accent: 'wood', upholstered: true,
        materials: ['velvet', 'boucle', 'linen', 'wool', 'leather'],
        size: boxSize([70, 90, 2], [76, 90, 2], [74, 96, 2]), price: [249, 899],
        features: ['a high, supportive back', 'feather-wrapped cushions', 'solid beech legs', 'gently curved arms', 'a deep, comfortable seat'],
        uses: ['a reading chair for a quiet corner', 'perfect beside a fireplace or window', 'an easy extra seat for the living room'] },
      { noun: 'dining chair', shape: 'chair', accent: 'wood', upholstered: true,
        materials: ['solid oak', 'walnut', 'beech', 'ash', 'rattan', 'velvet', 'boucle'],
        size: boxSize([44, 52, 1], [50, 56, 1], [78, 86, 1]), price: [89, 349],
        features: ['a gently curved backrest', 'a 46 cm seat height', 'felt pads to protect floors', 'traditional mortise-and-tenon joints', 'a padded seat'],
        uses: ['made for everyday family dinners', 'ideal around a kitchen or dining table', 'comfortable enough to double as a desk chair'] },
      { noun: 'dining table', shape: 'table', accent: 'wood',
        materials: ['solid oak', 'walnut', 'ash', 'acacia', 'marble'],
        size: (r) => {
          const [W, D] = [r.step(140, 240, 10), r.step(80, 100, 5)];
          const seats = W >= 220 ? 8 : W >= 180 ? 6 : 4;
          return [`W ${W} x D ${D} x H 75 cm`, `${W} cm long and seats ${seats}`];
        },
        price: [399, 1699],
        features: ['a hard-wax oiled finish', 'tapered legs set in from the corners', 'a softened, rounded edge', 'an extension leaf stored underneath'],
        uses: ['made for long dinners with friends', 'a generous table for family meals', 'doubles as a home-office desk'] },
      { noun: 'coffee table', shape: 'coffeeTable', accent: 'wood',
        materials: ['solid oak', 'walnut', 'marble', 'rattan', 'glass', 'concrete'],
        size: (r) => {
          const [D, H] = [r.step(70, 110, 5), r.step(35, 45, 1)];
          return [`${D} cm diameter x H ${H} cm`, `${D} cm across and ${H} cm high`];
        },
        price: [149, 749],
        features: ['a lower shelf for magazines', 'rounded edges that are kind to shins', 'three splayed legs', 'a lipped, tray-style top'],
        uses: ['a centrepiece for the living room', 'sized for smaller sofas and snug rooms', 'room for books, coffee and a plant'] },
      { noun: 'bookcase', shape: 'shelf', accent: 'wood',
        materials: ['solid oak', 'walnut', 'ash', 'steel', 'beech'],
        size: boxSize([60, 120, 10], [28, 36, 1], [150, 200, 10]), price: [179, 899],
        features: ['adjustable shelves', 'a wall-fixing kit', 'a slim open back', 'deep shelves that fit large art books'],
        uses: ['a home for books and records', 'ideal for a study or living room', 'room for books, plants and keepsakes'] },
      { noun: 'sideboard', shape: 'sideboard', accent: 'wood',
        materials: ['solid oak', 'walnut', 'ash', 'acacia'],
        size: boxSize([120, 200, 10], [40, 48, 1], [70, 85, 1]), price: [449, 1499],
        features: ['cane-webbed doors', 'soft-close doors', 'adjustable inner shelves', 'cable cut-outs for a record player', 'push-to-open drawers'],
        uses: ['storage for dining rooms and hallways', 'made for records, glassware and linens', 'a media unit for the living room'] },
      { noun: 'bed frame', shape: 'bed', accent: 'wood', upholstered: true,
        materials: ['velvet', 'boucle', 'linen', 'solid oak', 'walnut'],
        size: bedSize, price: [499, 1599],
        features: ['a padded headboard', 'a sprung slatted base', 'under-bed clearance for storage', 'solid wood legs'],
        uses: ['the calm centre of a restful bedroom', 'made for guest rooms and main bedrooms alike', 'fits a standard mattress'] },
    ],
  },
  {
    name: 'lighting', prefix: 'lig',
    brands: ['Lumen & Co', 'Maison Verre', 'Arden Light', 'Solberg'],
    featured: [
      { type: 'floor lamp', material: 'brass', colour: 'Antique Brass' },
      { type: 'floor lamp', material: 'brass', colour: 'Brass' },
      { type: 'pendant lamp', material: 'glass', colour: 'Sage Green' },
      { type: 'table lamp', material: 'ceramic', colour: 'Terracotta' },
    ],
    types: [
      { noun: 'pendant lamp', shape: 'pendant', accent: 'black', made: 'with a % shade',
        materials: ['glass', 'linen', 'rice paper', 'rattan', 'brass', 'steel'],
        size: diameter([25, 60, 5]), price: [49, 349],
        features: ['a 1.5 m adjustable fabric cord', 'an E27 bulb holder', 'a matching ceiling rose', 'a dimmable warm-white bulb'],
        uses: ['warm light for dining tables', 'hang it low over a kitchen island', 'soft ambient light for hallways and stairwells'] },
      { noun: 'floor lamp', shape: 'floorLamp', accent: 'black',
        materials: ['brass', 'brass', 'steel', 'walnut', 'solid oak', 'rattan', 'linen'],
        size: height([140, 180, 5]), price: [99, 499],
        features: ['a pleated linen shade', 'a weighted marble base', 'a foot switch', 'an adjustable reading arm', 'a dimmable warm-white bulb'],
        uses: ['reading light beside a sofa or armchair', 'warm light for a dark corner', 'a soft glow for bedrooms and living rooms'] },
      { noun: 'table lamp', shape: 'tableLamp', accent: 'brass',
        materials: ['ceramic', 'stoneware', 'glass', 'brass', 'marble', 'rattan'],
        size: height([30, 60, 2]), price: [39, 249],
        features: ['a linen drum shade', 'an inline dimmer switch', 'a braided fabric cable', 'a hand-glazed base'],
        uses: ['bedside light for reading', 'a warm glow for a sideboard or console', 'soft light for a home office desk'] },
      { noun: 'wall light', shape: 'sconce', accent: 'brass',
        materials: ['brass', 'glass', 'steel', 'ceramic'],
        size: height([18, 40, 2]), price: [45, 229],
        features: ['an opal glass globe', 'a plug-in cable with switch', 'a swivelling arm'],
        uses: ['bedside reading light that frees up table space', 'accent lighting for hallways', 'a glow either side of a mirror'] },
      { noun: 'desk lamp', shape: 'deskLamp', accent: 'black',
        materials: ['steel', 'aluminium', 'brass'],
        size: height([40, 60, 2]), price: [39, 189],
        features: ['a fully adjustable arm', 'a weighted base', 'a tilting shade', 'a switch on the shade'],
        uses: ['focused task light for a home office', 'reading light for a study desk', 'light for crafts and homework'] },
    ],
  },
  {
    name: 'apparel', prefix: 'app',
    brands: ['Fenwick', 'Saltmarsh', 'Juniper Row', 'Oda Studio'],
    featured: [
      { type: 'shirt', material: 'linen', colour: 'White' },
      { type: 'shirt', material: 'linen', colour: 'Sage Green' },
      { type: 'shirt', material: 'linen', colour: 'Dusty Blue' },
      { type: 'jumper', material: 'merino wool', colour: 'Navy Blue' },
    ],
    types: [
      { noun: 'shirt', shape: 'shirt', materials: ['linen', 'linen', 'cotton', 'organic cotton', 'denim', 'corduroy'],
        size: clothing, price: [29, 119],
        features: ['a relaxed fit', 'a button-down collar', 'a chest pocket', 'mother-of-pearl buttons', 'a curved hem that can be worn untucked'],
        uses: ['an easy layer for warm summer days', 'smart enough for the office, relaxed enough for weekends', 'a go-to shirt for holidays'] },
      { noun: 'T-shirt', shape: 'tshirt', materials: ['organic cotton', 'cotton', 'linen', 'merino wool'],
        size: clothing, price: [12, 49],
        features: ['a classic crew neck', 'a slightly boxy fit', 'reinforced shoulder seams', 'a soft, heavyweight jersey'],
        uses: ['an everyday essential for layering', 'made for warm days and weekends', 'ideal on its own or under a jacket'] },
      { noun: 'jumper', shape: 'jumper', materials: ['merino wool', 'wool', 'cashmere', 'cotton'],
        size: clothing, price: [45, 229],
        features: ['ribbed cuffs and hem', 'a crew neck', 'a relaxed, slightly cropped fit', 'a fine-gauge knit'],
        uses: ['a warm layer for cold mornings', 'perfect for autumn walks', 'smart over a shirt for the office'] },
      { noun: 'dress', shape: 'dress', materials: ['linen', 'cotton', 'organic cotton', 'silk'],
        size: clothing, price: [39, 189],
        features: ['a midi length', 'a fitted waist with a tie belt', 'side-seam pockets', 'a square neckline'],
        uses: ['made for summer weddings and garden parties', 'an easy dress for warm days', 'easy to dress up or down'] },
      { noun: 'trousers', shape: 'trousers', article: 'a pair of',
        materials: ['linen', 'cotton', 'wool', 'denim', 'corduroy'],
        size: clothing, price: [35, 149],
        features: ['a relaxed, wide leg', 'an elasticated back waist', 'deep side pockets', 'a straight leg'],
        uses: ['comfortable for long days in the office', 'made for travel and weekends', 'an easy pair for warm evenings'] },
      { noun: 'coat', shape: 'coat', materials: ['wool', 'cotton', 'recycled polyester', 'cashmere'],
        size: clothing, price: [89, 399],
        features: ['a notched lapel', 'a water-repellent finish', 'deep patch pockets', 'a quilted lining'],
        uses: ['a warm coat for winter commutes', 'a smart layer over knitwear', 'built for wet and windy days'] },
      { noun: 'scarf', shape: 'scarf', materials: ['wool', 'cashmere', 'merino wool', 'linen'],
        size: flat([[30, 180], [40, 190], [50, 200], [70, 200]]), price: [19, 149],
        features: ['fringed ends', 'a herringbone weave', 'a brushed, soft finish'],
        uses: ['a warm layer for winter walks', 'an easy gift', 'adds colour to a plain coat'] },
    ],
  },
  {
    name: 'kitchen', prefix: 'kit',
    brands: ['Kettlestone', 'Pepper & Tin', 'Hearth Kitchen', 'Sato'],
    featured: [
      { type: 'frying pan', material: 'cast iron', colour: 'Black' },
      { type: 'frying pan', material: 'cast iron', colour: 'Matte Black' },
      { type: 'casserole dish', material: 'enamelled cast iron', colour: 'Cherry Red' },
      { type: 'kettle', material: 'stainless steel', colour: 'Brushed Steel' },
    ],
    types: [
      { noun: 'frying pan', shape: 'pan', accent: 'steel',
        materials: ['cast iron', 'cast iron', 'carbon steel', 'stainless steel', 'enamelled cast iron', 'aluminium'],
        size: diameter([20, 32, 2]), price: [24, 149],
        features: ['a long, stay-cool handle', 'a helper handle for lifting', 'a pouring lip on each side', 'a flat base for all hobs, including induction'],
        uses: ['made for searing steak and crisping potatoes', 'the everyday pan for eggs and stir-fries', 'goes from hob to oven to table'] },
      { noun: 'casserole dish', shape: 'pot', accent: 'steel',
        materials: ['enamelled cast iron', 'enamelled cast iron', 'stainless steel', 'stoneware', 'cast iron'],
        size: volume([2.5, 6.5, 0.5], 'L'), price: [45, 329],
        features: ['a tight-fitting, self-basting lid', 'wide loop handles', 'a smooth enamel interior'],
        uses: ['made for slow-cooked stews and braises', 'bakes bread, soups and one-pot dinners', 'serves straight from oven to table'] },
      { noun: 'kettle', shape: 'kettle', accent: 'black',
        materials: ['stainless steel', 'enamelled steel', 'copper', 'glass'],
        size: volume([1, 1.7, 0.1], 'L'), price: [29, 149],
        features: ['a whistle that sings when the water boils', 'a heat-resistant handle', 'a gooseneck spout for pour-over coffee', 'a limescale filter'],
        uses: ['for tea and pour-over coffee', 'works on gas, electric and induction hobs', 'a classic kettle for the stovetop'] },
      { noun: 'mug', shape: 'mug', materials: ['stoneware', 'porcelain', 'ceramic', 'enamelled steel'],
        size: volume([250, 450, 50], 'ml'), price: [8, 29],
        features: ['a reactive glaze', 'a comfortable loop handle', 'a dishwasher-safe glaze'],
        uses: ['made for morning coffee', 'a generous mug for tea', 'stacks neatly in the cupboard'] },
      { noun: "chef's knife", shape: 'knife', accent: 'wood',
        materials: ['stainless steel', 'carbon steel', 'Damascus steel'],
        size: (r) => {
          const L = r.step(15, 24, 1);
          return [`${L} cm blade`, `with a ${L} cm blade`];
        },
        price: [35, 249],
        features: ['a walnut handle', 'a full tang for balance', 'a hand-sharpened edge', 'a riveted olive-wood handle'],
        uses: ['for chopping, slicing and dicing every day', 'a workhorse for home cooks', 'precise enough for fine herbs'] },
      { noun: 'mixing bowl', shape: 'bowl', materials: ['stoneware', 'stainless steel', 'ceramic', 'glass'],
        size: diameter([18, 32, 2]), price: [12, 69],
        features: ['a non-slip base', 'a pouring lip', 'a stackable shape'],
        uses: ['for baking, salads and mixing doughs', 'serves salads at the table', 'an all-rounder for prep'] },
      { noun: 'dinner plates', shape: 'plates', article: 'a set of four',
        materials: ['stoneware', 'porcelain', 'ceramic'],
        size: diameter([25, 29, 1]), price: [29, 119],
        features: ['a rustic, hand-finished rim', 'a speckled glaze', 'a chip-resistant glaze'],
        uses: ['made for everyday meals and dinner parties', 'pairs with matching bowls and side plates', 'sturdy enough for daily family use'] },
    ],
  },
  {
    name: 'textiles', prefix: 'tex',
    brands: ['Arden Loom', 'Larkspur', 'Woolhouse', 'Tidewell'],
    featured: [
      { type: 'rug', material: 'wool', colour: 'Charcoal Grey' },
      { type: 'rug', material: 'wool', colour: 'Ivory' },
      { type: 'rug', material: 'jute', colour: 'Natural' },
      { type: 'throw blanket', material: 'wool', colour: 'Mustard Yellow' },
    ],
    types: [
      { noun: 'rug', shape: 'rug', materials: ['wool', 'wool', 'jute', 'cotton', 'recycled polyester'],
        size: flat([[120, 170], [160, 230], [200, 300], [80, 150], [240, 340]]), price: [59, 899],
        features: ['a hand-knotted pile', 'a flat-woven weave', 'tasselled ends', 'a subtle geometric border', 'a dense, low pile'],
        uses: ['softens a living room floor', 'anchors a dining table', 'warmth underfoot in the bedroom'] },
      { noun: 'cushion cover', shape: 'cushion', materials: ['velvet', 'linen', 'cotton', 'wool', 'boucle'],
        size: flat([[45, 45], [50, 50], [60, 60], [30, 50]]), price: [12, 59],
        features: ['a concealed zip', 'piped edges', 'a feather-filled insert', 'a tufted centre'],
        uses: ['adds colour to a sofa or bed', 'pairs well with a wool throw', 'a quick refresh for the living room'] },
      { noun: 'duvet cover set', shape: 'bedding', materials: ['linen', 'cotton percale', 'organic cotton'],
        size: bedSize, price: [49, 249],
        features: ['two matching pillowcases', 'button fastenings', 'a stonewashed finish', 'a 200 thread count weave'],
        uses: ['for cool, restful sleep', 'layered with a throw for colder nights', 'a relaxed look for a guest room'] },
      { noun: 'throw blanket', shape: 'throw', materials: ['wool', 'cotton', 'cashmere', 'merino wool', 'linen'],
        size: flat([[130, 170], [140, 180], [150, 200]]), price: [29, 249],
        features: ['fringed edges', 'a herringbone weave', 'a waffle texture', 'a chunky knit'],
        uses: ['for chilly evenings on the sofa', 'adds a layer at the end of the bed', 'a cosy wrap for reading in the garden'] },
      { noun: 'curtains', shape: 'curtain', accent: 'brass', article: 'a pair of',
        materials: ['linen', 'velvet', 'cotton', 'recycled polyester'],
        size: flat([[140, 240], [160, 260], [228, 228], [117, 183]]), price: [39, 229],
        features: ['a thermal blackout lining', 'a tape heading for hooks', 'eyelet tops', 'a weighted hem'],
        uses: ['blocks light in bedrooms', 'frames a living room window', 'softens echo in larger rooms'] },
    ],
  },
  {
    name: 'outdoor', prefix: 'out',
    brands: ['Moorland', 'Greenfold', 'Brightwater', 'Terrace & Co'],
    featured: [
      { type: 'planter', material: 'terracotta', colour: 'Terracotta' },
      { type: 'garden bench', material: 'teak', colour: 'Teak' },
    ],
    types: [
      { noun: 'planter', shape: 'planter', materials: ['terracotta', 'concrete', 'stoneware', 'steel', 'recycled plastic'],
        size: diameter([20, 60, 5]), price: [14, 149],
        features: ['a drainage hole and saucer', 'a frost-resistant finish', 'a ridged texture', 'a wide rim'],
        uses: ['for olive trees and large houseplants', 'brightens a balcony or doorstep', 'grows herbs by the kitchen door'] },
      { noun: 'garden bench', shape: 'bench', materials: ['teak', 'acacia', 'steel', 'aluminium'],
        size: boxSize([120, 180, 10], [55, 65, 1], [85, 92, 1]), price: [149, 699],
        features: ['a slatted seat that drains quickly', 'a weather-resistant oil finish', 'curved armrests'],
        uses: ['seating for a patio or garden path', 'made for morning coffee outside', 'seats three comfortably'] },
      { noun: 'parasol', shape: 'parasol', accent: 'wood', made: 'with a % canopy',
        materials: ['recycled polyester', 'canvas', 'cotton'],
        size: (r) => {
          const D = r.step(200, 350, 50);
          return [`${D} cm diameter`, `${D} cm across when open`];
        },
        price: [59, 399],
        features: ['a crank-and-tilt mechanism', 'a UV-protective canopy', 'a sturdy ash pole'],
        uses: ['shade for a dining table on the patio', 'cool shade for sunny afternoons', 'fits most parasol bases'] },
      { noun: 'sun lounger', shape: 'lounger', materials: ['teak', 'aluminium', 'acacia', 'rattan'],
        size: boxSize([190, 200, 5], [60, 70, 2], [30, 90, 5]), price: [129, 599],
        features: ['a five-position adjustable back', 'wheels for easy moving', 'a quick-dry cushion'],
        uses: ['made for lazy afternoons by the pool', 'lounging on the terrace', 'folds flat for winter storage'] },
      { noun: 'watering can', shape: 'wateringCan', materials: ['steel', 'copper', 'recycled plastic'],
        size: volume([2, 9, 1], 'L'), price: [12, 69],
        features: ['a long spout for reaching pots', 'a removable brass rose', 'a balanced carry handle'],
        uses: ['for houseplants and window boxes', 'waters seedlings gently', 'a garden essential'] },
      { noun: 'garden lantern', shape: 'lantern', materials: ['steel', 'brass', 'rattan'],
        size: height([25, 60, 5]), price: [19, 99],
        features: ['tempered glass panels', 'a hanging loop', 'a door that latches closed'],
        uses: ['candlelight for summer evenings outside', 'lines a garden path', 'a warm glow on the balcony table'] },
    ],
  },
  {
    name: 'bathroom', prefix: 'bat',
    brands: ['Tidewell', 'Bathe', 'Saltmarsh Home', 'Ostra'],
    featured: [
      { type: 'bath towel', material: 'Turkish cotton', colour: 'White' },
      { type: 'bath towel', material: 'waffle cotton', colour: 'Sage Green' },
    ],
    types: [
      { noun: 'bath towel', shape: 'towels', materials: ['Turkish cotton', 'organic cotton', 'waffle cotton', 'linen', 'cotton'],
        size: flat([[70, 130], [90, 150], [100, 150], [50, 90]]), price: [9, 49],
        features: ['a 600 gsm weight', 'a woven border', 'a hanging loop', 'a quick-drying weave'],
        uses: ['soft and absorbent after a bath', 'dries fast for the gym and travel', 'a spa feel at home'] },
      { noun: 'bath mat', shape: 'bathMat', materials: ['cotton', 'organic cotton', 'teak', 'jute'],
        size: flat([[50, 80], [60, 90], [55, 85]]), price: [12, 59],
        features: ['a non-slip backing', 'a deep, absorbent pile', 'a tufted texture'],
        uses: ['soft underfoot after a shower', 'dries quickly between baths', 'stops slips on tiled floors'] },
      { noun: 'soap dispenser', shape: 'bottle', accent: 'steel', materials: ['ceramic', 'stoneware', 'glass', 'marble', 'concrete'],
        size: volume([250, 500, 50], 'ml'), price: [9, 39],
        features: ['a brushed steel pump', 'a refillable design', 'a weighted base'],
        uses: ['for hand soap by the basin', 'keeps the kitchen sink tidy', 'pairs with a matching tumbler'] },
      { noun: 'bathroom mirror', shape: 'mirror', made: 'with a % frame',
        materials: ['brass', 'steel', 'solid oak', 'rattan'],
        size: diameter([40, 80, 5]), price: [39, 299],
        features: ['a bevelled glass edge', 'a leather hanging strap', 'a moisture-resistant backing'],
        uses: ['hangs above a basin', 'brightens small bathrooms and hallways', 'for getting ready in the morning'] },
      { noun: 'shower curtain', shape: 'showerCurtain', accent: 'steel', materials: ['cotton', 'linen', 'recycled polyester'],
        size: flat([[180, 180], [180, 200], [120, 200]]), price: [19, 59],
        features: ['a water-repellent finish', 'rust-proof eyelets', 'a waffle texture'],
        uses: ['softens a tiled bathroom', 'keeps the floor dry', 'a quick bathroom update'] },
      { noun: 'toothbrush tumbler', shape: 'tumbler', materials: ['ceramic', 'stoneware', 'glass', 'marble', 'concrete'],
        size: height([9, 12, 1]), price: [7, 29],
        features: ['a non-slip cork base', 'a weighted base', 'a drainage hole'],
        uses: ['keeps toothbrushes upright by the basin', 'a neat place for makeup brushes', 'pairs with a matching soap dispenser'] },
    ],
  },
  {
    name: 'decor', prefix: 'dec',
    brands: ['Larkspur', 'Ostra', 'Maison Verre', 'Kobo'],
    featured: [
      { type: 'vase', material: 'stoneware', colour: 'Speckled White' },
      { type: 'vase', material: 'glass', colour: 'Amber' },
      { type: 'candle', material: 'soy wax', colour: 'Sage Green' },
    ],
    types: [
      { noun: 'vase', shape: 'vase', materials: ['stoneware', 'ceramic', 'glass', 'terracotta', 'porcelain', 'brass'],
        size: height([12, 45, 1]), price: [15, 149],
        features: ['a matte reactive glaze', 'a narrow neck for single stems', 'a wide mouth for full bouquets', 'a hand-thrown shape'],
        uses: ['for fresh flowers or dried grasses', 'a sculptural piece for a shelf or sideboard', 'brightens a dining table'] },
      { noun: 'candle', shape: 'candle', materials: ['soy wax', 'soy wax', 'beeswax'],
        size: height([8, 20, 1]), price: [9, 45],
        features: ['a cotton wick', 'a fig and cedar scent', 'a citrus and basil scent', 'a 40-hour burn time'],
        uses: ['soft light for long evenings', 'an easy housewarming gift', 'scents a living room or bathroom'] },
      { noun: 'picture frame', shape: 'frame', materials: ['solid oak', 'walnut', 'brass', 'aluminium', 'ash'],
        size: (r) => {
          const s = r.pick(['A4', 'A3', '30 x 40 cm', '50 x 70 cm', '13 x 18 cm']);
          return [s, `for ${s} prints`];
        },
        price: [12, 89],
        features: ['a card mount', 'shatter-resistant glazing', 'fixings to hang portrait or landscape'],
        uses: ['for prints, photos and children\'s drawings', 'builds a gallery wall', 'stands on a desk or hangs on a wall'] },
      { noun: 'wall clock', shape: 'clock', materials: ['solid oak', 'walnut', 'steel', 'brass', 'concrete'],
        size: diameter([25, 50, 5]), price: [25, 159],
        features: ['a silent sweep movement', 'a clear, minimal dial', 'slim brass hands'],
        uses: ['a statement piece for the kitchen wall', 'easy to read from across the room', 'a quiet clock for a bedroom'] },
      { noun: 'decorative bowl', shape: 'fruitBowl', materials: ['stoneware', 'ceramic', 'marble', 'walnut', 'brass'],
        size: diameter([20, 40, 2]), price: [15, 99],
        features: ['a hand-carved finish', 'a wide, shallow form', 'a felt base that protects surfaces'],
        uses: ['a home for keys by the door', 'holds fruit on a kitchen counter', 'a centrepiece for a coffee table'] },
    ],
  },
  {
    name: 'footwear', prefix: 'ftw',
    brands: ['Trail & Tread', 'Fenwick', 'Cobble Lane', 'Nomad Sole'],
    featured: [
      { type: 'Chelsea boots', material: 'leather', colour: 'Tan' },
      { type: 'trainers', material: 'canvas', colour: 'White' },
    ],
    types: [
      { noun: 'trainers', shape: 'sneaker', article: 'a pair of', materials: ['canvas', 'leather', 'suede', 'knit'],
        size: shoes, price: [49, 169],
        features: ['a cushioned rubber sole', 'a padded collar', 'organic cotton laces', 'a removable insole'],
        uses: ['everyday comfort for city walking', 'made for weekends and travel', 'pairs with jeans or linen trousers'] },
      { noun: 'Chelsea boots', shape: 'chelseaBoot', article: 'a pair of', materials: ['leather', 'leather', 'suede'],
        size: shoes, price: [89, 249],
        features: ['elastic side panels', 'a pull tab at the heel', 'a Goodyear-welted sole', 'a stacked leather heel'],
        uses: ['smart enough for the office', 'made for autumn and winter days', 'pairs with jeans or tailoring'] },
      { noun: 'hiking boots', shape: 'laceBoot', article: 'a pair of', materials: ['leather', 'suede', 'canvas'],
        size: shoes, price: [99, 229],
        features: ['a grippy lugged sole', 'a waterproof membrane', 'a padded ankle collar', 'speed-lace hooks'],
        uses: ['built for muddy trails and long walks', 'made for weekends in the hills', 'ready for rain and rough ground'] },
      { noun: 'wellington boots', shape: 'welly', article: 'a pair of', materials: ['rubber'],
        size: shoes, price: [29, 119],
        features: ['a cushioned footbed', 'a back strap with buckle', 'a deep-tread sole'],
        uses: ['for muddy gardens and festivals', 'keeps feet dry on rainy dog walks', 'made for wet winters'] },
      { noun: 'sandals', shape: 'sandal', article: 'a pair of', materials: ['leather', 'suede'],
        size: shoes, price: [29, 129],
        features: ['a contoured cork footbed', 'adjustable buckle straps', 'a lightweight sole'],
        uses: ['made for summer days and holidays', 'comfortable for long beach walks', 'an easy choice for hot cities'] },
      { noun: 'loafers', shape: 'loafer', article: 'a pair of', materials: ['leather', 'suede'],
        size: shoes, price: [69, 219],
        features: ['a hand-stitched moc toe', 'a leather sole', 'a penny strap'],
        uses: ['smart for the office', 'pairs with tailored trousers or jeans', 'an easy shoe for travel'] },
      { noun: 'slippers', shape: 'slipper', article: 'a pair of', materials: ['wool', 'shearling', 'suede', 'felt'],
        size: shoes, price: [19, 79],
        features: ['a warm shearling lining', 'a non-slip rubber sole', 'a memory-foam footbed'],
        uses: ['warm feet on cold floors', 'made for lazy Sunday mornings', 'a cosy gift'] },
    ],
  },
];
