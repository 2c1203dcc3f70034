# An empty result reads "(none: why)" in text, the terminal's format: each
# command's empty tables (rank's say why on standard error, explain_empty),
# one line each; TSV, CSV and JSON keep their empty tables for programs.
# A pseudo-terminal (script(1), util-linux) checks the default format.
. "$(dirname "$0")/lib.sh"
G=$SRC/graphs/semiconductor-lithography.graphml
F=$SRC/graphs/asml-suppliers.graphml

# lines NAME N: stdout has exactly N lines
lines() { check "$1" test "$(wc -l <"$OUT")" -eq "$2"; }

run compare "$G" "$G" --table items --format text
expect_out compare-items-hint "(none: nothing changed; --all lists the unchanged rows too)"
lines compare-items-one-line 1
run compare "$G" "$G" --table unaligned --all --format text
expect_out compare-unaligned-hint "(none: every node of A has its counterpart in B)"
run compare "$G" "$G" --table items --format tsv
check compare-tsv-header-only sh -c "[ \"\$(cat '$OUT')\" = \"\$(head -1 '$OUT')\" ] && grep -q '^item	status' '$OUT'"
run compare "$G" "$G" --table items --format md
check compare-md-none grep -qx '(none)' "$OUT"
# all tables: the summary says "No change."; the sections read (none)
run compare "$G" "$G" --format text
expect_out compare-all-summary "No change."
check compare-all-none-plain grep -qx '(none)' "$OUT"

run whatif --cap asml=0.99 "$G" --table critical --format text
expect_out whatif-critical-hint "(none: no node becomes a control point or a single point of failure)"
lines whatif-critical-one-line 1
run whatif --cap asml=0.99 "$G" --table critical --format csv
lines whatif-csv-header-only 1
run whatif --cap asml=0.99 "$G" --table critical --format json
expect_out whatif-json-empty '{"newly_critical": []'

run rank --country DEU "$G" --format text
expect_out rank-country-depends-hint "(none: no control point held elsewhere is upstream of what it provides)"
run deps --countries NLD "$G" --table pairs --format text
expect_out deps-one-country-hint "(none: fewer than two countries to compare; --countries all takes every country)"
run opportunities --country NLD --kind near "$SRC/graphs/batteries.graphml" --format text
expect_out opportunities-near-hint "(none: no provision it holds is one test short of a control point)"
run items "$F" --format text
check items-firms-none grep -qx '(none)' "$OUT"
expect_err items-firms-why "nothing to list: no items: a firm network"

# rank: (none) on stdout, why on standard error
run rank "$SRC/tests/data/noshare.graphml" --format text
check rank-empty-none grep -qx '(none)' "$OUT"
expect_err rank-empty-why "nothing to rank: no provision has a known share"
check rank-empty-why-one-line test "$(grep -c 'nothing to rank' "$ERR")" -eq 1

# ---- on a terminal: text by default, so the hint ----
if command -v script >/dev/null 2>&1 && [ -z "${VCHAIN_WRAP:-}" ]; then
    script -qec "'$VCHAIN_BIN' compare '$G' '$G' --table items" /dev/null >"$OUT" 2>&1 </dev/null
    expect_out terminal-hint "(none: nothing changed; --all lists the unchanged rows too)"
    "$VCHAIN_BIN" compare "$G" "$G" --table items >"$OUT" 2>/dev/null </dev/null
    check piped-no-hint sh -c "! grep -q '(none' '$OUT'"
else
    echo "note: script(1) missing or a wrapper set: the terminal check is skipped" >&2
fi
finish
