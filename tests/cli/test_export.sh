# vchain export: every format on the shipped graph and a tricky one, checked
# against the schemas in ../shared, read back by NetworkX (when installed for
# /usr/bin/python3), round trips through vchain, and failures (full disk,
# missing folder, bad option, file size limit, a signal) that must leave an
# existing output as it was and no temporary file behind.
. "$(dirname "$0")/lib.sh"
G=$SRC/graphs/semiconductor-lithography.graphml
T=$SRC/tests/data/export-tricky.graphml
SCHEMAS=$SHARED/data/schemas
PY=/usr/bin/python3

have_xmllint=0
if command -v xmllint >/dev/null 2>&1 && [ -d "$SCHEMAS" ]; then
    have_xmllint=1
else
    echo "note: schema checks skipped (xmllint or $SCHEMAS missing)" >&2
fi
have_nx=0
if [ -x "$PY" ] && "$PY" -c 'import networkx' 2>/dev/null; then
    have_nx=1
else
    echo "note: NetworkX checks skipped ($PY has no networkx)" >&2
fi

valid() { # NAME HOW SCHEMA FILE
    [ "$have_xmllint" = 1 ] || return 0
    if xmllint --nonet --noout "$2" "$SCHEMAS/$3" "$4" >"$TMP/xmllint" 2>&1; then
        pass "$1"
    else
        fail "$1" "$(tail -3 "$TMP/xmllint")"
    fi
}

for f in "$G" "$T"; do
    b=$(basename "$f" .graphml)
    run export "$f" -o "$TMP/$b.gexf"
    expect_rc "$b-gexf" 0
    check "$b-gexf-is-1.2draft" grep -q 'xmlns="http://www.gexf.net/1.2draft"' "$TMP/$b.gexf"
    check "$b-gexf-has-positions" grep -q '<viz:position x=' "$TMP/$b.gexf"
    valid "$b-gexf-rng" --relaxng gexf-1.2/gexf-vizns-fix.rng "$TMP/$b.gexf"
    run export "$f" -o "$TMP/$b-13.gexf" --gexf-version 1.3
    expect_rc "$b-gexf13" 0
    valid "$b-gexf13-rng" --relaxng gexf-1.3/gexf.rng "$TMP/$b-13.gexf"
    run export "$f" --no-viz --format gexf -o "$TMP/$b-plain.gexf"
    valid "$b-gexf-plain-xsd" --schema gexf-1.2/gexf.xsd "$TMP/$b-plain.gexf"
    run export "$f" -o "$TMP/$b.graphml"
    expect_rc "$b-graphml" 0
    valid "$b-graphml-xsd" --schema graphml-1.0/graphml.xsd "$TMP/$b.graphml"
    run export "$f" -o "$TMP/$b.json"
    expect_rc "$b-json" 0
    check "$b-json-parses" "$PY" -m json.tool "$TMP/$b.json" /dev/null
    run export "$f" -o "$TMP/$b.csv"
    expect_rc "$b-csv" 0
    check "$b-csv-pair" test -s "$TMP/$b-nodes.csv" -a -s "$TMP/$b-edges.csv"
    if [ "$have_nx" = 1 ]; then
        check "$b-networkx-reads-gexf-and-graphml" "$PY" "$SRC/tools/check_networkx.py" \
            "$TMP/$b.json" "$TMP/$b.gexf" "$TMP/$b.graphml"
    fi
done

# Node-link JSON: a multigraph only when two edges join one pair, so NetworkX
# builds a DiGraph for the lithography chain and a MultiDiGraph for the tricky
# graph (parallel edges); GraphML's positions, sizes and colours under the
# names Gephi and sigma.js read (x, y, size, r, g, b).
if [ "$have_nx" = 1 ]; then
    check json-multigraph-only-when-parallel "$PY" -c '
import json, sys
from networkx.readwrite import json_graph
a = json_graph.node_link_graph(json.load(open(sys.argv[1])))
b = json_graph.node_link_graph(json.load(open(sys.argv[2])))
assert type(a).__name__ == "DiGraph" and a.number_of_edges() == 105, type(a)
assert type(b).__name__ == "MultiDiGraph" and b.number_of_edges() == 5, type(b)
' "$TMP/semiconductor-lithography.json" "$TMP/export-tricky.json"
    check graphml-sigma-names "$PY" -c '
import sys, networkx as nx
g = nx.read_graphml(sys.argv[1])
d = g.nodes["asml"]
assert all(isinstance(d[k], float) for k in ("x", "y", "size")), d
assert all(isinstance(d[k], int) and 0 <= d[k] <= 255 for k in "rgb"), d
assert (d["r"], d["g"], d["b"]) == (213, 94, 0), d  # a control point: vermillion
assert not any(k.startswith("viz_") for k in d), d
' "$TMP/semiconductor-lithography.graphml"
fi
run export "$G" -o "$TMP/litho.graphology.json"
expect_rc graphology-by-extension 0
check graphology-shape "$PY" -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert set(d) == {"attributes", "options", "nodes", "edges"}, set(d)
assert d["options"] == {"type": "directed", "multi": False, "allowSelfLoops": True}, d["options"]
n = d["nodes"][0]
assert set(n) == {"key", "attributes"} and {"x", "y", "size", "color"} <= set(n["attributes"]), n
assert len(d["edges"]) == 105 and all("weight" in e["attributes"] for e in d["edges"])
' "$TMP/litho.graphology.json"
run export "$G" --format graphology -o -
expect_out graphology-format-option '"options": {"type": "directed"'

