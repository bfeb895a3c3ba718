#!/usr/bin/env bash
# crash_loop_test.sh DOSSIER: kills indexing runs with SIGKILL mid-run, five times, then checks that
# the database opens after each kill and that a final run leaves exactly one document per file, with
# nothing lost. Each run is killed on a sign of its progress, not after a time: when it has reported
# (--verbose) its Nth added or updated document, N varying from round to round so that some kills
# land just after a commit (every 50 documents) and some between two. However fast or slow the
# machine, every run is then killed with well over a thousand documents still to do; `wait` tells
# a run that was killed (exit 137) from one that had ended.
set -euo pipefail
dossier=$1
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
files=2000
"$here/make_reports.sh" "$work/reports" "$files"
db="$work/db"

fail() { echo "FAIL: $*" >&2; exit 1; }
number() { grep -o "\"$1\":[0-9]*" | head -1 | cut -d: -f2; }

# The Nth change of each round's run at which it is killed.
kill_points=(50 137 200 263 349)
mkfifo "$work/changes"
for round in 1 2 3 4 5; do
  # Later rounds change a third of the files too, so that the killed runs are doing updates, not
  # only adds.
  if [ "$round" -ge 2 ]; then
    for k in $(seq $((round * 7)) 3 $files); do
      printf 'revised in round %d\n' "$round" >> "$work/reports/f$(printf %02d $((k % 20)))/report$(printf %05d "$k").txt"
    done
  fi
  point=${kill_points[$((round - 1))]}
  "$dossier" index "$work/reports" --db "$db" --batch 50 --verbose 2> "$work/changes" &
  pid=$!
  changes=0
  : > "$work/other.log"
  while IFS= read -r line; do
    case $line in
      "added "* | "updated "*) changes=$((changes + 1)) ;;
      *) printf '%s\n' "$line" >> "$work/other.log" ;;
    esac
    if [ "$changes" -ge "$point" ]; then
      kill -9 "$pid"
      break
    fi
  done < "$work/changes"
  status=0
  wait "$pid" || status=$?
  [ "$status" = 137 ] || fail "round $round: the run was not killed at change $point (it exited $status after $changes changes): $(cat "$work/other.log")"
  if "$dossier" stats --db "$db" --json > "$work/stats.json" 2> "$work/stats.err"; then
    echo "round $round: killed at change $point with $(number documents < "$work/stats.json") documents committed"
  else
    # Killed before its first commit: the new index is still empty, which readers are told.
    grep -q "yet (it is being created)" "$work/stats.err" || fail "round $round: the database does not open: $(cat "$work/stats.err")"
  fi
done

"$dossier" index "$work/reports" --db "$db" --json > "$work/final.json" || fail "the final run failed: $(cat "$work/final.json")"
[ "$(number failed < "$work/final.json")" = 0 ] || fail "files failed in the final run"
"$dossier" stats --db "$db" --json > "$work/stats.json"
documents=$(number documents < "$work/stats.json")
[ "$documents" = "$files" ] || fail "$documents documents for $files files"
# Every file is findable by its own word, and the marker every file has matches each exactly once.
total=$("$dossier" search corpusmarker --db "$db" --json -n 1 | number total)
[ "$total" = "$files" ] || fail "corpusmarker matches $total documents, not $files"
for k in 1 500 1999 2000; do
  word=$(printf 'report%05d' "$k")
  [ "$("$dossier" search "$word" --db "$db" --json -n 5 | number total)" = 1 ] || fail "$word is not one document"
done
# The revisions of the last round are indexed.
revised=$("$dossier" search '"revised in round 5"' --db "$db" --json -n 1 | number total)
expected=$(seq 35 3 $files | wc -l)
[ "$revised" = "$expected" ] || fail "$revised documents have round 5's revision, not $expected"
echo "ok: 5 runs killed mid-run; $documents documents for $files files"
