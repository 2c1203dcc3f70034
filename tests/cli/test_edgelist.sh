#!/bin/sh
# A single CSV edge list: Gephi's edge table (with its node table beside it
# or not), vchain's own CSV export read back, standard input, typed columns.
. "$(dirname "$0")/lib.sh"
G=$SRC/graphs/semiconductor-lithography.graphml

# Gephi's data laboratory writes Source,Target,Type,Id,Label,Weight.
cat >"$TMP/gephi-edges.csv" <<'CSV'
Source,Target,Type,Id,Label,Weight,tier,certified
zeiss,asml,Directed,e1,optics,4.2,1,true
trumpf,asml,Directed,e2,drive laser,0.8,1,false
asml,tsmc,Directed,e3,scanners,21.9,2,true
tsmc,asml,Undirected,e4,,1,3,
CSV
run info "$TMP/gephi-edges.csv"
expect_rc gephi-exit 0
expect_out gephi-nodes "nodes            4"
expect_out gephi-edges "edges            4 (directed by default, some undirected)"
expect_out gephi-plain "plain graph: every node an actor, every edge supplies"
expect_out gephi-weight-double "edge   weight                   double   4"
expect_out gephi-label-string "edge   label                    string   3"
expect_out gephi-int-column "edge   tier                     long     4"
expect_out gephi-bool-column "edge   certified                boolean  3"

# The same from standard input (no node table can be beside it).
run --stdin "$TMP/gephi-edges.csv" info -
expect_rc stdin-exit 0
expect_out stdin-nodes "nodes            4"

# With its node table beside it, nodes carry their columns.
cp "$TMP/gephi-edges.csv" "$TMP/asml-edges.csv"
cat >"$TMP/asml-nodes.csv" <<'CSV'
Id,Label,country,value
asml,ASML,NLD,28.3
zeiss,Carl Zeiss SMT,DEU,
trumpf,TRUMPF,DEU,5.4
tsmc,TSMC,TWN,90.1
CSV
run info "$TMP/asml-edges.csv"
expect_rc pair-exit 0
expect_out pair-nodes "nodes            4"
expect_out pair-country "node   country                  string   4"
expect_out pair-value "node   value                    double   3"

# vchain's CSV export read back: the same ranking as the original graph.
run export --format csv -o "$TMP/exported/" "$G"
expect_rc export-exit 0
"$VCHAIN_BIN" rank "$G" >"$TMP/rank-original" 2>/dev/null
run rank "$TMP/exported"
expect_rc folder-pair-exit 0
check folder-pair-same-ranking cmp -s "$OUT" "$TMP/rank-original"
run rank "$TMP/exported/edges.csv"
check edges-file-same-ranking cmp -s "$OUT" "$TMP/rank-original"
"$VCHAIN_BIN" items "$G" >"$TMP/items-original" 2>/dev/null
run items "$TMP/exported"
check folder-pair-same-items cmp -s "$OUT" "$TMP/items-original"

# NAME.csv export: NAME-nodes.csv and NAME-edges.csv.
run export --no-analysis -o "$TMP/litho.csv" "$G"
run rank "$TMP/litho-edges.csv"
check name-pair-same-ranking cmp -s "$OUT" "$TMP/rank-original"

# Forcing the reader on a file without the .csv name.
cp "$TMP/gephi-edges.csv" "$TMP/edges.txt"
run info --input-format csv "$TMP/edges.txt"
expect_rc forced-exit 0
finish
