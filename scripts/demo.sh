#!/usr/bin/env bash
# Dossier's main job, from a fresh clone: install what is missing, build, index corpus/ and search.
# The index goes where `dossier` looks by default ($DOSSIER_DB, else ~/.local/share/dossier/index),
# so that ./build/bin/dossier search ... works afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/build.sh dossier
dossier=./build/bin/dossier

echo "==> dossier index corpus" >&2
"$dossier" index corpus

echo "==> dossier search \"Chinese espionage\"" >&2
"$dossier" search "Chinese espionage"

echo >&2
echo "Try: $dossier search '\"Ministry of State Security\"'   (see README.md for more)" >&2
echo "The search page: $dossier serve, then open the address it prints" >&2
