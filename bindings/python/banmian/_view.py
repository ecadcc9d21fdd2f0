"""The page view: one self-contained HTML file showing how a page was cut.

The page's own text (``page.text``), every article's span tinted by kind, with
the headline parts, bylines, dateline, editor's note and paragraphs marked
inside it, and beside it each article's fields, flags and confidence. Text
the parser dropped as repeated is struck through.

The page JSON gives each article's span but not where each field came from
(``spans`` is an optional key the parser does not write yet), so the fields
are located here by aligning their text with the span's source text (width,
quotes and spaces folded). A field that cannot be aligned is listed beside the
text but not marked in it. Struck through: source characters inside a
field's stretch that the field lacks (doubled characters, a doubled
headline), and, in an article flagged ``duplicate_text_removed`` or
``doubled_characters_fixed``, text outside every field that also occurs
elsewhere on the page (at least ``_MIN_REPEAT`` characters).

No script, no network: the document carries its own CSS and a
Content-Security-Policy that forbids scripts, and every piece of text is
escaped, so a page containing ``<script>`` shows it as text.

A page of ``parse_pdf`` (``Page._pdf`` says which PDF and page) also shows the
PDF page, rendered by PDFium and embedded as a PNG ``data:`` URI, beside the
articles, with every article's ``bbox`` drawn over it in its kind's colour
(its headline and paragraph boxes lighter inside it). Without a script the
boxes are links and CSS does the rest: a box links to its article (``:target``
outlines it), pointing at a box outlines its article and pointing at an
article outlines its box (``:has()``, one rule pair per article). A page that
cannot be rendered (the file moved, pypdfium2 missing) shows the boxes over a
blank page of the same size, and why. Other pages look exactly as before.
"""
from __future__ import annotations

import base64
import difflib
import html
import unicodedata
from typing import TYPE_CHECKING, Dict, List, Optional, Sequence, Tuple

if TYPE_CHECKING:  # pragma: no cover
    from ._model import Article, Page

__all__ = ["View", "render", "render_fragment"]

KINDS = ("news", "photo", "ad", "weather", "other")
_MIN_REPEAT = 6   # characters: a shorter unmatched run is a label (记者, ■), not a dropped repeat
_PROBE = 6        # characters of a field used to find where its text starts/ends in the source
_MIN_MATCHED = 0.5  # share of a field's characters that must align for it to be marked

# Field classes, in the order they win when two fields claim a character.
_REMOVED = "rm"
_REPEAT_FLAGS = {"duplicate_text_removed", "doubled_characters_fixed"}
_QUOTES = {"“": '"', "”": '"', "„": '"', "‟": '"', "「": '"', "」": '"', "‘": "'", "’": "'", "『": '"', "』": '"'}


def _fold(c: str) -> str:
    """One comparable character: full/half width and quote styles folded."""
    q = _QUOTES.get(c)
    if q is not None:
        return q
    n = unicodedata.normalize("NFKC", c)
    return n if len(n) == 1 else c


