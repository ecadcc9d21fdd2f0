"""Small PDFs written by hand for the PDF tests (no PDF library needed to make
them): pages of positioned CJK text, image-only pages (a scan without a text
layer), and the standard security handler's RC4 encryption (revision 2,
40-bit key; PDF 32000-1 section 7.6.3), which PDFium reads.

Text is set in Type 3 fonts (up to 200 characters each, one-byte codes) whose
glyphs are all the same filled square, one em wide, with a /ToUnicode map: a
reader extracts exactly the text written, with boxes that depend on no font
installed on the machine (a line of k characters at size s is k*s points wide).
"""
from __future__ import annotations

import hashlib
import zlib
from typing import List, Optional, Sequence, Tuple

#: (text, x, y_top, font_size): y measured from the top of the page, as bm_line.
TextLine = Tuple[str, float, float, float]

_PAD = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")


def rc4(key: bytes, data: bytes) -> bytes:
    s = list(range(256))
    j = 0
    for i in range(256):
        j = (j + s[i] + key[i % len(key)]) & 0xFF
        s[i], s[j] = s[j], s[i]
    out = bytearray()
    i = j = 0
    for b in data:
        i = (i + 1) & 0xFF
        j = (j + s[i]) & 0xFF
        s[i], s[j] = s[j], s[i]
        out.append(b ^ s[(s[i] + s[j]) & 0xFF])
    return bytes(out)


class _Rc4Security:
    """Revision 2 of the standard security handler (40-bit RC4)."""

    P = -4  # every permission

    def __init__(self, user: str, owner: str, doc_id: bytes):
        u = (user.encode("latin-1") + _PAD)[:32]
        o = (owner.encode("latin-1") + _PAD)[:32]
        self.O = rc4(hashlib.md5(o).digest()[:5], u)
        self.key = hashlib.md5(u + self.O + (self.P & 0xFFFFFFFF).to_bytes(4, "little") + doc_id).digest()[:5]
        self.U = rc4(self.key, _PAD)

    def encrypt(self, num: int, data: bytes) -> bytes:
        k = hashlib.md5(self.key + num.to_bytes(3, "little") + (0).to_bytes(2, "little")).digest()[:10]
        return rc4(k, data)

    def dict(self) -> bytes:
        return (b"<< /Filter /Standard /V 1 /R 2 /Length 40 /P %d /O <%s> /U <%s> >>"
                % (self.P, self.O.hex().encode(), self.U.hex().encode()))


_GLYPHS_PER_FONT = 200


def _fonts_for(chars: Sequence[str]) -> List[str]:
    """The distinct characters, in first-seen order, cut into fonts."""
    seen: dict = {}
    for c in chars:
        seen.setdefault(c, None)
    cs = list(seen)
    return ["".join(cs[i:i + _GLYPHS_PER_FONT]) for i in range(0, len(cs), _GLYPHS_PER_FONT)] or [" "]


def _content_stream(lines: Sequence[TextLine], height: float, where: dict) -> bytes:
    """where: character -> (font number, code)."""
    ops = []
    for text, x, y_top, size in lines:
        baseline = height - y_top - size * 0.88  # the em box's top at y_top
        parts = ["BT 1 0 0 1 %.2f %.2f Tm" % (x, baseline)]
        font = None
        for c in text:
            f, code = where[c]
            if f != font:
                parts.append("/F%d %.2f Tf" % (f, size))
                font = f
            parts.append("<%02X> Tj" % code)
        parts.append("ET")
        ops.append(" ".join(parts))
    return "\n".join(ops).encode("ascii")


def _to_unicode(chars: str) -> bytes:
    body = []
    for i in range(0, len(chars), 100):
        chunk = chars[i:i + 100]
        body.append("%d beginbfchar" % len(chunk))
        body.extend("<%02X> <%s>" % (i + k + 1, c.encode("utf-16-be").hex().upper()) for k, c in enumerate(chunk))
        body.append("endbfchar")
    return ("/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
            "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
            "/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n"
            "1 begincodespacerange <00> <FF> endcodespacerange\n" + "\n".join(body) +
            "\nendcmap CMapName currentdict /CMap defineresource pop end end\n").encode("ascii")