# Gephi's edge weight (NetworkX reads GEXF's weight as Gephi does): the share of
# a provides edge, the engine's estimate where the data has none, the link
# weight of the others, 1 for an essential input without one.
if [ "$have_nx" = 1 ]; then
    check gexf-weight-is-the-share "$PY" -c '
import sys, networkx as nx
g = nx.read_gexf(sys.argv[1])
seen = set()
for u, v, d in g.edges(data=True):
    rel = d["relation"]
    want = d.get("share", d.get("share_estimate")) if rel == "provides" else d.get("vc_weight", 1.0)
    assert d["weight"] == want, (u, v, d)
    seen.add(rel)
w = {(u, v): d["weight"] for u, v, d in g.edges(data=True)}
assert w["asml", "euv"] == 1.0 and w["nikon", "arfi"] == 0.07, w
assert seen == {"provides", "input_of", "variant_of"}, seen
' "$TMP/semiconductor-lithography.gexf"
fi
run export "$G" -o "$TMP/w-impact.gexf" --edge-weight impact
expect_rc edge-weight-column 0
check edge-weight-column-used grep -q 'source="asml" target="arfi" weight="0.93"' "$TMP/w-impact.gexf"
check edge-weight-column-missing-left-out grep -q 'source="nikon" target="arfi">' "$TMP/w-impact.gexf"
run export "$G" -o "$TMP/w-none.gexf" --edge-weight none
expect_rc edge-weight-none 0
check edge-weight-none-writes-none sh -c "! grep -q 'weight=' '$TMP/w-none.gexf'"
run export "$G" -o "$TMP/w-bad.gexf" --edge-weight nosuch
expect_rc edge-weight-unknown-column 1
expect_err edge-weight-unknown-column-says 'no edge column "nosuch"'
check edge-weight-unknown-column-writes-nothing test ! -e "$TMP/w-bad.gexf"
# read back, the graph is the one written: the same ranking, no weight column made up
run export "$TMP/semiconductor-lithography.gexf" -o "$TMP/w-back.graphml" --layout none \
    --color-by keep --size-by keep
check edge-weight-not-read-as-data sh -c "! grep -q 'attr.name=.weight.' '$TMP/w-back.graphml'"
run rank --format tsv "$G"
cp "$OUT" "$TMP/rank-direct"
run rank --format tsv "$TMP/semiconductor-lithography.gexf"
check edge-weight-same-ranking-read-back cmp -s "$OUT" "$TMP/rank-direct"

# CSV: labels with commas, quotes and line breaks read back (Python's csv module)
if [ -x "$PY" ]; then
    check csv-reads-back "$PY" -c '
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8")))
assert [r["Id"] for r in rows] == ["asml", "zeiss", "euv", "optics"], rows
assert rows[0]["Label"] == "ASML, \"Veldhoven\"\nNL & <co>\tB.V.", rows[0]["Label"]
assert rows[0]["vc_kind"] == "actor" and rows[0]["big"] == "9007199254740993"
assert rows[1]["Label"] == "Zeiss \u2013 Oberkochen \\ SMT"
edges = list(csv.DictReader(open(sys.argv[2], newline="", encoding="utf-8")))
assert edges[0]["Label"] == "first, \"edge\""
# Weight is the share of the edge (Gephi filters by it), vc_weight the own weight column
assert edges[0]["Weight"] == edges[0]["viz_weight"] == edges[0]["share"], edges[0]
assert edges[0]["vc_weight"] == "0.7", edges[0]
assert edges[2]["note"] == " padded, \"quoted\"\ntwo lines ", edges[2]["note"]
assert all(e["Type"] == "Directed" for e in edges)
' "$TMP/export-tricky-nodes.csv" "$TMP/export-tricky-edges.csv"
fi

# Round trip through GEXF 1.3 and back: the same GraphML as a direct export
run export "$T" -o "$TMP/rt.gexf" --gexf-version 1.3
run export "$TMP/rt.gexf" -o "$TMP/rt.graphml" --layout none --color-by keep --size-by keep
expect_rc round-trip-gexf-to-graphml 0
check round-trip-same-graphml cmp "$TMP/rt.graphml" "$TMP/export-tricky.graphml"
# ... and through GraphML
run export "$TMP/export-tricky.graphml" -o "$TMP/rt2.graphml" --layout none --color-by keep \
    --size-by keep
