#!/usr/bin/env bash
# schedule_files_test.sh DOSSIER SCRIPTS_DIR: the cron line runs as written (with the paths pointed
# at a scratch folder) and appends one JSON summary per run; the systemd units pass
# `systemd-analyze verify` (Debian package systemd, which scripts/install-deps.sh installs; it needs
# no running systemd). Without systemd-analyze the test says so in one line and exits 77 (skipped).
set -euo pipefail
dossier=$1
scripts=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
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
sh -c "$command" 2> "$work/stderr" || fail "the second cron run failed"
[ ! -s "$work/stderr" ] || fail "a good run wrote to stderr (cron would mail it): $(cat "$work/stderr")"
[ "$(wc -l < "$work/log/index.jsonl")" = 2 ] || fail "expected two summaries in the log"
grep -q '"added":1' "$work/log/index.jsonl" || fail "the log does not record the added file"

if ! command -v systemd-analyze > /dev/null; then
  echo "SKIPPED: systemd-analyze is not installed (scripts/install-deps.sh installs it): the cron line runs, the systemd units are not verified"
  exit 77
fi
mkdir -p "$work/units"
cp "$scripts/systemd/dossier-index.service" "$scripts/systemd/dossier-index.timer" "$work/units/"
# verify checks that ExecStart names an executable: point it at the one just built.
sed -i "s|/usr/local/bin/dossier|$dossier|" "$work/units/dossier-index.service"
output=$(cd "$work/units" && SYSTEMD_LOG_LEVEL=warning systemd-analyze verify --man=no \
           ./dossier-index.timer ./dossier-index.service 2>&1) || fail "systemd-analyze verify: $output"
if printf '%s\n' "$output" | grep -i "dossier-index" > /dev/null; then fail "systemd-analyze verify: $output"; fi
echo "ok: cron line runs; systemd units verify"
