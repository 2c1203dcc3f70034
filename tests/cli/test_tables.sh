# `vchain info` on the ETO Chip Explorer folder in ../shared (skipped when absent).
. "$(dirname "$0")/lib.sh"
ETO=$SHARED/data/eto-chip-explorer
if [ ! -d "$ETO" ]; then
    echo "skipped: $ETO not found (the lead's shared data is absent)" >&2
    exit 77
fi

run info "$ETO"
expect_rc eto-info-exit 0
expect_out eto-items "  items          129 (1 final)"
expect_out eto-providers "  actors         396 (373 firm level, 23 country level; 2 aggregates)"
expect_out eto-provides "  provides       1300"
expect_out eto-unknown-shares "unknown shares   246 provides edges without a share"
expect_out eto-acyclic "acyclic          yes"
check eto-five-warnings test "$(grep -c 'warning:' "$ERR")" -eq 5
expect_err eto-warning-names-csv-line "eto-chip-explorer/providers.csv:296: node \"P312\": country \"EUR\""
expect_err eto-warning-stage-coverage "eto-chip-explorer/stages.csv:2: item \"S1\": country-level shares add up to 101.0 %"

run info --format json "$ETO"
check eto-json-parses /usr/bin/python3 -m json.tool "$OUT"
expect_out eto-json-levels '"actors_by_level": {"firm": 373, "country": 23}'

run info "$ETO/history/release-2025-07"
expect_rc eto-2025-07-exit 0
expect_err eto-2025-07-missing-item "release-2025-07/provision.csv:1090: item \"N68\" is named by 8 provision rows but is not in inputs.csv"
run info "$ETO/history/release-2022-09"
expect_rc eto-2022-09-exit 0
expect_err eto-2022-09-charset "release-2022-09/inputs.csv:2:430: not UTF-8 (24 bytes, the first 0xD2); read as Mac OS Roman"
run info --strict "$ETO"
expect_rc eto-strict-fails-on-warnings 1
finish
