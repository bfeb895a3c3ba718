#!/usr/bin/env bash
# Installs what is missing, configures a build folder and builds the given targets (default:
# everything). The normal build goes to build/; with --sanitize, the same tree is built with
# AddressSanitizer and UndefinedBehaviorSanitizer (DOSSIER_SANITIZE=ON) in build-asan/.
# Usage: scripts/build.sh [--sanitize] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")/.."

build_dir=build
options=()
if [ "${1:-}" = "--sanitize" ]; then
  shift
  build_dir=build-asan
  options+=(-DDOSSIER_SANITIZE=ON)
fi

./scripts/install-deps.sh
cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DDOSSIER_BUILD_TESTS=ON -DDOSSIER_WERROR=ON \
  "${options[@]}" >/dev/null
if [ $# -eq 0 ]; then
  cmake --build "$build_dir" --parallel "$(nproc)"
else
  for target in "$@"; do cmake --build "$build_dir" --parallel "$(nproc)" --target "$target"; done
fi
