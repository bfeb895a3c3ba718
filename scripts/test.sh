#!/usr/bin/env bash
# The whole test suite, from a fresh clone: install what is missing, build with warnings as
# errors, run every CTest test; then build the same suite with ASan+UBSan (build-asan/) and run it
# again; then fuzz each libFuzzer target for a short smoke run (clang build in build-fuzz/,
# DOSSIER_FUZZ_SECONDS each, default 10). .ci/run calls exactly this. DOSSIER_SKIP_SANITIZE=1 and
# DOSSIER_SKIP_FUZZ=1 leave out those legs for a quick local check, and say so; CI sets neither.
# A leg that finds no test fails (--no-tests=error). The sanitizer options come from CMake
# (tests/sanitizer/test_environment.cmake).
set -euo pipefail
cd "$(dirname "$0")/.."

run_ctest() {
  ctest --test-dir "$1" --output-on-failure --no-tests=error --parallel "$(nproc)"
}

./scripts/build.sh
run_ctest build

if [ "${DOSSIER_SKIP_SANITIZE:-0}" = 1 ]; then
  echo "SKIPPED: the sanitizer leg (DOSSIER_SKIP_SANITIZE=1)" >&2
else
  ./scripts/build.sh --sanitize
  run_ctest build-asan
fi

if [ "${DOSSIER_SKIP_FUZZ:-0}" = 1 ]; then
  echo "SKIPPED: the fuzz smoke leg (DOSSIER_SKIP_FUZZ=1)" >&2
else
  mkdir -p build-fuzz
  for target in $(./scripts/fuzz --list); do
    echo "fuzz smoke: $target, ${DOSSIER_FUZZ_SECONDS:-10} s" >&2
    log=build-fuzz/smoke-$target.log
    ./scripts/fuzz "$target" "${DOSSIER_FUZZ_SECONDS:-10}" >"$log" 2>&1 ||
      { tail -n 40 "$log" >&2; echo "fuzz smoke: $target failed (log: $log)" >&2; exit 1; }
  done
fi
