#!/bin/sh
# SIGTERM or SIGINT during a long 'vchain export' leaves the target as it
# was (or absent, when there was none) and no .vchain-tmp-* file behind.
#
# The export is killed at two moments: while its temporary output file
# exists (the write is under way; the script waits for the file to appear),
# and early (while the input is still being read).  Skips (77) while
# 'vchain export' does not exist.  The command line is
#   vchain export $EXPORT_OPTS -o TARGET INPUT
# (EXPORT_OPTS is --no-analysis by default: scoring 400,000 nodes would
# take minutes before the writing starts; the target's extension names the
# format).  One more run is killed while it is still scoring.
. "$(dirname "$0")/lib.sh"

if ! "$VCHAIN_BIN" export --help >/dev/null 2>&1; then
    echo "skipped: this vchain has no export command yet" >&2
    exit 77
fi
EXPORT_OPTS=${EXPORT_OPTS:---no-analysis}
BIG=$TMP/big.graphml
OUTDIR=$TMP/outdir
mkdir -p "$OUTDIR"

# 400,000 nodes and edges: long enough to be caught in the middle.
awk 'BEGIN {
    print "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">"
    print "<key id=\"k\" for=\"node\" attr.name=\"kind\" attr.type=\"string\"/>"
    print "<key id=\"l\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>"
    print "<graph edgedefault=\"directed\">"
    for (i = 0; i < 400000; i++)
        printf "<node id=\"n%d\"><data key=\"k\">actor</data><data key=\"l\">Firm number %d</data></node>\n", i, i
    for (i = 1; i < 400000; i++) printf "<edge source=\"n%d\" target=\"n%d\"/>\n", i - 1, i
    print "</graph></graphml>" }' >"$BIG"

DEFAULT_SIGNALS=
if env --default-signal=INT true 2>/dev/null; then
    DEFAULT_SIGNALS="env --default-signal=INT,TERM,QUIT"
fi

temps() { find "$OUTDIR" -name '.vchain-tmp-*' | wc -l; }

# kill_export NAME SIGNAL WHEN TARGET_EXISTS
#   WHEN: "writing" (after the temporary file appears), "early" (at once)
#   or "later" (after a second)
kill_export() {
    k_name=$1 k_sig=$2 k_when=$3 k_existing=$4
    target=$OUTDIR/$k_name.graphml
    rm -f "$target"
    if [ "$k_existing" = yes ]; then
        echo "the old file" >"$target"
    fi
    # A background job of a script starts with SIGINT ignored (POSIX), and
    # vchain rightly keeps a signal ignored on entry: give it the default.
    # shellcheck disable=SC2086
    $DEFAULT_SIGNALS "$VCHAIN_BIN" export $EXPORT_OPTS -o "$target" "$BIG" \
        >/dev/null 2>"$TMP/$k_name.err" &
    pid=$!
    seen=0
    if [ "$k_when" = later ]; then
        sleep 1
    elif [ "$k_when" = writing ]; then
        # Wait (up to 60 s) for the temporary file, then strike.
        i=0
        while [ $i -lt 6000 ] && kill -0 "$pid" 2>/dev/null; do
            if [ "$(temps)" -gt 0 ]; then
                seen=1
                break
            fi
            sleep 0.01
            i=$((i + 1))
        done
    fi
    kill -s "$k_sig" "$pid" 2>/dev/null
    wait "$pid"
    rc=$?
    if [ "$k_existing" = yes ]; then
        check "$k_name-target-untouched" test "$(cat "$target" 2>/dev/null)" = "the old file"
    elif [ "$rc" -eq 0 ]; then
        check "$k_name-target-whole" test -s "$target" # finished before the signal
    else
        check "$k_name-target-absent" test ! -e "$target"
    fi
    check "$k_name-no-temp-left" test "$(temps)" -eq 0
    if [ "$k_when" = writing ] && [ $seen -eq 0 ]; then
        fail "$k_name-caught-while-writing" "the export finished (exit $rc) before its temporary file was seen"
    elif [ "$k_when" = writing ]; then
        check "$k_name-died-of-signal" test "$rc" -gt 128
    fi
}

kill_export term-writing-existing TERM writing yes
kill_export term-writing-new TERM writing no
# Every other signal that ends a process by default and can be caught (a
# background job starts with SIGQUIT ignored too: QUIT needs the default).
sigs="USR1 USR2 ALRM HUP"
[ -n "$DEFAULT_SIGNALS" ] && sigs="QUIT $sigs"
for sig in $sigs; do
    kill_export "$(echo $sig | tr 'A-Z' 'a-z')-writing-existing" $sig writing yes
done
kill_export term-early-existing TERM early yes
EXPORT_OPTS_SAVED=$EXPORT_OPTS
EXPORT_OPTS=""   # with scoring: killed while the engine runs
kill_export term-scoring-existing TERM later yes
EXPORT_OPTS=$EXPORT_OPTS_SAVED
if [ -n "$DEFAULT_SIGNALS" ]; then
    kill_export int-writing-existing INT writing yes
    kill_export int-early-new INT early no
else
    echo "note: no 'env --default-signal' here: SIGINT cases left out" >&2
fi

# The same export, not interrupted, does replace the target.
echo "the old file" >"$OUTDIR/whole.graphml"
# shellcheck disable=SC2086
run export $EXPORT_OPTS -o "$OUTDIR/whole.graphml" "$BIG"
expect_rc uninterrupted-export 0
check uninterrupted-replaced sh -c "! grep -q 'the old file' '$OUTDIR/whole.graphml'"
check uninterrupted-no-temp test "$(temps)" -eq 0
finish
