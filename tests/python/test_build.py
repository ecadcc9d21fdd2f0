"""A missing system library stops `pip` with the Debian package to install."""
from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import ROOT, needs_source_tree


@needs_source_tree
@pytest.mark.parametrize("package,debian", [("Utf8proc", "libutf8proc-dev"), ("ICU", "libicu-dev")])
def test_missing_library_names_debian_package(package, debian, tmp_path):
    # CMAKE_DISABLE_FIND_PACKAGE_<P> makes CMake behave as if the library were not installed.
    r = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "-w", str(tmp_path / "wheel"),
         "--disable-pip-version-check", f"--config-settings=build-dir={tmp_path / 'build'}",
         f"--config-settings=cmake.define.CMAKE_DISABLE_FIND_PACKAGE_{package}=ON"],
        capture_output=True, text=True, cwd=tmp_path, timeout=600)
    assert r.returncode != 0
    out = " ".join((r.stdout + r.stderr).split())  # CMake wraps long messages
    assert f"apt-get install {debian}" in out
