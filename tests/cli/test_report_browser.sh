# vchain report in a real browser: the report of every shipped graph (and of
# the real semiconductor data when ../shared is there) rendered by headless
# Chromium is not blank, and its DOM text names the top control points
# (actor and item) and the charts.  Skips (77) when chromium is absent:
# apt-get install -y chromium.
#
# VCHAIN_REPORT_SHOT=FILE.png keeps the screenshot of the Dutch walkthrough
# (eto-chip-explorer --country NLD): that is docs/report-nld.png.
. "$(dirname "$0")/lib.sh"
SRC=$(cd "$SRC" && pwd)
CHROMIUM=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$CHROMIUM" ]; then
    echo "chromium not installed (apt-get install -y chromium): browser checks skipped" >&2
    exit 77
fi
export SOURCE_DATE_EPOCH=1764288000

# Chromium without network, sync, updates or a profile of its own (a fresh
# --user-data-dir each time).
browser() {
    profile=$(mktemp -d "$TMP/profile.XXXXXX") || return 1
    timeout 120 "$CHROMIUM" --headless --no-sandbox --disable-gpu --no-first-run \
        --disable-background-networking --disable-quic --disable-component-update \
        --disable-sync --user-data-dir="$profile" --hide-scrollbars "$@" 2>/dev/null
    rc=$?
    rm -rf "$profile"
    return $rc
}
shot() { # PAGE OUT.png [WIDTH,HEIGHT]
    browser --window-size="${3:-1100,1500}" --screenshot="$2" "file://$1" >/dev/null
}
# Not blank: with Pillow, enough ink and colours; without, a blank page's PNG
# is a few kilobytes and a drawn one far more.
not_blank() {
    if /usr/bin/python3 -c "import PIL" 2>/dev/null; then
        /usr/bin/python3 "$SRC/tools/check_screenshot.py" "$1" >/dev/null
    else
        [ "$(wc -c <"$1")" -gt 30000 ]
    fi
}
# The DOM as Chromium built it, entities decoded for grep.
dom() { # PAGE OUT
    browser --dump-dom "file://$1" >"$2.raw" &&
        sed -e 's/&amp;/\&/g' -e 's/&lt;/</g' -e 's/&gt;/>/g' -e 's/&nbsp;/ /g' "$2.raw" >"$2"
}
# Checks the DOM names each of the top 3 control points: actor and item.
names_top() { # INPUT DOM NAME
    nt_dom=$2 nt_name=$3
    "$VCHAIN_BIN" -q rank --top 3 --format tsv "$1" 2>/dev/null | tail -n +2 |
        awk -F'\t' '$14 == "yes" { print $2; print $4 }' >"$TMP/top"
    check "$nt_name-top-control-points-listed" test -s "$TMP/top"
    while IFS= read -r nt; do
        check "$nt_name-dom-names-$(echo "$nt" | tr -c 'A-Za-z0-9\n' _)" grep -qF -- "$nt" "$nt_dom"
    done <"$TMP/top"
}

# (lib.sh's check and run use $name and $in: page keeps its own apart)
page() { # NAME INPUT [OPTIONS...]
    pg=$1 pg_in=$2
    shift 2
    run report "$pg_in" "$@" -o "$TMP/$pg.html"
    expect_rc "browser-$pg-written" 0
    shot "$TMP/$pg.html" "$TMP/$pg.png"
    check "browser-$pg-screenshot" test -s "$TMP/$pg.png"
    check "browser-$pg-not-blank" not_blank "$TMP/$pg.png"
    dom "$TMP/$pg.html" "$TMP/$pg.dom"
    check "browser-$pg-dom-charts" grep -q "<svg" "$TMP/$pg.dom"
    check "browser-$pg-dom-holders" grep -q "Who holds the control points" "$TMP/$pg.dom"
    # a firm network (no items) has no control points to name until the
    # firm-network analysis lands
    if ! "$VCHAIN_BIN" info "$pg_in" 2>/dev/null | grep -Eq '^  items +0 '; then
        names_top "$pg_in" "$TMP/$pg.dom" "browser-$pg"
    fi
}

for f in "$SRC"/graphs/*.graphml; do
    page "$(basename "$f" .graphml)" "$f"
done

# the picture alone, as an SVG document
run report "$SRC/graphs/semiconductor-lithography.graphml" -o "$TMP/chain.svg"
expect_rc browser-svg-written 0
shot "$TMP/chain.svg" "$TMP/chain.png" 1000,600
check browser-svg-not-blank not_blank "$TMP/chain.png"

if [ -d "$SHARED/data/eto-chip-explorer" ]; then
    D=$SHARED/data/eto-chip-explorer
    # from the data folder, so that the page names the input as a reader
    # would (eto-chip-explorer), not by this machine's path
    here=$(pwd)
    cd "$SHARED/data" || exit 1
    page nld eto-chip-explorer --country NLD
    cd "$here" || exit 1
    check browser-nld-country grep -q "Netherlands: what it holds" "$TMP/nld.dom"
    check browser-nld-asml grep -q "ASML" "$TMP/nld.dom"
    check browser-nld-euv grep -q "EUV lithography tools" "$TMP/nld.dom"
    if [ -n "${VCHAIN_REPORT_SHOT:-}" ]; then
        # the README's picture: the chain and the holders, at a reading width
        shot "$TMP/nld.html" "$VCHAIN_REPORT_SHOT" 900,1600
    fi
    run -q compare "$D/history/release-2025-07" "$D" --top 60 --report "$TMP/diff.html"
    expect_rc browser-compare-written 0
    shot "$TMP/diff.html" "$TMP/diff.png"
    check browser-compare-not-blank not_blank "$TMP/diff.png"
    dom "$TMP/diff.html" "$TMP/diff.dom"
    check browser-compare-dom grep -q "The biggest share moves" "$TMP/diff.dom"
else
    echo "$SHARED/data/eto-chip-explorer absent: the real-data page skipped" >&2
fi
finish
