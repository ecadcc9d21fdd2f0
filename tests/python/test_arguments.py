"""Bad arguments get a clear TypeError/ValueError naming the argument, and
parse_file reads at most max_input_bytes + 1 bytes (issue 16)."""
from __future__ import annotations

import os

import pytest

import banmian


@pytest.mark.parametrize("kwargs, exc, name", [
    ({"source": "\ud800"}, ValueError, "source"),
    ({"source": 123}, TypeError, "source"),
    ({"source": "a\0b"}, ValueError, "source"),
    ({"encoding": "\ud800"}, ValueError, "encoding"),
    ({"encoding": "utf-8\0"}, ValueError, "encoding"),
    ({"encoding": ""}, ValueError, "encoding"),
    ({"encoding": 5}, TypeError, "encoding"),
])
def test_parse_arguments(kwargs, exc, name):
    with pytest.raises(exc, match=name):
        banmian.parse(b"text", **kwargs)


@pytest.mark.parametrize("value, exc", [(-1, ValueError), (2**70, ValueError), ("10", TypeError), (1.5, TypeError)])
def test_max_input_bytes(value, exc):
    with pytest.raises(exc, match="max_input_bytes"):
        banmian.Parser(max_input_bytes=value)


@pytest.mark.parametrize("value, exc", [(2**64, ValueError), (0, ValueError), (-3, ValueError), ("2", TypeError)])
def test_threads(value, exc):
    with pytest.raises(exc, match="threads"):
        banmian.parse_many(["a"], threads=value)


def test_many_sources_and_lexicon_text():
    with pytest.raises(ValueError, match="source"):
        banmian.parse_many([("\udcff", "a")])
    with pytest.raises(TypeError, match="source"):
        banmian.parse_many([(1, "a")])
    with pytest.raises(ValueError, match="lexicon_text"):
        banmian.Parser(lexicon_text="[ad]\n\ud800\n")
    with pytest.raises(ValueError, match="encoding"):
        banmian.normalize(b"x", encoding="")


def test_parse_file_stops_at_the_limit(tmp_path):
    p = banmian.Parser(max_input_bytes=1000)
    f = tmp_path / "big.txt"
    f.write_bytes(b"a" * 1001)
    with pytest.raises(banmian.TooLargeError, match="big.txt"):
        p.parse_file(f)
    f.write_bytes("本报讯 一段。\n".encode())
    assert p.parse_file(f).articles
    if os.path.exists("/dev/zero"):
        with pytest.raises(banmian.TooLargeError):  # never ends: read stops at 1001 bytes
            p.parse_file("/dev/zero")
