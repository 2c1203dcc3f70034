#!/usr/bin/python3
"""Cross-check vchain's firm-level impacts (the Economic Systemic Risk Index)
with an independent implementation of docs/model.md (a test oracle, not
product code).

    /usr/bin/python3 tools/check_esri.py VCHAIN_BIN [NETWORKS] [SEED]

Generates NETWORKS (default 40) random firm networks with NetworkX: firms
with sectors (some without), supply links with weights, some naming the
item supplied, some marked essential=false, parallel links and loops, some
firms with a value (larger or smaller than their sales), sometimes a few
firms marked final.  Each is written as GraphML, scored by
`vchain export --format json` under every shock mode (downstream, upstream,
both) and supplier rule (grouped, substitute, essential), and every firm's
impact is compared with the one computed here, to 1e-9.

The rules, as docs/model.md states them ("Final output", "Disruption",
"Firm networks"), with L the loss of a firm when firm x is extracted:
  - output X_a: value when given, else max(sales, purchases) along the
    links, else the smallest positive output of the others, else 1;
  - a customer's suppliers are grouped by the link's item, else the
    supplier's sector, else one group ('substitute': one group, 'essential':
    a group per supplier); links marked essential=false leave their group;
  - downstream: L_b >= the weighted mean loss of each essential group
    (weights: link weights), and >= sum over non-essential links of
    w L_a / I_b, with I_b b's value when given and larger than what b buys
    in the network, else what it buys;
  - upstream: L_a >= sum over a's customers b of w_ab L_b / U_a, with U_a the
    value when given and larger than a's sales, else the sales;
  - L = the least fixed point above the cut, found here by plain
    Gauss-Seidel sweeps from zero until nothing moves by 1e-15;
  - impact = sum over final firms of X L / sum of X.

Exit status: 0 all agree, 1 a difference (printed), 77 networkx missing.
"""
import json
import os
import random
import subprocess
import sys
import tempfile

try:
    import networkx as nx
except ImportError:
    print("networkx is not installed for", sys.executable, file=sys.stderr)
    sys.exit(77)

SECTORS = ["optics", "power", "chemicals"]
ITEMS = ["wafers", "lenses"]


def random_network(rng):
    g = nx.MultiDiGraph()
    n = rng.randint(4, 18)
    firms = ["f%d" % k for k in range(n)]
    marked = rng.random() < 0.25
    for f in firms:
        attrs = {}
        if rng.random() < 0.8:
            attrs["sector"] = rng.choice(SECTORS)
        if rng.random() < 0.4:
            attrs["value"] = float(rng.randint(1, 30))
        if marked and rng.random() < 0.3:
            attrs["final"] = True
        g.add_node(f, **attrs)
    for _ in range(rng.randint(n, 3 * n)):
        a, b = rng.choice(firms), rng.choice(firms)
        if a == b and rng.random() < 0.7:
            continue
        attrs = {"weight": float(rng.randint(1, 9))}
        if rng.random() < 0.2:
            attrs["item"] = rng.choice(ITEMS)
        if rng.random() < 0.2:
            attrs["essential"] = False
        g.add_edge(a, b, **attrs)
    return g


def outputs(g):
    sales = {f: 0.0 for f in g}
    bought = {f: 0.0 for f in g}
    for a, b, d in g.edges(data=True):
        sales[a] += d["weight"]
        bought[b] += d["weight"]
    out = {}
    for f, d in g.nodes(data=True):
        out[f] = d["value"] if "value" in d else max(sales[f], bought[f])
    positive = [x for f, x in out.items() if x > 0]
    for f, d in g.nodes(data=True):
        if "value" not in d and not out[f] > 0:
            out[f] = min(positive) if positive else 1.0
    return out, sales, bought


