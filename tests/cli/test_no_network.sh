#!/bin/sh
# Hostile DTDs and entities never make vchain touch the network or read a
# file other than its input.  Two independent checks:
#  1. strace: no socket/connect call at all, and none of the files the
#     cases point at (/etc/passwd, /etc/hostname, /etc/xml/catalog, a .dtd)
#     is opened.  A self-check first shows that the same tracing does see
#     xmllint fetch a DTD when told to (so the check can fail).
#  2. unshare -n (an empty network namespace): each case still gives its
#     expected exit status, so nothing depends on a reachable network.
# Skips (77) when neither strace nor unshare -n works here.
. "$(dirname "$0")/lib.sh"
BAD=$SRC/tests/bad
CASES="dtd-xxe-url.graphml dtd-xxe-local-file.graphml dtd-parameter-entity.graphml \
dtd-unparsed-entity.graphml dtd-external-subset.graphml dtd-external-subset-entity-ref.graphml \
dtd-billion-laughs.graphml xinclude-local-file.graphml gexf-xxe-local-file.gexf \
gexf-external-dtd.gexf gexf-billion-laughs.gexf"
# expected exit status per case (see tests/bad/expected.tsv)
want_rc() {
    case $1 in
    dtd-external-subset.graphml | xinclude-local-file.graphml | gexf-external-dtd.gexf) echo 0 ;;
    *) echo 1 ;;
    esac
}
TOUCHED='/etc/passwd|/etc/hostname|/etc/xml/catalog|\.dtd"|socket\(|connect\('

have_strace=0
strace -f -qq -o /dev/null true 2>/dev/null && have_strace=1
have_unshare=0
unshare -n true 2>/dev/null && have_unshare=1
if [ $have_strace -eq 0 ] && [ $have_unshare -eq 0 ]; then
    echo "skipped: neither strace nor 'unshare -n' works here" >&2
    exit 77
fi

if [ $have_strace -eq 1 ]; then
    if command -v xmllint >/dev/null 2>&1; then
        strace -f -qq -e trace=network,open,openat -o "$TMP/self" \
            xmllint --loaddtd --noout "$BAD/dtd-external-subset.graphml" >/dev/null 2>&1
        check strace-sees-a-dtd-fetch grep -E -q 'socket\(' "$TMP/self"
    fi
    for c in $CASES; do
        # No $VCHAIN_WRAP (valgrind's own files would blur the trace); LeakSanitizer
        # needs ptrace, which strace holds, so leak checks are left to the other runs.
        ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0 \
        strace -f -qq -e trace=network,open,openat -o "$TMP/trace" \
            "$VCHAIN_BIN" info "$BAD/$c" >"$OUT" 2>"$ERR"
        RC=$?
        expect_rc "strace-$c-exit" "$(want_rc "$c")"
        if grep -E -q "$TOUCHED" "$TMP/trace"; then
            fail "strace-$c-untouched" "$(grep -E "$TOUCHED" "$TMP/trace" | head -3)"
        else
            pass "strace-$c-untouched"
        fi
        check "strace-$c-nothing-leaked" sh -c "! grep -q 'root:' '$OUT' '$ERR'"
    done
fi

if [ $have_unshare -eq 1 ]; then
    for c in $CASES; do
        # shellcheck disable=SC2086
        unshare -n $VCHAIN_WRAP "$VCHAIN_BIN" info "$BAD/$c" >"$OUT" 2>"$ERR"
        RC=$?
        expect_rc "netns-$c" "$(want_rc "$c")"
    done
fi
finish
