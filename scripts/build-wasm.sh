#!/usr/bin/env bash
# Configures (first use) and builds the WebAssembly package into build-wasm/ (copied
# to wasm/dist/) and the WASM search benchmark (build-wasm/bin/). Incremental.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f build-wasm/CMakeCache.txt ] || emcmake cmake -S . -B build-wasm -DCMAKE_BUILD_TYPE=Release
cmake --build build-wasm -j2
# The package's size, raw and gzipped (what a page downloads), for the README's Numbers.
for file in wasm/dist/vitrine_core.wasm wasm/dist/vitrine_core.mjs; do
  echo "build-wasm: $file $(stat -c%s "$file") bytes, $(gzip -9c "$file" | wc -c) gzipped"
done
