# Helpers for tests/cli/test_*.sh (POSIX sh).  Source it, then call run and
# the expect_* checks; end with `finish`.
#
#   run [--stdin FILE] ARGS...   runs $VCHAIN_WRAP $VCHAIN_BIN ARGS, keeps stdout,
#                                stderr and the exit status in $OUT, $ERR, $RC
#   expect_rc NAME N             the last run exited N
#   expect_out NAME TEXT         stdout contains TEXT (fixed string)
#   expect_err NAME TEXT         stderr contains TEXT
#   expect_no_err NAME           stderr is empty
#   check NAME CONDITION...      a check of your own: passes when the command succeeds
: "${VCHAIN_BIN:?VCHAIN_BIN must name the vchain binary}"
SRC=${VCHAIN_SRCDIR:-.}
SHARED=${VCHAIN_SHARED:-$SRC/../shared}
TMP=$(mktemp -d) || exit 1
trap 'rm -rf "$TMP"' EXIT
OUT=$TMP/out ERR=$TMP/err RC=0 FAILS=0

run() {
    if [ "$1" = --stdin ]; then
        in=$2; shift 2
        $VCHAIN_WRAP "$VCHAIN_BIN" "$@" <"$in" >"$OUT" 2>"$ERR"
    else
        $VCHAIN_WRAP "$VCHAIN_BIN" "$@" </dev/null >"$OUT" 2>"$ERR"
    fi
    RC=$?
}

pass() { echo "ok $1"; }
fail() { echo "FAIL $1: $2"; FAILS=$((FAILS + 1)); }

expect_rc() {
    if [ "$RC" -eq "$2" ]; then pass "$1"; else
        fail "$1" "exit $RC, expected $2; stderr: $(head -c 300 "$ERR" 2>/dev/null)"; fi
}
expect_out() {
    if grep -F -q -- "$2" "$OUT"; then pass "$1"; else
        fail "$1" "stdout lacks '$2'"; fi
}
expect_err() {
    if grep -F -q -- "$2" "$ERR"; then pass "$1"; else
        fail "$1" "stderr lacks '$2'; stderr: $(head -c 300 "$ERR" 2>/dev/null)"; fi
}
expect_no_err() {
    if [ ! -s "$ERR" ]; then pass "$1"; else
        fail "$1" "unexpected stderr: $(head -c 300 "$ERR" 2>/dev/null)"; fi
}
check() {
    name=$1; shift
    if "$@"; then pass "$name"; else fail "$name" "check failed: $*"; fi
}
finish() { [ "$FAILS" -eq 0 ]; exit $?; }
