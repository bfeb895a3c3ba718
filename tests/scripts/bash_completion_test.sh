#!/usr/bin/env bash
# bash_completion_test.sh DOSSIER COMPLETION: runs the bash completion as bash would (COMP_WORDS,
# COMP_CWORD set, the function called) and checks what it offers: subcommands, flags, fixed values,
# the countries and actors of an index (quoted when they hold spaces), file and folder names.
set -euo pipefail
dossier=$1
script=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# shellcheck source=completion_checks.sh
source "$(dirname "$0")/completion_checks.sh"

mkdir -p "$work/reports"
printf 'APT40 and the Ministry of State Security of China struck Norway again.\n' > "$work/reports/a.txt"
"$dossier" index "$work/reports" --db "$work/db"

# offered WORD...: the candidates bash gets for `dossier WORD...`, the last word being completed.
offered() {
  bash --norc --noprofile -c '
    script=$1; shift
    source "$script"
    COMP_WORDS=("$@"); COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
    COMP_LINE="${COMP_WORDS[*]}"; COMP_POINT=${#COMP_LINE}
    _dossier
    printf "%s\n" "${COMPREPLY[@]}"' _ "$script" "$dossier" "$@"
}

subcommands=$("$dossier" --help | awk '/^Subcommands:/ { on = 1; next } /^$/ { on = 0 } on { print $1 }')
expect "$subcommands" ""
expect $'search\nserve' se
expect search sea
expect $'--count\n--country' search espionage --cou
expect $'json\njsonl' search --format j
expect $'NO\nNorway' search --db "$work/db" --country no
expect 'Ministry\ of\ State\ Security\ \(MSS\)' search --db "$work/db" --actor Minis
expect '"Ministry of State Security (MSS)' search --db "$work/db" --actor '"Minis'
expect "$work/reports" index "$work/rep"
expect "$work/db" search --db "$work/d"
expect "" search espion
registered=$(bash --norc --noprofile -c 'source "$1"; complete -p dossier' _ "$script")
grep -q -- '-F _dossier' <<< "$registered" || fail "the script does not register _dossier for dossier"
echo "ok: bash completion offers commands, flags, values and paths"
