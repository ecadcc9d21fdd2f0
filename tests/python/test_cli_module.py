"""`python -m banmian` behaves like the `banmian` CLI: same output and exit codes."""
from __future__ import annotations

import re
import subprocess
import sys

import pytest

from conftest import DEV_PAGES, ROOT, run_cli


def run_py(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "banmian", *args], input=stdin, capture_output=True, cwd=ROOT)


def untimed(stderr: bytes) -> bytes:
    """stderr without the time and speed of the summary line ("1.23 s (4.56 MB/s)")."""
    return re.sub(rb"[0-9.]+ s \([0-9.]+ MB/s\)", b"T s (R MB/s)", stderr)


def same(args, stdin=b"", stderr=True):
    c, p = run_cli(*args, stdin=stdin), run_py(*args, stdin=stdin)
    assert p.returncode == c.returncode, (p.stderr, c.stderr)
    assert p.stdout == c.stdout
    if stderr:
        assert untimed(p.stderr) == untimed(c.stderr)
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
    ["parse", "--jsonl", "--jobs", "2", "--no-progress", *ALL],
    ["parse", "--no-summary", *ALL],
    ["normalize", PAGE],
    ["normalize", "--encoding=UTF-8", PAGE],
    ["parse", "--script", "traditional", PAGE],
    ["parse", "--script", "keep", "--jsonl", *ALL],
    ["normalize", "--script", "traditional", PAGE],
    ["normalize", "--script=simplified", PAGE],
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
    ["parse", "--jobs", "x", PAGE],
    ["parse", "--jobs"],
    ["parse", "@-", "-"],
    ["parse", "@no/such/list.txt", PAGE],
    ["parse", "no/such/file.txt", PAGE],
    ["parse", "--encoding", "no-such-enc", PAGE],
    ["parse", "--lexicon", "no/such.lex", PAGE],
    ["normalize", "no/such/file.txt"],
    ["normalize", "a", "b"],
    ["parse", "--script", "Simplified", PAGE],
    ["parse", PAGE, "--script"],
    ["normalize", "--script", "hans", PAGE],
    ["normalize", "--script"],
], ids=lambda a: " ".join(a)[:40] or "no-args")
def test_same_errors(args):
    p = same(args)
    assert p.returncode != 0 and p.stderr


def test_file_lists(tmp_path):
    lst = tmp_path / "list.txt"
    lst.write_text("\n".join(ALL[:3]) + "\r\n\n" + "\n".join(ALL[3:]) + "\n", encoding="utf-8")
    p = same(["parse", "--jsonl", "@" + str(lst)])
    assert p.returncode == 0 and p.stdout.count(b"\n") == len(ALL)
    assert p.stdout == run_cli("parse", "--jsonl", *ALL).stdout
    p = same(["parse", "--jsonl", "@-"], stdin=lst.read_bytes())
    assert p.returncode == 0 and p.stdout.count(b"\n") == len(ALL)
    assert re.search(rb"^banmian: %d pages, \d+ articles, 0 failures; " % len(ALL), p.stderr, re.M)


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


# Address space for `python -m banmian` reading an endless input: the
# interpreter, the extension and ICU take well under half of it; the default
# limit (64 MiB) plus one chunk fits, the whole of /dev/zero never does.
_VLIMIT = 768 << 20


def _run_py_limited(args, stdin) -> subprocess.CompletedProcess:
    import resource

    def limit():
        resource.setrlimit(resource.RLIMIT_AS, (_VLIMIT, _VLIMIT))

    return subprocess.run([sys.executable, "-m", "banmian", *args], stdin=stdin, capture_output=True, cwd=ROOT,
                          preexec_fn=limit, timeout=120)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="needs /dev/zero and RLIMIT_AS")
@pytest.mark.parametrize("args", [["parse", "/dev/zero"], ["normalize", "/dev/zero"], ["normalize", "-"],
                                  ["parse", "-"]], ids=" ".join)
def test_endless_input_stops_past_the_limit(args):
    """Reading stops one byte past max_input_bytes, in chunks, like the C++ CLI
    (src/cli/read_input.cpp): /dev/zero is "input too large", within bounded
    memory (it used to be read whole: MemoryError under the limit, or as much
    memory as the input is long)."""
    with open("/dev/zero", "rb") as zero:
        p = _run_py_limited(args, zero if args[-1] == "-" else subprocess.DEVNULL)
    name = "<stdin>" if args[-1] == "-" else "/dev/zero"
    assert p.returncode == 1, p.stderr[-2000:]
    assert p.stderr.startswith(b"banmian: %s: input too large (more than 67108864 bytes)" % name.encode()), p.stderr
    assert p.stdout == b""


def test_too_large_file_and_directory_like_cli(tmp_path):
    """A regular file over the limit is refused from its size (not read); a
    directory is "Is a directory"; the same messages as the C++ CLI, and the
    other inputs still parsed."""
    big = tmp_path / "big.txt"
    with open(big, "wb") as f:
        f.truncate((64 << 20) + 1)  # sparse: one byte over the limit, costs no disk
    page = PAGE
    p = same(["parse", "--jsonl", str(big), str(tmp_path), page])
    assert p.returncode == 1
    assert b"big.txt: input too large (more than 67108864 bytes)" in p.stderr
    assert b"%s: Is a directory" % str(tmp_path).encode() in p.stderr
    assert p.stdout.count(b"\n") == 1
    same(["normalize", str(big)])
    same(["normalize", str(tmp_path)])
