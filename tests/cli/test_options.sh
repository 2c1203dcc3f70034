# The command line (issue 15 point 5): global options anywhere on the line,
# exactly one message for an option getopt refuses, the nearest command,
# option or country suggested, --size-by and --thickness-by naming the
# columns they can use.
. "$(dirname "$0")/lib.sh"
G=$SRC/graphs/semiconductor-lithography.graphml

# one message: a line of vchain's own and the hint, nothing from getopt
one_message() { [ "$(wc -l <"$ERR")" -eq 2 ] && grep -q "^Try 'vchain" "$ERR"; }

# ---- global options after the command ----
run export "$G" -o "$TMP/g.gexf" -q
expect_rc global-after-export 0
expect_no_err global-after-export-quiet
run export "$G" -q -o "$TMP/g2.gexf"
expect_rc global-amid-options 0
check global-after-same-file cmp -s "$TMP/g.gexf" "$TMP/g2.gexf"
run rank "$G" --top 1 --format tsv --quiet
expect_rc global-long-after 0
check global-after-output test "$(wc -l <"$OUT")" -eq 2
run rank "$G" --max-memory junk
expect_rc max-memory-after-checked 2
expect_err max-memory-after-message "--max-memory takes a size such as 512M or 4G, or 'none', not 'junk'"
run rank "$G" --top 1 --max-memory 4G
expect_rc max-memory-after-ok 0
run rank "$G" -V
expect_rc version-after 0
expect_out version-after-prints "vchain "
# -v after the command means verbose, as before it: same output, rc 0
run rank "$G" --top 1 -v --format tsv
expect_rc verbose-after 0

# ---- one message per refusal, with the nearest option ----
run rank --frmat json "$G"
expect_rc unknown-option-rc 2
expect_err unknown-option-suggests "vchain: rank: unknown option '--frmat'; did you mean --format?"
check unknown-option-one-message one_message
run export "$G" -o "$TMP/x.gexf" --sizeby impact
expect_err unknown-option-export "unknown option '--sizeby'; did you mean --size-by?"
run rank "$G" --countyr NLD
expect_err unknown-option-swap "did you mean --country?"
run rank "$G" --quite
expect_err unknown-global-after "did you mean --quiet?"
run rank "$G" --zzzzzz
expect_rc unknown-far-rc 2
expect_err unknown-far-no-guess "vchain: rank: unknown option '--zzzzzz'"
check unknown-far-no-suggestion sh -c "! grep -q 'did you mean' '$ERR'"
run rank "$G" --top
expect_err missing-value "vchain: rank: option '--top' needs a value"
check missing-value-one-message one_message
run rank --t 3 "$G"
expect_err ambiguous "vchain: rank: option '--t' is ambiguous: --top, --theta-share"
check ambiguous-one-message one_message
run rank --lenient=yes "$G"
expect_err unwanted-value "vchain: rank: option '--lenient' takes no value"
run rank -x "$G"
expect_err unknown-short "vchain: rank: unknown option '-x'"
check unknown-short-one-message one_message
run --bogus rank "$G"
expect_rc unknown-global-rc 2
expect_err unknown-global "vchain: unknown option '--bogus'"
check unknown-global-one-message one_message
run --quiett rank "$G"
expect_err unknown-global-suggests "did you mean --quiet?"
run --max-memory
expect_err global-missing-value "vchain: option '--max-memory' needs a value"

# ---- the nearest command ----
run rnak "$G"
expect_rc command-typo-rc 2
expect_err command-typo "vchain: unknown command 'rnak'; did you mean rank?"
check command-typo-one-message one_message
run exprot "$G"
expect_err command-typo-export "did you mean export?"
run help comapre
expect_err help-typo "unknown command 'comapre'; did you mean compare?"
run frobnicate
expect_err command-far "unknown command 'frobnicate'"
check command-far-no-guess sh -c "! grep -q 'did you mean' '$ERR'"

# ---- countries: the nearest of the data's, or their list ----
run rank "$G" --country Netherland
expect_rc country-typo-rc 1
expect_err country-typo "vchain: error: no actor of country 'Netherland' in the data; did you mean NLD (Netherlands)?"
run rank "$G" --country Japn
expect_err country-typo-name "did you mean JPN (Japan)?"
run rank "$G" --country FRA
expect_err country-absent-lists "no actor of country 'FRA' (France) in the data; its countries: AUT, DEU, JPN, KOR, NLD, TWN, USA"
run rank "$G" --country netherlands --top 1 --format tsv
expect_rc country-name-accepted 0
run whatif "$G" --remove-country Netherlnds
expect_rc whatif-country-rc 1
expect_err whatif-country "did you mean NLD (Netherlands)?"
run deps "$G" --countries NLD,Taiwn
expect_rc deps-country-rc 1
expect_err deps-country "no actor of country 'Taiwn' in the data; did you mean TWN (Taiwan)?"
run report "$G" --country Netherland -o "$TMP/r.html"
expect_rc report-country-rc 1
expect_err report-country "did you mean NLD (Netherlands)?"
check report-country-no-file test ! -e "$TMP/r.html"

# ---- --size-by / --thickness-by list what they can use ----
run export "$G" -o "$TMP/s.gexf" --size-by nosuch
expect_rc size-by-rc 1
expect_err size-by-lists "size: the graph has no node column \"nosuch\" (numeric node columns: aggregate, value, final, rd_intensity, impact,"
check size-by-no-file test ! -e "$TMP/s.gexf"
run export "$G" -o "$TMP/s.gexf" --size-by label
expect_err size-by-text "node column \"label\" holds text, not numbers (numeric node columns:"
run export "$G" -o "$TMP/s.gexf" --thickness-by nosuch
expect_err thickness-by-lists "thickness: the graph has no edge column \"nosuch\" (numeric edge columns: share, impact, replaceability, estimated, share_estimate, control_point)"
run export "$G" -o "$TMP/s.gexf" --size-by hhi
expect_rc size-by-listed-works 0
finish
