#!/usr/bin/env bash
# Parses a generated page set (tools/gen/make_pages.py) with the CLI, prints the scorer's ALL row
# and checks the page JSON invariants (spans, coverage); see tools/gen/check_generated.py.
#   bash tools/gen/check_generated.sh DIR [PRED]      # PRED defaults to DIR.pred
# Environment: BM_CLI (default build/src/cli/banmian), BM_SHARED (default ../shared),
# BM_GEN_CHECK_ARGS (more options, e.g. "--breakdown" for a row per family/layout).
set -euo pipefail
if [ $# -lt 1 ]; then echo "usage: $0 DIR [PRED]" >&2; exit 2; fi
dir=$(cd "$1" && pwd)
pred=${2:-$dir.pred}
mkdir -p "$pred"
pred=$(cd "$pred" && pwd)
cd "$(dirname "$0")/../.."
exec python3 tools/gen/check_generated.py --dir "$dir" --pred "$pred" ${BM_GEN_CHECK_ARGS:-} \
  --cli "${BM_CLI:-build/src/cli/banmian}" --shared "${BM_SHARED:-../shared}"
