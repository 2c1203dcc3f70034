# The layers of docs/internals.md and their one-way arrows, checked on the
# sources and on the built objects:
#   core <- import <- engine <- report      core <- export      library <- cli, mpi
# (each uses only what is left of it; the report reads the engine's result
# types but calls no engine function, so it computes nothing itself; the
# exporters never see the engine; the program includes only
# include/vchain/*.h and calls only what the library exports).  Also: the
# engine's public headers never include export.h, and no report source
# exceeds 700 lines.
# A line that breaks a rule is printed with the rule.
. "$(dirname "$0")/lib.sh"

# includes: LAYER FORBIDDEN-ERE (what follows #include ")
includes() {
    if grep -En "^#include \"($2)\"" "$SRC"/src/"$1"/*.[ch] >"$TMP/hits"; then
        fail "includes-$1" "$(sed "s|^$SRC/||" "$TMP/hits" | head -5)"
    else
        pass "includes-$1"
    fi
}
ENGINE_H='vchain/(engine|compare|whatif|deps|layout|knowledge|cluster|opportunity)\.h'
includes core "(import|engine|export|report|cli)/.*|vchain/(import|export|report|vchain)\.h|$ENGINE_H"
includes import "(engine|export|report|cli)/.*|vchain/(export|report|vchain)\.h|$ENGINE_H"
includes engine "(export|report|cli)/.*|vchain/(export|report|vchain)\.h"
includes export "(import|engine|report|cli)/.*|vchain/(import|report|vchain)\.h|$ENGINE_H"
includes report "(import|engine|export|cli)/.*|vchain/(import|export|layout|whatif|vchain)\.h"
includes cli "(core|import|engine|export|report)/.*"
# the MPI build's part of the program (src/mpi) is held to the program's rule
includes mpi "(core|import|engine|export|report)/.*"

# the public headers keep the same arrows: the engine's topics (compare.h,
# whatif.h, deps.h, engine.h, layout.h) never include export.h or report.h
if grep -En '^#include "(export|report)\.h"' "$SRC"/include/vchain/compare.h \
        "$SRC"/include/vchain/whatif.h "$SRC"/include/vchain/deps.h \
        "$SRC"/include/vchain/engine.h "$SRC"/include/vchain/layout.h >"$TMP/hits"; then
    fail public-headers "$(sed "s|^$SRC/||" "$TMP/hits" | head -5)"
else
    pass public-headers
fi

# the report is split by concern: no source of it over 700 lines, and it
# lives in src/report, not among the exporters
long=$(wc -l "$SRC"/src/report/*.c | awk '$2 != "total" && $1 > 700 { print $2 ": " $1 " lines" }')
if [ -n "$long" ] || ls "$SRC"/src/export/report*.c >/dev/null 2>&1; then
    fail report-size "${long:-a report source under src/export}"
else
    pass report-size
fi

# calls: LAYER FORBIDDEN-LAYER...: no object of LAYER refers to a symbol
# an object of a forbidden layer defines
B=${VCHAIN_BUILD:-$SRC/build}
if ! command -v nm >/dev/null 2>&1 || [ ! -d "$B/src/report" ]; then
    echo "note: no nm or no objects in $B/src: calls not checked" >&2
else
    # the objects of a layer's sources (not those of files since moved)
    objects() {
        for c in "$SRC"/src/"$1"/*.c; do
            echo "$B/src/$1/$(basename "$c" .c).o"
        done
    }
    for layer in core import engine export report; do
        # shellcheck disable=SC2046
        nm -g --defined-only $(objects $layer) 2>/dev/null | awk 'NF == 3 { print $3 }' |
            sort -u >"$TMP/def-$layer"
    done
    calls() {
        layer=$1
        shift
        # shellcheck disable=SC2046
        nm -u $(objects "$layer") 2>/dev/null | awk '{ print $NF }' | sort -u >"$TMP/use"
        for other in "$@"; do
            comm -12 "$TMP/use" "$TMP/def-$other" >"$TMP/hits"
            if [ -s "$TMP/hits" ]; then
                fail "calls-$layer-$other" "$layer calls $other: $(head -5 "$TMP/hits" | tr '\n' ' ')"
            else
                pass "calls-$layer-$other"
            fi
        done
    }
    calls core import engine export report
    calls import engine export report
    calls engine export report
    calls export import engine report
    calls report import engine export

    # the program uses the library's public interface only: every vc_
    # symbol it refers to is one the library exports (VC_API)
    if command -v readelf >/dev/null 2>&1; then
        for layer in core import engine export report; do
            # shellcheck disable=SC2046
            readelf -sW $(objects $layer) 2>/dev/null |
                awk '$5 == "GLOBAL" && $6 == "DEFAULT" && $7 != "UND" { print $8 }'
        done | sort -u >"$TMP/public"
        # shellcheck disable=SC2046
        nm -u $(objects cli) 2>/dev/null | awk '$NF ~ /^vc_/ { print $NF }' | sort -u >"$TMP/use"
        comm -23 "$TMP/use" "$TMP/public" >"$TMP/hits"
        if [ -s "$TMP/hits" ]; then
            fail calls-cli-public "the program calls internals: $(head -5 "$TMP/hits" | tr '\n' ' ')"
        else
            pass calls-cli-public
        fi
    fi
fi
finish
