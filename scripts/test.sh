#!/usr/bin/env bash
# Every test: install what is missing, build native and WASM, then run the C++
# tests (ctest), the CLI tests, and the JS tests (WASM package, parity).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --wasm
scripts/build-native.sh
ctest --test-dir build --output-on-failure -j "$(nproc)"
VITRINE_CLI=build/bin/vitrine node --test tests/cli
scripts/test-wasm.sh
