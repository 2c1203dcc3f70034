#!/bin/sh
# CSV formula injection (issue 14, point 2): a cell that a spreadsheet would
# run (=, +, -, @, tab or CR first) is written with a leading ' by export to
# CSV and by every CSV table the commands print; plain numbers, negative
# ones included, stay numbers; --csv-raw (global, or an option of the
# command) writes every cell as it is.
. "$(dirname "$0")/lib.sh"

# A supplier network whose labels and one column name are formulas.
cat >"$TMP/edges.csv" <<'CSV'
Source,Target,Label,delta,=cmd
a,b,"=HYPERLINK(""http://x"",""click"")",-3.5,x
b,c,+cmd|' /C calc'!A0,+2,y
c,d,@SUM(A1),-1e-3,z
d,a,=1+1,-7,w
CSV
cat >"$TMP/nodes.csv" <<'CSV'
Id,Label,value
a,=1+1,1
b,-2+3,2
c,-5,3
d,@x,4
CSV
cp "$TMP/edges.csv" "$TMP/net-edges.csv"
cp "$TMP/nodes.csv" "$TMP/net-nodes.csv"

# rank --format csv: the labels are neutralised, the numbers are not.
run rank --by actor --all --format csv "$TMP/net-edges.csv"
expect_rc rank-csv-exit 0
expect_out rank-csv-equals "'=1+1"
expect_out rank-csv-at "'@x"
expect_out rank-csv-minus-formula "'-2+3"
expect_out rank-csv-negative-label ",-5,"
check rank-csv-no-raw-formula sh -c "! grep -q '^[^,]*,[=+@]' '$OUT'"
run --stdin /dev/null rank --by actor --all --format csv --csv-raw "$TMP/net-edges.csv"
expect_out rank-csv-raw-equals ",=1+1,"
check rank-csv-raw-no-quote sh -c "! grep -q \"'=1+1\" '$OUT'"
run --stdin /dev/null --csv-raw rank --by actor --all --format csv "$TMP/net-edges.csv"
expect_out rank-csv-raw-global ",=1+1,"
# Other formats are for people, not spreadsheets: no ' there.
run rank --by actor --all --format tsv "$TMP/net-edges.csv"
check rank-tsv-untouched sh -c "grep -q '	=1+1	' '$OUT'"

# export to CSV: every cell a spreadsheet would run gets its '.
run export --no-analysis --format csv -o "$TMP/exp/" "$TMP/net-edges.csv"
expect_rc export-exit 0
N=$TMP/exp/nodes.csv E=$TMP/exp/edges.csv
check export-node-label grep -q "^a,'=1+1," "$N"
check export-node-minus-formula grep -q "^b,'-2+3," "$N"
check export-node-negative-number grep -q '^c,-5,' "$N"
check export-node-at grep -q "^d,'@x," "$N"
check export-edge-hyperlink grep -q "\"'=HYPERLINK(\"\"http://x\"\",\"\"click\"\")\"" "$E"
check export-edge-plus grep -q "'+cmd|' /C calc'!A0" "$E"
check export-edge-at grep -q "'@SUM(A1)" "$E"
# (the last column is viz_weight, the weight export adds)
check export-negative-double grep -q ',-3.5,1.$' "$E"
check export-plus-number grep -q ',y,2,1.$' "$E"
check export-exponent grep -q ',-0.001,1.$' "$E"
check export-header-name grep -q "^Source,Target,Type,Label,Weight,'=cmd," "$E"
check export-nothing-raw sh -c "! grep -q ',[=@+][^,]*' '$E' '$N'"
run export --no-analysis --format csv --csv-raw -o "$TMP/raw/" "$TMP/net-edges.csv"
check export-raw-label grep -q '^a,=1+1,' "$TMP/raw/nodes.csv"
check export-raw-header grep -q '^Source,Target,Type,Label,Weight,=cmd,' "$TMP/raw/edges.csv"
# vchain reads its raw export back as it was written.
run info "$TMP/raw/edges.csv"
expect_out raw-read-back "edge   =cmd"
finish
