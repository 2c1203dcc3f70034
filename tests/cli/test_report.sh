# vchain report: well-formed, deterministic, atomic pages; in Chromium (when
# installed) not blank and naming the top control points.
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
check report-country-section grep -q "Netherlands: what it holds" "$TMP/nld.html"
check report-country-matrix grep -q "Mutual dependency" "$TMP/nld.html"
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
    run -q compare "$D/history/release-2025-07" "$D" --top 60 --report "$TMP/diff.html"
    expect_rc report-compare 0
    check report-compare-xml xmllint --noout --nonet "$TMP/diff.html"
    check report-compare-krf grep -q "KrF (DUV) lithography tools" "$TMP/diff.html"
fi

# In a browser: not blank, and the top control points are in the rendered text.
CHROMIUM=$(command -v chromium || command -v chromium-browser || true)
if [ -n "$CHROMIUM" ]; then
    shot() { # FILE.html OUT.png
        timeout 60 "$CHROMIUM" --headless --no-sandbox --disable-gpu --no-first-run \
            --disable-background-networking --disable-quic --disable-component-update \
            --disable-sync --user-data-dir="$TMP/profile" --window-size=1100,1500 \
            --screenshot="$2" "file://$1" >/dev/null 2>&1
    }
    dom() { # FILE.html
        timeout 60 "$CHROMIUM" --headless --no-sandbox --disable-gpu --no-first-run \
            --disable-background-networking --disable-quic --disable-component-update \
            --disable-sync --user-data-dir="$TMP/profile" --dump-dom "file://$1" 2>/dev/null
    }
    shot "$TMP/nld.html" "$TMP/nld.png"
    check chromium-screenshot test -s "$TMP/nld.png"
    if /usr/bin/python3 -c "import PIL" 2>/dev/null; then
        check chromium-not-blank /usr/bin/python3 "$SRC/tools/check_screenshot.py" "$TMP/nld.png"
    fi
    dom "$TMP/nld.html" >"$TMP/nld.dom"
    "$VCHAIN_BIN" rank --by actor --top 3 --format tsv "$G" | cut -f2 | tail -n +2 >"$TMP/top"
    while IFS= read -r name; do
        check "chromium-dom-has-$(echo "$name" | tr ' ' _)" grep -qF "$name" "$TMP/nld.dom"
    done <"$TMP/top"
    check chromium-dom-has-euv grep -q "EUV lithography tools" "$TMP/nld.dom"
    if [ -f "$TMP/eto.html" ]; then
        dom "$TMP/eto.html" >"$TMP/eto.dom"
        check chromium-eto-asml grep -q "ASML" "$TMP/eto.dom"
        shot "$TMP/eto.html" "$TMP/eto.png"
        check chromium-eto-screenshot test -s "$TMP/eto.png"
    fi
else
    echo "chromium not installed: browser checks skipped" >&2
fi
finish
