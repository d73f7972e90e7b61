#!/usr/bin/env bash
# Configures (first use) and builds the WebAssembly package into build-wasm/ (copied
# to wasm/dist/) and the WASM search benchmark (build-wasm/bin/). Incremental.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f build-wasm/CMakeCache.txt ] || emcmake cmake -S . -B build-wasm -DCMAKE_BUILD_TYPE=Release
cmake --build build-wasm -j2
