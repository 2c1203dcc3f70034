# --max-memory: an input needing more memory than allowed stops with an
# "out of memory" error that names the limit and how to raise it, never a
# crash; every allocation-failure path of a small run is walked through by
# raising the limit step by step.  Runs the plain binary (valgrind has its
# own address-space needs); skips where the limit is not enforced
# (AddressSanitizer builds).
. "$(dirname "$0")/lib.sh"
G=$SRC/graphs/semiconductor-lithography.graphml
BIG=$TMP/big.graphml

awk 'BEGIN {
    print "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"><graph>"
    for (i = 0; i < 200000; i++) printf "<node id=\"n%d\"/>\n", i
    for (i = 1; i < 200000; i++) printf "<edge source=\"n%d\" target=\"n%d\"/>\n", i - 1, i
    print "</graph></graphml>" }' >"$BIG"

"$VCHAIN_BIN" --max-memory 64K info "$G" >/dev/null 2>&1
if [ $? -eq 0 ]; then
    echo "skipped: this build does not enforce --max-memory (AddressSanitizer reserves the address space)" >&2
    exit 77
fi

"$VCHAIN_BIN" --max-memory 20M info "$BIG" >"$OUT" 2>"$ERR"
RC=$?
expect_rc max-memory-exit 1
expect_err max-memory-says-oom "out of memory"
expect_err max-memory-names-limit "this run was limited to 20 MiB of memory by --max-memory"
expect_err max-memory-says-how "give a larger --max-memory SIZE"
check max-memory-no-output test ! -s "$OUT"

# A limit below what a run needs at all ends in the same error, never a
# crash (the stack, too, lives in the limited address space).
for size in 1 1K 100K; do
    "$VCHAIN_BIN" --max-memory $size rank "$BIG" >"$OUT" 2>"$ERR"
    RC=$?
    expect_rc "tiny-limit-$size-exit" 1
    expect_err "tiny-limit-$size-says-oom" "out of memory"
done

"$VCHAIN_BIN" --max-memory 1G info "$BIG" >"$OUT" 2>"$ERR"
RC=$?
expect_rc max-memory-enough 0
expect_out max-memory-enough-result "nodes            200000"
"$VCHAIN_BIN" --max-memory none info "$BIG" >"$OUT" 2>"$ERR"
RC=$?
expect_rc max-memory-none 0

# A tighter limit set from outside is kept, and named.
(ulimit -v 60000 && exec "$VCHAIN_BIN" --max-memory 1G info "$BIG") >"$OUT" 2>"$ERR"
RC=$?
expect_rc ulimit-kept 1
expect_err ulimit-named "limited to 60000 KiB from outside (ulimit -v)"

run --max-memory 12Q info "$G"
expect_rc max-memory-bad-size 2
expect_err max-memory-bad-size-says "--max-memory takes a size such as 512M or 4G"
run --max-memory -5M info "$G"
expect_rc max-memory-negative 2
run --max-memory 99999999999999999999T info "$G"
expect_rc max-memory-overflow 2

# Every allocation that can fail on the way: from 8 KiB up, in 8 KiB steps,
# each run either succeeds or says "out of memory"; never a signal.
crashes=0 ooms=0 oks=0 silent=0
k=8
while [ $k -le 400 ]; do
    "$VCHAIN_BIN" --max-memory ${k}K info --format json "$G" >"$OUT" 2>"$ERR"
    rc=$?
    if [ $rc -eq 0 ]; then
        oks=$((oks + 1))
    elif [ $rc -eq 1 ] && grep -q "out of memory" "$ERR"; then
        ooms=$((ooms + 1))
    elif [ $rc -eq 1 ]; then
        silent=$((silent + 1))
        echo "at ${k}K: $(head -c 200 "$ERR")"
    else
        crashes=$((crashes + 1))
        echo "at ${k}K: exit $rc: $(head -c 200 "$ERR")"
    fi
    k=$((k + 8))
done
check oom-sweep-no-crash test $crashes -eq 0
check oom-sweep-errors-say-oom test $silent -eq 0
check oom-sweep-reached-both-ends test $ooms -gt 0 -a $oks -gt 0
finish
