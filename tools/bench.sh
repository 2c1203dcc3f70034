#!/bin/sh
# Benchmarks vchain beside its peers, in one run on this machine.
#   tools/bench.sh            (make bench builds the tools first)
# BENCH_DIR keeps the generated inputs (default: a temporary folder).
# BENCH_10M=1 adds the 10,000,000-edge step to the import benchmark (a
# 1.24 GB file; igraph's reader then needs 2 GB and over half a minute a
# round).
set -eu
O=${O:-build}
dir=${BENCH_DIR:-$(mktemp -d)}
[ -n "${BENCH_DIR:-}" ] || trap 'rm -rf "$dir"' EXIT
mkdir -p "$dir"

# Import: the reader and `vchain info` beside igraph's reader and the bare
# libxml2 parse, at 10^5, 10^6 (and 10^7) edges, ten edges per node.
sizes="100000 1000000"
[ "${BENCH_10M:-0}" = 0 ] || sizes="$sizes 10000000"
for edges in $sizes; do
    nodes=$((edges / 10))
    f="$dir/chain-$edges-edges.graphml"
    echo "== GraphML import and vchain info: $nodes nodes, $edges edges"
    [ -f "$f" ] || "$O/tools/gen_chain" --nodes $nodes --edges $edges -o "$f"
    rounds=5
    [ $edges -lt 10000000 ] || rounds=3
    "$O/tools/bench_import" --rounds $rounds --vchain "$O/vchain" "$f"
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
