#!/usr/bin/env bash
# readers_during_writes_test.sh DOSSIER: searches and stats in a loop while an index run commits
# every few documents; every one must succeed (exit 0, or 1 before the first match is committed).
set -euo pipefail
dossier=$1
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT
"$here/make_reports.sh" "$work/reports" 2000
db="$work/db"
"$dossier" index "$work/reports" --db "$db" --batch 20 --quiet &
pid=$!
searches=0
while kill -0 "$pid" 2>/dev/null; do
  for query in corpusmarker 'Volt AND Typhoon' '"telecom router"' 'country:NO'; do
    code=0
    "$dossier" search "$query" --db "$db" --json -n 5 > "$work/out" 2> "$work/err" || code=$?
    if [ "$code" -ne 0 ] && [ "$code" -ne 1 ]; then
      # Before the first commit there is no index yet: that is the only acceptable error.
      grep -q "no index at" "$work/err" || { echo "FAIL: search '$query' exited $code: $(cat "$work/err")" >&2; exit 1; }
    fi
    searches=$((searches + 1))
  done
done
wait "$pid" || { echo "FAIL: the index run failed" >&2; exit 1; }
[ "$searches" -ge 40 ] || { echo "FAIL: only $searches searches ran during the index run" >&2; exit 1; }
echo "ok: $searches searches during the run, none failed"
