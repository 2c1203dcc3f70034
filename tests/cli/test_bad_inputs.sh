#!/bin/sh
# The bad-input suite: every case of tests/bad/expected.tsv through
# 'vchain info', checking the exit status, the message, its line:col, that
# the run ended within BAD_TIMEOUT seconds and without a signal, and that no
# sanitizer or valgrind report appeared.  $VCHAIN_WRAP (e.g. valgrind) wraps
# each run.  Prints "ok bad/NAME" or "FAIL bad/NAME: why" per case and ends
# with "N passed, N failed"; exits 0 only when every case passed.
: "${VCHAIN_BIN:?VCHAIN_BIN must name the vchain binary}"
SRC=${VCHAIN_SRCDIR:-.}
BAD=$SRC/tests/bad
# Seconds per case: a few natively; valgrind is some 30 times slower.
if [ -n "${VCHAIN_WRAP:-}" ]; then : "${BAD_TIMEOUT:=120}"; else : "${BAD_TIMEOUT:=5}"; fi

TMP=$(mktemp -d) || exit 1
trap 'rm -rf "$TMP"' EXIT INT TERM
if ! sh "$BAD/make_large.sh" "$TMP/gen" >"$TMP/gen.log" 2>&1; then
    echo "FAIL bad/make_large.sh: $(head -c 300 "$TMP/gen.log")"
    echo "0 passed, 1 failed"
    exit 1
fi

passed=0 failed=0
tab=$(printf '\t')
ok() { echo "ok bad/$1"; passed=$((passed + 1)); }
bad() { echo "FAIL bad/$1: $2"; failed=$((failed + 1)); }

# Signs of a memory error or undefined behaviour, whatever the exit status.
report_re='AddressSanitizer|LeakSanitizer|UndefinedBehaviorSanitizer|runtime error:|==[0-9]+== (Invalid|Conditional|Use of uninit|Mismatched|Syscall param)|definitely lost|indirectly lost|possibly lost'

while IFS="$tab" read -r file want msg pos opts; do
    case $file in '' | '#'*) continue ;; esac
    case $file in
    gen/*) path=$TMP/$file ;;
    *) path=$BAD/$file ;;
    esac
    if [ ! -e "$path" ]; then
        bad "$file" "input file missing"
        continue
    fi
    # shellcheck disable=SC2086  # $opts and $VCHAIN_WRAP are word lists
    timeout -k 2 "$BAD_TIMEOUT" $VCHAIN_WRAP "$VCHAIN_BIN" info $opts "$path" \
        </dev/null >"$TMP/out" 2>"$TMP/err"
    rc=$?
    if [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ]; then
        bad "$file" "no answer within $BAD_TIMEOUT s (hang?)"
        continue
    fi
    if [ "$rc" -gt 128 ]; then
        bad "$file" "killed by signal $((rc - 128)); stderr: $(head -c 300 "$TMP/err")"
        continue
    fi
    if grep -E -q "$report_re" "$TMP/err"; then
        bad "$file" "sanitizer/valgrind report: $(grep -E -m 3 "$report_re" "$TMP/err")"
        continue
    fi
    if [ "$rc" -ne "$want" ]; then
        bad "$file" "exit $rc, expected $want; stderr: $(head -c 300 "$TMP/err")"
        continue
    fi
    if [ "$msg" = "-" ]; then
        if [ -s "$TMP/err" ]; then
            bad "$file" "expected no message; stderr: $(head -c 300 "$TMP/err")"
            continue
        fi
    elif [ "$want" -eq 0 ]; then
        if ! cat "$TMP/err" "$TMP/out" | grep -F -q -- "$msg"; then
            bad "$file" "output lacks '$msg'; stderr: $(head -c 300 "$TMP/err")"
            continue
        fi
    elif ! grep -F -q -- "$msg" "$TMP/err"; then
        bad "$file" "stderr lacks '$msg'; stderr: $(head -c 300 "$TMP/err")"
        continue
    fi
    # LINE:COL follows the input's name; for a folder of tables it is
    # FILE.csv:LINE[:COL] inside it.
    case $pos in
    [0-9]*) loc=$path:$pos ;;
    *) loc=$path/$pos ;;
    esac
    if [ "$pos" != "-" ] && ! grep -F -q -- "$loc: " "$TMP/err"; then
        bad "$file" "not located at $pos; stderr: $(head -c 300 "$TMP/err")"
        continue
    fi
    ok "$file"
done <"$BAD/expected.tsv"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
