# The MPI build (make MPI=1 O=build-mpi, docs/scale.md): rank, deps, whatif
# and compare under `mpirun -np 3` write byte for byte what one process of
# the default build writes (standard output, the messages, the exit status,
# the files of --export), on the shipped graphs and on the Chip Explorer
# tables when present; a failure on one process or on all of them is
# reported once and never leaves the job waiting.  Skipped when OpenMPI is
# not installed, and in the sanitizer and valgrind runs (OpenMPI's own
# allocations are not ours to check).
. "$(dirname "$0")/lib.sh"
if ! command -v mpirun >/dev/null 2>&1 || ! pkg-config --exists ompi-c 2>/dev/null; then
    echo "OpenMPI is not installed (Debian: openmpi-bin libopenmpi-dev): MPI tests skipped" >&2
    exit 77
fi
if [ -n "$VCHAIN_SANITIZE" ] || [ -n "$VCHAIN_WRAP" ]; then
    echo "the MPI tests run in 'make check' only, not under sanitizers or valgrind" >&2
    exit 77
fi

# ---- the MPI build, beside the default one ----
# Every object but src/mpi's is compiled exactly as in the default build, so
# a fresh build-mpi starts from copies of them (dependency files pointed at
# build-mpi): only the MPI module and the link are left to do.
MB=build-mpi
B=${VCHAIN_BUILD:-$SRC/build}
case $B in "$SRC"/*) BREL=${B#"$SRC"/} ;; *) BREL= ;; esac
if [ -n "$BREL" ] && [ ! -e "$SRC/$MB/libvchain.a" ] && [ -e "$B/libvchain.a" ]; then
    (cd "$B" && find src -name '*.o' -o -name '*.d') | while read -r f; do
        mkdir -p "$SRC/$MB/$(dirname "$f")"
        case $f in
        *.d) sed "s|^$BREL/|$MB/|" "$B/$f" >"$SRC/$MB/$f" && touch -r "$B/$f" "$SRC/$MB/$f" ;;
        *) cp -p "$B/$f" "$SRC/$MB/$f" ;;
        esac
    done
fi
env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make -s -C "$SRC" MPI=1 O="$MB" -j2 all \
    >"$TMP/build.log" 2>&1
RC=$?
expect_rc mpi-build 0
[ "$RC" -eq 0 ] || { tail -20 "$TMP/build.log"; finish; }
MPI_BIN=$SRC/$MB/vchain
check mpi-build-links-mpi sh -c "nm '$MPI_BIN' | grep -q ' U MPI_Init_thread'"
check default-build-free-of-mpi sh -c "! nm '$VCHAIN_BIN' | grep -qi ' mpi_'"

# mpirun refuses root unless told (CI runs as root)
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
# No hang: a run that outlives this is a failure.
MPIRUN="timeout 120 mpirun --oversubscribe"

# one NAME ARGS...: the default build, into $TMP/one.*
one() { "$VCHAIN_BIN" "$@" </dev/null >"$TMP/one.out" 2>"$TMP/one.err"; echo $? >"$TMP/one.rc"; }
# three NAME ARGS...: the MPI build on 3 processes, into $TMP/three.*
three() {
    $MPIRUN -np 3 "$MPI_BIN" "$@" </dev/null >"$TMP/three.out" 2>"$TMP/three.err"
    echo $? >"$TMP/three.rc"
}
# vchain's own messages (mpirun adds banners of its own on failures)
messages() { grep '^vchain: ' "$1" || true; }

# same NAME ARGS...: one process and three give the same bytes
same() {
    name=$1; shift
    one "$@"
    three "$@"
    if ! cmp -s "$TMP/one.out" "$TMP/three.out"; then
        fail "$name" "standard output differs: $(cmp "$TMP/one.out" "$TMP/three.out" 2>&1)"
    elif [ "$(cat "$TMP/one.rc")" != "$(cat "$TMP/three.rc")" ]; then
        fail "$name" "exit $(cat "$TMP/three.rc"), one process exits $(cat "$TMP/one.rc"); $(head -c 300 "$TMP/three.err")"
    elif [ "$(messages "$TMP/one.err")" != "$(messages "$TMP/three.err")" ]; then
        fail "$name" "messages differ: $(messages "$TMP/three.err" | head -c 300)"
    else
        pass "$name"
    fi
}

G=$SRC/graphs/semiconductor-lithography.graphml
for g in "$SRC"/graphs/*.graphml; do
    same "mpi-rank-$(basename "$g" .graphml)" rank --all "$g"
done
same mpi-rank-by-country rank --by country --format json "$G"
same mpi-deps-all deps --format json --countries all "$SRC/graphs/asml-suppliers.graphml"
sed -e 's/"asml"/"asml_bv"/g' "$G" >"$TMP/b.graphml"
same mpi-compare compare --format json "$G" "$TMP/b.graphml"

# files written: process 0 alone writes them, the same bytes
mkdir -p "$TMP/f1" "$TMP/f3"
one whatif --remove asml --export "$TMP/f1/after.graphml" "$G"
three whatif --remove asml --export "$TMP/f3/after.graphml" "$G"
check mpi-whatif-export-same cmp "$TMP/f1/after.graphml" "$TMP/f3/after.graphml"
one deps --export "$TMP/f1/countries/" "$G"
three deps --export "$TMP/f3/countries/" "$G"
check mpi-deps-export-csv-same sh -c "test -s \"$TMP/f1/countries/nodes.csv\" && diff -r \"$TMP/f1/countries\" \"$TMP/f3/countries\""
check mpi-no-temporary-left sh -c "! ls -A '$TMP/f3' '$TMP/f3/countries' | grep -q vchain-tmp"

# ---- failures: one message, one exit status, no process left waiting ----
one_error() { # NAME RC: the MPI run exited RC with exactly one error message
    got=$(cat "$TMP/three.rc")
    errors=$(grep -c '^vchain: error: ' "$TMP/three.err")
    if [ "$got" -ne "$2" ]; then
        fail "$1" "exit $got, expected $2; $(head -c 300 "$TMP/three.err")"
    elif [ "$errors" -ne 1 ]; then
        fail "$1" "$errors error messages, expected 1: $(messages "$TMP/three.err" | head -c 300)"
    else
        pass "$1"
    fi
}
printf 'not a graph\n' >"$TMP/bad.graphml"
same mpi-bad-input rank "$TMP/bad.graphml"
one_error mpi-bad-input-once 1
same mpi-usage-error rank --top x "$G"
three whatif --remove asml --export /dev/full "$G"
one_error mpi-output-error-once 1
# process 2 alone cannot read its input: process 0 reports it and ends the job
$MPIRUN -np 2 "$MPI_BIN" rank "$G" : -np 1 "$MPI_BIN" rank "$TMP/missing.graphml" \
    </dev/null >"$TMP/three.out" 2>"$TMP/three.err"
RC=$?
check mpi-other-fails-no-hang test "$RC" -ne 0 -a "$RC" -ne 124
check mpi-other-fails-once sh -c "test \"\$(grep -c '^vchain: error: .*missing.graphml' '$TMP/three.err')\" -eq 1"
check mpi-other-fails-says-which grep -q "process 2 of the parallel job failed" "$TMP/three.err"
# process 0 alone fails: the others, waiting for it, are stopped
$MPIRUN -np 1 "$MPI_BIN" rank "$TMP/missing.graphml" : -np 2 "$MPI_BIN" rank "$G" \
    </dev/null >"$TMP/three.out" 2>"$TMP/three.err"
RC=$?
check mpi-first-fails-no-hang test "$RC" -ne 0 -a "$RC" -ne 124
check mpi-first-fails-once sh -c "test \"\$(grep -c '^vchain: error: ' '$TMP/three.err')\" -eq 1"
# processes that read different inputs are told so, not mixed
$MPIRUN -np 2 "$MPI_BIN" rank "$G" : -np 1 "$MPI_BIN" rank "$SRC/graphs/batteries.graphml" \
    </dev/null >"$TMP/three.out" 2>"$TMP/three.err"
echo $? >"$TMP/three.rc"
one_error mpi-disagree-once 1
check mpi-disagree-says-why grep -q "disagree on the work" "$TMP/three.err"
check mpi-disagree-no-output test ! -s "$TMP/three.out"
# ... or when one has a loop fewer (deps scores, then builds its matrix)
$MPIRUN -np 2 "$MPI_BIN" deps "$G" : -np 1 "$MPI_BIN" rank "$G" \
    </dev/null >"$TMP/three.out" 2>"$TMP/three.err"
echo $? >"$TMP/three.rc"
one_error mpi-diverge-once 1
check mpi-diverge-says-why grep -q "process 2 ended while process 0 has an extraction loop left" \
    "$TMP/three.err"

# ---- the Chip Explorer tables and their earlier release ----
ETO=$SHARED/data/eto-chip-explorer
if [ -d "$ETO" ]; then
    same mpi-eto-rank rank --all --format json "$ETO"
    same mpi-eto-deps deps "$ETO"
    same mpi-eto-whatif whatif --remove-country TWN "$ETO"
    if [ -d "$ETO/history/release-2022-09" ]; then
        same mpi-eto-compare compare --format json "$ETO/history/release-2022-09" "$ETO"
    fi
else
    echo "the Chip Explorer data is not in $ETO (see the README): its MPI cases skipped" >&2
fi
finish
