#!/bin/sh
# Runs every tests/cli/test_*.sh against $VCHAIN_BIN and prints one summary.
#
# Each script prints "ok NAME" or "FAIL NAME: why" per check (tests/cli/lib.sh
# helps) and exits 0 (all passed), 1 (a check failed) or 77 (skipped, with a
# reason on stderr).  The summary line "N passed, N failed, N skipped" is
# what CI counts.
here=$(dirname "$0")
: "${VCHAIN_BIN:?VCHAIN_BIN must name the vchain binary (make check sets it)}"
export VCHAIN_BIN
passed=0 failed=0 skipped=0
out=$(mktemp) || exit 1
trap 'rm -f "$out"' EXIT
# VCHAIN_CLI_ONLY="bad_inputs basic ..." runs only those scripts (make
# check-valgrind does, to keep its time in bounds; ASan runs them all).
for t in "$here"/test_*.sh; do
    [ -f "$t" ] || continue
    if [ -n "${VCHAIN_CLI_ONLY:-}" ]; then
        name=$(basename "$t" .sh)
        case " $VCHAIN_CLI_ONLY " in *" ${name#test_} "*) ;; *) continue ;; esac
    fi
    sh "$t" >"$out" 2>&1
    rc=$?
    # per-check lines; a script's own summary line is not counted twice
    grep -v -E '^[0-9]+ passed, [0-9]+ failed' "$out"
    p=$(grep -c '^ok ' "$out")
    f=$(grep -c '^FAIL ' "$out")
    passed=$((passed + p))
    failed=$((failed + f))
    if [ "$rc" -eq 77 ]; then
        skipped=$((skipped + 1))
        echo "skipped $(basename "$t")"
    elif [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
        failed=$((failed + 1))
        echo "FAIL $(basename "$t"): exited $rc"
    fi
done
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
