#!/usr/bin/env bash
# Runs every libFuzzer target for a short time (CI), one after the other, each from
# its committed seed corpus, tests/fuzz/corpus/<target>/; new inputs go to a temporary
# folder, so the committed corpus is never written. A finding stops the run: its log
# is printed and its input kept in BUILD_DIR/fuzz-findings/ (replay it with
# BUILD_DIR/tests/fuzz/fuzz_<target> FILE, then keep it in tests/fuzz/regressions/).
# BUILD_DIR must be configured with clang, -DVITRINE_SANITIZE=ON -DVITRINE_FUZZ=ON, as
# scripts/test.sh does for build-sanitize. See tests/fuzz/README.md for long runs.
# Usage: scripts/fuzz-smoke.sh [BUILD_DIR] [SECONDS_PER_TARGET]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build-sanitize}
seconds=${2:-20}
if ! grep -q '^VITRINE_FUZZ:BOOL=ON' "$build/CMakeCache.txt" 2>/dev/null; then
  echo "fuzz-smoke: $build is not configured with -DVITRINE_FUZZ=ON (see tests/fuzz/README.md)" >&2
  exit 2
fi
cmake --build "$build" -j "$(nproc)" --target vitrine_fuzz >/dev/null

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
findings="$build/fuzz-findings"
mkdir -p "$findings"
export UBSAN_OPTIONS=print_stacktrace=1
for fuzzer in "$build"/tests/fuzz/fuzz_*; do
  target=${fuzzer##*/fuzz_}
  options=(-max_total_time="$seconds" -timeout=10 -print_final_stats=1 -artifact_prefix="$findings/$target-")
  case $target in *_response | catalogue) options+=(-dict=tests/fuzz/json.dict) ;; esac
  mkdir "$work/$target"
  if ! "$fuzzer" "${options[@]}" "$work/$target" "tests/fuzz/corpus/$target" >"$work/$target.log" 2>&1; then
    tail -n 60 "$work/$target.log"
    echo "fuzz-smoke: fuzz_$target found a problem; its input is in $findings/" >&2
    exit 1
  fi
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/$target.log")
  echo "fuzz-smoke: fuzz_$target ran $runs inputs in ${seconds} s without a finding"
done
