# Every example graph in graphs/ reads cleanly: `vchain info --strict` exits 0
# with no warning, and no item's shares add up above 100 % at either provider
# level.  A value chain (items and actors) has 40-200 nodes and at least one
# final item; a firm network (actors and supplies edges only, such as
# asml-suppliers.graphml) has 20-200 nodes, a sector on every firm and a
# citation on every link.
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
    items=$(sed -n 's/^  items *\([0-9]*\) .*$/\1/p' "$OUT")
    edges=$(sed -n 's/^edges *\([0-9]*\) .*$/\1/p' "$OUT")
    if [ "${items:-0}" -eq 0 ]; then
        check "$gname-20-to-200-firms" test "${nodes:-0}" -ge 20 -a "${nodes:-0}" -le 200
        check "$gname-every-firm-has-sector" grep -Eq "^  node +sector +string +$nodes\$" "$OUT"
        check "$gname-every-link-cited" grep -Eq "^  edge +citation +string +$edges\$" "$OUT"
    else
        check "$gname-40-to-200-nodes" test "${nodes:-0}" -ge 40 -a "${nodes:-0}" -le 200
        final=$(sed -n 's/^  items *[0-9]* (\([0-9]*\) final)$/\1/p' "$OUT")
        check "$gname-has-final-item" test "${final:-0}" -ge 1
    fi
    expect_out "$gname-coverage" "coverage > 100%  0"
    expect_out "$gname-acyclic" "acyclic          yes"
    expect_out "$gname-connected" "components       1 (weakly connected)"
done
check graphs-found test "$n" -ge 5
finish
