# Firm-level impacts (the Economic Systemic Risk Index) against an
# independent implementation of docs/model.md: tools/check_esri.py generates
# random firm networks with NetworkX (sectors, items, essential=false links,
# loops, values), scores them with `vchain export` under every shock mode
# and supplier rule, and recomputes every firm's impact; all must agree to
# 1e-9.  Skipped (77) when /usr/bin/python3 has no networkx.
. "$(dirname "$0")/lib.sh"
PY=/usr/bin/python3
if [ ! -x "$PY" ] || ! "$PY" -c 'import networkx' 2>/dev/null; then
    echo "skipped: $PY has no networkx" >&2
    exit 77
fi
# fewer networks when every run goes through valgrind
n=30
[ -n "${VCHAIN_WRAP:-}" ] && n=4
if "$PY" "$SRC/tools/check_esri.py" "$VCHAIN_BIN" "$n" >"$TMP/esri.out" 2>&1; then
    pass "esri-networkx ($(tail -1 "$TMP/esri.out"))"
else
    fail esri-networkx "$(head -c 600 "$TMP/esri.out")"
fi
finish
