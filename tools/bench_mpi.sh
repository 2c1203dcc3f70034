#!/bin/sh
# The extraction loop across MPI processes (docs/scale.md): `vchain rank` on a
# generated chain by the default build (one process, the peer) and by the
# MPI build under mpirun with 1, 2 and 4 processes of one thread each, in
# one run.  Prints per run the wall time and the load around it, the CPU
# time of the processes (all, the largest, the largest spent in the loop),
# the efficiency on CPU time (one process's CPU time over P times the
# largest: what wall time would give on a dedicated core per process), the
# bytes of results each process sent and received (vchain -v), and checks
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

cmd="rank --by actor --all --exact --threads 1"
echo "== vchain $cmd, $nodes nodes, $edges edges"
load() { cut -d' ' -f1 /proc/loadavg; }
l0=$(load)
/usr/bin/time -f "%e %U %S %M" -o "$dir/time" "$O/vchain" -q $cmd "$f" >"$dir/peer.out"
read -r peer pu ps peer_kb <"$dir/time"
awk -v t="$peer" -v u="$pu" -v s="$ps" -v kb="$peer_kb" -v l="$l0 $(load)" 'BEGIN {
    printf "%-15s wall %7.2f s  CPU %7.2f s  peak %4d MB  load %s\n", "default build", t, u + s,
           kb / 1024, l }'
echo "processes  wall s  load       CPU s: all  per process (max)  loop (max)  CPU efficiency  results sent / received per process  peak MB  output"
cpu1=
for n in $ranks; do
    l0=$(load)
    /usr/bin/time -f "%e" -o "$dir/time" mpirun --oversubscribe -np "$n" \
        "$MO/vchain" -q -v $cmd "$f" >"$dir/mpi.out" 2>"$dir/mpi.err"
    read -r t <"$dir/time"
    same=same
    cmp -s "$dir/peer.out" "$dir/mpi.out" || same=DIFFERENT
    # vchain -v: "process Q of N: E extractions in W s (C s of CPU), A s of CPU in all,
    # results sent X, received Y, peak memory M"
    sed -n 's/^vchain: note: process .* of .*: [0-9]* extractions in [0-9.]* s (\([0-9.]*\) s of CPU), \([0-9.]*\) s of CPU in all, results sent \(.*\), received \(.*\), peak memory \([0-9.]*\) \(.*\)$/\1 \2 \3|\4 \5 \6/p' \
        "$dir/mpi.err" >"$dir/procs"
    line=$(awk -F'[ |]' -v n="$n" -v t="$t" -v l="$l0 $(load)" -v cpu1="$cpu1" -v same="$same" '
        { loop = $1 > loop ? $1 : loop; all += $2; most = $2 > most ? $2 : most;
          sent = $3 " " $4; recv = $5 " " $6; peak = $7 > peak ? $7 : peak; unit = $8 }
        END { if (cpu1 == "") cpu1 = most
              printf "%9d  %6.2f  %-9s  %9.2f  %17.2f  %10.2f  %14.2f  %s / %s  %7.1f %s  %s\n",
                     n, t, l, all, most, loop, cpu1 / (n * most), sent, recv, peak, unit, same }' \
        "$dir/procs")
    echo "$line"
    [ -n "$cpu1" ] || cpu1=$(awk -F'[ |]' '{ m = $2 > m ? $2 : m } END { print m }' "$dir/procs")
done