check round-trip-graphml-fixed-point cmp "$TMP/rt2.graphml" "$TMP/export-tricky.graphml"

# Standard output, format from the name, folders for CSV
run export "$G" -o - --format graphml
expect_rc stdout 0
expect_out stdout-graphml "<graphml"
run export "$G" -o -
expect_out stdout-defaults-to-graphml "<graphml"
# the name says the format, or the export is refused before anything is read
for name in x.png x.pdf x.txt noext; do
    run export "$G" -o "$TMP/$name"
    expect_rc "unknown-extension-$name-refused" 2
    expect_err "unknown-extension-$name-lists-formats" ".graphml (or .xml), .json, .graphology.json or .csv"
    check "unknown-extension-$name-writes-nothing" test ! -e "$TMP/$name"
done
run export "$G" -o "$TMP/x.png" --format gexf
expect_rc named-format-any-name 0
check named-format-any-name-is-gexf grep -q '<gexf' "$TMP/x.png"
# a name ending in / or an existing folder: the CSV tables
run export "$G" -o "$TMP/slash/"
check folder-slash-is-csv test -s "$TMP/slash/nodes.csv" -a -s "$TMP/slash/edges.csv"
mkdir "$TMP/existing"
run export "$G" -o "$TMP/existing"
check existing-folder-is-csv test -s "$TMP/existing/nodes.csv" -a -s "$TMP/existing/edges.csv"
mkdir "$TMP/tables"
run export "$G" --format csv -o "$TMP/tables"
check csv-folder test -s "$TMP/tables/nodes.csv" -a -s "$TMP/tables/edges.csv"
run export "$G" --format csv -o -
expect_rc csv-to-stdout-is-usage-error 2
run export "$G" --layout fr -o "$TMP/fr.gexf"
expect_rc layout-fr 0
run export "$G" --layout drl --color-by country --size-by value -o "$TMP/drl.json"
expect_rc layout-drl 0
expect_no_err layout-drl-quiet

# Usage errors
run export "$G"
expect_rc no-output 2
expect_err no-output-says "no output given"
run export "$G" -o "$TMP/x.gexf" --format dot
expect_rc bad-format 2
run export "$G" -o "$TMP/x.gexf" --layout circle
expect_rc bad-layout 2
run export "$G" -o "$TMP/x.gexf" --gexf-version 2
expect_rc bad-gexf-version 2
run export --help
expect_out help "Usage: vchain export"

# Failures: exit 1, a clear message, an existing OUT untouched, no temp files
if [ -w /dev/full ]; then
    run export "$G" -o /dev/full
    expect_rc full-disk 1
    expect_err full-disk-message "/dev/full: write error: No space left on device"
fi
run export "$G" -o "$TMP/missing/out.gexf"
expect_rc missing-folder 1
expect_err missing-folder-message "cannot create a file in its folder"
if [ "$(id -u)" != 0 ]; then
    mkdir "$TMP/ro" && chmod 555 "$TMP/ro"
    run export "$G" -o "$TMP/ro/out.gexf"
    expect_rc unwritable-folder 1
    expect_err unwritable-folder-message "Permission denied"
fi
mkdir "$TMP/keep"
echo old >"$TMP/keep/out.gexf"
run export "$G" -o "$TMP/keep/out.gexf" --size-by no_such_column
expect_rc bad-size-column 1
expect_err bad-size-column-message 'no node column "no_such_column"'
check bad-option-keeps-old grep -qx old "$TMP/keep/out.gexf"
# a file size limit stands in for a disk filling up half way
(ulimit -f 8 && exec $VCHAIN_WRAP "$VCHAIN_BIN" export "$G" -o "$TMP/keep/out.gexf") \
    >"$OUT" 2>"$ERR"
RC=$?
expect_rc size-limit 1
expect_err size-limit-message "File too large"
check size-limit-keeps-old grep -qx old "$TMP/keep/out.gexf"
check no-temp-files-left test "$(ls -A "$TMP/keep")" = out.gexf

# A signal in the middle of a big export: OUT is the old one or a whole new one
awk 'BEGIN {
    print "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"><graph edgedefault=\"directed\">"
    for (i = 0; i < 60000; i++) printf "<node id=\"n%d\"/>\n", i
    for (i = 0; i < 200000; i++) printf "<edge source=\"n%d\" target=\"n%d\"/>\n", i % 60000, (i * 7 + 1) % 60000
    print "</graph></graphml>" }' >"$TMP/big.graphml"
$VCHAIN_WRAP "$VCHAIN_BIN" export "$TMP/big.graphml" -o "$TMP/keep/out.gexf" 2>/dev/null &
pid=$!
sleep 0.3
kill -TERM "$pid" 2>/dev/null
wait "$pid"
check signal-leaves-old-or-whole sh -c "grep -qx old '$TMP/keep/out.gexf' || tail -1 '$TMP/keep/out.gexf' | grep -q '</gexf>'"
check signal-no-temp-files test "$(ls -A "$TMP/keep")" = out.gexf
finish
