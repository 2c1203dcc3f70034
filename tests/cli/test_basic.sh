# The CLI's conventions: help, usage errors, exit codes, stdin, write errors.
. "$(dirname "$0")/lib.sh"
G=$SRC/graphs/semiconductor-lithography.graphml

run --help
expect_rc help-exit 0
expect_out help-lists-info "info"
run --version
expect_out version "vchain "
run
expect_rc no-command-is-usage-error 2
run frobnicate
expect_rc unknown-command 2
expect_err unknown-command-says-so "unknown command 'frobnicate'"
run info --help
expect_rc info-help 0
expect_out info-help-text "Usage: vchain info"
run help info
expect_out help-info "Usage: vchain info"
run info
expect_rc info-no-file 2
expect_err info-no-file-hint "Try 'vchain info --help'"
run info --bogus "$G"
expect_rc info-bad-option 2

run info "$G"
expect_rc info-example 0
expect_out info-nodes "nodes            72"
expect_out info-edges "edges            105"
expect_out info-acyclic "acyclic          yes"
expect_no_err info-example-quiet
run info --strict "$G"
expect_rc info-example-strict 0
run --stdin "$G" info -
expect_out info-stdin "<stdin>"
expect_out info-stdin-nodes "nodes            72"
run info --format json "$G"
check info-json-parses sh -c "/usr/bin/python3 -m json.tool '$OUT' >/dev/null 2>&1 || python3 -m json.tool '$OUT' >/dev/null"
expect_out info-json-nodes '"nodes": 72'

run info "$TMP/nope.graphml"
expect_rc missing-file 1
expect_err missing-file-message "nope.graphml: cannot open: No such file or directory"

printf '<graphml><graph>\n<node id="a"/>\n<edge source="a" target="b"/>\n</graph></graphml>\n' >"$TMP/bad.graphml"
run info "$TMP/bad.graphml"
expect_rc bad-edge-exit 1
expect_err bad-edge-located "bad.graphml:3:1: edge refers to node \"b\""
run info --lenient "$TMP/bad.graphml"
expect_rc lenient-exit 0
expect_err lenient-warns "warning:"
run -q info --lenient "$TMP/bad.graphml"
expect_no_err quiet-drops-warnings
run info --lenient --strict "$TMP/bad.graphml"
expect_rc strict-turns-warning-into-error 1

printf '<graphml><key id="s" for="edge" attr.name="share" attr.type="double"/><graph>\n<node id="a"/><node id="b"/>\n<edge source="a" target="b"><data key="s">61</data></edge>\n</graph></graphml>\n' >"$TMP/pct.graphml"
run info "$TMP/pct.graphml"
expect_rc share-above-one 1
expect_err share-above-one-hint "--share-scale percent"
run info --share-scale percent "$TMP/pct.graphml"
expect_rc share-percent-ok 0

if [ -w /dev/full ]; then
    $VCHAIN_WRAP "$VCHAIN_BIN" info "$G" >/dev/full 2>"$ERR"
    RC=$?
    expect_rc stdout-full-exit 1
    expect_err stdout-full-message "write error"
fi
finish
