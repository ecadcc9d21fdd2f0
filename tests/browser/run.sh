#!/usr/bin/env bash
# The page view in a real browser (issue 13): installs Debian's chromium and
# chromium-driver through the project's setup script and Selenium into the
# Python test venv, then runs tests/python/test_view_browser.py through
# tests/python/run.sh (same venv and build). Loads the view of every page of
# ${BM_SHARED:-../shared}/corpus/dev and one rmrb page (skipped, with a
# message, when the shared corpora are absent) and a page containing <script>.
# Screenshots: $BM_VIEW_SHOTS (default build-py/view-shots). Prints its time.
set -euo pipefail
cd "$(dirname "$0")/../.."
t0=$SECONDS
BM_SETUP_EXTRA="chromium chromium-driver fonts-wqy-microhei ${BM_SETUP_EXTRA:-}" bash scripts/setup.sh
export BM_SHARED=${BM_SHARED:-$(cd .. && pwd)/shared}
[ -d "$BM_SHARED/corpus/dev" ] || echo "browser: $BM_SHARED/corpus/dev not found: the corpus pages will be skipped" >&2
BM_PY_WITH_SELENIUM=1 bash tests/python/run.sh -rs -k view_browser "$@"
echo "browser: done in $((SECONDS - t0)) s"
