#!/usr/bin/env bash
# The main job: install what is missing, build, generate the sample catalogue
# (600 products with images), build its index with the offline local embedders (text, and
# the colour-and-layout image descriptor of every prepared photo), and run a few example
# searches: by text, by photo, and similar products. No network beyond the package registries.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build-native.sh
vitrine=build/bin/vitrine

node scripts/make-sample-catalogue.mjs sample
$vitrine build --catalogue sample/catalogue.json --out sample/catalogue.vtx --storage int8 --dims 256 \
  --images-out sample/photos --image-embedder local
$vitrine info sample/catalogue.vtx | head -12
for query in "green velvet sofa" "brass floor lamp" "cast iron pan" "wool rug"; do
  echo; echo "== $query"
  $vitrine search sample/catalogue.vtx "$query" --top-k 5
done
echo; echo "== linen shirt, apparel under 60"
$vitrine search sample/catalogue.vtx "linen shirt" --category apparel --max-price 60 --top-k 5
echo; echo "== search by photo (look-alikes by colour and layout): sample/images/fur-0002.png"
$vitrine search sample/catalogue.vtx --image sample/images/fur-0002.png --top-k 5
echo; echo "== more like kit-0010"
$vitrine similar sample/catalogue.vtx kit-0010 --top-k 5
echo; echo "== a product photo prepared for a rerank call"
$vitrine resize sample/images/fur-0001.png sample/fur-0001.jpg --max-edge 1024
