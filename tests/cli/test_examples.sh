# Every quoted answer in docs/examples.md is what the command in its marker
# prints today: the block between "<!-- rank ARGS -->" and "<!-- end rank -->"
# equals `vchain ARGS` run from the source tree.  When the engine changes the
# figures, tools/refresh_examples.sh rewrites the blocks.  Also checks that
# every graph in graphs/ has such a block, and that the refresh script
# reproduces the document unchanged.
. "$(dirname "$0")/lib.sh"
DOC=$SRC/docs/examples.md
cd "$SRC" || exit 1
n=0
grep -n '^<!-- rank .* -->$' "$DOC" | grep -v 'end rank' >"$TMP/markers"
while IFS= read -r m; do
    ln=${m%%:*}
    args=${m#*:<!-- }
    args=${args% -->}
    n=$((n + 1))
    name=$(echo "$args" | sed 's/.*graphs\///; s/\.graphml.*//')
    # the block: the lines after the marker up to the end marker
    awk -v s="$ln" 'NR > s { if ($0 == "<!-- end rank -->") exit; print }' "$DOC" >"$TMP/quoted"
    # shellcheck disable=SC2086
    run -q $args
    expect_rc "examples-$name-runs" 0
    if cmp -s "$TMP/quoted" "$OUT"; then pass "examples-$name-quoted-as-printed"; else
        fail "examples-$name-quoted-as-printed" "docs/examples.md differs from 'vchain $args' (run tools/refresh_examples.sh): $(diff "$TMP/quoted" "$OUT" | head -5)"
    fi
done <"$TMP/markers"
check examples-blocks-found test "$n" -ge 1
for f in graphs/*.graphml; do
    check "examples-quotes-$(basename "$f" .graphml)" grep -qF -- "<!-- rank --country NLD --format md $f -->" "$DOC"
done
# the refresh script rewrites nothing when the blocks are current
mkdir -p "$TMP/tree/docs" "$TMP/tree/tools"
cp "$DOC" "$TMP/tree/docs/examples.md"
cp tools/refresh_examples.sh "$TMP/tree/tools/"
ln -s "$SRC/graphs" "$TMP/tree/graphs"
check examples-refresh-runs sh "$TMP/tree/tools/refresh_examples.sh" "$VCHAIN_BIN"
check examples-refresh-is-identity cmp -s "$DOC" "$TMP/tree/docs/examples.md"
finish
