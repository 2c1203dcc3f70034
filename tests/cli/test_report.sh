# vchain report: well-formed, self-contained, deterministic, atomic pages
# (test_report_browser.sh renders them in Chromium).
. "$(dirname "$0")/lib.sh"
export SOURCE_DATE_EPOCH=1764288000
G=$SRC/graphs/semiconductor-lithography.graphml

for f in "$SRC"/graphs/*.graphml; do
    n=$(basename "$f" .graphml)
    run report "$f" -o "$TMP/$n.html"
    expect_rc "report-$n" 0
    check "report-$n-xml" xmllint --noout --nonet "$TMP/$n.html"
    check "report-$n-html" sh -c "xmllint --html --noout --nonet '$TMP/$n.html' 2>/dev/null"
    # self-contained: no script, nothing fetched (no src, href, @import or url())
    check "report-$n-self-contained" sh -c "! grep -Eqi '<script|src=|href=|@import|url\\(' '$TMP/$n.html'"
done
run report "$G" --country NLD -o "$TMP/nld.html"
expect_rc report-country 0
check report-country-stdout-empty test ! -s "$OUT"
check report-country-xml xmllint --noout --nonet "$TMP/nld.html"
check report-country-section grep -q "Netherlands: what it holds" "$TMP/nld.html"
check report-country-matrix grep -q "Mutual dependency" "$TMP/nld.html"
check report-country-clusters grep -q "What its control points stand on" "$TMP/nld.html"
check report-country-weaker grep -q "weaker than it looks: Carl Zeiss SMT (DEU)" "$TMP/nld.html"
# where it could build control points: the rows 'vchain opportunities'
# lists (--top of each), none on an item where it holds a control point
check report-country-opportunities grep -q "Netherlands: where it could build control points" "$TMP/nld.html"
run opportunities --country NLD --top 12 --format json "$G"
cp "$OUT" "$TMP/opp.json"
run rank --country NLD --format json "$G"
cp "$OUT" "$TMP/rank.json"
check report-opportunities-as-listed /usr/bin/python3 -c '
import json, sys, xml.etree.ElementTree as ET
page, opp, rank = sys.argv[1:4]
X = ""  # the page has no XHTML namespace; its SVG has its own
doc = ET.parse(page).getroot()
sec = [s for s in doc.iter(X + "section")
       if "".join(s.find(X + "h2").itertext()).endswith("where it could build control points")]
assert len(sec) == 1, len(sec)
rows = [[("".join(td.itertext())) for td in tr.findall(X + "td")]
        for tr in sec[0].find(X + "table").find(X + "tbody").findall(X + "tr")]
d = json.load(open(opp))
want = [(r["kind"], r["item"]) for r in d["near_misses"] + d["footholds"]]
assert [(r[0], r[2]) for r in rows] == want, (rows, want)
held = {r["item"] for r in json.load(open(rank))["control_points"]}
assert held, "rank --country lists no control point"
assert not held & {r[2] for r in rows}, held & {r[2] for r in rows}
# three lines of text per row: the item, who would gain, the figures
bars = [t for t in sec[0].iter("{http://www.w3.org/2000/svg}text")]
assert len(bars) == 3 * len(rows), (len(bars), len(rows))
' "$TMP/nld.html" "$TMP/opp.json" "$TMP/rank.json"
# --countries: the counterparts in the country's row and column of the matrix
run report "$G" --country NLD --countries TWN,usa,Netherlands -o "$TMP/nld-c.html"
expect_rc report-countries 0
check report-countries-rows /usr/bin/python3 -c '
import sys, xml.etree.ElementTree as ET
doc = ET.parse(sys.argv[1]).getroot()
rows = [t.findall("td")[0].text for t in doc.iter("tr") if t.findall("td")]
m = [r for r in rows if r in ("TWN Taiwan", "USA United States", "NLD Netherlands")]
assert m == ["TWN Taiwan", "USA United States"], m
' "$TMP/nld-c.html"
run report "$G" --countries TWN -o "$TMP/c.html"
expect_rc report-countries-needs-country 2
run report "$G" --country NLD --countries XXX -o "$TMP/c.html"
expect_rc report-countries-unknown 1
expect_err report-countries-unknown-says 'no actor of country "XXX"'
run report "$G" --country NLD -o "$TMP/nld2.html"
check report-deterministic cmp -s "$TMP/nld.html" "$TMP/nld2.html"
run report "$G" -o "$TMP/chain.svg"
expect_rc report-svg 0
check report-svg-xml xmllint --noout --nonet "$TMP/chain.svg"
check report-svg-is-svg grep -q '<svg xmlns="http://www.w3.org/2000/svg"' "$TMP/chain.svg"
run report "$G" --country ATL -o "$TMP/x.html"
expect_rc report-unknown-country 1
check report-unknown-country-no-file test ! -e "$TMP/x.html"
run report "$G"
expect_rc report-needs-output 2
run report --top 0 "$G" -o "$TMP/y.html"
expect_rc report-bad-top 2
echo old >"$TMP/keep.html"
run report "$TMP/missing.graphml" -o "$TMP/keep.html"
check report-failure-keeps-old grep -q old "$TMP/keep.html"

if [ -d "$SHARED/data/eto-chip-explorer" ]; then
    D=$SHARED/data/eto-chip-explorer
    run -q report "$D" --country NLD -o "$TMP/eto.html"
    expect_rc report-eto 0
    check report-eto-xml xmllint --noout --nonet "$TMP/eto.html"
    # ASM International's ALD tools, the nearest Dutch miss: 54.5 % held, 63.7 % needed
    pat=$(printf '54.5\302\240%%, needs 63.7\302\240%%; impact 8.6\302\240%% \342\206\222 10.0\302\240%%')
    check report-eto-ald grep -qF "$pat" "$TMP/eto.html"
    # with --top 30 every name in the picture lies inside it, measured with
    # the font itself where Pillow and DejaVu Sans are installed (EBARA and
    # TOWA stand left of the first column)
    run -q report "$D" --country NLD --top 30 -o "$TMP/eto30.html"
    expect_rc report-eto-top30 0
    check report-eto-top30-names-inside /usr/bin/python3 -c '
import sys, xml.etree.ElementTree as ET
S = "{http://www.w3.org/2000/svg}"
doc = ET.parse(sys.argv[1]).getroot()
sec = [s for s in doc.iter("section") if "".join(s.find("h2").itertext()) == "The chain"][0]
svg = sec.find(".//" + S + "svg")
width = float(svg.get("viewBox").split()[2])
try:
    from PIL import ImageFont
    font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", 1000)
except Exception:
    sys.exit(0)  # no font to measure with
names = []
for g in svg.iter(S + "g"):
    if g.get("font-size") is None:
        continue
    size = float(g.get("font-size"))
    for t in g.iter(S + "text"):
        text = "".join(t.itertext())
        w = font.getlength(text) * size / 1000
        x = float(t.get("x"))
        x0 = x - w if t.get("text-anchor") == "end" else x
        assert 0 <= x0 and x0 + w <= width, (text, x0, x0 + w)
        names.append(text)
assert "EBARA" in names and "TOWA" in names, names
' "$TMP/eto30.html"
    run -q compare "$D/history/release-2025-07" "$D" --top 60 --report "$TMP/diff.html"
    expect_rc report-compare 0
    check report-compare-xml xmllint --noout --nonet "$TMP/diff.html"
    check report-compare-krf grep -q "KrF (DUV) lithography tools" "$TMP/diff.html"
fi

# --format wins over the extension; '-' writes the page to standard output
run report "$G" --format svg -o "$TMP/picture.html"
expect_rc report-format-svg 0
check report-format-svg-is-svg grep -q '<svg xmlns="http://www.w3.org/2000/svg"' "$TMP/picture.html"
check report-format-svg-no-page sh -c "! grep -q '<html' '$TMP/picture.html'"
run report "$G" -o -
expect_rc report-stdout 0
expect_out report-stdout-page "<!DOCTYPE html>"
run report "$G" --format pdf -o "$TMP/z.pdf"
expect_rc report-bad-format 2
# a name that asks for what the report is not: refused, nothing written
run report "$G" -o "$TMP/r.pdf"
expect_rc report-pdf-name-refused 2
expect_err report-pdf-name-says-how "print the page to PDF from a browser"
check report-pdf-name-writes-nothing test ! -e "$TMP/r.pdf"
run report "$G" -o "$TMP/r.txt"
expect_rc report-unknown-name-refused 2
expect_err report-unknown-name-lists "name it .html or .svg"
run report "$G" -o "$TMP/r.htm"
expect_rc report-htm 0
check report-htm-is-html grep -q '<!DOCTYPE html>' "$TMP/r.htm"
# the date comes from SOURCE_DATE_EPOCH (2025-11-28)
check report-date grep -q "2025-11-28" "$TMP/nld.html"

# Edges with the same ends are drawn once, with their number: 200,000
# self-loops on one node and three parallel edges make two lines, not
# 200,003 (a million self-loops made 61 MB of identical paths).
awk 'BEGIN {
    print "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"><graph edgedefault=\"directed\">"
    print "<node id=\"a\"/><node id=\"b\"/>"
    for (i = 0; i < 200000; i++) print "<edge source=\"a\" target=\"a\"/>"
    for (i = 0; i < 3; i++) print "<edge source=\"a\" target=\"b\"/>"
    print "<edge source=\"b\" target=\"a\"/>"
    print "</graph></graphml>" }' >"$TMP/loops.graphml"
for ext in html svg; do
    run -q report "$TMP/loops.graphml" -o "$TMP/loops.$ext"
    expect_rc "report-loops-$ext" 0
    check "report-loops-$ext-small ($(wc -c <"$TMP/loops.$ext") bytes)" \
        test "$(wc -c <"$TMP/loops.$ext")" -lt 20000
    check "report-loops-$ext-three-lines" test "$(grep -c '<path ' "$TMP/loops.$ext")" -eq 3
    check "report-loops-$ext-counted" grep -q '<title>200000 edges from a to a</title>' "$TMP/loops.$ext"
    check "report-parallel-$ext-counted" grep -q '<title>3 edges from a to b</title>' "$TMP/loops.$ext"
    check "report-single-$ext-no-count" test "$(grep -c '<title>[0-9]* edges from' "$TMP/loops.$ext")" -eq 2
done
check report-loops-svg-xml xmllint --noout --nonet "$TMP/loops.svg"

# In a browser: tests/cli/test_report_browser.sh
finish
