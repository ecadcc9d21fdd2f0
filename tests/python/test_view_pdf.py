"""The page view of a page of parse_pdf (issue 15, part 2): the PDF page,
rendered and embedded as a PNG data URI, with every article's box drawn over
it at its bbox / page size, and its headline and paragraph boxes inside; a
page not from a PDF is viewed as before. The PDFs are written by the test
(pdf_fixtures.py: no Chromium needed); the text is invented."""
from __future__ import annotations

import base64
import os
import re
import struct
import subprocess
import sys
import zlib
from html.parser import HTMLParser
from typing import Dict, List, Optional

import pytest

import banmian
from banmian import _view
from banmian._pdf import encode_png
from conftest import DEV_PAGES, ROOT, need_pypdfium2
from pdf_fixtures import make_pdf, sample_page

SIZE = (595.0, 842.0)
SECOND = dict(headline="老城区的早市换了新模样", byline="本报记者　周明远",
              paragraphs=["本报讯　清晨六点，老城区的早市已经热闹起来。改造后的市场划分了蔬菜区、水产区和熟食区，"
                          "地面干净了，摊位也整齐了。",
                          "不少老街坊说，买菜的路还是那条路，心情却大不一样。"],
              top=420.0)


def two_articles() -> bytes:
    need_pypdfium2()
    return make_pdf([sample_page() + sample_page(**SECOND)], size=SIZE)


class Figure(HTMLParser):
    """The page image, the article boxes and the boxes inside them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.img: Optional[Dict[str, Optional[str]]] = None
        self.boxes: List[Dict[str, object]] = []
        self.ids: List[str] = []
        self.blank = False

    def handle_starttag(self, tag: str, attrs: List[tuple]) -> None:
        a: Dict[str, Optional[str]] = dict(attrs)
        cls = (a.get("class") or "").split()
        if a.get("id"):
            self.ids.append(a["id"] or "")
        if tag == "img":
            self.img = a
        elif "bm-blank" in cls:
            self.blank = True
        elif tag == "a" and "bm-box" in cls:
            self.boxes.append({"attrs": a, "style": style(a.get("style")), "subs": []})
        elif "bm-sub" in cls:
            self.boxes[-1]["subs"].append((cls, style(a.get("style"))))  # type: ignore[union-attr]


def style(s: Optional[str]) -> Dict[str, float]:
    return {k: float(v) for k, v in re.findall(r"(left|top|width|height):(-?[0-9.]+)%", s or "")}


def figure_of(doc: str) -> Figure:
    f = Figure()
    f.feed(doc)
    f.close()
    return f


def png_of(uri: str) -> bytes:
    prefix = "data:image/png;base64,"
    assert uri.startswith(prefix)
    return base64.b64decode(uri[len(prefix):], validate=True)


def decode_png(png: bytes):
    """(width, height, channels, rows) of a PNG of encode_png (8 bits, filter 0), every CRC checked."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    pos, chunks = 8, []
    while pos < len(png):
        n, = struct.unpack(">I", png[pos:pos + 4])
        kind, data = png[pos + 4:pos + 8], png[pos + 8:pos + 8 + n]
        crc, = struct.unpack(">I", png[pos + 8 + n:pos + 12 + n])
        assert crc == zlib.crc32(kind + data) & 0xFFFFFFFF, kind
        chunks.append((kind, data))
        pos += 12 + n
    assert [k for k, _ in chunks][0] == b"IHDR" and chunks[-1] == (b"IEND", b"")
    w, h, depth, ctype, _c, _f, _i = struct.unpack(">IIBBBBB", chunks[0][1])
    channels = {0: 1, 2: 3, 6: 4}[ctype]
    assert depth == 8
    raw = zlib.decompress(b"".join(d for k, d in chunks if k == b"IDAT"))
    stride = 1 + w * channels
    assert len(raw) == h * stride
    rows = [raw[y * stride + 1:(y + 1) * stride] for y in range(h)]
    assert all(raw[y * stride] == 0 for y in range(h))
    return w, h, channels, rows


