#!/usr/bin/env bash
# man_page_test.sh DOSSIER MAN_PAGE: the manual (roff source) documents every subcommand and every
# flag that `dossier --help` and `dossier COMMAND --help` list, each flag in its command's section
# (`.SS "dossier COMMAND ..."`), the exit codes and the environment variables and files Dossier
# reads; and groff formats it without a warning. A flag added to --help without a line in the
# manual fails here.
set -euo pipefail
dossier=$1
page=$2
fail() { echo "FAIL: $*" >&2; exit 1; }

# The page as plain words: "\-" is "-", font changes and "\(aq" dropped.
text=$(sed -e 's/\\-/-/g' -e 's/\\f[BIRP]//g' -e "s/\\\\(aq/'/g" "$page")
# The lines of one section: from its .SS or .SH line to the next one.
section() { printf '%s\n' "$text" | awk -v head="$1" 'index($0, head) == 1 { on = 1; next } /^\.S[SH] / { on = 0 } on'; }
# Here-strings, not pipes into grep -q: with pipefail, a writer cut off by grep's early exit fails.
mentions() { grep -qE -- "(^|[^a-zA-Z0-9-])$2([^a-zA-Z0-9-]|\$)" <<< "$1"; }
# The flag names of a --help text: the first column of the lines under "Options:", split at ",".
flags_of() { awk '/^Options:/ { on = 1; next } /^$/ { on = 0 } on { print $1 }' | tr ',' '\n' | grep -E '^-'; }

commands=$("$dossier" --help | awk '/^Subcommands:/ { on = 1; next } /^$/ { on = 0 } on { print $1 }')
[ -n "$commands" ] || fail "dossier --help lists no subcommands"
for command in $commands; do
  body=$(section ".SS \"dossier $command ")
  [ -n "$body" ] || fail "the manual has no section .SS \"dossier $command ...\""
  for flag in $("$dossier" "$command" --help | flags_of); do
    case $flag in -h | --help) continue ;; esac  # documented once, under "Program flags"
    mentions "$body" "$flag" || fail "dossier $command $flag is not in the manual's section for $command"
  done
done
program=$(section '.SS "Program flags"')
for flag in $("$dossier" --help | flags_of); do
  mentions "$program" "$flag" || fail "dossier $flag is not in the manual's program flags"
done

exits=$(section '.SH EXIT STATUS')
for code in 0 1 2 75; do
  grep -qx "\.B $code" <<< "$exits" || fail "exit code $code is not in EXIT STATUS"
done
environment=$(section '.SH ENVIRONMENT')
for name in DOSSIER_DB XDG_DATA_HOME XDG_CONFIG_HOME HOME NO_COLOR TERM; do
  grep -qx "\.B $name" <<< "$environment" || fail "$name is not in ENVIRONMENT"
done
files=$(section '.SH FILES')
for file in gazetteer.tsv .dossierignore libdossier-pdf.so dossier-index.service; do
  grep -qF "$file" <<< "$files" || fail "$file is not in FILES"
done

warnings=$(groff -man -ww -z "$page" 2>&1) || fail "groff failed: $warnings"
[ -z "$warnings" ] || fail "groff warns: $warnings"
echo "ok: the manual documents $(echo $commands | wc -w) commands, their flags, exit codes and files"
