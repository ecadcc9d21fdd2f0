"""Pages from PDF files: positioned text read with pypdfium2 (the optional extra
``pip install banmian[pdf]``), parsed by the C library from its geometry
(``bm_parse_lines``): reading order from the boxes, headlines from font sizes,
and a box on the page for every article.

>>> pages = banmian.parse_pdf("epaper.pdf")          # one Page per PDF page
>>> pages[0].articles[0].bbox                        # (x0, y0, x1, y1) in points, y down
"""
from __future__ import annotations

import ctypes
import os
import struct
import zlib
from typing import Iterable, List, NamedTuple, Optional, Sequence, Tuple, Union

from ._errors import InvalidArgumentError, ReadError

__all__ = ["read_pdf_lines", "PdfLine", "PdfOrigin", "render_page_png", "encode_png"]

#: (text, x0, y0, x1, y1, font_size, flags, page_index): what bm_parse_lines takes.
PdfLine = Tuple[str, float, float, float, float, float, int, int]

_BOLD = 0x1     # BM_LINE_BOLD
_ITALIC = 0x2   # BM_LINE_ITALIC
_DRAWN = 0x4    # BM_LINE_DRAWN: a rule or a frame, no text
# Characters of one extracted line further apart than this many character
# widths are on two lines (pdfium joins text at one height across a gutter or
# across the page: a header's section name and its date).
_SPLIT_GAP_CHARS = 1.5
# PDFium's font flags (FPDFFont_GetFlags; PDF 32000-1 table 121).
_FONT_ITALIC = 1 << 6
_FONT_FORCE_BOLD = 1 << 18


def _pdfium():
    try:
        import pypdfium2 as pdfium  # noqa: F401
        import pypdfium2.raw as raw  # noqa: F401
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise ImportError("banmian.parse_pdf needs pypdfium2: pip install 'banmian[pdf]' "
                          "(or pip install pypdfium2)") from e
    return pdfium, raw


def _open(pdfium, source: Union[str, "os.PathLike[str]", bytes, bytearray, memoryview], password: Optional[str]):
    if isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
        if not data:
            raise InvalidArgumentError("parse_pdf: the PDF is empty (0 bytes)")
        src = data
        name = "<bytes>"
    else:
        name = os.fspath(source)
        if os.path.isdir(name):
            raise ReadError(f"{name}: is a directory, not a PDF file")
        if not os.path.exists(name):
            raise ReadError(f"{name}: no such file")
        src = name
    try:
        return pdfium.PdfDocument(src, password=password)
    except pdfium.PdfiumError as e:
        msg = str(e)
        if "password" in msg.lower():
            raise ReadError(f"{name}: the PDF is encrypted (pass password=...)") from e
        raise ReadError(f"{name}: not a readable PDF ({msg})") from e


