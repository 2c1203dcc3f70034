# What real producers write: the GraphML and GEXF documents of NetworkX's
# own reader tests (python3-networkx's readwrite/tests), read by NetworkX
# and by `vchain info` (tools/networkx_docs.py compares node, edge and
# attribute counts).  Every document must agree, or differ in a way listed
# below with its reason (docs/formats.md, "What vchain reads differently
# from NetworkX").  Skipped (77) when /usr/bin/python3 has no networkx; the
# list is for NetworkX 2.8 (Debian 12): another version's documents are
# compared and printed, but only the count of refusals and crashes checked.
. "$(dirname "$0")/lib.sh"
PY=${VCHAIN_PYTHON:-/usr/bin/python3}
if ! "$PY" -c 'import networkx' 2>/dev/null; then
    echo "skipped: $PY has no networkx (Debian: apt-get install python3-networkx)" >&2
    exit 77
fi
VERSION=$("$PY" -c 'import networkx; print(networkx.__version__)')
"$PY" "$SRC/tools/networkx_docs.py" extract "$TMP/docs" >/dev/null
check extract-found-documents test "$(ls "$TMP/docs" | wc -l)" -gt 20
"$PY" "$SRC/tools/networkx_docs.py" compare "$TMP/docs" "$VCHAIN_BIN" >"$OUT" 2>"$ERR"
RC=$?
expect_rc compare-ran 0
sed 's/^/  /' "$OUT" | cut -c1-240

# No document crashes vchain or leaves it without a message.
check no-crash sh -c "! grep -q 'CRASH' '$OUT'"
check no-silent-refusal sh -c "! grep -q 'without a message' '$OUT'"

# The expected differences, one per document: NAME and why.
cat >"$TMP/expected" <<'EOF'
gexf-0174.gexf	mixed directions (a directed edge in an undirected graph): NetworkX refuses the file, vchain reads each edge's direction as written (info counts them, rank warns about undirected edges)
gexf-0191.gexf	mixed directions (an undirected edge in a directed graph); same reason
graphml-0396.graphml	mixed directions (directed="true" in an undirected graph); same reason
graphml-0414.graphml	mixed directions (directed="false" in a directed graph); same reason
graphml-0222.graphml	edges to undeclared nodes: refused unless --lenient, which reads them as NetworkX does (checked below)
graphml-0268.graphml	edges to undeclared nodes; same reason
graphml-0124.graphml	key defaults: vchain gives every node without a value the key's <default>, as the GraphML spec says; NetworkX keeps defaults aside (G.graph["node_default"])
gexf-0288.gexf	a pid hierarchy: vchain keeps the pid in "group" (one name for every reader's groups) where NetworkX keeps "pid"; dynamic start and end are time, which vchain drops with a warning
graphml-0558.graphml	yEd graphics: NetworkX reads label, shape_type, x, y out of yEd's drawing data, vchain skips it with a warning (the node data with an edge key is read by both)
graphml-0780.graphml	yEd graphics as above; vchain keeps empty <data/> as empty strings (url, description) and each grouped node's holder in "group"
EOF
agree=$(sed -n 's/^\([0-9]*\) of \([0-9]*\) agree$/\1/p' "$OUT")
total=$(sed -n 's/^\([0-9]*\) of \([0-9]*\) agree$/\2/p' "$OUT")
case $VERSION in
2.8.*)
    check "documents-31 ($total)" test "$total" -eq 31
    check "agree-21 ($agree of $total)" test "$agree" -eq 21
    # nested graphs, yEd's edge keys on nodes and pid hierarchies are read:
    # only the mixed directions and undeclared nodes differ in shape
    shape=$(sed -n 's/^\([0-9]*\) of [0-9]* agree on nodes and edges$/\1/p' "$OUT")
    check "agree-on-nodes-and-edges-25 ($shape of $total)" test "$shape" -eq 25
    unexpected=0
    for name in $(awk '$1 == "differ" { print $2 }' "$OUT"); do
        if ! grep -q "^$name	" "$TMP/expected"; then
            echo "unexpected difference: $(grep " $name " "$OUT" | cut -c1-300)"
            unexpected=$((unexpected + 1))
        fi
    done
    check every-difference-is-expected test $unexpected -eq 0
    # and every listed one still differs (a fix shows up here: update the list)
    stale=0
    for name in $(cut -f1 "$TMP/expected"); do
        grep -q "^differ  *$name " "$OUT" || { echo "listed but agrees now: $name"; stale=$((stale + 1)); }
    done
    check every-expected-difference-differs test $stale -eq 0
    # --lenient reads undeclared nodes as NetworkX does: those two agree then
    "$PY" "$SRC/tools/networkx_docs.py" compare "$TMP/docs" "$VCHAIN_BIN" --lenient >"$OUT" 2>"$ERR"
    check lenient-undeclared-nodes-agree sh -c \
        "grep -q '^agree *graphml-0222.graphml' '$OUT' && grep -q '^agree *graphml-0268.graphml' '$OUT'"
    ;;
*)
    echo "note: NetworkX $VERSION: the list of expected differences is for 2.8; counts not checked" >&2
    check "some-agree ($agree of $total)" test "$agree" -gt 0
    ;;
esac
finish
