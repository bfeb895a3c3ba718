#!/usr/bin/env bash
# zsh_completion_test.sh DOSSIER COMPLETION: loads the zsh completion function as compinit would
# (autoload from $fpath), with compadd and _files replaced by functions that print what they are
# given, and checks what it offers. Exit 77 (skipped) where zsh is not installed.
set -euo pipefail
dossier=$1
script=$2
command -v zsh > /dev/null || { echo "zsh not installed: skipped"; exit 77; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# shellcheck source=completion_checks.sh
source "$(dirname "$0")/completion_checks.sh"

mkdir -p "$work/reports" "$work/functions"
cp "$script" "$work/functions/_dossier"
printf 'APT40 struck Norway.\n' > "$work/reports/a.txt"
"$dossier" index "$work/reports" --db "$work/db"

offered() {
  zsh -f -c '
    fpath=("$1" $fpath); shift
    autoload -Uz _dossier
    compadd() { local i=${@[(i)--]}; print -rl -- "${@[i+1,-1]}" }
    _files() { print -r -- "_files $*" }
    words=("$@"); CURRENT=$#words
    _dossier' _ "$work/functions" "$dossier" "$@"
}

expect $'search\nserve' se
expect search sea
expect $'--count\n--country' search espionage --cou
expect $'NO\nNorway' search --db "$work/db" --country no
expect '--country=Norway' search --db "$work/db" --country=Nor
expect '_files ' index "$work/rep"
expect '_files -/' search --db "$work/d"
echo "ok: zsh completion offers commands, flags, values and paths"
