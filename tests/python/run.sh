#!/usr/bin/env bash
# Python tests: `pip install .` (scikit-build-core + pybind11 from PyPI, build
# isolation) into a venv at build-py/venv, then pytest over tests/python.
# The golden tests compare with the `banmian` CLI built by the same pip build
# (or BANMIAN_CLI if set). Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
export CMAKE_BUILD_PARALLEL_LEVEL=${CMAKE_BUILD_PARALLEL_LEVEL:-2}
venv=${BM_PY_VENV:-build-py/venv}        # e.g. BM_PY_VENV=build-py/venv-debian PYTHON=/usr/bin/python3
bdir=build-py/skbuild-$(basename "$venv")

if [ ! -x "$venv/bin/python" ]; then
  "${PYTHON:-python3}" -m venv "$venv"
fi
"$venv/bin/python" -m pip install -q --disable-pip-version-check pytest
# pandas and pyarrow are optional for the package; installed here so to_arrow/to_pandas
# are tested (skipped if unavailable).
"$venv/bin/python" -m pip install -q --disable-pip-version-check pandas pyarrow \
  || echo "run.sh: pandas/pyarrow not installed; their tests will be skipped" >&2
# pypdfium2 reads the PDFs of banmian.parse_pdf (the extra banmian[pdf]); the PDF
# tests (test_pdf*.py) need it here: they skip without it only outside the tree.
"$venv/bin/python" -m pip install -q --disable-pip-version-check "pypdfium2>=4"
# Selenium drives the browser test of the page view when a chromedriver is there
# (tests/browser/run.sh installs Debian's chromium and chromium-driver first).
if [ "${BM_PY_WITH_SELENIUM:-0}" = 1 ] || command -v chromedriver >/dev/null; then
  "$venv/bin/python" -m pip install -q --disable-pip-version-check selenium \
    || echo "run.sh: selenium not installed; the browser test will be skipped" >&2
fi
# One build for both sides of the golden comparison: the same ninja run in
# build-py/skbuild-venv compiles the core objects once and links the extension
# (static) and the `banmian` CLI (not installed into the wheel) from them, so
# the two always come from the same sources even while src/ is being edited.
# The build dir is kept between runs, so rebuilds are incremental.
"$venv/bin/python" -m pip install -q --disable-pip-version-check . \
  --config-settings=build-dir="$bdir" \
  --config-settings=cmake.define.BM_BUILD_CLI=ON \
  "--config-settings=build.targets=_banmian;banmian_cli"
export BANMIAN_CLI=${BANMIAN_CLI:-$root/$bdir/src/cli/banmian}

cd "$root"
exec "$venv/bin/python" -m pytest -q -p no:cacheprovider tests/python "$@"
