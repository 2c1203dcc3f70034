#!/usr/bin/python3
"""What real producers write: NetworkX's own reader-test documents, read by
NetworkX and by vchain, compared (a test oracle, not product code).

    /usr/bin/python3 tools/networkx_docs.py extract DIR
    /usr/bin/python3 tools/networkx_docs.py compare DIR VCHAIN [--lenient]

extract writes every GraphML and GEXF document embedded in the installed
NetworkX's readwrite/tests/test_graphml.py and test_gexf.py (string
literals holding <graphml or <gexf; f-strings with their placeholders
filled with "X") to DIR, one file each, named after the test file and the
line where the literal starts (graphml-0015.graphml, gexf-0288.gexf).
Nothing is copied into vchain's repository: the documents are NetworkX's.

compare reads each file of DIR with networkx.read_graphml or read_gexf and
with `VCHAIN info --format json`, and prints one line per document:

    agree     graphml-0015.graphml  nodes 4 edges 3 node-attrs 0 edge-attrs 0
    differ    graphml-0395.graphml  NetworkX: refused (...); vchain: 3 nodes ...

Counted are nodes, edges, and the names of node and edge attributes that
carry a value on at least one element (NetworkX's view; vchain's `info`
lists its columns with counts).  vchain's columns that are not data in
NetworkX's reading are left out: the viz_* columns (NetworkX keeps GEXF viz
as a "viz" dict) and GEXF's own label, weight and kind (NetworkX keeps
them as node label and edge weight/kind too, so they are compared as
attributes of the same name).  Both refusing is agreement.

A vchain run that ends by a signal or with an exit status other than 0
or 1 is reported as "CRASH", one that fails without a message as such.
The last two lines are "N of M agree on nodes and edges" (the counts
alone, or both refusing) and "N of M agree" (everything compared).  Exit status 0 when the comparison ran,
77 when networkx is not installed for this Python.
"""
import ast
import json
import os
import subprocess
import sys

try:
    import networkx as nx
except ImportError:
    print("networkx is not installed for", sys.executable, file=sys.stderr)
    sys.exit(77)

TESTS = os.path.join(os.path.dirname(nx.__file__), "readwrite", "tests")


def literal_text(node):
    """The text of a str constant or an f-string (placeholders as X)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        parts = []
        for v in node.values:
            if isinstance(v, ast.Constant):
                parts.append(str(v.value))
            else:
                parts.append("X")
        return "".join(parts)
    return None


def extract(outdir):
    os.makedirs(outdir, exist_ok=True)
    n = 0
    for test, tag, ext in (("test_graphml.py", "<graphml", "graphml"),
                           ("test_gexf.py", "<gexf", "gexf")):
        path = os.path.join(TESTS, test)
        with open(path, encoding="utf-8") as f:
            tree = ast.parse(f.read(), path)
        seen = set()
        for node in ast.walk(tree):
            text = literal_text(node)
            if text is None or tag not in text:
                continue
            # f-strings hold Constant parts: count each literal once
            if node.lineno in seen:
                continue
            seen.add(node.lineno)
            name = "%s-%04d.%s" % (ext, node.lineno, ext)
            with open(os.path.join(outdir, name), "w", encoding="utf-8") as out:
                out.write(text.lstrip())
            n += 1
    print("%d documents written to %s" % (n, outdir))


def nx_view(path):
    try:
        if path.endswith(".gexf"):
            g = nx.read_gexf(path)
        else:
            g = nx.read_graphml(path)
    except Exception as e:  # NetworkX refuses: any exception is its answer
        return None, "%s: %s" % (type(e).__name__, str(e).splitlines()[0] if str(e) else "")
    nattrs = set()
    for _, d in g.nodes(data=True):
        nattrs.update(k for k in d if k != "viz")
    eattrs = set()
    for e in g.edges(data=True):
        eattrs.update(k for k in e[-1] if k not in ("viz", "id"))
    return (g.number_of_nodes(), g.number_of_edges(), sorted(nattrs), sorted(eattrs)), None


def vchain_view(vchain, path, extra):
    p = subprocess.run([vchain, "info", "--format", "json"] + extra + [path],
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if p.returncode not in (0, 1):  # a crash, a signal, or a usage error: never an answer
        return None, "CRASH: exit %d: %s" % (p.returncode, p.stderr.strip()[-200:])
    if p.returncode != 0:
        return None, p.stderr.strip().splitlines()[-1] if p.stderr.strip() else "exit 1 without a message"
    info = json.loads(p.stdout)
    nattrs = sorted(a["name"] for a in info["attributes"]
                    if a["class"] == "node" and a["count"] and not a["name"].startswith("viz_"))
    eattrs = sorted(a["name"] for a in info["attributes"]
                    if a["class"] == "edge" and a["count"] and not a["name"].startswith("viz_"))
    return (info["nodes"], info["edges"], nattrs, eattrs), p.stderr.strip()


def show(v):
    return "nodes %d edges %d node-attrs %s edge-attrs %s" % (
        v[0], v[1], ",".join(v[2]) or "-", ",".join(v[3]) or "-")


def compare(indir, vchain, extra):
    names = sorted(f for f in os.listdir(indir) if f.endswith((".graphml", ".gexf")))
    agree = same_shape = 0
    for name in names:
        path = os.path.join(indir, name)
        a, nx_err = nx_view(path)
        b, vc_msg = vchain_view(vchain, path, extra)
        if (a is None and b is None) or (a is not None and b is not None and a[:2] == b[:2]):
            same_shape += 1
        if a is None and b is None:
            agree += 1
            print("agree     %-22s both refuse (NetworkX: %s; vchain: %s)" % (name, nx_err, vc_msg))
        elif a is not None and b is not None and a == b:
            agree += 1
            print("agree     %-22s %s" % (name, show(a)))
        else:
            print("differ    %-22s NetworkX: %s; vchain: %s" % (
                name, show(a) if a else "refused (%s)" % nx_err,
                show(b) if b else "refused (%s)" % vc_msg))
    print("%d of %d agree on nodes and edges" % (same_shape, len(names)))
    print("%d of %d agree" % (agree, len(names)))


def main(argv):
    if len(argv) == 3 and argv[1] == "extract":
        extract(argv[2])
    elif len(argv) >= 4 and argv[1] == "compare":
        compare(argv[2], argv[3], argv[4:])
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
