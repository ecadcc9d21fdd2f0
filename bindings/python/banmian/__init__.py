"""banmian: the raw text of Chinese newspaper pages to structured articles.

>>> import banmian
>>> page = banmian.parse_file("page.txt")
>>> page.articles[0].title, page.articles[0].bylines
>>> pages = banmian.parse_many(texts, threads=4)   # C++ threads, GIL released
>>> banmian.to_arrow(pages)                         # one row per article, fixed schema (needs pyarrow)
>>> banmian.to_pandas(pages)                        # the same as a DataFrame (needs pandas, pyarrow)
>>> pages = banmian.parse_pdf("epaper.pdf")          # PDF pages from their geometry (pip install 'banmian[pdf]')
>>> page.view("page.html")                          # the page view: one self-contained HTML file

A thin layer over the banmian C library (private extension ``banmian._banmian``).
"""
from __future__ import annotations

from . import _banmian
from ._api import Item, Parser, TextOrBytes, default_parser, normalize, parse, parse_file, parse_many, parse_pdf
from ._errors import (EncodingError, Error, InternalError, InvalidArgumentError, LexiconError, OutOfMemoryError,
                      RangeError, ReadError, TooLargeError, UnknownEncodingError, VersionError)
from ._arrow import arrow_schema, to_arrow, to_pandas
from ._model import Article, Byline, DateRef, DatelineInfo, FieldSpans, Page
from ._view import View

__version__: str = _banmian.version()
#: The C library's version ("MAJOR.MINOR.PATCH").
library_version: str = _banmian.version()

__all__ = [
    "parse", "parse_file", "parse_pdf", "parse_many", "normalize", "to_arrow", "to_pandas", "arrow_schema", "default_parser",
    "Parser", "Page", "Article", "Byline", "DatelineInfo", "DateRef", "FieldSpans", "Item", "TextOrBytes", "View",
    "Error", "InvalidArgumentError", "OutOfMemoryError", "EncodingError", "UnknownEncodingError",
    "TooLargeError", "LexiconError", "ReadError", "VersionError", "RangeError", "InternalError",
    "__version__", "library_version",
]