def _page_lines(raw, page, page_index: int) -> List[PdfLine]:
    """The lines of one page: pdfium's own lines (its text order, CRLF between),
    split where two characters of one line stand far apart."""
    tp = raw.FPDFText_LoadPage(page.raw)
    if not tp:
        return []
    try:
        height = raw.FPDF_GetPageHeightF(page.raw)
        n = raw.FPDFText_CountChars(tp)
        left, right, bottom, top = (ctypes.c_double(), ctypes.c_double(), ctypes.c_double(), ctypes.c_double())
        lines: List[PdfLine] = []
        cur: list = []  # (char, x0, y0, x1, y1, size, bold, italic)

        def flush() -> None:
            chars = [c for c in cur if not c[0].isspace()]
            if chars:
                text = "".join(c[0] for c in cur).strip()
                sizes = sorted(c[5] for c in chars)
                bold = sum(1 for c in chars if c[6]) * 2 > len(chars)
                italic = sum(1 for c in chars if c[7]) * 2 > len(chars)
                lines.append((text, min(c[1] for c in chars), min(c[2] for c in chars),
                              max(c[3] for c in chars), max(c[4] for c in chars), sizes[len(sizes) // 2],
                              (_BOLD if bold else 0) | (_ITALIC if italic else 0), page_index))
            cur.clear()

        font_cache: dict = {}
        for i in range(n):
            cp = raw.FPDFText_GetUnicode(tp, i)
            ch = chr(cp) if 0 < cp < 0x110000 and not (0xD800 <= cp <= 0xDFFF) else "\ufffd"
            if ch in "\r\n":
                flush()
                continue
            if ch.isspace() or not raw.FPDFText_GetCharBox(tp, i, ctypes.byref(left), ctypes.byref(right),
                                                           ctypes.byref(bottom), ctypes.byref(top)):
                cur.append((" ", 0, 0, 0, 0, 0, False, False))
                continue
            size = raw.FPDFText_GetFontSize(tp, i)
            weight = raw.FPDFText_GetFontWeight(tp, i)
            font = raw.FPDFText_GetTextObject(tp, i)
            flags = 0
            if font:
                f = raw.FPDFTextObj_GetFont(font)
                if f:
                    key = ctypes.cast(f, ctypes.c_void_p).value
                    if key not in font_cache:
                        font_cache[key] = raw.FPDFFont_GetFlags(f)
                    flags = font_cache[key]
            bold = weight >= 600 or bool(flags & _FONT_FORCE_BOLD)
            italic = bool(flags & _FONT_ITALIC)
            box = (left.value, height - top.value, right.value, height - bottom.value)
            prev = next((c for c in reversed(cur) if c[0] != " "), None)
            if prev is not None:
                em = max(size, prev[5], 1e-3)
                far = box[0] - prev[3] > _SPLIT_GAP_CHARS * em or box[2] < prev[1] - em
                # Against the whole line so far: punctuation boxes are small
                # (a closing quote high, a comma low in the character cell).
                line_top = min(c[2] for c in cur if c[0] != " ")
                line_bottom = max(c[4] for c in cur if c[0] != " ")
                other_row = min(box[3], line_bottom) - max(box[1], line_top) < 0.3 * min(box[3] - box[1], line_bottom - line_top)
                if far or other_row:
                    flush()
            cur.append((ch, box[0], box[1], box[2], box[3], size, bold, italic))
        flush()
        return lines
    finally:
        raw.FPDFText_ClosePage(tp)


def _page_drawing(raw, page, page_index: int) -> List[PdfLine]:
    """The rules and frames drawn on a page (path objects: a box's border or
    background, a rule between stories), each as an element with no text and
    the BM_LINE_DRAWN flag: the C library parts items where they stand."""
    height = raw.FPDF_GetPageHeightF(page.raw)
    out: List[PdfLine] = []
    left, bottom, right, top = (ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float())
    for i in range(raw.FPDFPage_CountObjects(page.raw)):
        obj = raw.FPDFPage_GetObject(page.raw, i)
        if not obj or raw.FPDFPageObj_GetType(obj) != raw.FPDF_PAGEOBJ_PATH:
            continue
        fill, stroke = ctypes.c_int(), ctypes.c_int()
        if not raw.FPDFPath_GetDrawMode(obj, ctypes.byref(fill), ctypes.byref(stroke)):
            continue
        if not fill.value and not stroke.value:
            continue  # a clipping path: nothing to see
        if not raw.FPDFPageObj_GetBounds(obj, ctypes.byref(left), ctypes.byref(bottom), ctypes.byref(right),
                                         ctypes.byref(top)):
            continue
        x0, x1 = float(left.value), float(right.value)
        y0, y1 = float(height - top.value), float(height - bottom.value)
        if x1 >= x0 and y1 >= y0:
            out.append(("", x0, y0, x1, y1, 0.0, _DRAWN, page_index))
    return out


def read_pdf_lines(source, pages: Optional[Iterable[int]] = None, password: Optional[str] = None
                   ) -> List[Tuple[int, List[PdfLine]]]:
    """(page index, lines) for each page asked for (default: all), in order."""
    return [(p, lines) for p, lines, _size in read_pdf_pages(source, pages, password)]


def read_pdf_pages(source, pages: Optional[Iterable[int]] = None, password: Optional[str] = None
                   ) -> List[Tuple[int, List[PdfLine], Tuple[float, float]]]:
    """(page index, lines, (width, height) in points) for each page asked for
    (default: all), in order."""
    pdfium, raw = _pdfium()
    doc = _open(pdfium, source, password)
    try:
        count = len(doc)
        wanted: Sequence[int] = list(range(count)) if pages is None else list(pages)
        for p in wanted:
            if not isinstance(p, int) or isinstance(p, bool):
                raise TypeError(f"pages must hold page indices (int), not {type(p).__name__}")
            if p < 0 or p >= count:
                raise InvalidArgumentError(f"page index {p} is out of range: the PDF has {count} page(s)")
        out = []
        for p in wanted:
            page = doc[p]
            try:
                size = (float(raw.FPDF_GetPageWidthF(page.raw)), float(raw.FPDF_GetPageHeightF(page.raw)))
                out.append((p, _page_lines(raw, page, p) + _page_drawing(raw, page, p), size))
            finally:
                page.close()
        return out
    finally:
        doc.close()


class PdfOrigin(NamedTuple):
    """Where a Page of parse_pdf came from, for the page view: the PDF (its
    absolute path, or its bytes: one bytes object shared by every page of the
    call), the page's index (0-based), the password that opened it, and the
    page's size in points (the space of ``Article.bbox``)."""

    source: Union[str, bytes]
    index: int
    password: Optional[str]
    size: Tuple[float, float]


# The page image of the view: this many pixels a point (108 dpi), the width
# capped (a broadsheet page would be over 2000 px wide).
VIEW_SCALE = 1.5
VIEW_MAX_WIDTH = 1600
_PNG_COLOR_TYPES = {"L": (1, 0), "RGB": (3, 2), "RGBA": (4, 6)}  # mode -> (channels, PNG colour type)


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def encode_png(pixels, width: int, height: int, stride: int, mode: str, level: int = 6) -> bytes:
    """A PNG (8 bits a channel, no filter) of a bitmap of ``height`` rows of
    ``stride`` bytes, in ``mode`` "L", "RGB" or "RGBA" (PIL's names). Needs
    neither Pillow nor numpy."""
    if mode not in _PNG_COLOR_TYPES:
        raise ValueError(f"cannot write a PNG of a {mode} bitmap")
    channels, color_type = _PNG_COLOR_TYPES[mode]
    row = width * channels
    if width < 1 or height < 1 or stride < row:
        raise ValueError(f"bad bitmap geometry: {width}x{height}, stride {stride}, {channels} channel(s)")
    mv = memoryview(pixels).cast("B")
    if len(mv) < stride * (height - 1) + row:
        raise ValueError("the bitmap buffer is shorter than its geometry")
    z = zlib.compressobj(level)
    parts = [z.compress(b"\0" + mv[y * stride:y * stride + row].tobytes()) for y in range(height)]
    parts.append(z.flush())
    ihdr = struct.pack(">IIBBBBB", width, height, 8, color_type, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + _png_chunk(b"IHDR", ihdr) + _png_chunk(b"IDAT", b"".join(parts))
            + _png_chunk(b"IEND", b""))


def render_page_png(origin: PdfOrigin, scale: float = VIEW_SCALE, max_width: int = VIEW_MAX_WIDTH
                    ) -> Tuple[bytes, int, int]:
    """The page of ``origin`` rendered by PDFium at ``scale`` pixels a point (at
    most ``max_width`` pixels wide), as (PNG bytes, width, height in pixels)."""
    pdfium, _raw = _pdfium()
    doc = _open(pdfium, origin.source, origin.password)
    try:
        if not 0 <= origin.index < len(doc):
            raise InvalidArgumentError(f"page index {origin.index} is out of range: the PDF has {len(doc)} page(s)")
        page = doc[origin.index]
        try:
            width = page.get_width()
            s = min(scale, max_width / width) if width > 0 else scale
            bitmap = page.render(scale=s, rev_byteorder=True)
            return (encode_png(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride, bitmap.mode),
                    bitmap.width, bitmap.height)
        finally:
            page.close()
    finally:
        doc.close()
