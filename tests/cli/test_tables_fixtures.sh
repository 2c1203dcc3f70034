# Folders of CSV tables (tests/data/tables): reading, and errors located at file:line:col.
. "$(dirname "$0")/lib.sh"
D=$SRC/tests/data/tables

run info "$D/basic"
expect_rc basic-exit 0
expect_no_err basic-no-warnings
expect_out basic-actors "  actors         8 (4 firm level, 4 country level; 2 aggregates)"
expect_out basic-items "  items          8 (1 final)"
expect_out basic-unknown "unknown shares   1 provides edge without a share"
run info --strict "$D/basic/"
expect_rc basic-trailing-slash-strict 0
run info --input-format tables "$D/fractions"
expect_rc fractions-exit 0
run info --input-format graphml "$D/basic"
expect_rc folder-as-graphml 1
expect_err folder-as-graphml-message "is a folder, not a file"
run info --input-format tables "$D/basic/inputs.csv"
expect_rc file-as-tables 1
run info "$D/bad-quote"
expect_rc bad-quote-exit 1
expect_err bad-quote-located "bad-quote/inputs.csv:3:4: quoted field opened here is never closed"
run info "$D/bad-unknown-provider"
expect_rc unknown-provider-exit 1
expect_err unknown-provider-located "bad-unknown-provider/provision.csv:3: provider_id \"P99\" is not in providers.csv"
run info "$D"
expect_rc not-a-tables-folder 1
expect_err not-a-tables-folder-message "inputs.csv is missing"
finish
