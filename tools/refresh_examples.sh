#!/bin/sh
# Rewrites the quoted Dutch answers in docs/examples.md from a fresh run.
#
# Each answer sits between two marker lines:
#   <!-- rank --country NLD --format md graphs/X.graphml -->
#   ...output of `vchain rank --country NLD --format md graphs/X.graphml`...
#   <!-- end rank -->
# The script keeps everything outside the markers and replaces what is
# between them with the command's current output (run from the source tree,
# so the paths in the markers are relative to it).  tests/cli/test_examples.sh
# checks that the blocks match.  Run it after an engine change:
#   tools/refresh_examples.sh [build/vchain]
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-$here/build/vchain}
doc=$here/docs/examples.md
[ -x "$bin" ] || { echo "refresh_examples: no vchain binary at $bin (run make first)" >&2; exit 1; }
tmp=$(mktemp) || exit 1
trap 'rm -f "$tmp"' EXIT
cd "$here"
in_block=no
while IFS= read -r line || [ -n "$line" ]; do
    case $line in
        '<!-- rank '*' -->')
            [ $in_block = no ] || { echo "refresh_examples: $doc: marker inside a block: $line" >&2; exit 1; }
            printf '%s\n' "$line"
            args=${line#'<!-- '}
            args=${args%' -->'}
            # shellcheck disable=SC2086  # the marker holds plain words
            "$bin" -q $args || { echo "refresh_examples: 'vchain $args' failed" >&2; exit 1; }
            in_block=yes ;;
        '<!-- end rank -->')
            [ $in_block = yes ] || { echo "refresh_examples: $doc: end marker without a start" >&2; exit 1; }
            printf '%s\n' "$line"
            in_block=no ;;
        *)
            [ $in_block = yes ] || printf '%s\n' "$line" ;;
    esac
done <"$doc" >"$tmp"
[ $in_block = no ] || { echo "refresh_examples: $doc: a block is not closed" >&2; exit 1; }
cat "$tmp" >"$doc"
