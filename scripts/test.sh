#!/usr/bin/env bash
# The whole test suite, from a fresh clone: install what is missing, build with warnings as
# errors, run every CTest test; then build the same suite with ASan+UBSan (build-asan/) and run it
# again; then fuzz each libFuzzer target for a short smoke run (clang build in build-fuzz/,
# DOSSIER_FUZZ_SECONDS each, default 10). .ci/run calls exactly this. DOSSIER_SKIP_SANITIZE=1 and
# DOSSIER_SKIP_FUZZ=1 leave out those legs (a quick local check; CI always runs all three). The
# sanitizer options come from CMake (tests/CMakeLists.txt).
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/build.sh
ctest --test-dir build --output-on-failure --parallel "$(nproc)"

if [ "${DOSSIER_SKIP_SANITIZE:-0}" != 1 ]; then
  ./scripts/build.sh --sanitize
  ctest --test-dir build-asan --output-on-failure --parallel "$(nproc)"
fi

if [ "${DOSSIER_SKIP_FUZZ:-0}" != 1 ]; then
  mkdir -p build-fuzz
  for target in $(./scripts/fuzz --list); do
    echo "fuzz smoke: $target, ${DOSSIER_FUZZ_SECONDS:-10} s" >&2
    log=build-fuzz/smoke-$target.log
    ./scripts/fuzz "$target" "${DOSSIER_FUZZ_SECONDS:-10}" >"$log" 2>&1 ||
      { tail -n 40 "$log" >&2; echo "fuzz smoke: $target failed (log: $log)" >&2; exit 1; }
  done
fi
