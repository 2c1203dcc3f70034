#!/bin/sh
# tools/compare_outputs.sh - do two builds of vchain write the same bytes?
#
#   tools/compare_outputs.sh [OPTIONS] [REV [DATA]]
#
# Builds git revision REV (default: main) in a temporary `git worktree`
# (removed again at the end) and the working tree (make, build/), runs every
# command with both binaries on the same inputs and compares, case by case,
# standard output, standard error, the exit status and every file the
# command wrote.  Prints one line per case that differs and a summary; exits
# 0 when nothing differs, 1 when something does, 2 on a usage or build
# error.
#
# Inputs: every graph in graphs/, and the ETO Chip Explorer tables DATA
# (default: $VCHAIN_SHARED/data/eto-chip-explorer, else
# ../shared/data/eto-chip-explorer beside the checkout) with its history/
# releases; without DATA those cases are skipped with a message.
#
# Options:
#   --quick           25 cases on one graph, no Chip Explorer data (for the
#                     CLI test)
#   --old-bin FILE    use FILE as the old binary instead of building REV
#   --new-bin FILE    use FILE as the new binary instead of building the
#                     working tree
#   --keep DIR        keep both sides' outputs in DIR (DIR/old, DIR/new)
#   -v                show the first lines of each difference
#   -h, --help        this help
#
# docs/internals.md ("Refactoring without changing outputs") says when to
# run it.  POSIX sh; needs git, make and diff.

usage() {
    sed -n '2,/^[^#]/{/^#/!d;s/^# \{0,1\}//;p;}' "$0"
}

quick=0 verbose=0 old_bin= new_bin= keep= rev= data=
while [ $# -gt 0 ]; do
    case $1 in
    --quick) quick=1 ;;
    --old-bin) old_bin=${2:?--old-bin needs a FILE}; shift ;;
    --new-bin) new_bin=${2:?--new-bin needs a FILE}; shift ;;
    --keep) keep=${2:?--keep needs a DIR}; shift ;;
    -v) verbose=1 ;;
    -h|--help) usage; exit 0 ;;
    -*) echo "compare_outputs: unknown option $1 (see --help)" >&2; exit 2 ;;
    *)
        if [ -z "$rev" ]; then rev=$1
        elif [ -z "$data" ]; then data=$1
        else echo "compare_outputs: too many arguments (see --help)" >&2; exit 2
        fi ;;
    esac
    shift
done
rev=${rev:-main}

