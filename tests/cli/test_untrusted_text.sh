#!/bin/sh
# Untrusted text on the terminal (issue 14, point 1): ids, labels and file
# names holding line breaks, ESC or C1 controls are shown as visible escapes
# (\n, \x1b, \u009b) in every message and every text table, so one message
# is one line and no escape sequence from a file reaches the terminal.
. "$(dirname "$0")/lib.sh"

ESC=$(printf '\033')
CSI=$(printf '\302\233')   # U+009B, the C1 control sequence introducer

# No raw control character in FILE but line ends (LF, CSV's CR LF) and tabs.
no_controls() {
    ! LC_ALL=C grep -q "$(printf '[\001-\010\013\014\016-\037\177]')" "$1" && ! grep -q "$CSI" "$1"
}
lines() { wc -l <"$1" | tr -d ' '; }

# The issue's forged refusal: a target id with a line break and a C1 CSI.
cat >"$TMP/forged.graphml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <graph edgedefault="directed">
    <node id="a"/>
    <edge source="a" target="I_GH&#10;vchain: error: forged line&#x9b;31m"/>
  </graph>
</graphml>
XML
run info "$TMP/forged.graphml"
expect_rc forged-exit 1
check forged-one-line test "$(lines "$ERR")" -eq 1
expect_err forged-escaped 'edge refers to node "I_GH\nvchain: error: forged line\u009b31m", which is never declared'
check forged-no-controls no_controls "$ERR"

# With --lenient the same id is a warning and a node; every table shows it
# escaped.
for fmt in text tsv md csv; do
    run rank --lenient --by actor --all --format $fmt "$TMP/forged.graphml"
    expect_rc "forged-rank-$fmt-exit" 0
    expect_out "forged-rank-$fmt-escaped" 'I_GH\nvchain: error: forged line\u009b31m'
    check "forged-rank-$fmt-stdout-clean" no_controls "$OUT"
    check "forged-rank-$fmt-stderr-clean" no_controls "$ERR"
    check "forged-rank-$fmt-rows" test "$(grep -c 'forged line' "$OUT")" -eq 1
done
# JSON keeps the text exactly, in JSON's own escapes.
run rank --lenient --by actor --all --format json "$TMP/forged.graphml"
expect_out forged-rank-json 'I_GH\nvchain: error: forged line\u009b31m'
check forged-rank-json-clean no_controls "$OUT"

# A CSV label with a raw ESC [31m, and a tab and a line break in a cell.
printf 'Source,Target,Label\n"red\033[31mfirm",b,"x\ty"\nb,"c\nd",z\n' >"$TMP/esc.csv"
for fmt in text tsv md csv; do
    run rank --by actor --all --format $fmt "$TMP/esc.csv"
    expect_out "esc-rank-$fmt-escaped" 'red\x1b[31mfirm'
    expect_out "esc-rank-$fmt-line-break" 'c\nd'
    check "esc-rank-$fmt-clean" no_controls "$OUT"
done
run items --format tsv "$TMP/esc.csv"
check esc-items-clean no_controls "$OUT"

# info: the file's name, attribute names and labels.
printf 'Source,Target,"we\033[2Jight"\na,b,1\n' >"$TMP/attr.csv"
run info "$TMP/attr.csv"
expect_out info-attr-name-escaped 'we\x1b[2Jight'
check info-attr-name-clean no_controls "$OUT"

# File names with a line break or ESC, in messages and in info's output.
nl_name="$TMP/two
lines$ESC[31m.graphml"
cp "$TMP/forged.graphml" "$nl_name"
run info "$nl_name"
expect_rc file-name-exit 1
check file-name-one-line test "$(lines "$ERR")" -eq 1
expect_err file-name-escaped 'two\nlines\x1b[31m.graphml:5:5: edge refers to node'
check file-name-clean no_controls "$ERR"
cp "$SRC/graphs/semiconductor-lithography.graphml" "$nl_name"
run info "$nl_name"
expect_rc file-name-info-exit 0
expect_out file-name-info-escaped 'two\nlines\x1b[31m.graphml'
check file-name-info-clean no_controls "$OUT"
run export -o "$TMP/no/such/dir$ESC.gexf" "$nl_name"
expect_rc out-name-exit 1
expect_err out-name-escaped 'dir\x1b.gexf'
check out-name-clean no_controls "$ERR"

# A byte that is not UTF-8 in a file name (a Latin-1 e-acute).
bad_name="$TMP/caf$(printf '\351').graphml"
cp "$TMP/forged.graphml" "$bad_name"
run info "$bad_name"
expect_err non-utf8-name 'caf\xe9.graphml:5:5:'

# Usage errors quote the argument escaped too.
run rank --format "te${ESC}xt" "$SRC/graphs/semiconductor-lithography.graphml"
expect_rc usage-exit 2
expect_err usage-escaped "not 'te\\x1bxt'"
check usage-clean no_controls "$ERR"
finish
