#!/usr/bin/env bash
# Side-by-side benchmarks of Vitrine against npm peer libraries (bench/peers/README.md):
# exact top-10 vector search (usearch, hnswlib-node, hnswlib-wasm, Orama, a plain JS loop)
# and image preparation (sharp, jSquash, jimp), every ratio measured in the same run.
# Installs what is missing, builds native and WASM (incrementally), then runs them.
# Usage: scripts/bench-peers.sh
#   PEERS_N=20000 for a quick run (default 100000 vectors); PEERS_D, PEERS_QUERIES and the
#   other PEERS_* settings in bench/peers/README.md pass through to the benchmarks.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$SECONDS

scripts/install-deps.sh --wasm
scripts/build-native.sh
scripts/build-wasm.sh

# The peers, from bench/peers/package-lock.json, when it changed. hnswlib-node compiles at
# install: node-gyp takes the Node headers from /usr/include/node (it cannot download them).
( cd bench/peers
  if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ] ||
     [ package.json -nt node_modules/.package-lock.json ]; then
    if [ ! -f /usr/include/node/node_api.h ]; then
      echo "bench-peers: no Node headers in /usr/include/node (hnswlib-node compiles against them)" >&2
      exit 1
    fi
    command -v python3 >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq --no-install-recommends python3 >/dev/null; }
    npm_config_nodedir=/usr npm ci --no-audit --no-fund
  fi )

scripts/fetch-photos.sh photos  # real 4-15 MP photos, from a Debian package

status=0
node bench/peers/search_peers.mjs "${PEERS_N:-100000}" "${PEERS_D:-1024}" "${PEERS_QUERIES:-20}" || status=1
echo
node bench/peers/image_peers.mjs photos || status=1
echo
node bench/peers/image_memory.mjs photos || status=1
echo
echo "bench-peers: $((SECONDS - started)) s in all"
exit "$status"
