"""Shared fixtures: the repository, the dev pages and the `banmian` CLI to compare with."""
from __future__ import annotations

import os
import subprocess
from pathlib import Path
from typing import List

import pytest

ROOT = Path(__file__).resolve().parents[2]
DEV_PAGES: List[Path] = sorted((ROOT / "tests/data/pages/dev").glob("*.txt"))
OWN_PAGES: List[Path] = sorted((ROOT / "tests/data/pages/own").glob("*.txt"))
SAMPLE_PAGE = ROOT / "examples/data/sample-page.txt"
# The tests also run outside the source tree, against an installed wheel
# (tests/python/run_outside_tree.py copies them and their data to a temporary
# folder): there is no C++ CLI to compare with and no tree to build from, and
# the tests that need one are skipped with that reason.
IN_SOURCE_TREE = (ROOT / "CMakeLists.txt").exists() and (ROOT / "src").is_dir()
needs_source_tree = pytest.mark.skipif(
    not IN_SOURCE_TREE, reason="needs the source tree (builds from it); these tests run on an installed wheel")


def cli_path() -> str:
    cli = os.environ.get("BANMIAN_CLI") or str(ROOT / "build/src/cli/banmian")
    if not os.access(cli, os.X_OK):
        if not IN_SOURCE_TREE and not os.environ.get("BANMIAN_CLI"):
            pytest.skip("compares with the C++ banmian CLI, which is not part of the wheel "
                        "(these tests run on an installed wheel; tests/python/run.sh runs them in the tree)")
        pytest.fail(f"the banmian CLI is needed to compare with ({cli}); run tests/python/run.sh or set BANMIAN_CLI")
    return cli


def run_cli(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess:
    return subprocess.run([cli_path(), *args], input=stdin, capture_output=True, cwd=ROOT)


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def dev_pages() -> List[Path]:
    assert len(DEV_PAGES) == 5, DEV_PAGES
    return DEV_PAGES


def need_pypdfium2():
    """pypdfium2 (the extra banmian[pdf]) for the PDF tests: tests/python/run.sh
    installs it, so in the tree its absence is a failure; on an installed wheel
    (outside the tree) the PDF tests are skipped without it, as pandas's are."""
    try:
        import pypdfium2  # noqa: F401
    except ImportError:
        if IN_SOURCE_TREE:
            pytest.fail("pypdfium2 is not installed: tests/python/run.sh installs it (pip install 'banmian[pdf]')")
        pytest.skip("pypdfium2 is not installed (pip install 'banmian[pdf]')")
