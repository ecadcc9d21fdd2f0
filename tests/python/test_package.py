"""The installed package: layout, typing marker, version."""
from __future__ import annotations

import re
from pathlib import Path

import banmian
from banmian import _banmian


def test_layout_and_version():
    pkg = Path(banmian.__file__).parent
    assert (pkg / "py.typed").exists()
    assert (pkg / "_banmian.pyi").exists()
    assert Path(_banmian.__file__).parent == pkg
    assert re.fullmatch(r"\d+\.\d+\.\d+", banmian.__version__)
    major, minor, patch = map(int, banmian.__version__.split("."))
    assert _banmian.version_number() == major * 10000 + minor * 100 + patch


def test_public_names():
    for name in banmian.__all__:
        assert hasattr(banmian, name), name
