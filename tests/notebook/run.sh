#!/usr/bin/env bash
# Runs examples/notebooks/tour.ipynb with nbclient and fails on any error cell
# (tests/notebook/execute.py). The kernel is the Python test venv of
# tests/python/run.sh (build-py/venv: banmian built from this tree; the same
# pip build, incremental), or BM_NB_VENV, e.g. BM_NB_VENV=build-pkg/venv after
# scripts/wheel-check.sh to run it against the repaired wheel. Installs
# nbclient, nbformat, ipykernel, matplotlib, pandas and pyarrow into that venv.
# The corpus part reads ${BM_SHARED:-../shared}/corpus (the bundled pages when
# absent). Executed copy: build-py/notebook/tour.ipynb. Prints its time.
set -euo pipefail
cd "$(dirname "$0")/../.."
t0=$SECONDS
export CMAKE_BUILD_PARALLEL_LEVEL=${CMAKE_BUILD_PARALLEL_LEVEL:-2}
export BM_SHARED=${BM_SHARED:-$(cd .. && pwd)/shared}
[ -d "$BM_SHARED/corpus" ] || echo "notebook: $BM_SHARED/corpus not found: the notebook uses the bundled pages" >&2
if [ -n "${BM_NB_VENV:-}" ]; then
  venv=$(cd "$BM_NB_VENV" && pwd)
  "$venv/bin/python" -c 'import banmian' || { echo "notebook: banmian is not installed in $venv" >&2; exit 1; }
else
  venv=build-py/venv
  # The package, built and installed by the Python tests' own script (one quick test runs).
  mkdir -p build-py/notebook
  bash tests/python/run.sh -k test_layout_and_version >build-py/notebook/install.log 2>&1 \
    || { tail -40 build-py/notebook/install.log; echo "notebook: installing the package failed" >&2; exit 1; }
fi
"$venv/bin/python" -m pip install -q --disable-pip-version-check nbclient nbformat ipykernel matplotlib pandas pyarrow
export PATH=$(cd "$venv" && pwd)/bin:$PATH MPLBACKEND=module://matplotlib_inline.backend_inline
"$venv/bin/python" tests/notebook/execute.py examples/notebooks/tour.ipynb build-py/notebook/tour.ipynb
echo "notebook: done in $((SECONDS - t0)) s"
