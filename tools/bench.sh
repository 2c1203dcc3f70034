#!/bin/sh
# Benchmarks vchain beside its peers, in one run on this machine.
#   tools/bench.sh            (make bench builds the tools first)
# BENCH_DIR keeps the generated inputs (default: a temporary folder).
set -eu
O=${O:-build}
dir=${BENCH_DIR:-$(mktemp -d)}
[ -n "${BENCH_DIR:-}" ] || trap 'rm -rf "$dir"' EXIT
mkdir -p "$dir"

echo "== GraphML import: 100,000 nodes, 1,000,000 edges"
[ -f "$dir/chain1m.graphml" ] || "$O/tools/gen_chain" -o "$dir/chain1m.graphml"
"$O/tools/bench_import" "$dir/chain1m.graphml" 5
echo "== the same, every number with 17 significant digits"
[ -f "$dir/chain1m17.graphml" ] || "$O/tools/gen_chain" --digits17 -o "$dir/chain1m17.graphml"
"$O/tools/bench_import" "$dir/chain1m17.graphml" 5

echo "== report: 10,000 nodes, 100,000 edges"
[ -f "$dir/chain10k.graphml" ] || "$O/tools/gen_chain" --nodes 10000 --edges 100000 -o "$dir/chain10k.graphml"
"$O/tools/bench_report" "$dir"

for b in "$O"/tools/bench_*; do
    case $b in */bench_import | */bench_report | *.d) continue ;; esac
    echo "== $(basename "$b")"
    "$b" "$dir"
done
