# Knowledge intensity beside every control point (docs/model.md, "Knowledge
# intensity"): the figure and its source in rank's tables, --min-knowledge,
# no figure made up where the data has none (the Chip Explorer data: its
# item types named as a proxy), and the figure in the reason.
. "$(dirname "$0")/lib.sh"
G=$SRC/graphs/semiconductor-lithography.graphml
ETO=$SHARED/data/eto-chip-explorer

run rank --format tsv "$G"
expect_rc rank-runs 0
check rank-has-knowledge-columns sh -c "head -1 '$OUT' | grep -q '	control_point	knowledge	knowledge_source	reason$'"
# ASML's figure from the graph (its annual report): 0.144, on every ASML row
check rank-asml-figure sh -c "awk -F '\t' '\$2 == \"ASML\" { n++; if (\$15 != 0.144 || \$16 != \"rd_intensity of the actor\") bad++ } END { exit !(n > 0 && !bad) }' '$OUT'"
check rank-asml-reason sh -c "grep -q 'R&D intensity 14.4 % (ASML)' '$OUT'"
# a firm the graph gives no figure: none, said in the reason
check rank-no-figure-empty sh -c "awk -F '\t' '\$2 == \"TRUMPF\" { exit !(\$15 == \"\" && \$16 == \"none\") }' '$OUT'"
check rank-no-figure-said sh -c "grep -q 'no R&D intensity figure for TRUMPF' '$OUT'"

# --min-knowledge keeps the rows with a figure at least that high
run rank --format tsv --min-knowledge 0.145 "$G"
expect_rc min-knowledge-runs 0
check min-knowledge-only-zeiss sh -c "test \"\$(awk -F '\t' 'NR > 1 && NF { print \$2 }' '$OUT' | sort -u)\" = 'Carl Zeiss SMT'"
run rank --format tsv --min-knowledge 0.5 "$G"
check min-knowledge-none-left test "$(awk 'NR > 1 && NF' "$OUT" | wc -l)" -eq 0
run rank --format tsv --by actor --min-knowledge 0.1 "$G"
expect_rc min-knowledge-by-actor 0
check min-knowledge-by-actor-asml sh -c "awk -F '\t' 'NR > 1 { print \$2 }' '$OUT' | grep -qx ASML"
run rank --min-knowledge high "$G"
expect_rc min-knowledge-bad 2
expect_err min-knowledge-bad-says "--min-knowledge takes a number"
run rank --min-knowledge -1 "$G"
expect_rc min-knowledge-negative 2

# a graph without figures: said, and --min-knowledge leaves nothing
run rank --format tsv --min-knowledge 0 "$SRC/graphs/batteries.graphml"
expect_rc no-figures-runs 0
expect_err no-figures-warned "the data has no knowledge figure"
check no-figures-no-rows test "$(awk 'NR > 1 && NF' "$OUT" | wc -l)" -eq 0
run rank --format tsv "$SRC/graphs/batteries.graphml"
check no-figures-reasons-unchanged sh -c "! grep -q 'R&D' '$OUT'"

if [ -d "$ETO" ]; then
    # the Chip Explorer data has no such figure: its item types are named as a proxy
    run -q rank --format tsv --country NLD "$ETO"
    expect_rc eto-rank 0
    check eto-proxy sh -c "awk -F '\t' '\$2 == \"ASML\" && \$4 == \"EUV lithography tools\" { exit !(\$15 == \"\" && \$16 == \"none; category tool_resource\") }' '$OUT'"
else
    echo "note: $ETO not found: the Chip Explorer checks are skipped" >&2
fi
finish
