#!/usr/bin/env bash
# The whole test suite, from a fresh clone: install what is missing, build with warnings as
# errors, run every CTest test; then build the same suite with ASan+UBSan (build-asan/) and run it
# again. .ci/run calls exactly this. DOSSIER_SKIP_SANITIZE=1 runs the normal build only (a quick
# local check; CI always runs both). The sanitizer options come from CMake (tests/CMakeLists.txt).
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/build.sh
ctest --test-dir build --output-on-failure --parallel "$(nproc)"

if [ "${DOSSIER_SKIP_SANITIZE:-0}" != 1 ]; then
  ./scripts/build.sh --sanitize
  ctest --test-dir build-asan --output-on-failure --parallel "$(nproc)"
fi
