"""`python -m banmian` behaves like the `banmian` CLI: same output and exit codes."""
from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import DEV_PAGES, ROOT, run_cli


def run_py(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "banmian", *args], input=stdin, capture_output=True, cwd=ROOT)


def same(args, stdin=b"", stderr=True):
    c, p = run_cli(*args, stdin=stdin), run_py(*args, stdin=stdin)
    assert p.returncode == c.returncode, (p.stderr, c.stderr)
    assert p.stdout == c.stdout
    if stderr:
        assert p.stderr == c.stderr
    return p


PAGE = str(DEV_PAGES[0].relative_to(ROOT))
ALL = [str(p.relative_to(ROOT)) for p in DEV_PAGES]


@pytest.mark.parametrize("args", [
    ["parse", PAGE],
    ["parse", "--pretty", PAGE],
    ["parse", "--summary", *ALL],
    ["parse", "--jsonl", *ALL],
    ["parse", *ALL],
    ["parse", "--encoding", "UTF-8", "--strict", PAGE],
    ["normalize", PAGE],
    ["normalize", "--encoding=UTF-8", PAGE],
    ["--version"],
    ["--help"],
], ids=lambda a: " ".join(a)[:40])
def test_same_output(args):
    p = same(args)
    assert p.returncode == 0 and p.stdout


def test_stdin():
    data = DEV_PAGES[2].read_bytes()
    same(["parse", "-"], stdin=data)
    same(["normalize"], stdin=data)


@pytest.mark.parametrize("args", [
    [],
    ["frobnicate"],
    ["parse"],
    ["parse", "--bogus", PAGE],
    ["parse", "--jsonl", "--pretty", PAGE],
    ["parse", "--out", "x", "--jsonl", PAGE],
    ["parse", "--encoding"],
    ["parse", "no/such/file.txt", PAGE],
    ["parse", "--encoding", "no-such-enc", PAGE],
    ["parse", "--lexicon", "no/such.lex", PAGE],
    ["normalize", "no/such/file.txt"],
    ["normalize", "a", "b"],
], ids=lambda a: " ".join(a)[:40] or "no-args")
def test_same_errors(args):
    p = same(args)
    assert p.returncode != 0 and p.stderr


def test_strict_error_message():
    data = "本报讯".encode() + b"\xff" + "正文。".encode()
    p = same(["parse", "--encoding", "UTF-8", "--strict", "-"], stdin=data)
    assert p.returncode == 1 and b"(byte 9)" in p.stderr


def test_out_dir(tmp_path):
    a, b = tmp_path / "cli", tmp_path / "py"
    c = run_cli("parse", "--out", str(a), *ALL)
    p = run_py("parse", "--out", str(b), *ALL)
    assert c.returncode == p.returncode == 0
    names = sorted(x.name for x in a.iterdir())
    assert names == sorted(x.name for x in b.iterdir()) == sorted(d.stem + ".json" for d in DEV_PAGES)
    for n in names:
        assert (a / n).read_bytes() == (b / n).read_bytes()
