#!/usr/bin/env bash
# Regenerates tests/data/expected/*.json from the current parser. Review the
# diff (git diff tests/data/expected) before committing: these files are the
# reviewed answers, not snapshots to refresh blindly.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cli=${BANMIAN_CLI:-$root/build/src/cli/banmian}
mkdir -p "$root/tests/data/expected"
for dir in "$root"/tests/data/pages/*/; do
  (cd "$dir" && for f in *.txt; do "$cli" parse --pretty "$f" > "$root/tests/data/expected/${f%.txt}.json"; done)
done
