# Bounds instead of extractions (docs/model.md): on every shipped graph and
# on the ETO Chip Explorer tables with their releases, tools/bench_bounds
# checks that every bound is at least the exact impact and that every figure
# the pruned scoring reports as exact is identical to the full scoring's,
# at the default theta_impact and at 1 (every bound below it); then `vchain
# rank` marks its bounds, says so, and prints small chains as it did.
. "$(dirname "$0")/lib.sh"
B=${VCHAIN_BUILD:-$SRC/build}
TOOL=$B/tools/bench_bounds
check "bench-bounds-built" test -x "$TOOL"
D=$SHARED/data/eto-chip-explorer
inputs="$SRC/graphs/*.graphml"
if [ -d "$D" ]; then
    inputs="$inputs $D $D/history/*"
else
    echo "note: $D absent (the ETO Chip Explorer data set): checked on graphs/ only" >&2
fi
for f in $inputs; do
    for theta in 0.1 1; do
        if $VCHAIN_WRAP "$TOOL" --check --theta-impact $theta "$f" >"$TMP/b.out" 2>&1; then
            pass "bounds-hold-$(basename "$f")-$theta"
        else
            fail "bounds-hold-$(basename "$f")-$theta" "$(head -c 600 "$TMP/b.out")"
        fi
    done
done

G=$SRC/graphs/batteries.graphml
# default: a small chain is extracted in full, no impact_bound column
run rank --format tsv --by actor --all "$G"
expect_rc rank-small-exact 0
check rank-small-no-bound-column sh -c "! grep -q impact_bound '$OUT'"
cp "$OUT" "$TMP/default.tsv"
run rank --format tsv --exact --by actor --all "$G"
check rank-exact-is-default cmp -s "$TMP/default.tsv" "$OUT"
# --bounds: the column, the note, bounds only below theta_impact
run rank --format tsv --bounds --by actor --all "$G"
expect_rc rank-bounds 0
expect_out rank-bounds-column impact_bound
expect_err rank-bounds-note "are upper bounds, not extractions"
check rank-bounds-below-theta awk -F '\t' 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "impact") c = i; else if ($i == "impact_bound") b = i; next }
    $b == "yes" && $c >= 0.1 { bad = 1 } END { exit bad }' "$OUT"
run rank --format tsv --bounds --theta-impact 1 --all "$G"
expect_out rank-bounds-reason "costs at most"
# the control points are the same with and without bounds
run rank --format tsv --bounds "$G"
cut -f2,4 "$OUT" >"$TMP/cp-bounds"
run rank --format tsv --exact "$G"
cut -f2,4 "$OUT" >"$TMP/cp-exact"
check rank-bounds-same-control-points cmp -s "$TMP/cp-bounds" "$TMP/cp-exact"
finish
