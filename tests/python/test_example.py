"""The notebook-style example in examples/python/ runs."""
from __future__ import annotations

import subprocess
import sys

from conftest import ROOT


def test_notebook_tour_runs():
    r = subprocess.run([sys.executable, str(ROOT / "examples/python/notebook_tour.py")],
                       capture_output=True, cwd=ROOT, timeout=300)
    assert r.returncode == 0, r.stderr.decode()
    out = r.stdout.decode()
    assert "articles" in out and "平湖" in out
    assert "parse_many" in out
