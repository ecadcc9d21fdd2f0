"""The page view (Page.view, _repr_html_, `python -m banmian view`): one
self-contained, escaped HTML file whose article blocks are the page JSON's.
tests/python/test_view_browser.py checks the same in a real browser."""
from __future__ import annotations

import os
import subprocess
import sys
from html.parser import HTMLParser
from typing import Dict, List, Optional

import pytest

import banmian
from conftest import DEV_PAGES, OWN_PAGES, ROOT, cli_path

HOSTILE = ("<b>市委</b>召开会议 & 部署\n\n本报讯 <script>window.bmPwned=1</script>会议要求，"
           "<img src=x onerror=\"window.bmPwned=2\">各地要抓好落实。</style><script>window.bmPwned=3</script>\n")


class Blocks(HTMLParser):
    """Per article block: its attributes, the text of its source pane, its paragraphs."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: List[Dict[str, object]] = []
        self._stack: List[str] = []  # "src" / "para" / "" per open element
        self.tags: List[str] = []

    def handle_starttag(self, tag: str, attrs: List[tuple]) -> None:
        a: Dict[str, Optional[str]] = dict(attrs)
        self.tags.append(tag)
        cls = (a.get("class") or "").split()
        role = ""
        if tag == "section" and "bm-article" in cls:
            self.blocks.append({"attrs": a, "src": "", "paras": [], "removed": ""})
        elif "bm-src" in cls:
            role = "src"
        elif tag == "p" and self._inside("text"):
            role = "para"
            self.blocks[-1]["paras"].append("")  # type: ignore[union-attr]
        elif tag == "details" and "bm-text" in cls:
            role = "text"
        elif tag == "del":
            role = "del"
        self._stack.append(role)

    def handle_endtag(self, tag: str) -> None:
        self._stack.pop()

    def _inside(self, role: str) -> bool:
        return role in self._stack

    def handle_data(self, data: str) -> None:
        if not self.blocks:
            return
        b = self.blocks[-1]
        if self._inside("src"):
            b["src"] += data  # type: ignore[operator]
            if self._inside("del"):
                b["removed"] += data  # type: ignore[operator]
        elif self._inside("para"):
            b["paras"][-1] += data  # type: ignore[index]


def blocks_of(doc: str) -> Blocks:
    p = Blocks()
    p.feed(doc)
    p.close()
    return p


@pytest.mark.parametrize("path", DEV_PAGES + OWN_PAGES, ids=lambda p: p.name)
def test_blocks_are_the_page_json(path):
    page = banmian.parse_file(path)
    doc = page.view()
    assert isinstance(doc, str) and doc.startswith("<!DOCTYPE html>")
    blocks = blocks_of(doc).blocks
    articles = page.to_dict()["articles"]
    assert len(blocks) == len(articles) == len(page.articles)
    for i, (b, a, art) in enumerate(zip(blocks, articles, page.articles)):
        assert b["attrs"]["data-index"] == str(i)
        assert b["attrs"]["data-kind"] == a["kind"]
        assert b["src"] == page.text[art.span[0]:art.span[1]]  # the page's own text, every character
        assert b["paras"] == a["paragraphs"]


def test_marks_fields_and_strikes_removed_repeats():
    # 002 has a doubled headline (doubled_characters_fixed), 004 a repeated passage (duplicate_text_removed).
    page = banmian.parse_file(ROOT / "tests/data/pages/dev/004_1091a5d22080f840.txt")
    doc = page.view()
    flagged = [i for i, a in enumerate(page.articles) if "duplicate_text_removed" in a.flags]
    assert flagged
    blocks = blocks_of(doc).blocks
    assert any(len(blocks[i]["removed"]) >= 6 for i in flagged)  # type: ignore[arg-type]
    body = doc[doc.index("<section"):]  # not the legend
    a = page.articles[flagged[0]]
    assert f'class="bm-f bm-hl" title="headline (title)">{a.title}</mark>' in body
    assert f'class="bm-f bm-dl" title="dateline">{a.dateline}</mark>' in body
    for b in a.bylines:
        assert f'class="bm-f bm-by" title="byline: {b.role}">{b.name}</mark>' in body
    for i in range(len(a.paragraphs)):
        assert f'class="bm-f bm-p{i % 2}" title="paragraph {i + 1}">' in body
    # A headline printed twice: the copy the parser dropped is struck through.
    page2 = banmian.parse_file(ROOT / "tests/data/pages/dev/002_24a909c35df8419a.txt")
    blocks2 = blocks_of(page2.view()).blocks
    doubled = [i for i, a in enumerate(page2.articles) if "doubled_characters_fixed" in a.flags]
    assert doubled and any(blocks2[i]["removed"] == page2.articles[i].title for i in doubled)
    # Nothing is struck through where the parser flagged nothing.
    for i, a in enumerate(page.articles):
        if not a.flags:
            assert blocks[i]["removed"] == "", (i, blocks[i]["removed"])


def test_self_contained():
    doc = banmian.parse_file(DEV_PAGES[0]).view()
    low = doc.lower()
    assert "http://" not in low and "https://" not in low and "//cdn" not in low
    assert "<script" not in low and "<link" not in low and "@import" not in low
    assert "content-security-policy" in low and "default-src 'none'" in doc
    assert 'name="viewport"' in doc and "@media (max-width" in doc


def test_hostile_page_is_escaped(tmp_path):
    page = banmian.parse(HOSTILE, source="<script>alert(1)</script>.txt")
    for doc in (page.view(), page._repr_html_()):
        low = doc.lower()
        assert "<script" not in low and "<img" not in low and "<b>" not in low and "</style><script" not in low
        assert "&lt;script&gt;window.bmPwned=1&lt;/script&gt;" in doc
    b = blocks_of(page.view()).blocks
    assert "".join(x["src"] for x in b) in HOSTILE  # type: ignore[operator, misc]


def test_repr_html_is_the_view_fragment():
    page = banmian.parse_file(DEV_PAGES[0])
    h = page._repr_html_()
    assert h.startswith('<div class="banmian-view"><style>') and h.endswith("</div>")
    assert h.count('<section class="bm-article') == len(page.articles)
    v = page.view()
    assert v._repr_html_() == h and h in v


def test_view_writes_a_file(tmp_path):
    page = banmian.parse_file(DEV_PAGES[1])
    out = tmp_path / "page.html"
    v = page.view(str(out))
    assert out.read_text(encoding="utf-8") == v


def run_py(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "banmian", *args], input=stdin, capture_output=True, cwd=ROOT)


def test_cli_view(tmp_path):
    page = str(DEV_PAGES[0].relative_to(ROOT))
    out = tmp_path / "v.html"
    p = run_py("view", page, "-o", str(out))
    assert p.returncode == 0 and p.stdout == b"" and p.stderr == b""
    doc = out.read_text(encoding="utf-8")
    assert doc == banmian.parse_file(page).view()
    p = run_py("view", page)
    assert p.returncode == 0 and p.stdout.decode("utf-8") == doc
    p = run_py("view", "-", stdin=DEV_PAGES[0].read_bytes())
    assert p.returncode == 0 and p.stdout.count(b'<section class="bm-article') == doc.count('<section class="bm-article')


@pytest.mark.parametrize("args,rc", [
    (["view"], 2), (["view", "a", "b"], 2), (["view", "--bogus", "a"], 2), (["view", "-o"], 2),
    (["view", "no/such/file.txt"], 1), (["view", "--encoding", "no-such-enc", "README.md"], 1),
])
def test_cli_view_errors(args, rc):
    p = run_py(*args)
    assert p.returncode == rc and p.stderr and p.stdout == b""


def test_cpp_cli_view_runs_the_same_renderer(tmp_path):
    # The C++ tool's `banmian view` runs this package (BANMIAN_PYTHON picks the interpreter).
    page = str(DEV_PAGES[0].relative_to(ROOT))
    env = dict(os.environ, BANMIAN_PYTHON=sys.executable)
    c = subprocess.run([cli_path(), "view", page], capture_output=True, cwd=ROOT, env=env)
    assert c.returncode == 0, c.stderr
    assert c.stdout == run_py("view", page).stdout
    c = subprocess.run([cli_path(), "view"], capture_output=True, cwd=ROOT, env=env)
    assert c.returncode == 2 and b"usage: banmian view" in c.stderr
