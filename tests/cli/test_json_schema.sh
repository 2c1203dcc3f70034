# Every command's --format json against its schema in docs/schema (one shape
# per command, and rank --country's own), with and without --table, on an
# item chain, a firm network, an undirected graph and, when present, the Chip
# Explorer data.  tools/check_json_schema.py also holds numbers to the rule of
# docs/formats.md: a number member has a decimal point (1.0), a count none.
# Skipped (77) without python3-jsonschema under /usr/bin/python3.
. "$(dirname "$0")/lib.sh"
PY=/usr/bin/python3
if [ ! -x "$PY" ] || ! "$PY" -c 'import jsonschema' 2>/dev/null; then
    echo "skipped: $PY has no jsonschema module (Debian: apt-get install python3-jsonschema)" >&2
    exit 77
fi
S=$SRC/docs/schema
G=$SRC/graphs/semiconductor-lithography.graphml
F=$SRC/graphs/asml-suppliers.graphml
ETO=$SHARED/data/eto-chip-explorer

# valid NAME SCHEMA VCHAIN-ARGS...: runs vchain --format json and validates
valid() {
    name=$1 schema=$2; shift 2
    run "$@" --format json
    expect_rc "$name-rc" 0
    check "$name-schema" "$PY" "$SRC/tools/check_json_schema.py" "$S/$schema.schema.json" "$OUT"
}

# the schemas are valid JSON Schema (check_json_schema checks each one)
for s in "$S"/*.schema.json; do
    check "schema-$(basename "$s" .schema.json)-parses" "$PY" -c '
import json, sys
from jsonschema import validators
s = json.load(open(sys.argv[1]))
validators.validator_for(s).check_schema(s)' "$s"
done

# ---- an undirected graph: rank by centrality ----
cat >"$TMP/undirected.graphml" <<'EOF_G'
<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <graph edgedefault="undirected">
    <node id="a"/><node id="b"/><node id="c"/>
    <edge source="a" target="b"/><edge source="b" target="c"/>
  </graph>
</graphml>
EOF_G

for by in provision actor country; do
    valid "rank-by-$by" rank rank --by "$by" "$G"
    valid "rank-by-$by-all" rank rank --by "$by" --all "$G"
done
valid rank-supplier rank rank "$F"
valid rank-supplier-all rank rank --all "$F"
valid rank-firm-actors rank rank --by actor "$F"
valid rank-centrality rank rank "$TMP/undirected.graphml"
# a provision without a share: nothing to rank, still the array
valid rank-empty rank rank "$SRC/tests/data/noshare.graphml"
check rank-empty-is-array grep -qx '\[\]' "$OUT"
valid rank-country rank-country rank --country NLD "$G"
check rank-country-has-clusters grep -q '"clusters": \[' "$OUT"
valid rank-country-all rank-country rank --country NLD --all "$G"
valid rank-country-firms rank-country rank --country NLD "$F"

valid items items items "$G"
valid items-firms items items "$F"
valid info info info "$G"
valid info-firms info info "$F"
valid info-undirected info info "$TMP/undirected.graphml"

valid deps deps deps "$G"
for t in matrix leverage pairs; do
    valid "deps-table-$t" deps deps --table "$t" "$G"
    check "deps-table-$t-one-member" "$PY" -c '
import json, sys
assert list(json.load(open(sys.argv[1]))) == [sys.argv[2]]' "$OUT" "$t"
done
valid deps-all-countries deps deps --countries all "$G"
valid deps-firms deps deps --countries all "$F"

valid whatif whatif whatif --remove asml "$G"
for t in items critical control-points; do
    valid "whatif-table-$t" whatif whatif --remove asml --table "$t" "$G"
done
valid whatif-firms whatif whatif --remove TRUMPF "$F"
valid whatif-gain whatif whatif --gain "ASML:EUV light source=0.3" "$G"
check whatif-gain-has-balance grep -q '"balance": \[' "$OUT"
valid whatif-table-balance whatif whatif --gain "ASML:EUV light source=0.3" --table balance "$G"

valid opportunities opportunities opportunities --country NLD "$G"
for k in near foothold; do
    valid "opportunities-kind-$k" opportunities opportunities --country NLD --kind "$k" "$G"
done

awk '/<edge source="canon" target="krf"/ { sub(/>0\.25</, ">0.3<") } { print }' "$G" \
    >"$TMP/b.graphml"
valid compare compare compare "$G" "$TMP/b.graphml"
valid compare-all compare compare --all "$G" "$TMP/b.graphml"
for t in provisions items actors countries control-points unaligned; do
    valid "compare-table-$t" compare compare --all --table "$t" "$G" "$TMP/b.graphml"
done
valid compare-firms compare compare "$F" "$F"

# ---- the checker fails what breaks the promise ----
run rank --top 1 --format json "$G"
sed 's/"share": 1\.0/"share": 1/' "$OUT" >"$TMP/int-share.json"
check int-where-number-refused sh -c "! '$PY' '$SRC/tools/check_json_schema.py' \
    '$S/rank.schema.json' '$TMP/int-share.json' >/dev/null"
sed 's/"rank": 1,/"rank": 1, "extra": 0,/' "$OUT" >"$TMP/extra.json"
check extra-member-refused sh -c "! '$PY' '$SRC/tools/check_json_schema.py' \
    '$S/rank.schema.json' '$TMP/extra.json' >/dev/null"
run deps --table pairs --format json "$G"
check deps-table-not-rank sh -c "! '$PY' '$SRC/tools/check_json_schema.py' \
    '$S/rank.schema.json' '$OUT' >/dev/null"

# ---- the Chip Explorer data ----
if [ -d "$ETO" ]; then
    valid eto-rank rank -q rank "$ETO"
    valid eto-rank-actor rank -q rank --by actor --all "$ETO"
    valid eto-rank-country rank-country -q rank --country TWN "$ETO"
    valid eto-items items -q items "$ETO"
    valid eto-info info -q info "$ETO"
    valid eto-deps deps -q deps "$ETO"
    valid eto-whatif whatif -q whatif --remove-country NLD "$ETO"
    valid eto-opportunities opportunities -q opportunities --country NLD "$ETO"
    if [ -d "$ETO/history/release-2025-07" ]; then
        valid eto-compare compare -q compare "$ETO/history/release-2025-07" "$ETO"
    fi
else
    echo "note: $ETO absent (the Chip Explorer data set): its JSON checks skipped" >&2
fi
finish
