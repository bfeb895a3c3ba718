#!/usr/bin/env bash
# readers_during_writes_test.sh DOSSIER [SEARCHES]: SEARCHES (default 400) searches, two at a time,
# while index runs keep committing every 20 documents: a first run over 2000 reports, then runs that
# each rewrite 100 of them, until the searches are done and at least two runs have finished. Every
# search must succeed (exit 0 or 1 with its JSON; "no index yet" only before the first commit).
set -euo pipefail
dossier=$1
wanted=${2:-400}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
writer_pid=
trap '[ -n "$writer_pid" ] && kill "$writer_pid" 2>/dev/null; rm -rf "$work"' EXIT
"$here/make_reports.sh" "$work/reports" 2000
db="$work/db"

# Index runs in a loop until told to stop; each later run has 100 rewritten reports to commit.
writer() {
  local round=0
  while [ ! -e "$work/stop" ]; do
    "$dossier" index "$work/reports" --db "$db" --batch 20 --quiet || { touch "$work/writer-failed"; return; }
    round=$((round + 1))
    echo "$round" > "$work/rounds"
    for i in $(seq $((round % 20 * 100 + 1)) $((round % 20 * 100 + 100))); do
      file=$(printf '%s/f%02d/report%05d.txt' "$work/reports" $((i % 20)) "$i")
      echo "revision $round corpusmarker" >> "$file"
    done
  done
}

rounds() { cat "$work/rounds" 2>/dev/null || echo 0; }

# `reader ID COUNT`: COUNT searches in turn, and more until two index runs have finished (so the
# searches spanned the first run's commits and a later run's); the count is written to $work/count.ID,
# the first failure to $work/failed.ID.
reader() {
  local id=$1 count=$2 n=0 code
  local queries=(corpusmarker 'Volt AND Typhoon' '"telecom router"' 'country:NO' 'revision OR espionage')
  while { [ "$n" -lt "$count" ] || [ "$(rounds)" -lt 2 ]; } && [ ! -e "$work/writer-failed" ]; do
    query=${queries[$((n % ${#queries[@]}))]}
    code=0
    "$dossier" search "$query" --db "$db" --json -n 5 --facets > "$work/out.$id" 2> "$work/err.$id" || code=$?
    if [ "$code" -eq 0 ] || [ "$code" -eq 1 ]; then
      grep -q '"total"' "$work/out.$id" || { echo "search '$query' exited $code without JSON" > "$work/failed.$id"; return; }
    elif ! grep -q "no index at" "$work/err.$id" || [ -e "$work/rounds" ]; then
      # Before the first commit there is no index yet: that is the only acceptable error.
      echo "search '$query' exited $code: $(cat "$work/err.$id")" > "$work/failed.$id"
      return
    fi
    n=$((n + 1))
  done
  echo "$n" > "$work/count.$id"
}

writer &
writer_pid=$!
reader 1 $((wanted / 2)) &
reader_one=$!
reader 2 $((wanted - wanted / 2))
wait "$reader_one"
rounds_when_done=$(rounds)
touch "$work/stop"
wait "$writer_pid" || true
writer_pid=

for id in 1 2; do
  [ ! -e "$work/failed.$id" ] || { echo "FAIL: $(cat "$work/failed.$id")" >&2; exit 1; }
done
[ ! -e "$work/writer-failed" ] || { echo "FAIL: an index run failed" >&2; exit 1; }
searches=$(($(cat "$work/count.1") + $(cat "$work/count.2")))
[ "$searches" -ge "$wanted" ] || { echo "FAIL: only $searches searches ran" >&2; exit 1; }
echo "ok: $searches searches while $rounds_when_done index runs committed, none failed"
