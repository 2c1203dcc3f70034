#!/bin/sh
# Writes the outputs of a vchain binary on the shipped graphs (and the
# ETO Chip Explorer data, when DATA names its folder) into OUTDIR, one file
# per command, standard error beside standard output.  Run it with two
# binaries and `diff -r` the folders to show that a change leaves the
# results of item chains byte-identical:
#
#   sh tools/snapshot_outputs.sh OLD_BIN /tmp/before [DATA]
#   sh tools/snapshot_outputs.sh build/vchain /tmp/after [DATA]
#   diff -r /tmp/before /tmp/after
set -u
BIN=${1:?usage: snapshot_outputs.sh BIN OUTDIR [DATA]}
OUTDIR=${2:?usage: snapshot_outputs.sh BIN OUTDIR [DATA]}
DATA=${3:-}
SRC=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$OUTDIR"

snap() { # NAME ARGS...: run BIN ARGS, keep stdout, stderr and status
    file=$OUTDIR/$1; shift
    "$BIN" "$@" >"$file.out" 2>"$file.err"
    echo "exit $?" >>"$file.err"
}

inputs() {
    for f in "$SRC"/graphs/*.graphml; do
        case $f in *suppliers*) continue ;; esac # firm networks: not item chains
        echo "$(basename "$f" .graphml) $f"
    done
    [ -n "$DATA" ] && [ -d "$DATA" ] && echo "chip $DATA"
}

inputs | while read -r base path; do
    snap "$base.rank" rank --format tsv --threads 2 "$path"
    snap "$base.rank-all" rank --all --format tsv "$path"
    snap "$base.rank-actor" rank --by actor --format tsv "$path"
    snap "$base.rank-country" rank --by country --format tsv "$path"
    snap "$base.rank-nld" rank --country NLD --format tsv "$path"
    snap "$base.items" items --format tsv "$path"
    snap "$base.deps" deps --countries all --format tsv "$path"
    snap "$base.export-graphml" export -o - --format graphml "$path"
    snap "$base.export-gexf" export -o - --format gexf "$path"
    snap "$base.export-json" export -o - --format json "$path"
    mkdir -p "$OUTDIR/$base.export-csv"
    snap "$base.export-csv" export -o "$OUTDIR/$base.export-csv" --format csv "$path"
done
if [ -n "$DATA" ] && [ -d "$DATA/history/release-2025-07" ]; then
    snap chip.compare compare --format tsv "$DATA/history/release-2025-07" "$DATA"
    snap chip.whatif whatif --remove-country NLD --format tsv "$DATA"
fi
