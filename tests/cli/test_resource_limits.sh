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

# 0 is not "no limit" (that is 'none'): refused, as every build checks it.
for zero in 0 0K 0G; do
    run --max-memory $zero info "$G"
    expect_rc "max-memory-$zero-refused" 2
    expect_err "max-memory-$zero-says-why" "--max-memory $zero leaves no memory at all"
    expect_err "max-memory-$zero-names-none" "'none' for no limit"
    check "max-memory-$zero-no-output" test ! -s "$OUT"
done

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

# A small stack limit (ulimit -s 1024) is no reason to crash: the limit's
# set-up stays within it.
(ulimit -s 1024 && exec "$VCHAIN_BIN" --max-memory 64M rank "$G") >"$OUT" 2>"$ERR"
RC=$?
expect_rc small-stack-limit 0

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

# The limit is for data: worker threads' stacks come on top, so --threads 8
# fits in the limit that one thread needs (where default 8 MiB stacks took
# 56 MiB of it and the run fell back to one thread, or ran out of memory).
# A chain of 4000 nodes carrying 16 MB of notes: the threads' own working
# state is small beside it.
awk 'BEGIN {
    pad = "x"; while (length(pad) < 4000) pad = pad pad
    pad = substr(pad, 1, 4000)
    print "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">"
    print "<key id=\"k\" for=\"node\" attr.name=\"kind\" attr.type=\"string\"/>"
    print "<key id=\"n\" for=\"node\" attr.name=\"note\" attr.type=\"string\"/>"
    print "<key id=\"r\" for=\"edge\" attr.name=\"relation\" attr.type=\"string\"/>"
    print "<key id=\"s\" for=\"edge\" attr.name=\"share\" attr.type=\"double\"/>"
    print "<graph edgedefault=\"directed\">"
    for (i = 0; i < 3000; i++)
        printf "<node id=\"i%d\"><data key=\"k\">item</data><data key=\"n\">%s</data></node>\n", i, pad
    for (j = 0; j < 1000; j++)
        printf "<node id=\"a%d\"><data key=\"k\">actor</data><data key=\"n\">%s</data></node>\n", j, pad
    for (i = 1; i < 3000; i++)
        printf "<edge source=\"i%d\" target=\"i%d\"><data key=\"r\">input</data></edge>\n", i, int((i - 1) / 3)
    for (i = 0; i < 3000; i++)
        for (k = 0; k < 2; k++)
            printf "<edge source=\"a%d\" target=\"i%d\"><data key=\"r\">provides</data><data key=\"s\">0.5</data></edge>\n", (i * 7 + k * 13) % 1000, i
    print "</graph></graphml>" }' >"$TMP/notes.graphml"
one=0
for m in 16 20 24 28 32 36 40 48 56 64; do
    if "$VCHAIN_BIN" --max-memory ${m}M rank --threads 1 "$TMP/notes.graphml" >/dev/null 2>&1; then
        one=$m
        break
    fi
done
check threads-one-fits test "$one" -gt 0
"$VCHAIN_BIN" --max-memory ${one}M rank --threads 8 "$TMP/notes.graphml" >"$OUT" 2>"$ERR"
RC=$?
expect_rc "threads-8-fit-in-${one}M" 0
if command -v strace >/dev/null 2>&1; then
    # and it runs on 8 threads there, as without a limit
    starts() {
        strace -f -e trace=clone,clone3 -o "$TMP/strace" "$VCHAIN_BIN" "$@" >/dev/null 2>&1
        # every thread's end, the process's own included
        grep -c '+++ exited with' "$TMP/strace"
    }
    free=$(starts --max-memory none rank --threads 8 "$TMP/notes.graphml")
    tight=$(starts --max-memory ${one}M rank --threads 8 "$TMP/notes.graphml")
    check threads-started-without-limit test "$free" -ge 8
    check "threads-started-under-${one}M ($tight of $free)" test "$tight" -eq "$free"
else
    echo "note: strace is not installed: the number of threads started is not checked" >&2
fi

# libxml2 running out of memory while it grows its input buffer stops the
# parse without an error of its own: that is "out of memory", never "not
# well-formed XML".  The same 200,000-node chain as GraphML and as GEXF,
# under limits from 16 KiB to 2 MiB.
sed -e 's|<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph>|<gexf xmlns="http://gexf.net/1.3" version="1.3"><graph defaultedgetype="directed"><nodes>|' \
    -e 's|^<edge source="n0"|</nodes><edges>&|' \
    -e 's|</graph></graphml>|</edges></graph></gexf>|' "$BIG" >"$TMP/big.gexf"
for f in "$BIG" "$TMP/big.gexf"; do
    wrong=0
    k=16
    while [ $k -le 2048 ]; do
        "$VCHAIN_BIN" --max-memory ${k}K rank "$f" >"$OUT" 2>"$ERR"
        rc=$?
        if [ $rc -ne 0 ] && ! grep -q "out of memory" "$ERR"; then
            wrong=$((wrong + 1))
            echo "at ${k}K: exit $rc: $(head -c 200 "$ERR")"
        fi
        k=$((k + 128))
    done
    check "xml-oom-says-oom (${f##*.})" test $wrong -eq 0
done

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
