#!/bin/sh
# Writes the bad-input cases too big to commit into folder $1 (created if
# needed); tests/cli/test_bad_inputs.sh runs it at test time, and
# tests/bad/expected.tsv names these files as gen/<name>.  Takes about a
# second; needs only sh and awk.
set -eu
dir=${1:?usage: make_large.sh DIR}
mkdir -p "$dir"

head='<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">'

# 70,000+ lines: a bad edge on line 70,012 (libxml2 keeps element lines in
# 16 bits; vchain must still report the right one).
{
    echo "$head"                                 # lines 1-2
    echo '  <graph edgedefault="directed">'      # line 3
    awk 'BEGIN { for (i = 4; i <= 70011; i++) printf "    <node id=\"n%d\"/>\n", i }'
    echo '    <edge source="n4" target="missing"/>'   # line 70,012
    echo '  </graph>'
    echo '</graphml>'
} >"$dir/lines-70k-bad-edge.graphml"

# A node id of 1 MiB.
{
    echo "$head"
    echo '  <graph>'
    printf '    <node id="'
    awk 'BEGIN { s = "xxxxxxxxxxxxxxxx"; for (i = 0; i < 16; i++) s = s s; printf "%s", s }'
    echo '"/>'
    echo '  </graph>'
    echo '</graphml>'
} >"$dir/id-1mb.graphml"

# An edge id of 8 KiB (over the 4096-byte id limit, far under libxml2's).
{
    echo "$head"
    echo '  <graph>'
    echo '    <node id="a"/>'
    printf '    <edge source="a" target="a" id="'
    awk 'BEGIN { s = "e"; for (i = 0; i < 13; i++) s = s s; printf "%s", s }'
    echo '"/>'
    echo '  </graph>'
    echo '</graphml>'
} >"$dir/edge-id-8k.graphml"

# A <data> value of 2 MiB (over vchain's 1 MiB value limit).
{
    echo "$head"
    echo '  <key id="d" for="node" attr.name="note" attr.type="string"/>'
    echo '  <graph>'
    printf '    <node id="a"><data key="d">'
    awk 'BEGIN { s = "0123456789abcdef"; for (i = 0; i < 17; i++) s = s s; printf "%s", s }'
    echo '</data></node>'
    echo '  </graph>'
    echo '</graphml>'
} >"$dir/data-value-2mb.graphml"

# An XML attribute value of 11 MB on an element vchain otherwise ignores:
# libxml2's own limit (10,000,000 bytes) stops it.
{
    echo "$head"
    echo '  <graph>'
    printf '    <node id="a" note="'
    awk 'BEGIN { s = "abcdefghij"; for (i = 0; i < 20; i++) s = s s; s = s substr(s, 1, 1000000); printf "%s", s }'
    echo '"/>'
    echo '  </graph>'
    echo '</graphml>'
} >"$dir/attribute-11mb.graphml"

# 100,000 nested elements of a foreign vocabulary inside <graph> (skipped
# by vchain, so only libxml2's depth limit of 256 can stop them).
{
    echo "$head"
    echo '  <graph xmlns:y="urn:x-deep">'
    awk 'BEGIN { for (i = 0; i < 100000; i++) printf "<y:a>"; printf "\n"; for (i = 0; i < 100000; i++) printf "</y:a>"; printf "\n" }'
    echo '  </graph>'
    echo '</graphml>'
} >"$dir/deep-nesting.graphml"

# 200 levels of nesting: under libxml2's limit, all inside a <data> value.
{
    echo "$head"
    echo '  <key id="d" for="node" attr.name="note"/>'
    echo '  <graph>'
    printf '    <node id="a"><data key="d">'
    awk 'BEGIN { for (i = 0; i < 200; i++) printf "<b>"; for (i = 0; i < 200; i++) printf "</b>" }'
    echo '</data></node>'
    echo '  </graph>'
    echo '</graphml>'
} >"$dir/nesting-200-in-data.graphml"

# 30,000 attributes on one element (quadratic in libxml2's tree builder; the
# SAX reader must stay fast).
{
    echo "$head"
    echo '  <graph>'
    printf '    <node id="a"'
    awk 'BEGIN { for (i = 0; i < 30000; i++) printf " a%d=\"%d\"", i, i }'
    echo '/>'
    echo '  </graph>'
    echo '</graphml>'
} >"$dir/attributes-30k.graphml"

# 20,000 keys and 20,000 nodes each using the last one (a key lookup that
# is linear per <data> would make this quadratic).
{
    echo "$head"
    awk 'BEGIN { for (i = 0; i < 20000; i++) printf "  <key id=\"k%d\" for=\"node\" attr.name=\"a%d\"/>\n", i, i }'
    echo '  <graph>'
    awk 'BEGIN { for (i = 0; i < 20000; i++) printf "    <node id=\"n%d\"><data key=\"k19999\">%d</data></node>\n", i, i }'
    echo '  </graph>'
    echo '</graphml>'
} >"$dir/keys-20k.graphml"

# 200,000 nodes and 200,000 edges (a few MB; for --max-memory tests).
{
    echo "$head"
    echo '  <graph edgedefault="directed">'
    awk 'BEGIN { for (i = 0; i < 200000; i++) printf "    <node id=\"n%d\"/>\n", i;
                 for (i = 1; i < 200000; i++) printf "    <edge source=\"n%d\" target=\"n%d\"/>\n", i - 1, i }'
    echo '  </graph>'
    echo '</graphml>'
} >"$dir/big-200k.graphml"

# GEXF: 100,000 nested foreign elements, and a 2 MiB <description>.
{
    echo '<gexf xmlns="http://gexf.net/1.3" version="1.3">'
    echo '  <graph xmlns:y="urn:x-deep">'
    awk 'BEGIN { for (i = 0; i < 100000; i++) printf "<y:a>"; printf "\n"; for (i = 0; i < 100000; i++) printf "</y:a>"; printf "\n" }'
    echo '  </graph>'
    echo '</gexf>'
} >"$dir/gexf-deep-nesting.gexf"
{
    echo '<gexf xmlns="http://gexf.net/1.3" version="1.3">'
    printf '  <meta><description>'
    awk 'BEGIN { s = "0123456789abcdef"; for (i = 0; i < 17; i++) s = s s; printf "%s", s }'
    echo '</description></meta>'
    echo '  <graph/>'
    echo '</gexf>'
} >"$dir/gexf-description-2mb.gexf"

# GEXF: 4000 declared attributes and 200,000 attvalues naming them in the
# order that defeats a "next one" guess (a scan per value took 2.1 s).
awk 'BEGIN {
    print "<gexf xmlns=\"http://gexf.net/1.3\" version=\"1.3\"><graph><attributes class=\"node\">"
    for (i = 0; i < 4000; i++) printf "<attribute id=\"a%d\" title=\"a%d\" type=\"string\"/>\n", i, i
    print "</attributes><nodes>"
    for (n = 0; n < 2000; n++) {
        printf "<node id=\"n%d\"><attvalues>", n
        for (k = 0; k < 100; k++) printf "<attvalue for=\"a%d\" value=\"x\"/>", 3999 - (n * 100 + k) % 4000
        print "</attvalues></node>"
    }
    print "</nodes></graph></gexf>" }' >"$dir/gexf-attvalues-4000-attributes.gexf"
