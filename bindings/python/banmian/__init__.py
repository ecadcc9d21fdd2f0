"""banmian: the raw text of Chinese newspaper pages to structured articles.

>>> import banmian
>>> page = banmian.parse_file("page.txt")
>>> page.articles[0].title, page.articles[0].bylines
>>> pages = banmian.parse_many(texts, threads=4)   # C++ threads, GIL released
>>> banmian.to_pandas(pages)                        # one row per article (needs pandas)

A thin layer over the banmian C library (private extension ``banmian._banmian``).
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any, Dict, Iterable, List, Union

from . import _banmian
from ._api import Item, Parser, TextOrBytes, default_parser, normalize, parse, parse_file, parse_many
from ._errors import (EncodingError, Error, InternalError, InvalidArgumentError, LexiconError, OutOfMemoryError,
                      RangeError, ReadError, TooLargeError, UnknownEncodingError, VersionError)
from ._model import Article, Byline, Page

if TYPE_CHECKING:  # pragma: no cover
    import pandas  # type: ignore[import-untyped, unused-ignore]

__version__: str = _banmian.version()
#: The C library's version ("MAJOR.MINOR.PATCH").
library_version: str = _banmian.version()

__all__ = [
    "parse", "parse_file", "parse_many", "normalize", "to_pandas", "default_parser",
    "Parser", "Page", "Article", "Byline", "Item", "TextOrBytes",
    "Error", "InvalidArgumentError", "OutOfMemoryError", "EncodingError", "UnknownEncodingError",
    "TooLargeError", "LexiconError", "ReadError", "VersionError", "RangeError", "InternalError",
    "__version__", "library_version",
]


def _article_rows(pages: Union[Page, Iterable[Page]]) -> List[Dict[str, Any]]:
    if isinstance(pages, Page):
        pages = [pages]
    rows: List[Dict[str, Any]] = []
    for p_index, page in enumerate(pages):
        for a in page.articles:
            rows.append({
                "source": page.source,
                "page": p_index,
                "article": a.index,
                "kind": a.kind,
                "kicker": a.kicker,
                "title": a.title,
                "subtitle": a.subtitle,
                "headline": " / ".join(a.headline),
                "dateline": a.dateline,
                "bylines": "; ".join(f"{b.role} {b.name}" for b in a.bylines),
                "editor_note": a.editor_note,
                "paragraphs": len(a.paragraphs),
                "text": a.text,
                "flags": ",".join(a.flags),
                "span_start": a.span[0],
                "span_end": a.span[1],
                "confidence": a.confidence,
            })
    return rows


def to_pandas(pages: Union[Page, Iterable[Page]]) -> "pandas.DataFrame":
    """One row per article of ``pages`` (a Page or an iterable of Pages):
    source, page (position in ``pages``), article (index in its page), kind,
    kicker, title, subtitle, headline (parts joined by " / "), dateline,
    bylines ("role name; ..."), editor_note, paragraphs (count), text, flags
    (comma-joined), span_start, span_end (code points into ``page.text``),
    confidence (None/NaN when the parser did not compute one).
    Needs pandas (``pip install pandas``); raises ImportError without it."""
    try:
        import pandas as pd
    except ImportError as e:  # pandas stays optional
        raise ImportError("banmian.to_pandas needs pandas: pip install pandas") from e
    columns = ["source", "page", "article", "kind", "kicker", "title", "subtitle", "headline", "dateline",
               "bylines", "editor_note", "paragraphs", "text", "flags", "span_start", "span_end",
               "confidence"]
    return pd.DataFrame(_article_rows(pages), columns=columns)
