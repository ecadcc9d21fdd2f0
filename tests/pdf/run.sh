#!/usr/bin/env bash
# The PDF tests with everything they need (issue 15, part 2): installs Debian's
# chromium and a CJK font through the project's setup script, then runs the
# PDF tests of tests/python (test_pdf_*.py: the repository's own test pages
# typeset and printed by headless Chromium into build-py/test-pdfs, parsed with
# banmian.parse_pdf and scored against their gold; encrypted, scanned, damaged
# and 500-page PDFs) through tests/python/run.sh (same venv and build, which
# installs pypdfium2). BM_PDF_REQUIRE_CHROMIUM=1: a missing Chromium fails
# instead of skipping. Prints its time.
set -euo pipefail
cd "$(dirname "$0")/../.."
t0=$SECONDS
BM_SETUP_EXTRA="chromium fonts-wqy-microhei ${BM_SETUP_EXTRA:-}" bash scripts/setup.sh
BM_PDF_REQUIRE_CHROMIUM=1 bash tests/python/run.sh -rs -s -k "test_pdf_pages or test_pdf_inputs" "$@"
echo "pdf: done in $((SECONDS - t0)) s"
