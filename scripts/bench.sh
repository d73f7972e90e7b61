#!/usr/bin/env bash
# Benchmarks (numbers for the README): native and WASM search throughput beside a
# memory-read baseline in the same process, image preparation on real 4-15 MP photos, and index
# bytes per product with recall@10 for every storage type and Matryoshka truncation, and what a
# rebuild with 1 % of the catalogue changed reuses (embeddings, photos), and what the image vector
# field costs (bytes, search time with two fields against one, hosted image-embedding build throughput).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --wasm
scripts/build-native.sh
scripts/build-wasm.sh
scripts/fetch-photos.sh photos  # real 4-15 MP photos, from a Debian package
build/bin/vitrine_search_bench "${BENCH_N:-100000}" "${BENCH_D:-1024}"
echo
# --no-liftoff: V8 leaves the memory-read loop in its baseline compiler otherwise.
node --no-liftoff build-wasm/bin/vitrine_search_bench.js "${BENCH_N:-100000}" "${BENCH_D:-1024}"
echo
build/bin/vitrine_image_bench photos/*.jpg photos/*.png
echo
build/bin/vitrine_recall_bench "${BENCH_RECALL_N:-20000}"
echo
node bench/rebuild_bench.mjs "${BENCH_REBUILD_N:-100000}" 1
echo
build/bin/vitrine_multimodal_bench "${BENCH_N:-100000}" "${BENCH_D:-1024}" "${BENCH_D:-1024}"
echo
node bench/image_embed_build_bench.mjs "${BENCH_IMAGE_BUILD_N:-600}"