root=$(cd "$(dirname "$0")/.." && pwd)
jobs=${JOBS:-2}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/vchain-compare.XXXXXX") || exit 2
wt=
cleanup() {
    if [ -n "$wt" ]; then
        git -C "$root" worktree remove --force "$wt" >/dev/null 2>&1
        git -C "$root" worktree prune >/dev/null 2>&1
    fi
    rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 2' INT TERM HUP PIPE

abspath() { (cd "$(dirname "$1")" && echo "$(pwd)/$(basename "$1")"); }

# ---- the two binaries ----
if [ -n "$old_bin" ]; then
    old_bin=$(abspath "$old_bin")
    old_name=$old_bin
else
    if ! git -C "$root" rev-parse --verify --quiet "$rev^{commit}" >/dev/null; then
        echo "compare_outputs: '$rev' is not a revision of $root" >&2
        exit 2
    fi
    wt=$tmp/rev
    if ! git -C "$root" worktree add --detach "$wt" "$rev" >"$tmp/worktree.log" 2>&1; then
        wt=
        cat "$tmp/worktree.log" >&2
        echo "compare_outputs: cannot check out $rev" >&2
        exit 2
    fi
    echo "building $rev ($(git -C "$wt" rev-parse --short HEAD)) in a temporary worktree"
    if ! make -C "$wt" -j"$jobs" build/vchain >"$tmp/build-old.log" 2>&1; then
        tail -20 "$tmp/build-old.log" >&2
        echo "compare_outputs: building $rev failed" >&2
        exit 2
    fi
    old_bin=$wt/build/vchain
    old_name=$rev
fi
if [ -n "$new_bin" ]; then
    new_bin=$(abspath "$new_bin")
    new_name=$new_bin
else
    echo "building the working tree"
    if ! make -C "$root" -j"$jobs" build/vchain >"$tmp/build-new.log" 2>&1; then
        tail -20 "$tmp/build-new.log" >&2
        echo "compare_outputs: building the working tree failed" >&2
        exit 2
    fi
    new_bin=$root/build/vchain
    new_name="the working tree"
fi

# ---- the inputs (the working tree's, the same for both sides) ----
if [ -z "$data" ]; then
    if [ -n "${VCHAIN_SHARED:-}" ]; then
        data=$VCHAIN_SHARED/data/eto-chip-explorer
    else
        data=$root/../shared/data/eto-chip-explorer
    fi
fi
if [ "$quick" = 1 ]; then
    data=
elif [ -d "$data" ]; then
    data=$(cd "$data" && pwd)
else
    echo "skipping the Chip Explorer cases: no data at $data (give DATA)"
    data=
fi
graphs=$(ls "$root"/graphs/*.graphml)
inputs=$tmp/inputs
mkdir -p "$inputs"
# A scenario file: steps every graph understands, one that only some do.
printf '# test scenario\nspare 0.1\nremove-country CHN\ncap "ASML" 0.5\n' >"$inputs/scenario.txt"
# A second version of the lithography chain: ASML renamed, one share moved.
sed -e 's/"asml"/"asml_bv"/g' "$root/graphs/semiconductor-lithography.graphml" |
    awk '/<edge source="canon" target="krf"/ { sub(/>0\.25</, ">0.3<") } { print }' \
        >"$inputs/litho-b.graphml"

# ---- the cases ----
# t NAME ARGS...: runs the side's binary with ARGS in its own folder
# $side/NAME (outputs are written there), keeping stdout, stderr and the
# exit status.  The binary is run as "vchain" from PATH, so that messages
# naming argv[0] read the same on both sides.  Both sides run the same list, so a case missing on one side
# cannot happen.
export SOURCE_DATE_EPOCH=1764288000
t() {
    name=$1
    shift
    mkdir -p "$side/$name"
    (cd "$side/$name" && PATH="$bindir:$PATH" vchain "$@" </dev/null >stdout 2>stderr
     echo $? >rc)
}

# Every command on one chain; $1 short name, $2 path.
chain_cases() {
    p=$1 f=$2
    t "$p/info" info "$f"
    t "$p/info-json" info --format json "$f"
    for fmt in text tsv csv json md; do
        t "$p/rank-$fmt" rank --format "$fmt" "$f"
        t "$p/items-$fmt" items --format "$fmt" "$f"
        t "$p/rank-country-nld-$fmt" rank --country NLD --format "$fmt" "$f"
        t "$p/deps-$fmt" deps --format "$fmt" "$f"
        t "$p/whatif-$fmt" whatif --remove-country CHN --format "$fmt" "$f"
    done
    t "$p/rank-by-actor" rank --by actor "$f"
    t "$p/rank-by-actor-json" rank --by actor --format json "$f"
    t "$p/rank-by-country" rank --by country "$f"
    t "$p/rank-by-country-text" rank --by country --format text "$f"
    t "$p/rank-all" rank --all "$f"
    t "$p/rank-all-json" rank --all --top 40 --format json "$f"
    t "$p/rank-level-country" rank --level country --spare 0.2 "$f"
    t "$p/rank-essential" rank --variants essential --theta-share 0.4 "$f"
    t "$p/rank-suppliers" rank --suppliers substitute --shock both --format text "$f"
    t "$p/rank-direction" rank --direction as-written --suppliers essential "$f"
    t "$p/rank-country-nld-actor" rank --country NLD --by actor "$f"
    t "$p/rank-country-usa-all" rank --country USA --all --top 10 "$f"
    t "$p/items-top" items --top 3 --format text "$f"
    t "$p/export-gexf" export "$f" -o out.gexf
    t "$p/export-gexf13" export "$f" --gexf-version 1.3 -o out.gexf
    t "$p/export-graphml" export "$f" -o out.graphml
    t "$p/export-csv" export "$f" -o csv
    t "$p/export-csvname" export "$f" -o out.csv
    t "$p/export-json" export "$f" -o out.json
    t "$p/export-stdout" export "$f" --format json -o -
    t "$p/export-country" export "$f" --color-by country --size-by betweenness -o out.gexf
    t "$p/export-cp" export "$f" --color-by cp --thickness-by none -o out.graphml
    t "$p/export-fr" export "$f" --layout fr -o out.gexf
    t "$p/export-noviz" export "$f" --no-viz -o out.graphml
    t "$p/export-noanalysis" export "$f" --no-analysis -o out.json
    t "$p/convert-graphml" convert "$f" -o out.graphml
    t "$p/convert-gexf" convert "$f" --gexf-version 1.3 -o out.gexf
    t "$p/convert-json" convert "$f" -o out.json
    t "$p/convert-csv" convert "$f" -o csv
    t "$p/convert-stdout" convert "$f" --format gexf -o -
    t "$p/deps-pairs" deps --table pairs --top 5 "$f"
    t "$p/deps-matrix" deps --table matrix --format text "$f"
    t "$p/deps-leverage" deps --table leverage --format csv "$f"
    t "$p/deps-all" deps --countries all --format json "$f"
    t "$p/deps-list" deps --countries NLD,USA,JPN --format text "$f"
    t "$p/deps-export" deps --export deps.gexf "$f"
    t "$p/deps-export-graphml" deps --gexf-version 1.3 --export deps.graphml "$f"
    t "$p/whatif-nld" whatif --remove-country NLD --spare 0.2 --format text "$f"
    t "$p/whatif-scenario" whatif --scenario "$inputs/scenario.txt" --format text "$f"
    t "$p/whatif-table" whatif --remove-country USA --table critical "$f"
    t "$p/whatif-export" whatif --remove-country JPN --export w.gexf "$f"
    t "$p/whatif-dynamic" whatif --remove-country JPN --export w.gexf --dynamic=1,2 "$f"
    t "$p/report-html" report "$f" -o r.html
    t "$p/report-svg" report "$f" -o r.svg
    t "$p/report-svg-stdout" report "$f" --format svg -o -
    t "$p/report-nld" report "$f" --country NLD -o r.html
    t "$p/report-usa-top" report "$f" --country USA --top 5 -o r.html
    t "$p/compare-self" compare --format text "$f" "$f"
    t "$p/compare-self-all" compare --all --format json "$f" "$f"
}

# Two chains compared; $1 short name, $2 and $3 the paths.
compare_cases() {
    p=$1 a=$2 b=$3
    for fmt in text tsv csv json md; do
        t "$p/compare-$fmt" compare --format "$fmt" "$a" "$b"
    done
    t "$p/compare-all" compare --all --top 20 "$a" "$b"
    t "$p/compare-label" compare --align label --table actors "$a" "$b"
    t "$p/compare-id" compare --align id --table unaligned "$a" "$b"
    t "$p/compare-cp" compare --table control-points --format text "$a" "$b"
    t "$p/compare-export" compare --export cmp.gexf "$a" "$b"
    t "$p/compare-export-graphml" compare --export cmp.graphml "$a" "$b"
    t "$p/compare-export-json" compare --export cmp.json "$a" "$b"
    t "$p/compare-dynamic" compare --export cmp.gexf --dynamic=2022,2025 "$a" "$b"
    t "$p/compare-report" compare --report cmp.html "$a" "$b"
}

# Messages and exit statuses of the command line itself.
cli_cases() {
    f=$root/graphs/semiconductor-lithography.graphml
    t cli/version --version
    t cli/help --help
    t cli/none
    t cli/unknown-command frobnicate
    t cli/unknown-global --frob
    for c in info rank items report convert compare whatif deps export; do
        t "cli/help-$c" "$c" --help
        t "cli/help-via-help-$c" help "$c"
        t "cli/unknown-option-$c" "$c" --frob "$f"
    done
    t cli/bad-by rank --by nope "$f"
    t cli/bad-format-rank rank --format nope "$f"
    t cli/bad-format-info info --format tsv "$f"
    t cli/bad-format-report report --format pdf -o r.html "$f"
    t cli/bad-format-export export --format pdf -o out "$f"
    t cli/bad-format-convert convert --format pdf -o out "$f"
    t cli/bad-align compare --align nope "$f" "$f"
    t cli/bad-table-compare compare --table nope "$f" "$f"
    t cli/bad-table-deps deps --table nope "$f"
    t cli/bad-table-whatif whatif --table nope --remove-country CHN "$f"
    t cli/bad-color export --color-by nope -o out.gexf "$f"
    t cli/bad-layout export --layout nope -o out.gexf "$f"
    t cli/bad-gexf-version export --gexf-version 9 -o out.gexf "$f"
    t cli/bad-gexf-version-deps deps --gexf-version 9 "$f"
    t cli/bad-level rank --level nope "$f"
    t cli/bad-suppliers rank --suppliers nope "$f"
    t cli/bad-shock rank --shock nope "$f"
    t cli/bad-direction info --direction nope "$f"
    t cli/bad-format-alias rank --format markdown "$f"
    t cli/gexf-version-alias export --gexf-version 1.2draft -o out.gexf "$f"
    t cli/bad-variants rank --variants nope "$f"
    t cli/bad-share-scale info --share-scale nope "$f"
    t cli/bad-input-format info --input-format nope "$f"
    t cli/bad-top rank --top 0 "$f"
    t cli/bad-spare rank --spare x "$f"
    t cli/bad-dynamic compare --export x.gexf --dynamic=2,1 "$f" "$f"
    t cli/dynamic-no-export compare --dynamic "$f" "$f"
    t cli/bad-max-memory --max-memory lots info "$f"
    t cli/missing-input rank "$root/graphs/missing.graphml"
    t cli/no-input rank
    t cli/two-inputs rank "$f" "$f"
    t cli/no-output export "$f"
    t cli/export-nothing export
    t cli/report-no-output report "$f"
    t cli/convert-no-output convert "$f"
    t cli/compare-one compare "$f"
    t cli/whatif-no-scenario whatif "$f"
    t cli/whatif-dynamic-alone whatif --remove-country NLD --dynamic "$f"
    t cli/help-then-bad rank --help --by nope "$f"
    t cli/bad-then-help rank --by nope --help "$f"
    t cli/missing-argument rank "$f" --top
    t cli/csv-stdout export --format csv -o - "$f"
    t cli/csv-no-folder export -o nofolder/ "$f"
    t cli/unknown-country rank --country ATL "$f"
    t cli/unknown-country-report report --country ATL -o r.html "$f"
    t cli/bad-countries deps --countries , "$f"
    t cli/unknown-actor whatif --remove nobody "$f"
    t cli/bad-cap whatif --cap asml=2 "$f"
}

# --quick: a few cases per command (the CLI test runs these).
quick_cases() {
    f=$root/graphs/semiconductor-lithography.graphml p=semiconductor-lithography
    t cli/version --version
    t cli/bad-by rank --by nope "$f"
    t "$p/info" info "$f"
    t "$p/info-json" info --format json "$f"
    t "$p/rank-tsv" rank "$f"
    t "$p/rank-json" rank --all --format json "$f"
    t "$p/rank-by-actor" rank --by actor --format text "$f"
    t "$p/rank-by-country" rank --by country "$f"
    t "$p/rank-country-nld-text" rank --country NLD --format text "$f"
    t "$p/items-json" items --format json "$f"
    t "$p/export-gexf" export "$f" -o out.gexf
    t "$p/export-graphml" export "$f" -o out.graphml
    t "$p/export-json" export "$f" -o out.json
    t "$p/export-csv" export "$f" -o csv
    t "$p/convert-gexf" convert "$f" --gexf-version 1.3 -o out.gexf
    t "$p/deps-text" deps --format text "$f"
    t "$p/deps-export" deps --export deps.gexf "$f"
    t "$p/whatif-json" whatif --remove-country NLD --format json "$f"
    t "$p/whatif-export" whatif --remove-country JPN --export w.gexf "$f"
    t "$p/report-html" report "$f" -o r.html
    t "$p/report-svg" report "$f" -o r.svg
    t "$p/report-nld" report "$f" --country NLD -o r.html
    t litho-ab/compare-text compare --format text "$f" "$inputs/litho-b.graphml"
    t litho-ab/compare-export compare --export cmp.gexf --dynamic "$f" "$inputs/litho-b.graphml"
    t litho-ab/compare-report compare --report cmp.html "$f" "$inputs/litho-b.graphml"
}

all_cases() {
    if [ "$quick" = 1 ]; then
        quick_cases
        return
    fi
    cli_cases
    for f in $graphs; do
        chain_cases "$(basename "$f" .graphml)" "$f"
    done
    t litho/compare-drl export "$root/graphs/semiconductor-lithography.graphml" --layout drl \
        -o out.gexf
    compare_cases litho-ab "$root/graphs/semiconductor-lithography.graphml" \
        "$inputs/litho-b.graphml"
    compare_cases litho-photonics "$root/graphs/semiconductor-lithography.graphml" \
        "$root/graphs/integrated-photonics.graphml"
    if [ -n "$data" ]; then
        chain_cases eto "$data"
        t eto/rank-quiet -q rank --format text "$data"
        if [ -d "$data/history/release-2022-09" ] && [ -d "$data/history/release-2025-07" ]; then
            compare_cases eto-releases "$data/history/release-2022-09" \
                "$data/history/release-2025-07"
            t eto-releases/deps-2022 deps --format text "$data/history/release-2022-09"
            t eto-releases/rank-2022 rank --format text "$data/history/release-2022-09"
        else
            echo "skipping the release comparison: no history/ releases in $data"
        fi
    fi
}

echo "running the cases with $old_name and $new_name"
mkdir -p "$tmp/bin/old" "$tmp/bin/new"
ln -s "$old_bin" "$tmp/bin/old/vchain"
ln -s "$new_bin" "$tmp/bin/new/vchain"
side=$tmp/out/old bindir=$tmp/bin/old
all_cases
side=$tmp/out/new bindir=$tmp/bin/new
all_cases

# ---- compare ----
n=0 differ=0
: >"$tmp/differ"
for d in $(cd "$tmp/out/old" && find . -name rc | sed 's|/rc$||; s|^\./||' | sort); do
    n=$((n + 1))
    o=$tmp/out/old/$d new=$tmp/out/new/$d
    if ! diff -r "$o" "$new" >"$tmp/diff" 2>&1; then
        differ=$((differ + 1))
        what=
        for part in rc stdout stderr; do
            cmp -s "$o/$part" "$new/$part" || what="$what $part"
        done
        files=$( (cd "$o" && find . -type f; cd "$new" && find . -type f) |
            sed 's|^\./||' | grep -v -x -e rc -e stdout -e stderr | sort -u)
        for x in $files; do
            cmp -s "$o/$x" "$new/$x" 2>/dev/null || what="$what $x"
        done
        echo "DIFFERS $d:$what" | tee -a "$tmp/differ"
        if [ "$verbose" = 1 ]; then
            head -20 "$tmp/diff" | sed 's/^/    /'
        fi
    fi
done
if [ -n "$keep" ]; then
    rm -rf "$keep"
    mkdir -p "$keep"
    cp -R "$tmp/out/old" "$tmp/out/new" "$keep/"
    echo "outputs kept in $keep/old and $keep/new"
fi
echo "$n cases, $differ differ ($old_name against $new_name)"
[ "$n" -gt 0 ] && [ "$differ" -eq 0 ]