def make_pdf(pages: Sequence[Sequence[TextLine]], *, size: Tuple[float, float] = (595.0, 842.0),
             image_only: bool = False, user_password: Optional[str] = None, owner_password: str = "owner",
             compress: bool = True) -> bytes:
    """A PDF of len(pages) pages. Each page holds its text lines, or, with
    image_only, one grey image the size of the page and no text at all."""
    width, height = size
    objs: List[bytes] = []  # object n is objs[n - 1]

    def add(body: bytes) -> int:
        objs.append(body)
        return len(objs)

    def reserve() -> int:
        objs.append(b"")
        return len(objs)

    streams = {}  # object number -> raw stream data (encrypted at the end)

    def add_stream(data: bytes, extra: bytes = b"") -> int:
        filt = b""
        if compress:
            data = zlib.compress(data)
            filt = b" /Filter /FlateDecode"
        n = add(b"")
        streams[n] = (data, extra + filt)
        return n

    catalog = reserve()
    tree = reserve()
    chars = [c for page in pages for line in page for c in line[0]]
    where: dict = {}
    font_res = b""
    image = None
    if image_only:
        side = 16
        pixels = bytes(((x * 7 + y * 13) % 64 + 160) for y in range(side) for x in range(side))
        image = add_stream(pixels, b" /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray"
                                   b" /BitsPerComponent 8" % (side, side))
    else:
        glyph = add_stream(b"1000 0 40 -100 960 860 d1 40 -100 920 960 re f")
        fonts = []
        for f, cs in enumerate(_fonts_for(chars), 1):
            for k, c in enumerate(cs):
                where[c] = (f, k + 1)
            tounicode = add_stream(_to_unicode(cs))
            names = b" ".join(b"/g%d" % (k + 1) for k in range(len(cs)))
            procs = b" ".join(b"/g%d %d 0 R" % (k + 1, glyph) for k in range(len(cs)))
            fonts.append(add(b"<< /Type /Font /Subtype /Type3 /FontMatrix [0.001 0 0 0.001 0 0]"
                             b" /FontBBox [0 -120 1000 880] /Resources << >>"
                             b" /Encoding << /Type /Encoding /Differences [1 %s] >> /CharProcs << %s >>"
                             b" /FirstChar 1 /LastChar %d /Widths [%s] /ToUnicode %d 0 R >>"
                             % (names, procs, len(cs), b" ".join([b"1000"] * len(cs)), tounicode)))
        font_res = b"<< " + b" ".join(b"/F%d %d 0 R" % (f, n) for f, n in enumerate(fonts, 1)) + b" >>"
    kids = []
    for page in pages:
        if image_only:
            content = add_stream(b"q %.2f 0 0 %.2f 0 0 cm /Im0 Do Q" % (width, height))
            res = b"<< /XObject << /Im0 %d 0 R >> >>" % image
        else:
            content = add_stream(_content_stream(page, height, where))
            res = b"<< /Font %s >>" % font_res
        kids.append(add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %.2f %.2f] /Resources %s /Contents %d 0 R >>"
                        % (tree, width, height, res, content)))
    objs[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % tree
    objs[tree - 1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % k for k in kids), len(kids))

    doc_id = hashlib.md5(repr((len(pages), chars[:64], size)).encode("utf-8")).digest()
    sec = _Rc4Security(user_password, owner_password, doc_id) if user_password is not None else None
    encrypt = add(sec.dict()) if sec else None

    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for n, body in enumerate(objs, 1):
        offsets.append(len(out))
        if n in streams:
            data, extra = streams[n]
            if sec:
                data = sec.encrypt(n, data)
            body = b"<< /Length %d%s >>\nstream\n" % (len(data), extra) + data + b"\nendstream"
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R /ID [<%s> <%s>]" % (len(objs) + 1, catalog, doc_id.hex().encode(),
                                                                  doc_id.hex().encode())
    if encrypt:
        out += b" /Encrypt %d 0 R" % encrypt
    out += b" >>\nstartxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


# An invented page (no corpus text): a headline, a byline and two paragraphs
# in one column of 30 characters a line.
HEADLINE = "河畔新建的图书馆迎来首批读者"
BYLINE = "本报记者　林小溪"
PARAGRAPHS = [
    "本报讯　昨天上午，位于城西河畔的市图书馆新馆正式开放，首批读者在开馆前便排起了长队。新馆共有五层，设有少儿阅读区、"
    "地方文献区和数字阅览室。",
    "馆方介绍，新馆延长了开放时间，工作日晚上也可以借阅图书，市民还可以通过手机预约座位。",
]
COLUMN_CHARS = 30


def sample_page(headline: str = HEADLINE, byline: str = BYLINE, paragraphs: Sequence[str] = PARAGRAPHS,
                left: float = 60.0, top: float = 60.0, size: float = 10.5) -> List[TextLine]:
    """The invented page as positioned lines: a 24 pt headline, the byline,
    then the paragraphs cut into lines of COLUMN_CHARS characters (first line
    indented two characters)."""
    lines: List[TextLine] = [(headline, left, top, 24.0), (byline, left, top + 40, size)]
    y = top + 40 + size * 2.5
    for p in paragraphs:
        first = True
        while p:
            room = COLUMN_CHARS - 2 if first else COLUMN_CHARS
            lines.append((p[:room], left + (2 * size if first else 0), y, size))
            p = p[room:]
            y += size * 1.6
            first = False
    return lines
