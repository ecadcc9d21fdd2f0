#!/usr/bin/env bash
# Sets everything up, builds, and runs every test: C/C++ (ctest), Python (pytest)
# and the SWIG bindings when Java/Go are present.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
swig_flag=OFF
if command -v swig >/dev/null && { command -v javac >/dev/null || command -v go >/dev/null; }; then swig_flag=ON; fi
bash scripts/build.sh -DBM_BUILD_TESTS=ON -DBM_BUILD_SWIG=$swig_flag
ctest --test-dir build --output-on-failure -j "$(nproc)"
if [ -f tests/python/run.sh ]; then bash tests/python/run.sh; fi
# The public corpora against their floors (tools/eval/floors.tsv), when the
# shared corpora are beside the checkout (CI has them; a plain clone may not).
if [ -f "${BM_SHARED:-../shared}/eval/score.py" ]; then
  bash scripts/eval.sh
  # The generated robustness set (tools/gen: 2,000 pages from the public
  # stories with randomized conventions): the page invariants hold on all of
  # them (no line's text lost, spans inside the text).
  python3 tools/gen/make_pages.py --shared "${BM_SHARED:-../shared}" --out build/gen-check --pages 2000 --seed 1 >/dev/null
  BM_SHARED=${BM_SHARED:-../shared} bash tools/gen/check_generated.sh build/gen-check
else
  echo "test: ${BM_SHARED:-../shared}/eval/score.py not found: the public corpora were not scored"
fi
