#!/bin/sh
# Output files as cp(1) users expect them: links are written through (also
# dangling ones), a file this user may not write is refused unless --force,
# an existing file keeps its mode and owner, a failed CSV export leaves no
# new empty folder, two exports to one folder leave one run's pair, and no
# temporary file is ever read as input.
. "$(dirname "$0")/lib.sh"
G=$SRC/graphs/semiconductor-lithography.graphml
G2=$SRC/graphs/batteries.graphml

# ---- symbolic links ----
ln -s target.gexf "$TMP/dangling.gexf"
run export --no-analysis -o "$TMP/dangling.gexf" "$G"
expect_rc dangling-link-exit 0
check dangling-link-kept test -L "$TMP/dangling.gexf"
check dangling-link-target-written grep -q '<gexf' "$TMP/target.gexf"
mkdir "$TMP/sub"
ln -s ../target2.gexf "$TMP/sub/rel.gexf"
ln -s sub/rel.gexf "$TMP/chain.gexf"
run export --no-analysis -o "$TMP/chain.gexf" "$G"
expect_rc link-chain-exit 0
check link-chain-target-written grep -q '<gexf' "$TMP/target2.gexf"
ln -s loop-b.gexf "$TMP/loop-a.gexf"
ln -s loop-a.gexf "$TMP/loop-b.gexf"
run export --no-analysis -o "$TMP/loop-a.gexf" "$G"
expect_rc link-loop-exit 1
expect_err link-loop-message "loop-a.gexf: cannot follow the symbolic link: Too many levels of symbolic links"

# ---- names ----
run export --no-analysis -o '' "$G"
expect_rc empty-name-exit 1
expect_err empty-name-message "the output file name is empty"
# the same message wherever an output is named, before any guess at a format
for args in "report -o ''" "report --format svg -o ''" "compare --report '' $G" \
            "compare --export '' $G" "whatif --remove ASML --export ''" "convert -o ''"; do
    eval "run $args \"\$G\""
    expect_rc "empty-name-exit ($args)" 1
    expect_err "empty-name-message ($args)" "vchain: error: the output file name is empty (use '-' for standard output)"
done
if [ -w /dev/full ]; then
    $VCHAIN_WRAP "$VCHAIN_BIN" report -o - "$G" </dev/null >/dev/full 2>"$ERR"
    RC=$?
    expect_rc report-dev-full-exit 1
    expect_err report-dev-full-names-stdout "vchain: error: standard output: write error: No space left on device"
fi

# ---- ownership and permissions ----
# A shared folder that another user can write (as /tmp is).
SHARE=$TMP/share
mkdir "$SHARE"
chmod 755 "$TMP"
chmod 1777 "$SHARE"
cp "$G" "$SHARE/in.graphml"
chmod 644 "$SHARE/in.graphml"
echo "keep me" >"$SHARE/ro.gexf"
chmod 444 "$SHARE/ro.gexf"
OTHER=
if [ "$(id -u)" -eq 0 ] && command -v setpriv >/dev/null 2>&1 && id nobody >/dev/null 2>&1; then
    OTHER="setpriv --reuid=nobody --regid=$(id -g nobody) --clear-groups"
fi
if [ "$(id -u)" -ne 0 ]; then
    # not root: the file is ours but read-only; cp refuses it too
    run export --no-analysis -o "$SHARE/ro.gexf" "$SHARE/in.graphml"
    expect_rc read-only-refused-exit 1
    expect_err read-only-refused-message "will not replace a file that is not writable"
    check read-only-untouched grep -q "keep me" "$SHARE/ro.gexf"
    run --stdin /dev/null --force export --no-analysis -o "$SHARE/ro.gexf" "$SHARE/in.graphml"
    expect_rc read-only-force-exit 0
elif [ -n "$OTHER" ]; then
    # root's file, read-only, in a folder everyone may write: another user
    # could rename over it, but must not
    $OTHER $VCHAIN_WRAP "$VCHAIN_BIN" export --no-analysis -o "$SHARE/ro.gexf" \
        "$SHARE/in.graphml" </dev/null >"$OUT" 2>"$ERR"
    RC=$?
    expect_rc read-only-refused-exit 1
    expect_err read-only-refused-message "ro.gexf: will not replace a file that is not writable (Permission denied); --force replaces it"
    check read-only-untouched grep -q "keep me" "$SHARE/ro.gexf"
    check read-only-no-temp test -z "$(find "$SHARE" -name '.vchain-tmp-*')"
    # root replaces another user's file as cp does: its owner and mode stay
    echo "theirs" >"$SHARE/theirs.gexf"
    chown nobody "$SHARE/theirs.gexf"
    chmod 640 "$SHARE/theirs.gexf"
    run export --no-analysis -o "$SHARE/theirs.gexf" "$SHARE/in.graphml"
    expect_rc root-replaces-exit 0
    check root-keeps-owner test "$(stat -c %U "$SHARE/theirs.gexf")" = nobody
    check root-keeps-mode test "$(stat -c %a "$SHARE/theirs.gexf")" = 640
    check root-replaced grep -q '<gexf' "$SHARE/theirs.gexf"
else
    echo "ok read-only-skipped (root without setpriv or user nobody)"
fi

# ---- a failed CSV export leaves no new folder ----
# A file size limit makes every write past 1 KiB fail (EFBIG), as a full disk would.
(
    ulimit -f 2
    $VCHAIN_WRAP "$VCHAIN_BIN" export --no-analysis --format csv -o "$TMP/newdir" "$G" </dev/null \
        >"$OUT" 2>"$ERR"
    echo $? >"$TMP/rc"
)
RC=$(cat "$TMP/rc")
expect_rc csv-full-exit 1
expect_err csv-full-message "newdir/nodes.csv: write error: File too large"
check csv-full-no-folder test ! -e "$TMP/newdir"

# ---- two exports into one folder: one run's pair ----
mkdir "$TMP/a" "$TMP/b" "$TMP/race"
run export --no-analysis --format csv -o "$TMP/a/" "$G"
run export --no-analysis --format csv -o "$TMP/b/" "$G2"
mixed=0
i=0
while [ $i -lt 12 ]; do
    "$VCHAIN_BIN" export --no-analysis --format csv -o "$TMP/race/" "$G" 2>/dev/null &
    p1=$!
    "$VCHAIN_BIN" export --no-analysis --format csv -o "$TMP/race/" "$G2" 2>/dev/null &
    p2=$!
    wait $p1 $p2
    if cmp -s "$TMP/race/nodes.csv" "$TMP/a/nodes.csv"; then
        cmp -s "$TMP/race/edges.csv" "$TMP/a/edges.csv" || mixed=$((mixed + 1))
    else
        cmp -s "$TMP/race/edges.csv" "$TMP/b/edges.csv" || mixed=$((mixed + 1))
    fi
    i=$((i + 1))
done
check csv-pair-never-mixed test "$mixed" -eq 0

# ---- temporary files are never input ----
cp "$G" "$TMP/.vchain-tmp-AbC123"
run info "$TMP/.vchain-tmp-AbC123"
expect_rc temp-input-exit 1
expect_err temp-input-message "is a temporary file that a killed vchain run left behind"
finish