def groups_of(g, rule):
    """Per customer: [(essential, [(supplier, weight), ...]), ...]."""
    groups = {f: {} for f in g}
    for a, b, d in g.edges(data=True):
        if d.get("essential", True) is False:
            key = ("linear", a, len(groups[b]))  # each on its own
        elif rule == "substitute":
            key = ("one",)
        elif rule == "essential":
            key = ("supplier", a)
        elif d.get("item"):
            key = ("item", d["item"])
        elif "sector" in g.nodes[a]:
            key = ("sector", g.nodes[a]["sector"])
        else:
            key = ("one",)
        groups[b].setdefault(key, []).append((a, d["weight"]))
    return groups


def propagate(g, groups, out, sales, bought, shock, x):
    loss = {f: 0.0 for f in g}
    up_x = {}
    for f, d in g.nodes(data=True):
        v = d.get("value")
        up_x[f] = v if v is not None and v > sales[f] else sales[f]
    customers = {f: [] for f in g}
    for a, b, d in g.edges(data=True):
        customers[a].append((b, d["weight"]))
    for _ in range(200000):
        moved = 0.0
        for f in g:
            new = 1.0 if f == x else 0.0
            if shock in ("downstream", "both"):
                for key, members in groups[f].items():
                    if key[0] == "linear":
                        (a, w), = members
                        continue
                    total = sum(w for _, w in members)
                    if total > 0:
                        new = max(new, sum(w * loss[a] for a, w in members) / total)
                linear = sum(w * loss[a] for key, members in groups[f].items()
                             if key[0] == "linear" for a, w in members)
                uses = g.nodes[f].get("value", 0.0)
                uses = uses if uses > bought[f] else bought[f]
                if uses > 0:
                    new = max(new, linear / uses)
            if shock in ("upstream", "both") and up_x[f] > 0:
                new = max(new, sum(w * loss[b] for b, w in customers[f]) / up_x[f])
            new = min(new, 1.0)
            moved = max(moved, abs(new - loss[f]))
            loss[f] = new
        if moved < 1e-15:
            break
    return loss


def esri(g, shock, rule):
    out, sales, bought = outputs(g)
    groups = groups_of(g, rule)
    marked = [f for f, d in g.nodes(data=True) if d.get("final")]
    finals = marked if marked else list(g)
    total = sum(out[f] for f in finals)
    result = {}
    for x in g:
        loss = propagate(g, groups, out, sales, bought, shock, x)
        result[x] = sum(out[f] * loss[f] for f in finals) / total
    return result


def vchain_impacts(binary, path, shock, rule):
    # VCHAIN_WRAP (make check-valgrind) runs vchain under a checker
    wrap = os.environ.get("VCHAIN_WRAP", "").split()
    run = subprocess.run(wrap + [binary, "-q", "export", "--no-viz", "--format", "json", "-o", "-",
                          "--shock", shock, "--suppliers", rule, "--max-rounds", "60000",
                          "--threads", "2", path],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=False)
    if run.returncode != 0:
        raise RuntimeError("vchain failed on %s: %s" % (path, run.stderr.decode()))
    data = json.loads(run.stdout)
    return {n["id"]: n.get("impact") for n in data["nodes"]}


def main():
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    binary = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 40
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 12
    rng = random.Random(seed)
    problems = compared = 0
    worst = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        for k in range(count):
            g = random_network(rng)
            path = os.path.join(tmp, "net%d.graphml" % k)
            nx.write_graphml(g, path)
            for shock in ("downstream", "upstream", "both"):
                for rule in ("grouped", "substitute", "essential"):
                    if rule != "grouped" and k % 4:
                        continue  # the other rules on every fourth network
                    mine = esri(g, shock, rule)
                    theirs = vchain_impacts(binary, path, shock, rule)
                    for f, want in mine.items():
                        got = theirs.get(f)
                        compared += 1
                        diff = abs(got - want) if got is not None else float("inf")
                        worst = max(worst, diff)
                        if diff > 1e-9:
                            problems += 1
                            print("network %d (%s, %s): %s has impact %r, expected %r"
                                  % (k, shock, rule, f, got, want))
    print("%d impacts compared on %d networks, largest difference %.3g"
          % (compared, count, worst))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
