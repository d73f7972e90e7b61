#!/usr/bin/env bash
# Every test: install what is missing, build native and WASM, then run the C++
# tests (ctest), the CLI tests, the JS tests (WASM package, parity), and the edge
# tests (the worker in workerd, the storefront demo in Chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --wasm --browser
scripts/build-native.sh
ctest --test-dir build --output-on-failure -j "$(nproc)"
VITRINE_CLI=build/bin/vitrine node --test tests/cli
scripts/test-wasm.sh
scripts/test-edge.sh
