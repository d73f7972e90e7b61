#!/usr/bin/env bash
# Benchmarks (numbers for the README): native search throughput beside a
# memory-read baseline, and image preparation on real 4-15 MP photos.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build-native.sh
/work/shared/fixtures/fetch-photos.sh photos >/dev/null 2>&1 || ../shared/fixtures/fetch-photos.sh photos
build/bin/vitrine_search_bench "${BENCH_N:-100000}" "${BENCH_D:-1024}"
echo
build/bin/vitrine_image_bench photos/*.jpg photos/*.png