class _Source:
    """The article's source text without white space, folded, with positions."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.pos: List[int] = [i for i, c in enumerate(text) if not c.isspace()]
        self.folded = "".join(_fold(text[i]) for i in self.pos)


def _folded_field(s: str) -> str:
    return "".join(_fold(c) for c in s if not c.isspace())


def _window(src: str, g: str) -> Optional[Tuple[int, int]]:
    """Where in ``src`` the text ``g`` probably lies (folded indices), by its ends."""
    k = min(_PROBE, len(g))
    head, tail = g[:k], g[-k:]
    p = src.find(head)
    if p >= 0:
        q = src.find(tail, p)
        if q >= 0 and q - p <= 3 * len(g) + 20:
            return p, q + k
        return p, min(len(src), p + 2 * len(g) + 20)
    q = src.find(tail)
    if q >= 0:
        return max(0, q + k - 2 * len(g) - 20), q + k
    for probe in range(1, 5):  # a probe in the middle
        i = len(g) * probe // 5
        m = src.find(g[i:i + k]) if len(g) - i >= k else -1
        if m >= 0:
            return max(0, m - i - 20), min(len(src), m - i + 2 * len(g) + 20)
    return None


def _align(source: _Source, field: str, taken: List[bool]) -> Optional[Tuple[List[int], List[int]]]:
    """(matched, dropped) folded indices of ``field`` in the source, or None.

    ``dropped`` are source characters between the first and last matched one
    that the field does not have."""
    g = _folded_field(field)
    if not g:
        return None
    src = source.folded
    start = 0
    while True:  # exact: the first occurrence not claimed yet
        p = src.find(g, start)
        if p < 0:
            break
        if not any(taken[p:p + len(g)]):
            return list(range(p, p + len(g))), []
        start = p + 1
    w = _window(src, g)
    if w is None:
        return None
    lo, hi = w
    sm = difflib.SequenceMatcher(None, src[lo:hi], g, autojunk=False)
    matched: List[int] = []
    for a, _b, size in sm.get_matching_blocks():
        matched.extend(range(lo + a, lo + a + size))
    if len(matched) < _MIN_MATCHED * len(g):
        return None
    first, last = matched[0], matched[-1]
    dropped: List[int] = []
    for tag, i1, i2, _j1, _j2 in sm.get_opcodes():
        if tag == "delete":
            dropped.extend(i for i in range(lo + i1, lo + i2) if first < i < last)
    return matched, dropped


def _fields(a: "Article") -> List[Tuple[str, str, str]]:
    """(class, text, tooltip) of every field of ``a`` that has text in the source."""
    out: List[Tuple[str, str, str]] = []
    for part in a.headline:
        role = "title" if part == a.title else "kicker" if part == a.kicker else \
            "subtitle" if part == a.subtitle else "headline"
        out.append(("hl", part, f"headline ({role})"))
    if a.dateline:
        out.append(("dl", a.dateline, "dateline"))
    for b in a.bylines:
        out.append(("by", b.name, f"byline: {b.role}"))
    if a.editor_note:
        out.append(("en", a.editor_note, "editor's note"))
    for i, p in enumerate(a.paragraphs):
        out.append((f"p{i % 2}", p, f"paragraph {i + 1}"))
    return out


def _recurring_prefix(run: str, page: str) -> int:
    """Length of the longest prefix of ``run`` that occurs at least twice in ``page``."""
    lo, hi = 0, len(run)
    while lo < hi:  # occurring twice is monotone in the prefix length
        mid = (lo + hi + 1) // 2
        first = page.find(run[:mid])
        if first >= 0 and page.find(run[:mid], first + 1) >= 0:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _marks(a: "Article", text: str, page_folded: str) -> Tuple[List[Optional[Tuple[str, str]]], int]:
    """Per character of ``text``: (class, tooltip) or None; and how many fields were marked."""
    source = _Source(text)
    n = len(source.folded)
    taken = [False] * n
    label: List[Optional[Tuple[str, str]]] = [None] * len(text)
    fields = _fields(a)
    marked = 0
    # Long fields first, so a short one (本报讯, a name) cannot take a piece of a paragraph.
    for cls, value, tip in sorted(fields, key=lambda f: -len(f[1])):
        r = _align(source, value, taken)
        if r is None:
            continue
        matched, dropped = r
        marked += 1
        for i in matched:
            taken[i] = True
        lo, hi = matched[0], matched[-1]
        # The stretch between two matched characters is the field's too (its
        # white space and the characters normalization changed), except what it dropped.
        for i in range(lo, hi + 1):
            taken[i] = True
        dset = set(dropped)
        for k in range(source.pos[lo], source.pos[hi] + 1):
            label[k] = (cls, tip)
        for i in dset:
            label[source.pos[i]] = (_REMOVED, "repeated text removed by the parser")
    if _REPEAT_FLAGS & set(a.flags):
        i = 0
        while i < n:  # runs outside every field: the parts that recur elsewhere on the page
            if taken[i]:
                i += 1
                continue
            j = i
            while j < n and not taken[j]:
                j += 1
            k = i
            while k < j:
                m = _recurring_prefix(source.folded[k:j], page_folded)
                if m >= _MIN_REPEAT:
                    for c in range(source.pos[k], source.pos[k + m - 1] + 1):
                        label[c] = (_REMOVED, "repeated text removed by the parser")
                    k += m
                else:
                    k += 1
            i = j
    return label, marked


def _esc(s: str) -> str:
    return html.escape(s, quote=True)


def _marked_text(text: str, label: Sequence[Optional[Tuple[str, str]]]) -> str:
    out: List[str] = []
    i = 0
    while i < len(text):
        j = i
        while j < len(text) and label[j] == label[i]:
            j += 1
        piece = _esc(text[i:j])
        lab = label[i]
        if lab is None:
            out.append(piece)
        elif lab[0] == _REMOVED:
            out.append(f'<del class="bm-rm" title="{_esc(lab[1])}">{piece}</del>')
        else:
            out.append(f'<mark class="bm-f bm-{lab[0]}" title="{_esc(lab[1])}">{piece}</mark>')
        i = j
    return "".join(out)


def _dd(name: str, value: Optional[str], key: str = "") -> str:
    if value is None or value == "":
        return ""
    return f'<dt>{_esc(name)}</dt><dd data-field="{key or name}">{_esc(value)}</dd>'


def _panel(a: "Article", marked: int, total: int) -> str:
    parts = ['<aside class="bm-fields">']
    conf = a.confidence
    conf_html = ""
    if conf is not None:
        conf_html = (f'<span class="bm-conf" title="confidence">'
                     f'<span class="bm-bar"><span style="width:{conf * 100:.1f}%"></span></span>'
                     f'{conf:.3f}</span>')
    parts.append(f'<header><span class="bm-kind">{_esc(a.kind)}</span>'
                 f'<span class="bm-idx">#{a.index}</span>{conf_html}</header>')
    parts.append("<dl>")
    if a.kicker:
        parts.append(_dd("kicker", a.kicker))
    parts.append(_dd("title", a.title))
    if a.subtitle:
        parts.append(_dd("subtitle", a.subtitle))
    extra = [h for h in a.headline if h not in (a.kicker, a.title, a.subtitle)]
    for h in extra:
        parts.append(_dd("headline", h))
    parts.append(_dd("dateline", a.dateline))
    if a.bylines:
        parts.append('<dt>bylines</dt><dd data-field="bylines"><ul class="bm-bylines">' + "".join(
            f'<li><span class="bm-role">{_esc(b.role)}</span> <span class="bm-name">{_esc(b.name)}</span></li>'
            for b in a.bylines) + "</ul></dd>")
    parts.append(_dd("editor's note", a.editor_note, "editor_note"))
    if a.flags:
        parts.append('<dt>flags</dt><dd data-field="flags">' + " ".join(
            f'<span class="bm-flag">{_esc(f)}</span>' for f in a.flags) + "</dd>")
    parts.append(f"<dt>span</dt><dd>{a.span[0]}–{a.span[1]} "
                 f'<span class="bm-dim">(bytes {a.byte_span[0]}–{a.byte_span[1]})</span></dd>')
    if marked < total:
        parts.append(f'<dt>marked</dt><dd class="bm-dim">{marked} of {total} fields found in the text</dd>')
    parts.append("</dl>")
    n = len(a.paragraphs)
    parts.append(f'<details class="bm-text"><summary>text: {n} paragraph{"" if n == 1 else "s"}</summary>'
                 + "".join(f"<p>{_esc(p)}</p>" for p in a.paragraphs) + "</details>")
    parts.append("</aside>")
    return "".join(parts)


_CSS = """
.banmian-view{--bm-news:#dbeafe;--bm-photo:#dcfce7;--bm-ad:#ffedd5;--bm-weather:#cffafe;--bm-other:#e5e7eb;
 --bm-ink:#111827;--bm-dim:#6b7280;font-family:system-ui,-apple-system,"Segoe UI","Noto Sans CJK SC",
 "Source Han Sans SC","PingFang SC","Microsoft YaHei","WenQuanYi Micro Hei",sans-serif;color:var(--bm-ink);line-height:1.6;
 max-width:1400px;margin:0 auto;padding:0 .5rem;box-sizing:border-box}
