# Firm networks through the command line: the worked example of
# docs/model.md ("Firm networks", tests/data/firms-worked.graphml, a plain
# GraphML as NetworkX writes it) gives the hand-worked ESRI under every
# shock mode and the supplier control points with their reasons; rank
# --country, whatif, deps and export use the same analysis; the input's own
# columns survive export; an empty answer is explained (an error under
# --strict); undirected graphs are ranked by centrality only; final items
# survive a self-loop on the end product.
. "$(dirname "$0")/lib.sh"
F=$SRC/tests/data/firms-worked.graphml

# tsv: the value of column C (by name) in the row whose column 2 is NAME
cell() {
    awk -F '\t' -v name="$1" -v col="$2" '
        NR == 1 { for (i = 1; i <= NF; i++) if ($i == col) c = i; next }
        $2 == name { print $c }' "$OUT"
}
near() { awk -v a="$1" -v b="$2" 'BEGIN { d = a - b; exit !(d < 1e-5 && d > -1e-5) }'; }

# ---- info and the note on final output ----
run info "$F"
expect_rc info 0
expect_out info-final "final output     every actor"
expect_out info-sector 'by the supplier'"'"'s node attribute "sector"'
run rank "$F" --format tsv
expect_err rank-note "final output is every actor"
expect_err rank-note-esri "Economic Systemic Risk Index"
run -q rank "$F" --format tsv
expect_no_err rank-quiet
# spare capacity is an item-market notion: said, not silently ignored
run rank "$F" --format tsv --spare 0.5
expect_rc rank-spare 0
expect_err rank-spare-warning "spare applies to the providers of an item, and this network has no items"
check rank-spare-unchanged near "$(cell 'Current Power' impact)" 0.743590

# ---- the supplier control points, with reasons ----
run rank "$F" --format tsv
expect_rc rank 0
check rank-header sh -c "head -1 '$OUT' | grep -q '^rank	actor	country	sector	customers	dependents'"
check rank-five test "$(awk 'NR > 1' "$OUT" | wc -l)" -eq 5
check rank-first test "$(awk -F '\t' 'NR == 2 { print $2 }' "$OUT")" = "Current Power"
check rank-power-esri near "$(cell 'Current Power' impact)" 0.743590
check rank-apex-share near "$(cell 'Apex Optics' top_share)" 0.75
expect_out rank-reason "hard to replace for 1 customer: Maker (100 % of its power)"
expect_out rank-reason-stops "alone it can stop 2 other final firms"
run rank "$F" --all --format tsv
check rank-all-seven test "$(awk 'NR > 1' "$OUT" | wc -l)" -eq 7
check rank-all-beam-not-cp test "$(cell 'Beam Optics' control_point)" = "no"
expect_out rank-all-lane "supplies only inputs its customers can do without"

# ---- every firm's ESRI, three shock modes (docs/model.md, by hand) ----
run rank "$F" --by actor --all --format tsv
check esri-down-M near "$(cell Maker impact)" 0.692308   # 27/39
check esri-down-L near "$(cell 'Lane Logistics' impact)" 0.275641  # 10.75/39
check esri-down-B near "$(cell 'Beam Optics' impact)" 0.302564     # 11.8/39
run rank "$F" --by actor --all --shock upstream --format tsv
check esri-up-M near "$(cell Maker impact)" 0.782051     # 61/78
check esri-up-B near "$(cell 'Beam Optics' impact)" 0.025641  # 1/39
run rank "$F" --by actor --all --shock both --format tsv
check esri-both-M near "$(cell Maker impact)" 0.914530   # 107/117
check esri-both-B near "$(cell 'Beam Optics' impact)" 0.470085  # 55/117
run rank "$F" --by actor --all --suppliers essential --format tsv
check esri-essential-B near "$(cell 'Beam Optics' impact)" 0.794872 # M needs B, D all, A needs D: 31/39
run rank "$F" --shock sideways
expect_rc bad-shock 2
run rank "$F" --suppliers some
expect_rc bad-suppliers 2
run rank "$F" --group-by no_such_attribute
expect_rc bad-group-by 1
expect_err bad-group-by-says 'no attribute "no_such_attribute"'

# ---- countries, what-if, dependency ----
run rank "$F" --country NLD --format text
expect_rc country 0
expect_out country-held "Control points held by NLD (Netherlands), suppliers: 1"
expect_out country-upstream "Current Power"
run rank "$F" --by country --format tsv
check country-table test "$(awk -F '\t' '$2 == "DEU" { print $5 }' "$OUT")" = 2
run whatif "$F" --remove B --format text
expect_rc whatif 0
expect_out whatif-firms "Firms hit, largest loss first"
expect_out whatif-loss "Final output lost: 30.3 %"
run deps "$F" --countries all --format tsv
expect_rc deps 0
check deps-deu-jpn near "$(awk -F '\t' 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "JPN") c = i }
                                        $1 == "DEU" { print $c; exit }' "$OUT")" 0.15

