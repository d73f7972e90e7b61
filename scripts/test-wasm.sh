#!/usr/bin/env bash
# Builds the WebAssembly package and runs its tests: the TypeScript declarations check,
# the JS API tests (tests/wasm, workerd included) and native–WASM parity (tests/parity).
# Usage: scripts/test-wasm.sh
#   Reuses build-wasm/ (configured on first use). Parity needs the native CLI already
#   built in $VITRINE_NATIVE_BUILD (default build/: scripts/build-native.sh makes it).
#   VITRINE_PHOTOS=DIR adds real photos to the image parity run
#   (scripts/fetch-photos.sh DIR fetches them).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/build-wasm.sh

# The devDependencies, from their package-lock.json when it changed: typescript for the
# library, workerd (tests/wasm/workerd.test.mjs runs the package in it) from the edge worker app.
for package in wasm edge-worker; do
  ( cd "$package"
    [ node_modules/.package-lock.json -nt package-lock.json ] || npm ci --no-audit --no-fund )
done
( cd wasm && npm run --silent typecheck )

node --test tests/wasm/*.test.mjs

export VITRINE_NATIVE_BUILD="${VITRINE_NATIVE_BUILD:-build}"
if [ ! -x "$VITRINE_NATIVE_BUILD/bin/vitrine" ]; then
  echo "test-wasm: $VITRINE_NATIVE_BUILD/bin/vitrine is missing; build it first (scripts/build-native.sh)" >&2
  exit 1
fi
node --test tests/parity/*.test.mjs
