#!/usr/bin/env bash
# Serves the storefront demo (web-demo/) on http://127.0.0.1:8080/, offline, over the
# sample catalogue. Builds what is missing first: the WASM package, the sample catalogue
# and its index (local embedder, int8, 256 dims, and the local image field).
# Usage: scripts/serve-demo.sh [--port N] [--host H] [--worker URL]   (--worker: an edge
#        worker for the rerank toggle; its ALLOWED_ORIGINS must list this page's origin)
#        scripts/serve-demo.sh --prepare                              (build only, then exit)
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -f wasm/dist/vitrine_core.wasm ]; then
  scripts/install-deps.sh --wasm
  [ -f build-wasm/CMakeCache.txt ] || emcmake cmake -S . -B build-wasm -DCMAKE_BUILD_TYPE=Release
  cmake --build build-wasm -j2
fi
[ -f sample/catalogue.json ] || node scripts/make-sample-catalogue.mjs sample
{ [ sample/catalogue.vtx -nt sample/catalogue.json ] && [ sample/catalogue.vtx -nt web-demo/build-sample-index.mjs ]; } || node web-demo/build-sample-index.mjs

if [ "${1:-}" = "--prepare" ]; then exit 0; fi
exec node web-demo/serve.mjs "$@"
