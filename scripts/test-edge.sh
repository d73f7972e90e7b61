#!/usr/bin/env bash
# The edge tests: the worker in workerd (tests/worker: routes, errors, the key, memory fit,
# a bounded load test) and the storefront demo in headless Chromium (tests/browser).
# Usage: scripts/test-edge.sh
#   Needs the WASM package built (scripts/test-wasm.sh builds it; serve-demo.sh --prepare
#   builds it when missing) and Chromium (scripts/install-deps.sh --browser). Installs the
#   npm devDependencies (workerd in wasm/, playwright-core in tests/browser/) from their
#   lock files when missing or stale. Screenshots land in build/test-artifacts/.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/serve-demo.sh --prepare
for package in edge-worker tests/browser; do
  ( cd "$package"
    [ node_modules/.package-lock.json -nt package-lock.json ] || npm ci --no-audit --no-fund )
done

# One file at a time: the load test's latencies should not share the cores with Chromium.
node --test --test-concurrency=1 tests/worker/*.test.mjs tests/browser/*.test.mjs
echo "test-edge: screenshots in build/test-artifacts/"
