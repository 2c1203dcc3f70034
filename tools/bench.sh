#!/bin/sh
# Benchmarks vchain beside its peers, in one run on this machine.
#   tools/bench.sh            (make bench builds the tools first)
#   tools/bench.sh import     the import step only: the reader and `vchain info`
#                             against igraph's reader and the bare parse, ending
#                             with the README's table
# BENCH_DIR keeps the generated inputs (default: a temporary folder); a file
# already there (chain-EDGES-edges.graphml) is used as it is.
# BENCH_10M=1 adds the 10,000,000-edge step to the import and rank
# benchmarks (a 1.24 GB file; igraph's reader then needs 2 GB and over half
# a minute a round, so it runs in one round of three there).
# tools/bench_bounds (run with the other bench_* tools) compares the scoring
# with bounds against the exact one.
set -eu
only=${1:-}
case $only in
'' | import) ;;
*) echo "usage: tools/bench.sh [import]" >&2; exit 2 ;;
esac
O=${O:-build}
dir=${BENCH_DIR:-$(mktemp -d)}
[ -n "${BENCH_DIR:-}" ] || trap 'rm -rf "$dir"' EXIT
mkdir -p "$dir"

# Import: the reader and `vchain info` beside igraph's reader and the bare
# libxml2 parse, at 10^5, 10^6 (and 10^7) edges, ten edges per node; then
# the same figures as one table (CPU seconds: steadier than wall clock on a
# shared machine).
sizes="100000 1000000"
[ "${BENCH_10M:-0}" = 0 ] || sizes="$sizes 10000000"
: >"$dir/import-rows.md"
for edges in $sizes; do
    nodes=$((edges / 10))
    f="$dir/chain-$edges-edges.graphml"
    echo "== GraphML import and vchain info: $nodes nodes, $edges edges"
    [ -f "$f" ] || "$O/tools/gen_chain" --nodes $nodes --edges $edges -o "$f"
    rounds=5 igraph_rounds=5
    [ $edges -lt 10000000 ] || rounds=3 igraph_rounds=1
    "$O/tools/bench_import" --rounds $rounds --igraph-rounds $igraph_rounds --markdown \
        --vchain "$O/vchain" "$f" >"$dir/import.out"
    cat "$dir/import.out"
    grep '^| ' "$dir/import.out" >>"$dir/import-rows.md"
done
echo "== import, CPU seconds (user + system), ranges over the rounds; load: $(uptime | sed 's/.*load average: //')"
echo "| edges | bare libxml2 parse | vchain's reader (× bare) | \`vchain info\` (× reader) | igraph's reader (× vchain's) | peak B/edge: reader | info | igraph |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|"
cat "$dir/import-rows.md"
[ "$only" != import ] || exit 0
# Scoring: `vchain rank` as a whole process (read, analysis, table) on the
# same files, with its bounds (the default from 10,000 actors) and with
# --exact (not at 10^7: over ten minutes), and the growth exponent between
# sizes.  /usr/bin/time gives CPU seconds and peak memory.
echo "== vchain rank: whole process, bounds (default) and --exact"
printf '%-10s %-7s %9s %9s %10s\n' edges mode wall_s cpu_s peak_MB
prev=
for edges in $sizes; do
    f="$dir/chain-$edges-edges.graphml"
    for mode in default exact; do
        [ $mode = default ] || [ $edges -lt 10000000 ] || continue
        flag=
        [ $mode = default ] || flag=--exact
        /usr/bin/time -f "%e %U %S %M" -o "$dir/rank.time" "$O/vchain" -q rank $flag "$f" \
            >"$dir/rank-$edges-$mode.tsv"
        read -r wall user sys kb <"$dir/rank.time"
        cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.1f", u + s }')
        printf '%-10s %-7s %9s %9s %10d' "$edges" "$mode" "$wall" "$cpu" $((kb / 1024))
        if [ $mode = default ] && [ -n "$prev" ]; then
            awk -v a="$prev" -v b="$cpu" -v ea="$prev_edges" -v eb="$edges" \
                'BEGIN { printf "   CPU grows as n^%.2f", log(b / a) / log(eb / ea) }'
        fi
        echo
        [ $mode = default ] && prev=$cpu prev_edges=$edges
    done
    if [ $edges -lt 10000000 ]; then
        if cmp -s "$dir/rank-$edges-default.tsv" "$dir/rank-$edges-exact.tsv"; then
            echo "           the same control points with --exact"
        else
            echo "           control points DIFFER with --exact"
        fi
    fi
done

echo "== the 10^6 file with every number written with 17 significant digits"
[ -f "$dir/chain1m17.graphml" ] || "$O/tools/gen_chain" --digits17 -o "$dir/chain1m17.graphml"
"$O/tools/bench_import" --rounds 5 --no-igraph "$dir/chain1m17.graphml"

echo "== report: 10,000 nodes, 100,000 edges"
[ -f "$dir/chain10k.graphml" ] || "$O/tools/gen_chain" --nodes 10000 --edges 100000 -o "$dir/chain10k.graphml"
"$O/tools/bench_report" "$dir"

for b in "$O"/tools/bench_*; do
    case $b in */bench_import | */bench_report | *.d) continue ;; esac
    echo "== $(basename "$b")"
    "$b" "$dir"
done
