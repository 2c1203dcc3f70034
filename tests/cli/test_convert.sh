# vchain convert: tables and graphs to every format, round trips, refusals.
. "$(dirname "$0")/lib.sh"
T=$SRC/tests/data/tables/basic
G=$SRC/graphs/semiconductor-lithography.graphml

run convert "$T" -o "$TMP/t.graphml"
expect_rc convert-tables-graphml 0
run info "$TMP/t.graphml"
expect_rc convert-output-reads 0
run info "$T"
cp "$OUT" "$TMP/info-tables"
run info "$TMP/t.graphml"
# the same counts and attributes whichever way it was read (order aside)
grep -v "^file" "$TMP/info-tables" | sort >"$TMP/a"
grep -v "^file" "$OUT" | sort >"$TMP/b"
check convert-keeps-counts cmp -s "$TMP/a" "$TMP/b"
run convert "$G" -o "$TMP/g.gexf"
expect_rc convert-gexf 0
check convert-gexf-no-viz sh -c "! grep -q 'viz:' '$TMP/g.gexf'"
run convert "$TMP/g.gexf" -o "$TMP/g2.graphml"
expect_rc convert-gexf-back 0
run rank --format tsv "$G"
cp "$OUT" "$TMP/rank1"
run rank --format tsv "$TMP/g2.graphml"
check convert-rank-unchanged cmp -s "$TMP/rank1" "$OUT"
run convert "$G" --format json -o -
expect_rc convert-stdout 0
expect_out convert-json-nodes '"nodes"'
run convert "$G" -o -
expect_out convert-default-graphml '<graphml'
# export and convert agree: the name says the format, '-' is GraphML
run convert "$G" -o "$TMP/x.txt"
expect_rc convert-unknown-extension 2
expect_err convert-unknown-extension-lists "name it .gexf, .graphml (or .xml)"
check convert-unknown-extension-writes-nothing test ! -e "$TMP/x.txt"
run convert "$G" -o "$TMP/dir/"
check convert-folder-is-csv test -s "$TMP/dir/nodes.csv"
run convert "$G"
expect_rc convert-needs-output 2
run convert --format xls "$G" -o x
expect_rc convert-bad-format 2
run convert "$G" -o /dev/full
expect_rc convert-full-disk 1
expect_err convert-full-disk-says "/dev/full"
if [ -d "$SHARED/data/eto-chip-explorer" ]; then
    run -q convert "$SHARED/data/eto-chip-explorer" -o "$TMP/eto.graphml"
    expect_rc convert-eto 0
    check convert-eto-validates xmllint --noout --nonet --schema \
        "$SHARED/data/schemas/graphml-1.0/graphml.xsd" "$TMP/eto.graphml"
fi
finish
