#!/usr/bin/env bash
# schedule_files_test.sh DOSSIER SCRIPTS_DIR: the cron line runs as written (with the paths pointed
# at a scratch folder) and appends one JSON summary per run, with the watches' news; the server
# unit's command line serves that index and stops on SIGTERM with exit 0; the systemd units pass
# `systemd-analyze verify` (Debian package systemd, which scripts/install-deps.sh installs; it needs
# no running systemd). Without systemd-analyze the test says so in one line and exits 77 (skipped).
set -euo pipefail
dossier=$1
scripts=$2
work=$(mktemp -d)
serve_pid=
trap 'if [ -n "$serve_pid" ]; then kill "$serve_pid" 2> /dev/null || true; fi; rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

mkdir -p "$work/reports" "$work/log"
printf 'Volt Typhoon in utilities\n' > "$work/reports/a.txt"
line=$(grep -v '^#' "$scripts/cron/dossier-index" | grep -v '^[[:space:]]*$')
[ "$(printf '%s\n' "$line" | wc -l)" = 1 ] || fail "the cron file must hold exactly one job"
read -r minute hour dom month dow user command <<< "$line"
[ "$minute $hour $dom $month $dow" = "*/15 * * * *" ] || fail "unexpected schedule: $minute $hour $dom $month $dow"
[ "$user" = dossier ] || fail "the job should run as user dossier, not $user"
command=${command//\/usr\/local\/bin\/dossier/$dossier}
command=${command//\/var\/lib\/dossier/$work/lib}
command=${command//\/var\/log\/dossier/$work/log}
command=${command//\/srv\/reports/$work/reports}
sh -c "$command" 2> "$work/stderr" || fail "the cron command failed: $(cat "$work/stderr")"
printf 'Salt Typhoon\n' > "$work/reports/b.txt"
# The job runs the watches (--watch): their news joins the run's summary.
"$dossier" watch add salt Salt --db "$work/lib/index" || fail "watch add failed"
sh -c "$command" 2> "$work/stderr" || fail "the second cron run failed"
[ ! -s "$work/stderr" ] || fail "a good run wrote to stderr (cron would mail it): $(cat "$work/stderr")"
[ "$(wc -l < "$work/log/index.jsonl")" = 2 ] || fail "expected two summaries in the log"
grep -q '"added":1' "$work/log/index.jsonl" || fail "the log does not record the added file"
tail -n 1 "$work/log/index.jsonl" | grep -q '"watches":\[{"name":"salt".*"new":1.*b.txt' ||
  fail "the second summary does not carry the watch's news: $(tail -n 1 "$work/log/index.jsonl")"
grep -q -- '--watch' "$scripts/systemd/dossier-index.service" || fail "the systemd service does not run the watches"

# The server unit's ExecStart, pointed at the scratch index and a free port.
serve=$(sed -n 's/^ExecStart=//p' "$scripts/systemd/dossier-serve.service")
serve=${serve//\/usr\/local\/bin\/dossier/$dossier}
serve=${serve//\/var\/lib\/dossier/$work/lib}
serve=${serve//--port 8080/--port 0}
sh -c "exec $serve" > "$work/serve.out" 2> "$work/serve.err" &
serve_pid=$!
for _ in $(seq 600); do
  [ -s "$work/serve.out" ] && break
  kill -0 "$serve_pid" 2> /dev/null || break
  sleep 0.1
done
grep -Eq '^http://127\.0\.0\.1:[0-9]+/#token=[0-9a-f]{32}$' "$work/serve.out" ||
  fail "the server unit's command did not print its address: $(cat "$work/serve.out" "$work/serve.err")"
kill -TERM "$serve_pid"
serve_code=0
wait "$serve_pid" || serve_code=$?
serve_pid=
[ "$serve_code" = 0 ] || fail "the server exited $serve_code on SIGTERM: $(cat "$work/serve.err")"

if ! command -v systemd-analyze > /dev/null; then
  echo "SKIPPED: systemd-analyze is not installed (scripts/install-deps.sh installs it): the cron line runs, the systemd units are not verified"
  exit 77
fi
mkdir -p "$work/units"
cp "$scripts/systemd/dossier-index.service" "$scripts/systemd/dossier-index.timer" \
   "$scripts/systemd/dossier-serve.service" "$work/units/"
# verify checks that ExecStart names an executable: point it at the one just built.
sed -i "s|/usr/local/bin/dossier|$dossier|" "$work/units/dossier-index.service" "$work/units/dossier-serve.service"
output=$(cd "$work/units" && SYSTEMD_LOG_LEVEL=warning systemd-analyze verify --man=no \
           ./dossier-index.timer ./dossier-index.service ./dossier-serve.service 2>&1) ||
  fail "systemd-analyze verify: $output"
if printf '%s\n' "$output" | grep -i "dossier-" > /dev/null; then fail "systemd-analyze verify: $output"; fi
echo "ok: cron line runs; the server unit's command serves; systemd units verify"
