"""The object model: Page and Article over the page JSON (schema banmian.page/1).

A Page wraps the native page and its JSON (made in C++ by bm_page_to_json);
the Python objects are built lazily on first access, so parse_many stays cheap.
Every contract field is an attribute; spans are code-point offsets into
``page.text`` (``byte_span`` keeps the library's UTF-8 byte offsets).
"""
from __future__ import annotations

import datetime
import json
from typing import TYPE_CHECKING, Any, Dict, Iterator, List, NamedTuple, Optional, Tuple, cast

from . import _banmian

if TYPE_CHECKING:  # pragma: no cover
    from ._pdf import PdfOrigin
    from ._view import View

__all__ = ["Byline", "DatelineInfo", "DateRef", "FieldSpans", "Article", "Page"]


class Byline(NamedTuple):
    """One credited person: ``role`` (reporter, correspondent, photographer,
    editor, intern, author) and ``name``."""

    role: str
    name: str


def _date(v: Any) -> Optional[datetime.date]:
    """A ``YYYY-MM-DD`` of the JSON as a ``datetime.date`` (None for null/absent)."""
    return datetime.date.fromisoformat(v) if isinstance(v, str) else None


class DatelineInfo(NamedTuple):
    """The parts of a dateline (``新华社北京1月7日电``): ``source`` (本报, 新华社 …),
    ``place``, ``month`` and ``day`` as printed (None when absent) and ``date``,
    the day resolved against the page's issue date (None without one)."""

    source: Optional[str]
    place: Optional[str]
    month: Optional[int]
    day: Optional[int]
    date: Optional[datetime.date]


class DateRef(NamedTuple):
    """An expression naming one day (``昨天``, ``1月7日``, ``正月初八``) in a headline
    part or paragraph: its ``text``, ``span`` (code points into ``page.text``, None
    when not found in the source), ``byte_span`` (the JSON's UTF-8 offsets) and
    ``date`` (``datetime.date`` or None when it cannot be resolved)."""

    text: str
    span: Optional[Tuple[int, int]]
    byte_span: Optional[Tuple[int, int]]
    date: Optional[datetime.date]


Span = Tuple[int, int]


class FieldSpans(NamedTuple):
    """Where each field of an article came from in the source (the JSON's optional
    ``spans``): ``(start, end)`` offsets, from the first to the last source
    character the field was read from. ``headline`` has one span per headline
    part, ``bylines`` one per byline (its name as printed), ``paragraphs`` one per
    paragraph (covering every line it was joined from); ``dateline`` is None
    without a dateline. ``Article.spans`` counts code points into ``page.text``
    (``page.text[slice(*span)]`` is the source), ``Article.byte_spans`` UTF-8
    bytes, as the JSON."""

    headline: List[Span]
    dateline: Optional[Span]
    bylines: List[Span]
    paragraphs: List[Span]


def _byte_field_spans(v: Any) -> Optional[FieldSpans]:
    """The JSON's ``spans`` object as FieldSpans of byte offsets (None when absent)."""
    if not isinstance(v, dict):
        return None

    def pairs(xs: Any) -> List[Span]:
        return [(int(x[0]), int(x[1])) for x in xs or []]

    dl = v.get("dateline")
    return FieldSpans(pairs(v.get("headline")), (int(dl[0]), int(dl[1])) if dl else None, pairs(v.get("bylines")),
                      pairs(v.get("paragraphs")))


def _flat(fs: FieldSpans) -> List[int]:
    """Every offset of ``fs`` in field order (headline, dateline, bylines, paragraphs)."""
    out: List[int] = []
    for sp in fs.headline:
        out.extend(sp)
    if fs.dateline is not None:
        out.extend(fs.dateline)
    for sp in fs.bylines:
        out.extend(sp)
    for sp in fs.paragraphs:
        out.extend(sp)
    return out


def _unflat(fs: FieldSpans, offsets: List[int]) -> FieldSpans:
    """``fs`` with its offsets replaced, in the order of ``_flat``."""
    it = iter(offsets)

    def take(n: int) -> List[Span]:
        return [(next(it), next(it)) for _ in range(n)]

    headline = take(len(fs.headline))
    dateline = take(1)[0] if fs.dateline is not None else None
    return FieldSpans(headline, dateline, take(len(fs.bylines)), take(len(fs.paragraphs)))


