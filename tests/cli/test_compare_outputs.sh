# tools/compare_outputs.sh, the check that a refactoring leaves every output
# byte-identical: it finds and names the cases a changed binary alters, and
# (when the sources are as committed) builds HEAD in a temporary worktree,
# finds nothing against it and removes the worktree again (otherwise it
# finds nothing between the binary and itself).  Its quick case list keeps this short; it
# runs in the plain `make check` only (the sanitizer and valgrind runs would
# only repeat it more slowly).
. "$(dirname "$0")/lib.sh"
TOOL=$SRC/tools/compare_outputs.sh

if [ -n "${VCHAIN_SANITIZE:-}" ] || [ -n "${VCHAIN_WRAP:-}" ]; then
    echo "skipped: runs in the plain make check only" >&2
    exit 77
fi
if ! command -v git >/dev/null 2>&1 || ! git -C "$SRC" rev-parse --git-dir >/dev/null 2>&1; then
    echo "skipped: needs git and a git checkout" >&2
    exit 77
fi

# ---- a binary that adds a line to info's output and fails items ----
cat >"$TMP/changed" <<EOF
#!/bin/sh
"$VCHAIN_BIN" "\$@"
rc=\$?
case \$1 in
info) echo extra ;;
items) exit 3 ;;
esac
exit \$rc
EOF
chmod +x "$TMP/changed"
sh "$TOOL" --quick --old-bin "$VCHAIN_BIN" --new-bin "$TMP/changed" >"$OUT" 2>"$ERR"
RC=$?
expect_rc changed-rc 1
expect_out changed-names-info "DIFFERS semiconductor-lithography/info: stdout"
expect_out changed-names-items "DIFFERS semiconductor-lithography/items-json: rc"
check changed-counts-all grep -q '^25 cases, 3 differ' "$OUT"
check changed-leaves-rank sh -c "! grep -q 'DIFFERS semiconductor-lithography/rank' '$OUT'"

# ---- HEAD, built in a temporary worktree (else: the binary against itself) ----
if [ -n "$(git -C "$SRC" status --porcelain -- src include Makefile 2>/dev/null)" ]; then
    echo "note: src/, include/ or Makefile differ from HEAD: the HEAD build is not checked" >&2
    sh "$TOOL" --quick --old-bin "$VCHAIN_BIN" --new-bin "$VCHAIN_BIN" >"$OUT" 2>"$ERR"
    RC=$?
    expect_rc self-rc 0
    expect_out self-summary "25 cases, 0 differ"
else
    # a private TMPDIR: other checkouts may add worktrees of their own meanwhile
    wtdir=$(mktemp -d "${TMPDIR:-/tmp}/vchain-cmp-test.XXXXXX")
    TMPDIR=$wtdir sh "$TOOL" --quick --new-bin "$VCHAIN_BIN" HEAD >"$OUT" 2>"$ERR"
    RC=$?
    expect_rc head-rc 0
    expect_out head-built "building HEAD"
    expect_out head-summary "25 cases, 0 differ"
    check head-worktree-removed sh -c "! git -C '$SRC' worktree list | grep -qF '$wtdir/'"
    check head-tmp-removed test -z "$(ls -A "$wtdir")"
    rm -rf "$wtdir"
fi
finish
