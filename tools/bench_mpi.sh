#!/bin/sh
# The extraction loop across MPI processes (docs/scale.md): `vchain rank` on a
# generated chain by the default build (one process, the peer) and by the
# MPI build under mpirun with 1, 2 and 4 processes of one thread each, in
# one run.  Prints wall time, speed-up and efficiency against one MPI
# process, and what each process computed and sent (vchain -v), and checks
# that every run wrote the same bytes as the peer.
#
#   make && make MPI=1 O=build-mpi && make tools
#   tools/bench_mpi.sh [NODES [EDGES [RANKS...]]]     (default 30000 300000 1 2 4)
#
# BENCH_DIR keeps the generated input (default: a temporary folder).
set -eu
O=${O:-build}
MO=${MO:-build-mpi}
nodes=${1:-30000}
edges=${2:-300000}
shift 2 2>/dev/null || shift $#
ranks=${*:-1 2 4}
dir=${BENCH_DIR:-$(mktemp -d)}
[ -n "${BENCH_DIR:-}" ] || trap 'rm -rf "$dir"' EXIT
mkdir -p "$dir"
f="$dir/chain-$nodes-$edges.graphml"
[ -f "$f" ] || "$O/tools/gen_chain" --nodes "$nodes" --edges "$edges" -o "$f"
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1

echo "== vchain rank --threads 1, $nodes nodes, $edges edges; load: $(cut -d' ' -f1-3 /proc/loadavg)"
/usr/bin/time -f "%e %M" -o "$dir/time" "$O/vchain" rank --threads 1 "$f" >"$dir/peer.out"
read -r peer peer_kb <"$dir/time"
printf '%-22s %8s s  %6s MB\n' "default build" "$peer" $((peer_kb / 1024))
t1=
for n in $ranks; do
    /usr/bin/time -f "%e %M" -o "$dir/time" mpirun --oversubscribe -np "$n" \
        "$MO/vchain" -v rank --threads 1 "$f" >"$dir/mpi.out" 2>"$dir/mpi.err"
    read -r t kb <"$dir/time"
    [ -n "$t1" ] || t1=$t
    same=same
    cmp -s "$dir/peer.out" "$dir/mpi.out" || same=DIFFERENT
    awk -v n="$n" -v t="$t" -v t1="$t1" -v kb="$kb" -v same="$same" '
        BEGIN { printf "%-22s %8.2f s  %6d MB  speed-up %.2f  efficiency %.2f  output %s\n",
                       "mpirun -np " n, t, kb / 1024, t1 / t, t1 / (n * t), same }'
    grep '^vchain: note: process' "$dir/mpi.err" | sed 's/^vchain: note: /    /' || true
done