def test_boxes_over_the_rendered_page():
    page = banmian.parse_pdf(two_articles())[0]
    boxed = [a for a in page.articles if a.bbox is not None]
    assert len(boxed) >= 2, page.text
    doc = page.view()
    fig = figure_of(doc)
    # The page image: a PNG of the page at 1.5 pixels a point.
    assert fig.img is not None and not fig.blank
    png = png_of(fig.img["src"] or "")
    w, h, channels, rows = decode_png(png)
    assert (w, h) == (893, 1263) == (int(fig.img["width"] or 0), int(fig.img["height"] or 0))
    # One box per article with a bbox, at bbox / page size, linking to its article.
    assert len(fig.boxes) == len(boxed)
    by_index = {int(b["attrs"]["data-index"]): b for b in fig.boxes}  # type: ignore[index]
    assert sorted(by_index) == [a.index for a in boxed]
    for a in boxed:
        b = by_index[a.index]
        x0, y0, x1, y1 = a.bbox
        want = {"left": x0 / SIZE[0], "top": y0 / SIZE[1], "width": (x1 - x0) / SIZE[0], "height": (y1 - y0) / SIZE[1]}
        for k, v in want.items():
            assert b["style"][k] == pytest.approx(v * 100, abs=0.001), (a.index, k)  # type: ignore[index]
        assert b["attrs"]["href"] == f"#bm-a{a.index}" and f"bm-a{a.index}" in fig.ids  # type: ignore[index]
        assert f"k-{a.kind}" in b["attrs"]["class"]  # type: ignore[index, operator]
        subs = b["subs"]
        n_hl = sum(x is not None for x in a.bboxes["headline"])
        n_p = sum(x is not None for x in a.bboxes["paragraphs"])
        assert [c[1] for c, _ in subs] == ["bm-sub-hl"] * n_hl + ["bm-sub-p"] * n_p  # type: ignore[union-attr]
        # One rule pair per article: a box pointed at outlines its article and back.
        assert f'.banmian-view:has(.bm-box[data-index="{a.index}"]:hover) #bm-a{a.index}' in doc
        assert f'.banmian-view:has(#bm-a{a.index}:hover) .bm-box[data-index="{a.index}"]' in doc
    # The boxes are where the ink is: the first headline character is dark in
    # the image (the fixture's glyphs are filled squares), the margin white.
    a = next(a for a in boxed if a.bboxes["headline"] and a.bboxes["headline"][0])
    hx0, hy0, hx1, hy1 = a.bboxes["headline"][0]
    px, py = int((hx0 + (hy1 - hy0) / 2) * w / SIZE[0]), int((hy0 + hy1) / 2 * h / SIZE[1])
    assert max(rows[py][px * channels:(px + 1) * channels]) < 80
    assert min(rows[5][5 * channels:6 * channels]) == 255


def test_the_bytes_are_shared_not_copied():
    need_pypdfium2()
    data = make_pdf([sample_page(), sample_page(**SECOND)], size=SIZE)
    pages = banmian.parse_pdf(data)
    assert [p._pdf.index for p in pages] == [0, 1]
    assert all(p._pdf.source is data for p in pages)  # the caller's own bytes object
    pages = banmian.parse_pdf(bytearray(data))
    assert pages[0]._pdf.source is pages[1]._pdf.source and pages[0]._pdf.source == data  # one copy for all
    assert pages[1]._pdf.size == SIZE
    second = figure_of(pages[1].view())
    assert second.img is not None and len(second.boxes) == sum(a.bbox is not None for a in pages[1].articles)
    assert "PDF page 2 ·" in pages[1].view()


def test_a_pdf_file_and_an_encrypted_one(tmp_path, monkeypatch):
    path = tmp_path / "page.pdf"
    path.write_bytes(two_articles())
    monkeypatch.chdir(tmp_path)
    page = banmian.parse_pdf("page.pdf")[0]
    assert page._pdf.source == str(path) and page.source == "page.pdf"
    monkeypatch.chdir(ROOT)  # the path was made absolute: the view still finds the file
    assert figure_of(page.view()).img is not None
    # The page of an encrypted PDF is rendered with the password it was opened with.
    locked = banmian.parse_pdf(make_pdf([sample_page()], size=SIZE, user_password="s3cret"), password="s3cret")[0]
    assert figure_of(locked.view()).img is not None
    # A file gone since: the boxes over a blank page of its size, and why.
    path.unlink()
    doc = page.view()
    fig = figure_of(doc)
    assert fig.img is None and fig.blank and "not rendered: ReadError" in doc
    assert len(fig.boxes) == sum(a.bbox is not None for a in page.articles)