.banmian-view *{box-sizing:border-box}
.banmian-view .bm-head h1{font-size:1.2rem;margin:.6rem 0 .2rem;overflow-wrap:anywhere}
.banmian-view .bm-meta{color:var(--bm-dim);font-size:.85rem;margin:0 0 .4rem}
.banmian-view .bm-legend{display:flex;flex-wrap:wrap;gap:.3rem .6rem;font-size:.8rem;margin:.3rem 0 .8rem;padding:0}
.banmian-view .bm-legend li{list-style:none}
.banmian-view .bm-sw{display:inline-block;padding:0 .35rem;border-radius:.2rem}
.banmian-view .bm-article{display:grid;grid-template-columns:minmax(0,3fr) minmax(15rem,2fr);gap:.8rem;
 margin:0 0 .8rem;padding:.6rem;border-radius:.4rem;border-left:.35rem solid var(--bm-k);background:var(--bm-t)}
.banmian-view .k-news{--bm-t:var(--bm-news);--bm-k:#2563eb}
.banmian-view .k-photo{--bm-t:var(--bm-photo);--bm-k:#16a34a}
.banmian-view .k-ad{--bm-t:var(--bm-ad);--bm-k:#ea580c}
.banmian-view .k-weather{--bm-t:var(--bm-weather);--bm-k:#0891b2}
.banmian-view .k-other{--bm-t:var(--bm-other);--bm-k:#6b7280}
.banmian-view .bm-src{white-space:pre-wrap;overflow-wrap:anywhere;font-size:1rem;margin:0;min-width:0}
.banmian-view .bm-gap{white-space:pre-wrap;overflow-wrap:anywhere;color:var(--bm-dim);font-size:.9rem;
 margin:0 0 .8rem;padding:.3rem .6rem;border:1px dashed #d1d5db;border-radius:.4rem}
.banmian-view .bm-gap::before{content:"outside every article";display:block;font-size:.7rem;
 text-transform:uppercase;letter-spacing:.05em}
.banmian-view mark.bm-f{color:inherit;background:transparent;border-radius:.15rem}
.banmian-view mark.bm-hl{font-weight:700;background:rgba(255,255,255,.75);box-shadow:inset 0 -.15em 0 var(--bm-k)}
.banmian-view mark.bm-dl{background:#fde68a;font-style:italic}
.banmian-view mark.bm-by{background:#e9d5ff;outline:1px dotted #7c3aed}
.banmian-view mark.bm-en{background:#fce7f3}
.banmian-view mark.bm-p0{background:rgba(255,255,255,.7)}
.banmian-view mark.bm-p1{background:transparent}
.banmian-view del.bm-rm{color:#b91c1c;text-decoration:line-through 2px;background:#fee2e2}
.banmian-view .bm-fields{font-size:.85rem;background:rgba(255,255,255,.7);border-radius:.3rem;padding:.4rem .6rem;
 align-self:start;min-width:0;overflow-wrap:anywhere}
.banmian-view .bm-fields header{display:flex;gap:.5rem;align-items:center;flex-wrap:wrap;margin-bottom:.3rem}
.banmian-view .bm-kind{font-weight:700;text-transform:uppercase;color:var(--bm-k);letter-spacing:.05em}
.banmian-view .bm-idx{color:var(--bm-dim)}
.banmian-view .bm-conf{margin-left:auto;display:inline-flex;align-items:center;gap:.3rem;font-variant-numeric:tabular-nums}
.banmian-view .bm-bar{display:inline-block;width:4rem;height:.45rem;background:#e5e7eb;border-radius:.2rem;overflow:hidden}
.banmian-view .bm-bar span{display:block;height:100%;background:var(--bm-k)}
.banmian-view dl{display:grid;grid-template-columns:max-content minmax(0,1fr);gap:.1rem .6rem;margin:0}
.banmian-view dt{color:var(--bm-dim)}
.banmian-view dd{margin:0}
.banmian-view .bm-bylines{margin:0;padding:0;list-style:none}
.banmian-view .bm-role{color:var(--bm-dim)}
.banmian-view .bm-flag{display:inline-block;background:#fef3c7;border:1px solid #f59e0b;border-radius:.6rem;
 padding:0 .4rem;font-size:.75rem;margin:0 .2rem .1rem 0}
.banmian-view .bm-dim{color:var(--bm-dim)}
.banmian-view .bm-text summary{cursor:pointer;color:var(--bm-dim);margin-top:.3rem}
.banmian-view .bm-text p{margin:.3rem 0}
@media (max-width:760px){
 .banmian-view .bm-article{grid-template-columns:minmax(0,1fr);padding:.4rem}
 .banmian-view .bm-src{font-size:.95rem}
}
"""

# Only in the view of a PDF page (other views stay as they were).
_PDF_CSS = """
.banmian-view .bm-withpdf{display:grid;grid-template-columns:minmax(0,2fr) minmax(0,3fr);gap:.8rem;align-items:start}
.banmian-view .bm-pdf{margin:0 0 .8rem;position:sticky;top:0;max-height:100vh;overflow:auto}
.banmian-view .bm-sheet{position:relative;border:1px solid #d1d5db;background:#fff}
.banmian-view .bm-sheet img{display:block;width:100%;height:auto}
.banmian-view .bm-blank{width:100%;background:repeating-linear-gradient(45deg,#f9fafb 0 .5rem,#f3f4f6 .5rem 1rem)}
.banmian-view .bm-pdf figcaption{font-size:.8rem;color:var(--bm-dim);overflow-wrap:anywhere}
.banmian-view .bm-box{position:absolute;display:block;border:2px solid var(--bm-k);border-radius:2px;
 background:color-mix(in srgb,var(--bm-k) 10%,transparent);text-decoration:none}
.banmian-view .bm-box:hover,.banmian-view .bm-box:focus-visible{border-width:3px;z-index:2;
 background:color-mix(in srgb,var(--bm-k) 28%,transparent)}
.banmian-view .bm-sub{position:absolute;display:block;pointer-events:none;
 border:1px dashed color-mix(in srgb,var(--bm-k) 45%,transparent)}
.banmian-view .bm-sub-hl{border-style:solid;background:color-mix(in srgb,var(--bm-k) 16%,transparent)}
.banmian-view .bm-article{scroll-margin-top:.5rem}
.banmian-view .bm-article:target{outline:3px solid var(--bm-k);outline-offset:2px}
@media (max-width:1000px){
 .banmian-view .bm-withpdf{grid-template-columns:minmax(0,1fr)}
 .banmian-view .bm-pdf{position:static;max-height:none}
}
"""
# Per article: a box pointed at outlines its article; an article pointed at
# (or gone to) lights its box.
_PDF_PAIR_CSS = (".banmian-view:has(.bm-box[data-index=\"{i}\"]:hover) #bm-a{i}"
                 "{{outline:3px solid var(--bm-k);outline-offset:2px}}"
                 ".banmian-view:has(#bm-a{i}:hover) .bm-box[data-index=\"{i}\"],"
                 ".banmian-view:has(#bm-a{i}:target) .bm-box[data-index=\"{i}\"]"
                 "{{border-width:3px;z-index:2;background:color-mix(in srgb,var(--bm-k) 28%,transparent)}}\n")

_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"


def _pct(v: float, whole: float) -> str:
    return f"{v / whole * 100 if whole > 0 else 0.0:.3f}%"


def _place(box: Sequence[float], x: float, y: float, w: float, h: float) -> str:
    """The style placing ``box`` (x0, y0, x1, y1) in the frame at (x, y) of size w x h."""
    x0, y0, x1, y1 = box
    return (f"left:{_pct(x0 - x, w)};top:{_pct(y0 - y, h)};"
            f"width:{_pct(max(0.0, x1 - x0), w)};height:{_pct(max(0.0, y1 - y0), h)}")


def _pdf_figure(page: "Page") -> Tuple[str, str]:
    """(extra CSS, the figure) of a page of parse_pdf: the rendered page and the boxes."""
    origin = page._pdf
    assert origin is not None
    pw, ph = origin.size
    try:
        from ._pdf import render_page_png
        png, wpx, hpx = render_page_png(origin)
        sheet = (f'<img class="bm-page" src="data:image/png;base64,{base64.b64encode(png).decode("ascii")}" '
                 f'width="{wpx}" height="{hpx}" alt="page {origin.index + 1} of the PDF">')
        note = f"{wpx}×{hpx} px"
    except Exception as e:  # the file moved or changed, pypdfium2 missing: the boxes over a blank page
        sheet = f'<div class="bm-blank" style="aspect-ratio:{pw:.2f}/{ph:.2f}"></div>'
        note = f"not rendered: {type(e).__name__}: {e}"
    css: List[str] = [_PDF_CSS]
    boxes: List[Tuple[float, str]] = []
    for a in page.articles:
        if a.bbox is None or (a.page_index is not None and a.page_index != origin.index):
            continue
        x0, y0, x1, y1 = a.bbox
        w, h = x1 - x0, y1 - y0
        kind = a.kind if a.kind in KINDS else "other"
        label = a._label()
        subs: List[str] = []
        bb = a.bboxes or {}
        for cls, key in (("hl", "headline"), ("p", "paragraphs")):
            for b in bb.get(key) or []:
                if b is not None and w > 0 and h > 0:
                    subs.append(f'<span class="bm-sub bm-sub-{cls}" style="{_place(b, x0, y0, w, h)}"></span>')
        tip = f"#{a.index} {a.kind}" + (f": {label}" if label else "")
        boxes.append((w * h, f'<a class="bm-box k-{kind}" href="#bm-a{a.index}" data-index="{a.index}" '
                             f'title="{_esc(tip)}" style="{_place(a.bbox, 0.0, 0.0, pw, ph)}">{"".join(subs)}</a>'))
        css.append(_PDF_PAIR_CSS.format(i=a.index))
    boxes.sort(key=lambda b: -b[0])  # the large first: a small box over a large one stays reachable
    figure = (f'<figure class="bm-pdf"><div class="bm-sheet">{sheet}{"".join(b for _, b in boxes)}</div>'
              f'<figcaption>PDF page {origin.index + 1} · {pw:.0f}×{ph:.0f} pt · {_esc(note)} · '
              f'{len(boxes)} box{"" if len(boxes) == 1 else "es"}</figcaption></figure>')
    return "".join(css), figure


def render_fragment(page: "Page") -> str:
    """The view as one ``<div class="banmian-view">`` with its own scoped ``<style>``
    (what a notebook shows for a Page)."""
    text = page.text
    page_folded = _folded_field(text)
    articles = page.articles
    pdf_css, figure = _pdf_figure(page) if getattr(page, "_pdf", None) is not None else ("", "")
    parts = [f'<div class="banmian-view"><style>{_CSS}{pdf_css}</style>']
    title = page.source or "page"
    meta = [f"{len(articles)} article{'' if len(articles) == 1 else 's'}", f"encoding {page.encoding}"]
    if page.edition:
        meta.append(f"edition {page.edition}")
    if page.masthead:
        meta.append("masthead: " + " · ".join(page.masthead))
    d = page._data
    for key in ("paper", "issue_date", "page_number", "section"):
        if d.get(key):
            meta.append(f"{key.replace('_', ' ')} {d[key]}")
    parts.append(f'<header class="bm-head"><h1>{_esc(title)}</h1><p class="bm-meta">{_esc(" · ".join(meta))}</p>')
    parts.append('<ul class="bm-legend">'
                 + "".join(f'<li><span class="bm-sw k-{k}" style="background:var(--bm-t)">{k}</span></li>' for k in KINDS)
                 + '<li><mark class="bm-f bm-hl">headline</mark></li><li><mark class="bm-f bm-by">byline</mark></li>'
                 '<li><mark class="bm-f bm-dl">dateline</mark></li><li><mark class="bm-f bm-p0">paragraph</mark> '
                 '<mark class="bm-f bm-p1">next paragraph</mark></li><li><del class="bm-rm">removed repeat</del></li></ul></header>')
    # Text outside every span (masthead, page furniture) is shown dimmed between the articles.
    if figure:
        parts.append(f'<div class="bm-withpdf">{figure}<div class="bm-list">')
    covered = sorted(a.span for a in articles)
    gaps: Dict[int, Tuple[int, int]] = {}  # before article at this start -> gap
    pos = 0
    for s, e in covered:
        if s > pos and text[pos:s].strip():
            gaps.setdefault(s, (pos, s))
        pos = max(pos, e)
    for a in articles:
        s, e = a.span
        g = gaps.pop(s, None)
        if g is not None:
            parts.append(f'<div class="bm-gap" data-start="{g[0]}" data-end="{g[1]}">{_esc(text[g[0]:g[1]].strip(chr(10)))}</div>')
        kind = a.kind if a.kind in KINDS else "other"
        src = text[s:e]
        label, marked = _marks(a, src, page_folded)
        parts.append(f'<section class="bm-article k-{kind}" id="bm-a{a.index}" data-index="{a.index}" '
                     f'data-kind="{_esc(a.kind)}" data-start="{s}" data-end="{e}">'
                     f'<div class="bm-src" lang="zh">{_marked_text(src, label)}</div>'
                     f'{_panel(a, marked, len(_fields(a)))}</section>')
    if pos < len(text) and text[pos:].strip():
        parts.append(f'<div class="bm-gap" data-start="{pos}" data-end="{len(text)}">{_esc(text[pos:].strip(chr(10)))}</div>')
    if figure:
        parts.append("</div></div>")
    parts.append("</div>")
    return "".join(parts)


def render(page: "Page") -> str:
    """The view as a complete, self-contained HTML document (no script, no network)."""
    return _document(page, render_fragment(page))


def _document(page: "Page", fragment: str) -> str:
    title = f"banmian view: {page.source or 'page'}"
    return ("<!DOCTYPE html>\n<html lang=\"zh\"><head><meta charset=\"utf-8\">"
            f"<meta http-equiv=\"Content-Security-Policy\" content=\"{_CSP}\">"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            f"<title>{_esc(title)}</title>"
            "<style>body{margin:0;background:#fff}</style></head><body>"
            + fragment + "</body></html>\n")


class View(str):
    """The page view: a ``str`` holding the complete HTML document, which a
    notebook displays as the view itself (``_repr_html_``); ``save(path)``
    writes it (UTF-8)."""

    _fragment: str

    def __new__(cls, page: "Page") -> "View":
        fragment = render_fragment(page)
        self = super().__new__(cls, _document(page, fragment))
        self._fragment = fragment
        return self

    def _repr_html_(self) -> str:
        return self._fragment

    def save(self, path: str) -> None:
        with open(path, "w", encoding="utf-8") as f:
            f.write(str(self))
