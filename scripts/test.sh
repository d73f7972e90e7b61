#!/usr/bin/env bash
# Every test: install what is missing, build native and WASM, then run the C++
# tests (ctest), the CLI tests, the JS tests (WASM package, parity), the edge
# tests (the worker in workerd, the storefront demo in Chromium), then the C++ tests
# again under ASan + UBSan (clang) and every fuzz target for 10 s on its corpus.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --wasm --browser --fuzz
scripts/build-native.sh
ctest --test-dir build --output-on-failure -j "$(nproc)"
VITRINE_CLI=build/bin/vitrine node --test tests/cli
scripts/test-wasm.sh
scripts/test-edge.sh
VITRINE_NATIVE_BUILD=build-sanitize CC=clang-14 CXX=clang++-14 \
  scripts/build-native.sh -DVITRINE_SANITIZE=ON -DVITRINE_FUZZ=ON -DVITRINE_BUILD_BENCH=OFF
# (the package consumer is left out: it links the sanitized library without the sanitizers)
ctest --test-dir build-sanitize --output-on-failure -j "$(nproc)" -E package_consumer
scripts/fuzz-smoke.sh build-sanitize 10
