#!/usr/bin/env bash
# Installs what Vitrine needs to build and test, from Debian's and npm's registries.
# Idempotent and quick when everything is present. Usage: scripts/install-deps.sh [--wasm] [--browser] [--fuzz]
set -euo pipefail
cd "$(dirname "$0")/.."

want=(cmake g++ make pkg-config nlohmann-json3-dev libstb-dev libxsimd-dev libxxhash-dev catch2
      libcurl4-openssl-dev nodejs)
for arg in "$@"; do
  case "$arg" in
    --wasm) want+=(emscripten) ;;
    --browser) want+=(chromium) ;;
    --fuzz) want+=(clang-14 libclang-rt-14-dev llvm-14) ;;  # libFuzzer, sanitizer runtimes, llvm-symbolizer
    *) echo "install-deps: unknown option $arg" >&2; exit 2 ;;
  esac
done
command -v npm >/dev/null 2>&1 || want+=(npm)

missing=()
for pkg in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "install-deps: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
