#!/usr/bin/env bash
# Parses every public corpus with the CLI and prints the scorer's table per
# corpus (and per page with -v). Fails when a corpus falls below its floor
# (tools/eval/floors.tsv). Corpora and scorer come from ../shared (or
# $BM_SHARED); the CLI from ./build (or $BM_CLI).
#   bash scripts/eval.sh            # summary per corpus, floors checked
#   bash scripts/eval.sh -v         # also every page, and the scorer's misses
#   BM_EVAL_CORPORA="rmrb" bash scripts/eval.sh
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${BM_SHARED:-../shared}
cli=${BM_CLI:-build/src/cli/banmian}
work=${BM_EVAL_DIR:-build/eval}
verbose=0
[ "${1:-}" = "-v" ] && verbose=1
if [ ! -x "$cli" ]; then echo "eval: no CLI at $cli (build first: bash scripts/build.sh)" >&2; exit 2; fi
if [ ! -f "$shared/eval/score.py" ]; then echo "eval: no scorer at $shared/eval/score.py (set BM_SHARED)" >&2; exit 2; fi
corpora=${BM_EVAL_CORPORA:-dev rmrb rmrbpdf.pdfium rmrbpdf.poppler jingbao}
# rmrbpdf.pdf: the PDFs themselves, read from their geometry by the Python
# package (banmian.parse_pdf, pypdfium2): with the Python that has both (the
# venv tests/python/run.sh makes, or $BM_PYTHON). Required under CI.
py=${BM_PYTHON:-build-py/venv/bin/python}
if [ -z "${BM_EVAL_CORPORA:-}" ]; then
  if [ -x "$py" ] && "$py" -c "import banmian, pypdfium2" 2>/dev/null; then
    corpora="$corpora rmrbpdf.pdf"
  elif [ -n "${CI:-}" ]; then
    echo "eval: $py cannot import banmian and pypdfium2: the PDF corpus cannot be scored" >&2; exit 1
  else
    echo "eval: no Python with banmian and pypdfium2 at $py (tests/python/run.sh makes one): rmrbpdf.pdf not scored" >&2
  fi
fi
# rmrbpdf.layout: the PDFs as `pdftotext -layout` prints them (poppler-utils,
# which scripts/setup.sh installs). Required under CI.
if [ -z "${BM_EVAL_CORPORA:-}" ]; then
  if command -v pdftotext >/dev/null; then
    corpora="$corpora rmrbpdf.layout"
  elif [ -n "${CI:-}" ]; then
    echo "eval: no pdftotext (poppler-utils): rmrbpdf.layout cannot be scored" >&2; exit 1
  else
    echo "eval: no pdftotext (poppler-utils): rmrbpdf.layout not scored" >&2
  fi
fi
python3 tools/eval/run_eval.py --cli "$cli" --shared "$shared" --work "$work" --python "$py" \
  --floors tools/eval/floors.tsv --verbose $verbose $corpora
