# Text tables on a terminal (issue 15 point 4), run on a pseudo-terminal
# made by script(1) at a width set with stty: rows fit the width (rank's
# reason wrapped under its row, minor columns hidden and named, long text cut
# with an ellipsis, numbers never cut), whole rows when piped, with --full or
# with $COLUMNS wider; the README's 100-column excerpt is what rank prints.
. "$(dirname "$0")/lib.sh"
G=$SRC/graphs/semiconductor-lithography.graphml

if ! script -q -e -c true /dev/null </dev/null >/dev/null 2>&1 || ! command -v stty >/dev/null; then
    echo "skipped: needs util-linux's script(1) and stty for a pseudo-terminal" >&2
    exit 77
fi

# on_tty WIDTH [VAR=VALUE...] ARGS...: vchain ARGS with stdout on a terminal
# WIDTH columns wide (the environment gains the VAR=VALUE words); stdout (CRs
# removed) in $OUT, stderr in $ERR, the exit status in $RC.
on_tty() {
    w=$1; shift
    envs="LC_ALL=C.UTF-8"
    while [ $# -gt 0 ] && case $1 in *=*) true ;; *) false ;; esac; do
        envs="$envs $1"; shift
    done
    cmd="stty cols $w rows 50 && exec env -u COLUMNS $envs $VCHAIN_WRAP"
    for a in "$VCHAIN_BIN" "$@"; do
        cmd="$cmd '$(printf %s "$a" | sed "s/'/'\\\\''/g")'"
    done
    script -q -e -c "$cmd 2>'$ERR'" /dev/null </dev/null >"$TMP/raw"
    RC=$?
    tr -d '\r' <"$TMP/raw" >"$OUT"
}
# The widest line of stdout, in terminal columns.
widest() { LC_ALL=C.UTF-8 wc -L <"$OUT" | tr -d ' '; }
fits() { [ "$(widest)" -le "$1" ]; }
# stdout as one line (wrapped text joined with spaces)
joined() { tr '\n' ' ' <"$OUT"; }

# ---- rank at 100 columns: the README's excerpt, byte for byte ----
awk '/^<!-- tty 100: vchain rank .* -->$/ { f = 1; sub(/^<!-- tty 100: vchain /, ""); sub(/ -->$/, ""); print > "/dev/stderr"; next }
     f && /^```/ { if (++fence == 2) exit; next }
     f { print }' "$SRC/README.md" >"$TMP/readme" 2>"$TMP/readme-args"
check readme-excerpt-found test -s "$TMP/readme"
# shellcheck disable=SC2046
(cd "$SRC" && on_tty 100 $(cat "$TMP/readme-args") && cp "$OUT" "$TMP/tty100")
cp "$TMP/tty100" "$OUT"
if cmp -s "$TMP/readme" "$OUT"; then pass readme-excerpt-as-printed; else
    fail readme-excerpt-as-printed "README.md's 100-column rank excerpt differs from rank on a 100-column terminal: $(diff "$TMP/readme" "$OUT" | head -6)"
fi
check readme-excerpt-fits-100 fits 100

on_tty 100 rank "$G" --top 5
expect_rc rank-100-rc 0
check rank-100-fits fits 100
# the row holds what fits: rank, actor, country, the item whole, share, hhi,
# impact, control_point; the reason on lines of its own, indented as actor
check rank-100-header test "$(sed -n 1p "$OUT")" = "rank  actor           country  item                               share  hhi  impact  control_point"
check rank-100-reason-header test "$(sed -n 2p "$OUT")" = "      reason"
check rank-100-row test "$(grep '^   2  ' "$OUT")" = "   2  Cymer (ASML)    USA      EUV light source                       1    1       1            yes"
check rank-100-hidden-named sh -c "tr '\n' ' ' <'$OUT' | grep -qF '(not shown to fit the terminal: estimated, n_eff, replaceability, spof, reach_items, reach_final, knowledge, knowledge_source; --full shows every column)'"
# every wrapped reason, joined again, is the reason column of the TSV
"$VCHAIN_BIN" rank "$G" --top 5 --format tsv 2>/dev/null | awk -F'\t' 'NR > 1 { print $NF }' >"$TMP/reasons-tsv"
awk '/^ *[0-9]+  / { if (r != "") print r; r = ""; next }
     /^      [^ ]/ && NR > 2 { sub(/^      /, ""); r = r == "" ? $0 : r " " $0; next }
     { if (r != "") print r; r = "" }
     END { if (r != "") print r }' "$OUT" >"$TMP/reasons-tty"
check rank-reasons-whole cmp -s "$TMP/reasons-tsv" "$TMP/reasons-tty"
check rank-reasons-five test "$(wc -l <"$TMP/reasons-tty")" -eq 5

# ---- rank at 80: more columns hidden, the item cut (hand-computed: the
# shown numbers and actor take 59 columns with the gaps, so item gets 21) ----
on_tty 80 rank "$G" --top 3
expect_rc rank-80-rc 0
check rank-80-fits fits 80
check rank-80-header test "$(sed -n 1p "$OUT")" = "rank  actor         country  item                   share  impact  control_point"
check rank-80-cut-row test "$(grep '^   3  ' "$OUT")" = "   3  Lasertec      JPN      Actinic EUV mask-bla…      1       1            yes"
check rank-80-reason-wrapped test "$(sed -n 4p "$OUT")" = "      100.0 % of EUV lithography tools (sole provider); hard to replace"
check rank-80-hidden-named sh -c "tr '\n' ' ' <'$OUT' | grep -qF '(not shown to fit the terminal: estimated, hhi, n_eff, replaceability, spof, reach_items, reach_final, knowledge, knowledge_source; --full shows every column)'"
check rank-80-no-trailing-blanks sh -c "! grep -q ' \$' '$OUT'"
check rank-80-no-tabs sh -c "! grep -q '	' '$OUT'"
# without a UTF-8 locale the cut ends in ~
on_tty 80 LC_ALL=C rank "$G" --top 3
check rank-80-ascii-cut grep -qF "Actinic EUV mask-bla~" "$OUT"

# ---- the whole table: piped, --full, a wider $COLUMNS ----
run rank "$G" --format text
cp "$OUT" "$TMP/piped"
check piped-whole-rows test "$(widest)" -gt 300
check piped-has-every-column grep -q 'reach_final  control_point  knowledge  knowledge_source  *reason$' "$OUT"
check piped-no-note sh -c "! grep -q 'not shown' '$OUT'"
on_tty 80 --full rank "$G" --format text
expect_rc full-rc 0
check full-is-piped cmp -s "$TMP/piped" "$OUT"
on_tty 80 rank "$G" --format text --full
check full-after-command cmp -s "$TMP/piped" "$OUT"
on_tty 80 COLUMNS=130 rank "$G"
check columns-env-wider sh -c "[ $(widest) -gt 100 ] && [ $(widest) -le 130 ]"
check columns-env-shows-more grep -q 'hhi' "$OUT"
on_tty 80 COLUMNS=junk rank "$G"
check columns-junk-ignored fits 80

# ---- a narrow terminal: numbers whole, headers of numbers cut ----
on_tty 40 rank "$G" --top 2
expect_rc narrow-rc 0
check narrow-numbers-whole test "$(sed -n 3p "$OUT")" = "   1  ASML  NLD   EUV…     1     1   yes"
check narrow-reason-fits test "$(sed -n '4,9p' "$OUT" | LC_ALL=C.UTF-8 wc -L)" -le 40

# ---- wide characters: a 32-column name of 16 CJK characters ----
mkdir -p "$TMP/cjk"
cp "$SRC"/tests/data/tables/basic/*.csv "$TMP/cjk/"
sed -i 's/^P1,ASML,/P1,東京エレクトロン東京エレクトロン,/' "$TMP/cjk/providers.csv"
sed -i 's/^ASML,P1,/東京エレクトロン東京エレクトロン,P1,/' "$TMP/cjk/provision.csv"
run rank "$TMP/cjk" --format text
check cjk-piped-aligned grep -qF "   1  東京エレクトロン東京エレクトロン  NLD      EUV lithography tools      1         no     1 " "$OUT"
check cjk-piped-aligned-2 grep -qF "   2  TSMC                              TWN      Wafer fabrication        0.9" "$OUT"
for w in 60 61 100; do
    on_tty "$w" rank "$TMP/cjk"
    expect_rc "cjk-$w-rc" 0
    check "cjk-$w-fits" fits "$w"
    check "cjk-$w-utf8" iconv -f UTF-8 -t UTF-8 "$OUT" -o /dev/null
    # the country column starts at the same terminal column in every row
    grep -E '^ +[0-9]+  ' "$OUT" | while IFS= read -r l; do
        printf '%s\n' "${l%  [A-Z][A-Z][A-Z]  *}" | LC_ALL=C.UTF-8 wc -L
    done | sort -u >"$TMP/cols"
    check "cjk-$w-aligned" test "$(wc -l <"$TMP/cols")" -eq 1
done

# ---- the other tables and headlines fit too ----
B=$SRC/graphs/asml-suppliers.graphml
for c in "items:items $G" "by-actor:rank --by actor $G" "by-country:rank --by country $G" \
         "country:rank --country NLD $G" "firms:rank $SRC/tests/data/firms-worked.graphml" \
         "whatif:whatif --remove-country NLD $G" "critical:whatif --remove asml $G" \
         "deps:deps $G" "compare:compare $G $B"; do
    name=${c%%:*}
    # shellcheck disable=SC2086
    on_tty 80 ${c#*:}
    expect_rc "$name-80-rc" 0
    check "$name-80-fits" fits 80
done
on_tty 80 rank --country NLD "$G"
check headline-wrapped sh -c "tr '\n' ' ' <'$OUT' | grep -qF 'Control points held by NLD (Netherlands): 5; extracting the country costs 100.0 % of final output'"
check headline-first-line test "$(sed -n 1p "$OUT")" = "Control points held by NLD (Netherlands): 5; extracting the country costs 100.0"
finish
