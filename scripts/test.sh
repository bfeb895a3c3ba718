#!/usr/bin/env bash
# The whole test suite, from a fresh clone: install what is missing, build with warnings as
# errors, run every CTest test. .ci/run calls exactly this.
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/build.sh
ctest --test-dir build --output-on-failure --parallel "$(nproc)"