# ---- export: supply shares; the input's own columns survive ----
run export "$F" -o "$TMP/f.graphml"
expect_rc export 0
check export-supply-share grep -q 'attr.name="supply_share"' "$TMP/f.graphml"
cat >"$TMP/own.graphml" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="cp" for="node" attr.name="control_point" attr.type="boolean"/>
  <key id="w" for="edge" attr.name="weight" attr.type="double"/>
  <graph edgedefault="directed">
    <node id="a"><data key="cp">true</data></node>
    <node id="b"><data key="cp">false</data></node>
    <node id="c"/>
    <edge source="a" target="b"><data key="w">1</data></edge>
    <edge source="c" target="b"><data key="w">3</data></edge>
  </graph>
</graphml>
EOF
run export "$TMP/own.graphml" -o "$TMP/own-out.graphml"
expect_rc own-export 0
expect_err own-export-warns "control_point is kept; vchain writes its result as vchain_control_point"
check own-kept sh -c "grep -A1 '<node id=\"a\">' '$TMP/own-out.graphml' | grep -q '<data key=\"control_point\">true</data>'"
check own-result grep -q 'attr.name="vchain_control_point"' "$TMP/own-out.graphml"
run export "$TMP/own-out.graphml" -o "$TMP/own-again.graphml"
expect_rc own-reexport 0
check own-reexport-same cmp "$TMP/own-out.graphml" "$TMP/own-again.graphml"
run export "$TMP/own.graphml" -o "$TMP/own-strict.graphml" --strict
expect_rc own-strict 1
check own-strict-no-file test ! -e "$TMP/own-strict.graphml"

# ---- nothing to rank: said why; --strict makes it an error ----
cat >"$TMP/noshare.graphml" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="k" for="node" attr.name="kind" attr.type="string"/>
  <graph edgedefault="directed">
    <node id="p"><data key="k">actor</data></node>
    <node id="i"><data key="k">item</data></node>
    <edge source="p" target="i"/>
  </graph>
</graphml>
EOF
run rank "$TMP/noshare.graphml"
expect_rc empty-rank 0
expect_err empty-rank-why "nothing to rank: no provision has a known share"
run rank "$TMP/noshare.graphml" --strict
expect_rc empty-rank-strict 1
run rank "$SRC/graphs/batteries.graphml" --by actor
expect_err empty-level-why "held by country-level actors only (--level country ranks them)"
printf '<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph edgedefault="directed"/></graphml>\n' >"$TMP/empty.graphml"
run rank "$TMP/empty.graphml"
expect_err no-final-output "no final output"
run rank "$TMP/empty.graphml" --strict
expect_rc no-final-output-strict 1

run items "$F"
expect_rc items-firms 0
expect_err items-firms-why "nothing to list: no items: a firm network"

# ---- undirected input: centrality only, unless read as written ----
sed 's/edgedefault="directed"/edgedefault="undirected"/' "$F" >"$TMP/undirected.graphml"
run rank "$TMP/undirected.graphml" --format tsv
expect_rc undirected 0
expect_err undirected-says "no edge has a direction"
check undirected-centrality sh -c "head -1 '$OUT' | grep -q '^rank	node	country	degree	strength	betweenness	pagerank'"
check undirected-maker-first test "$(awk -F '\t' 'NR == 2 { print $2 }' "$OUT")" = "Maker"
run rank "$TMP/undirected.graphml" --direction as-written --format tsv
expect_rc as-written 0
check as-written-same-as-directed test "$(awk -F '\t' 'NR == 2 { print $2 }' "$OUT")" = "Current Power"
run info "$TMP/undirected.graphml"
expect_out info-no-direction "7 edges are undirected: left out of the propagation"

# ---- a self-loop on the end product leaves it final ----
cat >"$TMP/loop.graphml" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="k" for="node" attr.name="kind" attr.type="string"/>
  <key id="s" for="edge" attr.name="share" attr.type="double"/>
  <graph edgedefault="directed">
    <node id="p"><data key="k">actor</data></node>
    <node id="chip"><data key="k">item</data></node>
    <edge source="p" target="chip"><data key="s">1</data></edge>
    <edge source="chip" target="chip"/>
  </graph>
</graphml>
EOF
run rank "$TMP/loop.graphml" --format tsv
expect_rc self-loop 0
check self-loop-ranked test "$(awk 'NR > 1' "$OUT" | wc -l)" -eq 1
finish
