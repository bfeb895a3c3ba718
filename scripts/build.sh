#!/usr/bin/env bash
# Installs what is missing, configures build/ and builds the given targets (default: everything).
# Usage: scripts/build.sh [TARGET...]
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DDOSSIER_BUILD_TESTS=ON -DDOSSIER_WERROR=ON >/dev/null
if [ $# -eq 0 ]; then
  cmake --build build --parallel "$(nproc)"
else
  for target in "$@"; do cmake --build build --parallel "$(nproc)" --target "$target"; done
fi
