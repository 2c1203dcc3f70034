# Position figures against NetworkX: every graph in graphs/, a hand graph
# with parallel edges, a cycle and a self-loop (tests/data/centrality-hand.graphml)
# and, when ../shared has it, the Chip Explorer data are exported with
# `vchain export -o X.graphml`, read back by NetworkX, and tools/check_centrality.py
# recomputes PageRank (down and up), betweenness, degrees and trophic level.
# Skipped (77) when /usr/bin/python3 has no networkx.
. "$(dirname "$0")/lib.sh"
PY=/usr/bin/python3
if [ ! -x "$PY" ] || ! "$PY" -c 'import networkx' 2>/dev/null; then
    echo "skipped: $PY has no networkx" >&2
    exit 77
fi
for f in "$SRC"/graphs/*.graphml "$SRC/tests/data/centrality-hand.graphml" \
    "$SHARED/data/eto-chip-explorer"; do
    [ -e "$f" ] || continue
    b=$(basename "$f" .graphml)
    run export "$f" -o "$TMP/$b.graphml"
    expect_rc "centrality-$b-export" 0
    check "centrality-$b-networkx" "$PY" "$SRC/tools/check_centrality.py" "$TMP/$b.graphml"
done
# the hand graph's figures where NetworkX's definitions differ (docs/model.md)
run export "$SRC/tests/data/centrality-hand.graphml" -o "$TMP/hand.graphml"
check centrality-differences "$PY" -W ignore -c '
import sys, networkx as nx
g = nx.read_graphml(sys.argv[1])
# a self-loop: NetworkX counts it among the feeders, vchain does not
assert g.nodes["e"]["trophic_level"] == 2.0
assert abs(nx.trophic_levels(g, weight=None)["e"] - 3.0) < 1e-9
# parallel edges: igraph counts a -> b -> t twice, NetworkX once
assert abs(g.nodes["b"]["betweenness"] - 20 / 3) < 1e-9, g.nodes["b"]["betweenness"]
assert abs(nx.betweenness_centrality(g, normalized=False, weight=None)["b"] - 6.5) < 1e-9
' "$TMP/hand.graphml"
finish
