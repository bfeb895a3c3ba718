# Sourced by the completion tests: `fail`, and `expect EXPECTED WORD...`, which compares what the
# test's own `offered WORD...` prints (the candidates a shell offers for `dossier WORD...`, the last
# word being completed) with EXPECTED (one candidate per line).
fail() { echo "FAIL: $*" >&2; exit 1; }
expect() {
  local expected=$1
  shift
  local got
  got=$(offered "$@")
  [ "$got" = "$expected" ] || fail "dossier $* <TAB>: expected [$expected], got [$got]"
}