class Article:
    """One item of a page: a news story, photo item, ad, weather box or other.

    ``confidence`` is how sure the parser is of the item's boundaries and roles,
    in [0, 1] and rounded to 3 decimals as in the page JSON, or None when the
    parser did not compute one (the JSON then has no ``confidence`` key).

    ``spans`` says where each field came from (``FieldSpans`` in code points into
    ``page.text``; ``byte_spans`` the same in UTF-8 bytes, as the JSON), None when
    the JSON has no ``spans``: ``page.text[slice(*a.spans.paragraphs[0])]`` is
    the source of the first paragraph."""

    __slots__ = ("page", "index", "kind", "headline", "kicker", "title", "subtitle", "dateline", "bylines",
                 "editor_note", "paragraphs", "flags", "byte_span", "span", "confidence", "dateline_info", "dates",
                 "spans", "byte_spans", "bbox", "page_index", "bboxes", "_dict")

    page: "Page"
    index: int
    kind: str
    headline: List[str]
    kicker: Optional[str]
    title: Optional[str]
    subtitle: Optional[str]
    dateline: Optional[str]
    bylines: List[Byline]
    editor_note: Optional[str]
    paragraphs: List[str]
    flags: List[str]
    byte_span: Tuple[int, int]
    span: Tuple[int, int]
    confidence: Optional[float]
    dateline_info: Optional[DatelineInfo]
    dates: List[DateRef]
    spans: Optional[FieldSpans]
    byte_spans: Optional[FieldSpans]
    #: Parsed from a PDF (parse_pdf) or positioned lines: the article's box on its
    #: page, (x0, y0, x1, y1) in points from the top left, y growing down; else None.
    bbox: Optional[Tuple[float, float, float, float]]
    #: The page of the PDF the box is on (0-based), with bbox; else None.
    page_index: Optional[int]
    #: The boxes of the headline parts and paragraphs ({"headline": [...],
    #: "paragraphs": [...]}, a box or None each), with bbox; else None.
    bboxes: Optional[Dict[str, List[Optional[Tuple[float, float, float, float]]]]]

    def __init__(self, page: "Page", index: int, d: Dict[str, Any], span: Tuple[int, int],
                 date_spans: Optional[List[Optional[Tuple[int, int]]]] = None,
                 field_spans: Optional[FieldSpans] = None) -> None:
        self.page = page
        self.index = index
        self._dict = d
        self.kind = d["kind"]
        self.headline = list(d.get("headline") or [])
        self.kicker = d.get("kicker")
        self.title = d.get("title")
        self.subtitle = d.get("subtitle")
        self.dateline = d.get("dateline")
        self.bylines = [Byline(b["role"], b["name"]) for b in d.get("bylines") or []]
        self.editor_note = d.get("editor_note")
        self.paragraphs = list(d.get("paragraphs") or [])
        self.flags = list(d.get("flags") or [])
        bs = d.get("span") or [0, 0]
        self.byte_span = (int(bs[0]), int(bs[1]))
        self.span = span
        # Optional in the JSON: absent when the parser did not compute it.
        c = d.get("confidence")
        self.confidence = float(c) if c is not None and c >= 0 else None
        # Optional (issue 14): absent in JSON of older versions.
        di = d.get("dateline_info")
        self.dateline_info = (DatelineInfo(di.get("source"), di.get("place"), di.get("month"), di.get("day"),
                                           _date(di.get("date"))) if isinstance(di, dict) else None)
        self.dates = []
        for k, x in enumerate(d.get("dates") or []):
            bspan = x.get("span")
            byte_span = (int(bspan[0]), int(bspan[1])) if bspan else None
            cspan = date_spans[k] if date_spans is not None and k < len(date_spans) else None
            self.dates.append(DateRef(x.get("text", ""), cspan, byte_span, _date(x.get("date"))))
        # Optional (issue 14): absent in JSON of older versions or past the size bound.
        self.byte_spans = _byte_field_spans(d.get("spans"))
        self.spans = field_spans if self.byte_spans is not None else None
        # Optional (issue 15): only for pages parsed from positioned lines.
        box = d.get("bbox")
        self.bbox = tuple(float(v) for v in box) if box else None
        self.page_index = int(d["page_index"]) if box and d.get("page_index") is not None else None
        bb = d.get("bboxes")
        self.bboxes = ({k: [tuple(float(v) for v in b) if b else None for b in bb.get(k) or []]
                        for k in ("headline", "paragraphs")} if isinstance(bb, dict) else None)

    @property
    def text(self) -> str:
        """The body: paragraphs joined by newlines."""
        return "\n".join(self.paragraphs)

    @property
    def source_text(self) -> str:
        """The piece of the decoded input the article spans (``page.text[slice(*span)]``)."""
        return self.page.text[self.span[0]:self.span[1]]

    def to_dict(self) -> Dict[str, Any]:
        """The article's object of the page JSON (byte spans, as the CLI writes them)."""
        return cast(Dict[str, Any], json.loads(json.dumps(self._dict, ensure_ascii=False)))

    def _label(self) -> str:
        if self.title:
            return self.title
        if self.headline:
            return " / ".join(self.headline)
        return ""

    def __repr__(self) -> str:
        parts = [self.kind]
        label = self._label()
        parts.append(repr(_shorten(label, 30)) if label else "(no headline)")
        if self.bylines:
            parts.append(", ".join(f"{b.role} {b.name}" for b in self.bylines))
        parts.append(f"{len(self.paragraphs)} paragraphs")
        if self.flags:
            parts.append("flags=" + ",".join(self.flags))
        return "Article(" + "; ".join(parts) + ")"


