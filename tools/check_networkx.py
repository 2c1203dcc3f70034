#!/usr/bin/python3
"""Cross-check vchain's exports with NetworkX (a test oracle, not product code).

    /usr/bin/python3 tools/check_networkx.py REFERENCE.json FILE...

REFERENCE.json is vchain's node-link export of the same graph (every value
with its JSON type).  Each FILE (.gexf or .graphml, written by vchain) is
read with networkx.read_gexf or networkx.read_graphml and must hold the
same nodes, the same number of edges, and the same node and edge attribute
values, compared exactly (floats bit for bit, ints as ints, booleans as
booleans).  Visual properties (viz, viz_*) are not compared.

Known NetworkX 2.8 behaviour allowed for: read_graphml drops an empty
string value (<data></data>), so an empty string in the reference may be
absent from a GraphML file's reading.

The edge weight (the JSON link's "weight") is GEXF's own weight, which
read_gexf returns as "weight", and in GraphML the key with Gephi's id
"weight" named viz_weight, which read_graphml returns as "viz_weight": both
are compared with the reference's weight.

Exit status: 0 all agree, 1 a difference (printed), 77 networkx missing.
"""
import json
import sys
from collections import defaultdict

try:
    import networkx as nx
except ImportError:
    print("networkx is not installed for", sys.executable, file=sys.stderr)
    sys.exit(77)

NODE_SKIP = {"id", "x", "y", "size", "color"}
# GraphML: the keys Gephi and sigma.js draw with (vchain's visual columns)
GRAPHML_VISUAL = {"x", "y", "size", "r", "g", "b"}
LINK_SKIP = {"id", "source", "target", "size", "directed"}


def visual(key):
    return key == "viz" or key.startswith("viz_")


def same(a, b):
    # bool is an int in Python: insist on the same type as well as the value
    return type(a) is type(b) and a == b


def edge_key(u, v, directed):
    return (u, v) if directed else tuple(sorted((u, v)))


def check(ref, path):
    problems = []
    if path.endswith(".gexf"):
        g = nx.read_gexf(path)
    else:
        g = nx.read_graphml(path)
    directed = ref["directed"]
    ref_nodes = {n["id"]: n for n in ref["nodes"]}
    if set(map(str, g.nodes)) != set(ref_nodes):
        problems.append("node ids differ: %d in the file, %d in the reference"
                        % (g.number_of_nodes(), len(ref_nodes)))
        return problems
    if g.number_of_edges() != len(ref["links"]):
        problems.append("%d edges, expected %d" % (g.number_of_edges(), len(ref["links"])))
    for nid, data in g.nodes(data=True):
        want = {k: v for k, v in ref_nodes[nid].items() if k not in NODE_SKIP}
        got = {k: v for k, v in data.items()
               if not visual(k) and not (path.endswith(".graphml") and k in GRAPHML_VISUAL)}
        if path.endswith(".gexf") and "label" not in want:
            got.pop("label", None)  # networkx makes the id the label when there is none
        if path.endswith(".graphml"):
            want = {k: v for k, v in want.items() if v != ""}
        for k in set(want) | set(got):
            if not same(want.get(k), got.get(k)):
                problems.append("node %s, %s: %r in the file, %r expected"
                                % (nid, k, got.get(k), want.get(k)))
    ref_edges = defaultdict(list)
    for l in ref["links"]:
        ref_edges[edge_key(l["source"], l["target"], directed)].append(
            sorted((k, repr(v), type(v).__name__) for k, v in l.items()
                   if k not in LINK_SKIP and not (v == "" and path.endswith(".graphml"))))
    got_edges = defaultdict(list)
    for u, v, data in g.edges(data=True):
        data = dict(data)
        if "viz_weight" in data and not path.endswith(".gexf"):
            data["weight"] = data["viz_weight"]
        got_edges[edge_key(u, v, directed)].append(
            sorted((k, repr(x), type(x).__name__) for k, x in data.items()
                   if k != "id" and not visual(k)))
    for key in set(ref_edges) | set(got_edges):
        if sorted(ref_edges[key]) != sorted(got_edges[key]):
            problems.append("edges %s -> %s: %r in the file, %r expected"
                            % (key[0], key[1], got_edges[key], ref_edges[key]))
    return problems


def main():
    if len(sys.argv) < 3:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    with open(sys.argv[1], encoding="utf-8") as f:
        ref = json.load(f)
    failed = False
    for path in sys.argv[2:]:
        problems = check(ref, path)
        if problems:
            failed = True
            print("%s: %d difference(s) with networkx %s" % (path, len(problems), nx.__version__))
            for p in problems[:20]:
                print("  " + p)
        else:
            print("%s: networkx %s reads %d nodes, %d edges, same values"
                  % (path, nx.__version__, len(ref["nodes"]), len(ref["links"])))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
