# Every example graph in graphs/ reads cleanly: `vchain info --strict` exits 0
# with no warning, has 40-200 nodes, at least one final item, and no item
# whose shares add up above 100 % at either provider level.
. "$(dirname "$0")/lib.sh"
n=0
for f in "$SRC"/graphs/*.graphml; do
    [ -f "$f" ] || continue
    n=$((n + 1))
    gname=$(basename "$f" .graphml)
    run info --strict "$f"
    expect_rc "$gname-strict" 0
    expect_no_err "$gname-no-warnings"
    run info "$f"
    nodes=$(sed -n 's/^nodes *\([0-9]*\)$/\1/p' "$OUT")
    check "$gname-40-to-200-nodes" test "${nodes:-0}" -ge 40 -a "${nodes:-0}" -le 200
    final=$(sed -n 's/^  items *[0-9]* (\([0-9]*\) final)$/\1/p' "$OUT")
    check "$gname-has-final-item" test "${final:-0}" -ge 1
    expect_out "$gname-coverage" "coverage > 100%  0"
    expect_out "$gname-acyclic" "acyclic          yes"
    expect_out "$gname-connected" "components       1 (weakly connected)"
done
check graphs-found test "$n" -ge 4
finish
