#!/usr/bin/env bash
# Regenerates the committed seed corpus, tests/fuzz/corpus/<target>/, from
# make_corpus.cpp (deterministic: the same files every time). Any configured
# build works; default build-sanitize. Usage: tests/fuzz/make-corpus.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build-sanitize}
cmake --build "$build" -j "$(nproc)" --target vitrine_make_fuzz_corpus >/dev/null
rm -rf tests/fuzz/corpus
"$build/tests/fuzz/vitrine_make_fuzz_corpus" tests/fuzz/corpus
du -sh tests/fuzz/corpus
