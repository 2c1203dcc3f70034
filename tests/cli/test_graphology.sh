# graphology (the graph library under sigma.js and Gephi Lite) reads vchain's
# GEXF, GraphML and graphology exports with sigma.js's positions, sizes,
# colours and the edge weight.  Needs node and the npm packages of
# tools/js/package.json: VCHAIN_NODE_MODULES names their node_modules folder
# (default tools/js/node_modules); skipped (77) without them, so a machine
# without the npm registry still passes.
. "$(dirname "$0")/lib.sh"
MODULES=${VCHAIN_NODE_MODULES:-$SRC/tools/js/node_modules}
if ! command -v node >/dev/null 2>&1 || [ ! -d "$MODULES/graphology-graphml" ] ||
    [ ! -d "$MODULES/graphology-gexf" ] || [ ! -d "$MODULES/graphology" ]; then
    echo "skipped: node or the graphology packages are missing (npm install --prefix DIR" \
         "with tools/js/package.json, then VCHAIN_NODE_MODULES=DIR/node_modules)" >&2
    exit 77
fi

# an undirected edge beside directed ones, two parallel edges, a self-loop
cat >"$TMP/mixed.graphml" <<'XML'
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="w" for="edge" attr.name="weight" attr.type="double"/>
  <graph edgedefault="directed">
    <node id="a"/><node id="b"/><node id="c"/>
    <edge id="e1" source="a" target="b"><data key="w">2.5</data></edge>
    <edge id="e2" source="a" target="b"><data key="w">4</data></edge>
    <edge source="b" target="c" directed="false"/>
    <edge source="c" target="c"/>
  </graph>
</graphml>
XML
for f in "$SRC/graphs/semiconductor-lithography.graphml" "$SRC/graphs/asml-suppliers.graphml" \
         "$SRC/tests/data/export-tricky.graphml" "$TMP/mixed.graphml"; do
    b=$(basename "$f" .graphml)
    for ext in json gexf graphml graphology.json; do
        run export "$f" -o "$TMP/$b.$ext"
        expect_rc "$b-$ext" 0
    done
    check "$b-graphology-reads-them" env NODE_PATH="$MODULES" node \
        "$SRC/tools/check_graphology.js" "$TMP/$b.json" "$TMP/$b.gexf" "$TMP/$b.graphml" \
        "$TMP/$b.graphology.json"
done
# Graph.from() takes the graphology file as the graph it is
check mixed-options env NODE_PATH="$MODULES" node -e '
const Graph = require("graphology");
const g = Graph.from(JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")));
if (g.type !== "mixed" || !g.multi || !g.allowSelfLoops) throw new Error(g.type + " " + g.multi);
if (g.undirectedSize !== 1 || g.directedSize !== 3) throw new Error("sizes");
if (!g.hasEdge("e1") || !g.hasEdge("e2")) throw new Error("edge ids are not the keys");
' "$TMP/mixed.graphology.json"
# an edge id given twice: the reader renames the second (e1-2, with a
# warning), so both edges reach graphology, each under its own key
sed 's/id="e2"/id="e1"/' "$TMP/mixed.graphml" >"$TMP/dup.graphml"
run export "$TMP/dup.graphml" -o "$TMP/dup.graphology.json"
expect_rc dup-ids 0
expect_err dup-ids-renamed "e1-2"
check dup-ids-both-edges env NODE_PATH="$MODULES" node -e '
const Graph = require("graphology");
const g = Graph.from(JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")));
if (g.size !== 4 || !g.hasEdge("e1") || !g.hasEdge("e1-2")) throw new Error(g.size + " edges");
' "$TMP/dup.graphology.json"
check litho-options env NODE_PATH="$MODULES" node -e '
const Graph = require("graphology");
const g = Graph.from(JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")));
if (g.type !== "directed" || g.multi) throw new Error(g.type + " " + g.multi);
' "$TMP/semiconductor-lithography.graphology.json"
finish
