#!/bin/sh
# Direction and structure (issue 14, points 6 and 7): rank, export and
# report say when undirected edges carry no supply direction, and when
# parallel edges, self-loops or a cycle change the analysis; info shows the
# same counts.
. "$(dirname "$0")/lib.sh"

cat >"$TMP/s.graphml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="k" for="node" attr.name="kind" attr.type="string"/>
  <key id="s" for="edge" attr.name="share" attr.type="double"/>
  <graph edgedefault="directed">
    <node id="asml"><data key="k">actor</data></node>
    <node id="nikon"><data key="k">actor</data></node>
    <node id="duv"><data key="k">item</data></node>
    <node id="wafer"><data key="k">item</data></node>
    <node id="chip"><data key="k">item</data></node>
    <edge source="asml" target="duv"><data key="s">0.4</data></edge>
    <edge source="asml" target="duv"><data key="s">0.4</data></edge>
    <edge source="nikon" target="duv"><data key="s">0.2</data></edge>
    <edge source="nikon" target="nikon"/>
    <edge source="duv" target="chip"/>
    <edge source="chip" target="wafer"/>
    <edge source="wafer" target="chip" directed="false"/>
  </graph>
</graphml>
XML
for cmd in rank export report; do
    case $cmd in
    rank) run rank "$TMP/s.graphml" ;;
    export) run export -o "$TMP/s.gexf" "$TMP/s.graphml" ;;
    report) run report -o "$TMP/s.html" "$TMP/s.graphml" ;;
    esac
    expect_rc $cmd-exit 0
    expect_err $cmd-parallel "1 parallel edge (repeating an earlier edge's source and target): each counts"
    expect_err $cmd-self-loop "1 self-loop (an element linked to itself)"
    expect_err $cmd-cycle "the chain has a cycle"
    expect_err $cmd-undirected "1 edge is undirected: it says nothing about who supplies whom"
done
run -q rank "$TMP/s.graphml"
expect_no_err quiet-silences-them

# A graph without edgedefault: directed, as GraphML says, with a word.
sed 's/ edgedefault="directed"//' "$TMP/s.graphml" >"$TMP/nodefault.graphml"
run rank "$TMP/nodefault.graphml"
expect_err no-edgedefault "<graph> has no edgedefault: 6 edges without a directed attribute are read as directed"
run rank --strict "$TMP/nodefault.graphml"
expect_rc no-edgedefault-strict 1

# A plain DAG says nothing of structure.
cat >"$TMP/dag.graphml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="k" for="node" attr.name="kind" attr.type="string"/>
  <graph edgedefault="directed">
    <node id="a"><data key="k">actor</data></node>
    <node id="x"><data key="k">item</data></node>
    <edge source="a" target="x"/>
  </graph>
</graphml>
XML
run rank "$TMP/dag.graphml"
check dag-no-structure-warning sh -c "! grep -q 'parallel edge\|self-loop\|has a cycle\|edgedefault' '$ERR'"
finish