def test_the_view_is_the_text_view_with_the_figure_added():
    """Everything but the figure, its CSS and the two wrapping elements is the
    view of the same page without its PDF: the article blocks are unchanged."""
    page = banmian.parse_pdf(two_articles())[0]
    with_pdf = str(page.view())
    origin, page._pdf = page._pdf, None
    plain = str(page.view())
    page._pdf = origin
    assert "<img" not in plain and "bm-box" not in plain and "bm-withpdf" not in plain
    css_start = with_pdf.index(_view._PDF_CSS)
    extra_css = with_pdf[css_start:with_pdf.index("</style>", css_start)]
    stripped = with_pdf.replace(extra_css, "", 1)
    fig = re.search(r'<div class="bm-withpdf"><figure class="bm-pdf">.*?</figure><div class="bm-list">', stripped)
    assert fig is not None
    stripped = stripped[:fig.start()] + stripped[fig.end():]
    assert stripped.endswith("</div></div></div></body></html>\n")
    stripped = stripped[:-len("</div></div></div></body></html>\n")] + "</div></body></html>\n"
    assert stripped == plain


@pytest.mark.parametrize("path", DEV_PAGES[:2], ids=lambda p: p.name)
def test_a_text_page_has_no_figure(path):
    page = banmian.parse_file(path)
    assert page._pdf is None
    doc = page.view()
    assert "<img" not in doc and "bm-box" not in doc and "bm-withpdf" not in doc and _view._PDF_CSS not in doc
    assert page._repr_html_() == doc._repr_html_()


@pytest.mark.parametrize("mode,channels", [("L", 1), ("RGB", 3), ("RGBA", 4)])
def test_encode_png(mode, channels):
    w, h, stride = 5, 3, 5 * channels + 3  # rows padded, as a bitmap's may be
    pixels = bytes((x * 31 + y * 7) % 256 if x < w * channels else 0xEE for y in range(h) for x in range(stride))
    got = decode_png(encode_png(pixels, w, h, stride, mode))
    assert got[:3] == (w, h, channels)
    assert got[3] == [pixels[y * stride:y * stride + w * channels] for y in range(h)]
    with pytest.raises(ValueError):
        encode_png(pixels, w, h, stride, "BGRx")
    with pytest.raises(ValueError):
        encode_png(pixels[:-4], w, h, stride, mode)


def run_py(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "banmian", *args], capture_output=True, cwd=ROOT)


def test_cli_view_of_a_pdf(tmp_path):
    need_pypdfium2()
    path = tmp_path / "two.pdf"
    path.write_bytes(make_pdf([sample_page(), sample_page(**SECOND)], size=SIZE))
    out = tmp_path / "v.html"
    p = run_py("view", str(path), "-o", str(out))
    assert p.returncode == 0 and p.stdout == b"" and p.stderr == b"", p.stderr
    doc = out.read_text(encoding="utf-8")
    assert "PDF page 1 ·" in doc and figure_of(doc).img is not None
    assert doc == banmian.parse_pdf(path, [0], source=str(path))[0].view()
    p = run_py("view", "--page", "2", str(path))
    assert p.returncode == 0 and "PDF page 2 ·" in p.stdout.decode("utf-8")
    assert "老城区的早市换了新模样" in p.stdout.decode("utf-8")
    p = run_py("view", "--page", "3", str(path))
    assert p.returncode == 1 and b"out of range" in p.stderr and p.stdout == b""
    for bad in ("0", "x", "-1"):
        p = run_py("view", "--page", bad, str(path))
        assert p.returncode == 2 and b"--page" in p.stderr and p.stdout == b""
    p = run_py("view", "--page", "1", str(DEV_PAGES[0].relative_to(ROOT)))
    assert p.returncode == 2 and b"not one" in p.stderr
    assert b"--page N" in run_py("--help").stdout
