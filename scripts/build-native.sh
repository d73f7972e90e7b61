#!/usr/bin/env bash
# Configures and builds the native library, CLI, tests and benchmarks into
# ${VITRINE_NATIVE_BUILD:-build} (Release). Incremental when run again.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${VITRINE_NATIVE_BUILD:-build}
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release "$@" >/dev/null
cmake --build "$build" -j "$(nproc)"