class Page:
    """A parsed page. ``articles`` in page order; ``to_dict()``/``to_json()`` give
    exactly the library's page JSON (what ``banmian parse`` prints)."""

    __slots__ = ("_native", "_dict", "_articles", "_text", "_pdf")

    def __init__(self, native: "_banmian.NativePage") -> None:
        self._native = native
        self._dict: Optional[Dict[str, Any]] = None
        self._articles: Optional[List[Article]] = None
        self._text: Optional[str] = None
        # Set by parse_pdf (a _pdf.PdfOrigin): the PDF and page the view renders.
        self._pdf: Optional["PdfOrigin"] = None

    # -- the JSON contract -------------------------------------------------
    def to_json(self, pretty: bool = False) -> str:
        """The page JSON: one line (the CLI's ``banmian parse`` output without the
        final newline), or indented with two spaces (``--pretty``)."""
        return self._native.json(pretty)

    def to_dict(self) -> Dict[str, Any]:
        """The page JSON as a new dict (``json.loads(page.to_json())``)."""
        return cast(Dict[str, Any], json.loads(self._native.json(False)))

    @property
    def _data(self) -> Dict[str, Any]:
        if self._dict is None:
            self._dict = json.loads(self._native.json(False))
        return self._dict

    # -- page fields ---------------------------------------------------------
    @property
    def schema(self) -> str:
        return cast(str, self._data["schema"])

    @property
    def source(self) -> Optional[str]:
        return self._data.get("source")

    @property
    def encoding(self) -> str:
        """The encoding the input was decoded from ("UTF-8", "GB18030", ...)."""
        return cast(str, self._data["encoding"])

    @property
    def replacements(self) -> int:
        """How many U+FFFD replacement characters decoding inserted."""
        return int(self._native.replacements())

    @property
    def edition(self) -> Optional[str]:
        return self._data.get("edition")

    @property
    def masthead(self) -> List[str]:
        return list(self._data.get("masthead") or [])

    # Optional page metadata (issue 14): None when the page prints none.
    @property
    def paper(self) -> Optional[str]:
        """The paper's name when the masthead names it (人民日报, 晶報)."""
        return self._data.get("paper")

    @property
    def issue_date(self) -> Optional[datetime.date]:
        """The issue's date: printed on the page, else the ``issue_date`` given to parse."""
        return _date(self._data.get("issue_date"))

    @property
    def page_number(self) -> Optional[str]:
        """The page as printed without 第/版 ("4", "A04")."""
        return self._data.get("page_number")

    @property
    def section(self) -> Optional[str]:
        """The section name printed at the top of the page (要闻, 评论)."""
        return self._data.get("section")

    @property
    def warnings(self) -> List[str]:
        """What the parser had to skip or could not read (a lexicon pattern that hit
        its match limit; a PDF page without a text layer). Usually empty."""
        return list(self._data.get("warnings") or [])

    @property
    def decode_flags(self) -> List[str]:
        """What decoding repaired: had_bom, invalid_replaced, controls_removed,
        nul_replaced, encoding_detected."""
        bits = self._native.flags()
        return [name for name, bit in _banmian.TEXT_FLAGS.items() if bits & bit]

    @property
    def text(self) -> str:
        """The decoded input text that ``Article.span`` points into."""
        if self._text is None:
            self._text = self._native.text()
        return self._text

    @property
    def articles(self) -> List[Article]:
        if self._articles is None:
            items = self._data.get("articles") or []
            offsets: List[int] = []
            for a in items:
                s = a.get("span") or [0, 0]
                offsets.extend((int(s[0]), int(s[1])))
            # Then the spans of the day expressions (those found in the source).
            for a in items:
                for x in a.get("dates") or []:
                    if x.get("span"):
                        offsets.extend((int(x["span"][0]), int(x["span"][1])))
            # Then the field spans, article by article.
            field_bytes = [_byte_field_spans(a.get("spans")) for a in items]
            for fs in field_bytes:
                if fs is not None:
                    offsets.extend(_flat(fs))
            chars = self._native.char_offsets(offsets)
            at = 2 * len(items)
            date_spans: List[List[Optional[Tuple[int, int]]]] = []
            for a in items:
                spans: List[Optional[Tuple[int, int]]] = []
                for x in a.get("dates") or []:
                    if x.get("span"):
                        spans.append((chars[at], chars[at + 1]))
                        at += 2
                    else:
                        spans.append(None)
                date_spans.append(spans)
            field_chars: List[Optional[FieldSpans]] = []
            for fs in field_bytes:
                if fs is None:
                    field_chars.append(None)
                    continue
                n = len(_flat(fs))
                field_chars.append(_unflat(fs, chars[at:at + n]))
                at += n
            self._articles = [Article(self, i, a, (chars[2 * i], chars[2 * i + 1]), date_spans[i], field_chars[i])
                              for i, a in enumerate(items)]
        return self._articles

    def __len__(self) -> int:
        return len(self.articles)

    def __iter__(self) -> Iterator[Article]:
        return iter(self.articles)

    def __getitem__(self, i: int) -> Article:
        return self.articles[i]

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Page):
            return NotImplemented
        return self.to_json() == other.to_json()

    __hash__ = None  # type: ignore[assignment]

    # -- display -------------------------------------------------------------
    def __repr__(self) -> str:
        head = f"<banmian.Page source={self.source!r} encoding={self.encoding}"
        if self.edition:
            head += f" edition={self.edition}"
        head += f", {len(self.articles)} articles>"
        lines = [head]
        for a in self.articles[:30]:
            label = a._label() or "(no headline)"
            line = f"  [{a.index}] {a.kind:<7} {_shorten(label, 30)}"
            if a.bylines:
                line += " — " + ", ".join(f"{b.role} {b.name}" for b in a.bylines)
            lines.append(line)
        if len(self.articles) > 30:
            lines.append(f"  ... {len(self.articles) - 30} more")
        return "\n".join(lines)

    def view(self, path: Optional[str] = None) -> "View":
        """The page view: the page's text with every article's span tinted by
        kind and its headline, byline, dateline and paragraphs marked, each
        article's fields, flags and confidence beside it, removed repeats struck
        through. A page of ``parse_pdf`` also shows the PDF page, rendered, with
        every article's box (and its headline and paragraph boxes) drawn over
        it: pointing at a box or an article highlights the other, clicking a box
        goes to its article. A ``str`` holding one self-contained HTML document
        (no script, no network; the page image is in it) that a notebook
        displays as the view; written to ``path`` (UTF-8) when given.
        ``python -m banmian view PAGE.txt -o page.html`` does the same from
        the shell (``--page N`` for a PDF)."""
        from ._view import View
        v = View(self)
        if path is not None:
            v.save(path)
        return v

    def _repr_html_(self) -> str:
        from ._view import render_fragment
        return render_fragment(self)


def _shorten(s: str, n: int) -> str:
    return s if len(s) <= n else s[: n - 1] + "…"
