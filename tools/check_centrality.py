#!/usr/bin/python3
"""Cross-check vchain's position figures with NetworkX (a test oracle).

    /usr/bin/python3 tools/check_centrality.py FILE.graphml...

Each FILE is a `vchain export ... -o FILE.graphml` of some graph: its nodes
carry vchain's pagerank_down, pagerank_up, betweenness, in_degree,
out_degree and trophic_level.  NetworkX recomputes them on the graph read
back (a MultiDiGraph when there are parallel edges, else a DiGraph) and each
must agree to 1e-9 relative:

  pagerank_down   nx.pagerank(G, alpha=0.85, weight=None): parallel edges
                  count once each in both
  pagerank_up     the same on G.reverse()
  betweenness     nx.betweenness_centrality(G, normalized=False, weight=None)
                  when G has no parallel edges.  With parallel edges igraph
                  (hence vchain) counts each as a distinct shortest path and
                  NetworkX counts a neighbour once, so the oracle is then
                  nx.betweenness_centrality_subset on G with every edge
                  subdivided (u -> m -> v: parallel edges become distinct
                  paths), over the original nodes as sources and targets
  trophic_level   nx.trophic_levels(G, weight=None) on G without its
                  self-loops: vchain leaves a self-loop out of a node's
                  feeders, NetworkX counts it (docs/model.md)

Exit status: 0 all agree, 1 a difference (printed), 77 networkx missing.
"""
import sys
import warnings

try:
    import networkx as nx
except ImportError:
    print("networkx is not installed for", sys.executable, file=sys.stderr)
    sys.exit(77)

warnings.simplefilter("ignore", FutureWarning)  # nx 2.8 on adjacency_matrix


def close(got, want):
    return abs(got - want) <= 1e-9 * abs(want) + 1e-12


def subdivided_betweenness(g):
    h = nx.DiGraph()
    h.add_nodes_from(g.nodes)
    for k, (u, v) in enumerate(g.edges()):
        if u == v:
            continue  # a self-loop is never on a shortest path
        m = ("mid", k)
        h.add_edge(u, m)
        h.add_edge(m, v)
    nodes = list(g.nodes)
    bc = nx.betweenness_centrality_subset(h, nodes, nodes, normalized=False, weight=None)
    return {n: bc[n] for n in nodes}


def check(path):
    problems = []
    g = nx.read_graphml(path)
    multi = g.is_multigraph()
    want = {
        "pagerank_down": nx.pagerank(g, alpha=0.85, weight=None, tol=1e-15, max_iter=10000),
        "pagerank_up": nx.pagerank(g.reverse(copy=True), alpha=0.85, weight=None, tol=1e-15,
                                   max_iter=10000),
        "in_degree": dict(g.in_degree()),
        "out_degree": dict(g.out_degree()),
    }
    if multi:
        want["betweenness"] = subdivided_betweenness(g)
    else:
        want["betweenness"] = nx.betweenness_centrality(g, normalized=False, weight=None)
    loopless = g.copy()
    loopless.remove_edges_from(list(nx.selfloop_edges(loopless)))
    want["trophic_level"] = nx.trophic_levels(loopless, weight=None)
    for figure, values in want.items():
        for n, w in values.items():
            got = g.nodes[n].get(figure)
            if got is None:
                problems.append("%s: node %s has no %s" % (path, n, figure))
            elif not close(float(got), float(w)):
                problems.append("%s: %s of %s is %.17g, NetworkX says %.17g"
                                % (path, figure, n, got, w))
    if g.number_of_nodes() > 0 and not problems:
        print("%s: %d nodes, %d edges%s: pagerank (both ways), betweenness, degrees and "
              "trophic level agree" % (path, g.number_of_nodes(), g.number_of_edges(),
                                       " (parallel edges)" if multi else ""))
    return problems


def main():
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    problems = []
    for path in sys.argv[1:]:
        problems += check(path)
    for p in problems[:40]:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
