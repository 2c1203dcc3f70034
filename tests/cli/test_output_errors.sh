# Write errors on standard output are errors: exit 1 with a message, for
# every way vchain prints (help, version, a command's result).
. "$(dirname "$0")/lib.sh"
G=$SRC/graphs/semiconductor-lithography.graphml

if [ ! -w /dev/full ]; then
    echo "skipped: no writable /dev/full here" >&2
    exit 77
fi
n=0
for args in "--help" "--version" "help" "help info" "info --help" "info $G" \
            "info --format json $G" "-q info $G"; do
    n=$((n + 1))
    # shellcheck disable=SC2086
    $VCHAIN_WRAP "$VCHAIN_BIN" $args </dev/null >/dev/full 2>"$ERR"
    RC=$?
    expect_rc "dev-full-$n-exit ($args)" 1
    expect_err "dev-full-$n-message ($args)" "vchain: error: standard output: write error: No space left on device"
done
# Every command that prints, in every way it prints (output larger than
# stdio's buffer fails mid-table: the message must still name standard
# output).
for args in "rank $G" "rank --format csv $G" "rank --by country --format json $G" \
            "rank --country NLD $G" "items $G" "deps $G" "whatif --remove ASML $G" \
            "compare $G $G" "compare --format json $G $G" "opportunities --country NLD $G" \
            "export -o - --format gexf $G" "export -o - --format json $G" \
            "convert -o - --format graphml $G" "report -o - $G" "report -o - --format svg $G"; do
    n=$((n + 1))
    # shellcheck disable=SC2086
    $VCHAIN_WRAP "$VCHAIN_BIN" $args </dev/null >/dev/full 2>"$ERR"
    RC=$?
    expect_rc "dev-full-$n-exit ($args)" 1
    expect_err "dev-full-$n-message ($args)" "vchain: error: standard output: write error: No space left on device"
    check "dev-full-$n-one-message ($args)" test "$(grep -c 'error:' "$ERR")" -eq 1
done
# A closed stdout (EBADF) is a write error too.
$VCHAIN_WRAP "$VCHAIN_BIN" info "$G" </dev/null >&- 2>"$ERR"
RC=$?
expect_rc closed-stdout-exit 1
expect_err closed-stdout-message "standard output: write error: Bad file descriptor"
# A failed run reports its own error, not a second one about stdout.
$VCHAIN_WRAP "$VCHAIN_BIN" info "$TMP/none.graphml" </dev/null >/dev/full 2>"$ERR"
RC=$?
expect_rc dev-full-failed-run 1
check dev-full-one-message test "$(grep -c 'error:' "$ERR")" -eq 1
finish
