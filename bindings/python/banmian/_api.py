"""Parser objects and the module-level functions (parse, parse_file, normalize, parse_many)."""
from __future__ import annotations

import datetime
import os
import re
import threading
from typing import Iterable, List, Optional, Tuple, Union

from . import _banmian
from ._errors import TooLargeError
from ._model import Page

__all__ = ["Parser", "parse", "parse_file", "parse_pdf", "parse_many", "normalize", "default_parser", "TextOrBytes", "Item"]

TextOrBytes = Union[str, bytes, bytearray, memoryview]
#: The issue_date argument: a datetime.date or a 'YYYY-MM-DD' string.
DateLike = Union[datetime.date, str]
#: The script argument: "keep" (the input's characters), "simplified" or "traditional".
Script = str
PathLike = Union[str, "os.PathLike[str]"]
#: An item of parse_many: text or bytes, a path object (read as a file), or (source, text_or_bytes).
Item = Union[TextOrBytes, "os.PathLike[str]", Tuple[Optional[str], TextOrBytes]]

_UTF8_NAMES = {"auto", "utf-8", "utf8"}
_DEFAULT_MAX_INPUT_BYTES = 64 * 1024 * 1024   # BM_DEFAULT_MAX_INPUT_BYTES
_LIMIT_MAX_INPUT_BYTES = 1024 * 1024 * 1024   # BM_LIMIT_MAX_INPUT_BYTES
_MAX_THREADS = 1024


def _check_text(name: str, value: object, *, optional: bool = True) -> Optional[str]:
    """A str argument that goes to the C API as UTF-8: None (when optional) or a
    str without NUL (C would cut it there) and without lone surrogates."""
    if value is None and optional:
        return None
    if not isinstance(value, str):
        want = "a str or None" if optional else "a str"
        raise TypeError(f"{name} must be {want}, not {type(value).__name__}")
    if "\0" in value:
        raise ValueError(f"{name} must not contain a NUL character")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as e:
        raise ValueError(f"{name} is not valid text: lone surrogate at index {e.start}") from None
    return value


def _check_encoding(encoding: object) -> str:
    enc = _check_text("encoding", encoding, optional=False)
    assert enc is not None
    if not enc.strip():
        raise ValueError("encoding must not be empty (use 'auto' to detect it)")
    return enc


def _check_int(name: str, value: object, lo: int, hi: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name} must be an int, not {type(value).__name__}")
    if not lo <= value <= hi:
        raise ValueError(f"{name} must be between {lo} and {hi}, not {value}")
    return value


_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _check_issue_date(value: object) -> str:
    """The issue_date argument as 'YYYY-MM-DD' ("" for None): a datetime.date
    (a datetime gives its date) or a string of a real day in that form."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, datetime.date):
        if value.year < 1:
            raise ValueError(f"issue_date must be a day of years 1 to 9999, not {value!r}")
        return value.isoformat()
    if not isinstance(value, str):
        raise TypeError(f"issue_date must be a datetime.date, a 'YYYY-MM-DD' str or None, not {type(value).__name__}")
    try:
        if not _ISO_DATE.fullmatch(value):
            raise ValueError
        datetime.date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"issue_date must be a date as 'YYYY-MM-DD' (a real day, e.g. '2025-01-08'), "
                         f"not {value!r}") from None
    return value


def _check_script(value: object) -> int:
    """The script argument ("keep", "simplified", "traditional") as its BM_SCRIPT_* value."""
    if not isinstance(value, str):
        raise TypeError(f"script must be 'keep', 'simplified' or 'traditional', not {type(value).__name__}")
    try:
        return _banmian.SCRIPTS[value]
    except KeyError:
        raise ValueError(f"script must be 'keep', 'simplified' or 'traditional', not {value!r}") from None


def _source_of(path: PathLike) -> str:
    """The path as a source name; undecodable bytes of the file name become U+FFFD."""
    return os.fsdecode(path).encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _as_bytes(data: TextOrBytes, encoding: str) -> Tuple[bytes, str]:
    """Input for the C API. A str is UTF-8 by construction: it goes in as UTF-8
    (lone surrogates become U+FFFD in the library), and naming another encoding
    for it is an error."""
    encoding = _check_encoding(encoding)
    if isinstance(data, str):
        if encoding.lower() not in _UTF8_NAMES:
            raise ValueError(f"encoding={encoding!r} applies to bytes input only; a str is already text")
        return data.encode("utf-8", "surrogatepass"), "UTF-8"
    if isinstance(data, bytes):
        return data, encoding
    if isinstance(data, (bytearray, memoryview)):
        return bytes(data), encoding
    raise TypeError(f"expected str or bytes, not {type(data).__name__}")


def _read(path: PathLike, limit: int) -> bytes:
    """The file's bytes, read up to one byte past ``limit`` (so /dev/zero or a
    huge file costs at most limit + 1 bytes); TooLargeError above it."""
    with open(path, "rb") as f:
        data = f.read(limit + 1)
    if len(data) > limit:
        raise TooLargeError(f"{_source_of(path)}: input too large (more than {limit} bytes)", code=-5)
    return data


class Parser:
    """Loaded lexicons and settings (a bm_parser). Immutable: one Parser may be
    used from any number of threads at once. Creating one compiles the lexicons,
    so create it once and reuse it.

    ``lexicon``: a lexicon file added to the built-in one (``replace_lexicon=True``
    replaces it); ``lexicon_text``: lexicon text added after it;
    ``max_input_bytes``: larger inputs raise TooLargeError (default 64 MiB).
    """

    def __init__(self, lexicon: Optional[PathLike] = None, *, lexicon_text: Optional[str] = None,
                 replace_lexicon: bool = False, max_input_bytes: Optional[int] = None) -> None:
        _check_text("lexicon_text", lexicon_text)
        if max_input_bytes is not None:
            _check_int("max_input_bytes", max_input_bytes, 0, _LIMIT_MAX_INPUT_BYTES)
        #: Inputs larger than this raise TooLargeError (0 in the call = the default).
        self.max_input_bytes: int = max_input_bytes or _DEFAULT_MAX_INPUT_BYTES
        self._native = _banmian.NativeParser(
            None if lexicon is None else os.fsdecode(lexicon),
            lexicon_text,
            bool(replace_lexicon),
            0 if max_input_bytes is None else max_input_bytes,
        )

    def parse(self, data: TextOrBytes, *, encoding: str = "auto", source: Optional[str] = None,
              strict: bool = False, issue_date: Optional[DateLike] = None, script: Script = "keep") -> Page:
        """Parses one page (str, or bytes in ``encoding``; "auto" = BOM, UTF-8, then
        detection among GB18030/Big5/UTF-16). The GIL is released while parsing.
        ``strict=True`` raises EncodingError on invalid bytes instead of U+FFFD.
        ``issue_date`` (a ``datetime.date`` or 'YYYY-MM-DD') is the issue's date when
        the page prints none; dates and datelines resolve against it. ``script``
        ("keep", "simplified" or "traditional") is the script of the articles'
        text (headlines, datelines, bylines, paragraphs, ...); ``Page.text`` and the
        spans stay the input, and the articles are the same whatever the script."""
        day = _check_issue_date(issue_date)
        code = _check_script(script)
        raw, enc = _as_bytes(data, encoding)
        return Page(self._native.parse(raw, enc, _check_text("source", source), bool(strict), day, code))

    def parse_file(self, path: PathLike, *, encoding: str = "auto", source: Optional[str] = None,
                   strict: bool = False, issue_date: Optional[DateLike] = None, script: Script = "keep") -> Page:
        """Reads and parses a file; ``source`` defaults to the path as given (as the CLI does)."""
        _check_issue_date(issue_date)
        _check_script(script)
        return self.parse(_read(path, self.max_input_bytes), encoding=encoding,
                          source=_source_of(path) if source is None else source, strict=strict,
                          issue_date=issue_date, script=script)

    def parse_pdf(self, pdf: Union[PathLike, bytes, bytearray, memoryview], pages: Optional[Iterable[int]] = None,
                  *, password: Optional[str] = None, source: Optional[str] = None,
                  issue_date: Optional[DateLike] = None, script: Script = "keep") -> List[Page]:
        """Parses the pages of a PDF (a path, or its bytes) from their positioned
        text, read with pypdfium2 (``pip install 'banmian[pdf]'``): one Page per
        page asked for (``pages``: 0-based indices, default all), in order. Reading
        order comes from the line boxes, headlines from font sizes; each article
        has ``bbox`` and ``page_index``. ``Page.text`` is the text read in that
        order (spans point into it). A page without a text layer (a scan) gives
        a Page with no articles and a warning in ``Page.warnings``.
        Raises ReadError for a file that is not a readable PDF or is encrypted
        (without the right ``password``).

        Each Page remembers the PDF it came from (the absolute path, or the
        bytes: one object shared by all the pages, not a copy each) and its
        page, so that ``Page.view()`` draws the articles' boxes over the
        rendered page; a file moved or changed after parsing shows the boxes
        over the page as it is then, or over a blank page."""
        from ._pdf import PdfOrigin, read_pdf_pages
        day = _check_issue_date(issue_date)
        code = _check_script(script)
        _check_text("password", password)
        name = _check_text("source", source)
        if isinstance(pdf, (bytes, bytearray, memoryview)):
            pdf = bytes(pdf)  # a bytes object is itself: no copy
            kept: Union[str, bytes] = pdf
        else:
            if name is None:
                name = _source_of(pdf)
            kept = os.path.abspath(os.fsdecode(pdf))
        out = []
        for index, lines, size in read_pdf_pages(pdf, pages, password):
            page = Page(self._native.parse_lines(lines, name, False, day, code))
            page._pdf = PdfOrigin(kept, index, password, size)
            out.append(page)
        return out

    def normalize(self, data: TextOrBytes, *, encoding: str = "auto", strict: bool = False,
                  script: Script = "keep") -> str:
        """The normalized text: one paragraph per line, each ending with a newline,
        in the given ``script`` ("keep", "simplified" or "traditional")."""
        code = _check_script(script)
        raw, enc = _as_bytes(data, encoding)
        return self._native.normalize(raw, enc, bool(strict), code)

    def parse_many(self, items: Iterable[Item], threads: Optional[int] = None, *, encoding: str = "auto",
                   strict: bool = False, issue_date: Optional[DateLike] = None,
                   script: Script = "keep") -> List[Page]:
        """Parses many pages on ``threads`` C++ threads (default: os.cpu_count())
        sharing this parser, with the GIL released; returns the pages in input
        order. Items: str, bytes, a path object (read as a file, source = its
        path) or a (source, str_or_bytes) pair. A plain str is text, never a path.
        The first failing item's error is raised with ``.index`` set."""
        day = _check_issue_date(issue_date)
        code = _check_script(script)
        raws: List[bytes] = []
        sources: List[Optional[str]] = []
        encodings: List[str] = []
        any_source = False
        for item in items:
            source: Optional[str] = None
            if isinstance(item, tuple):
                source, data = item
                _check_text("source", source)
            elif isinstance(item, os.PathLike):
                source, data = _source_of(item), _read(item, self.max_input_bytes)
            else:
                data = item
            raw, enc = _as_bytes(data, encoding)
            raws.append(raw)
            encodings.append(enc)
            sources.append(source)
            any_source = any_source or source is not None
        if threads is None:
            threads = os.cpu_count() or 1
        _check_int("threads", threads, 1, _MAX_THREADS)
        natives = self._native.parse_many(raws, sources if any_source else [], encodings, bool(strict), threads, day,
                                          code)
        return [Page(n) for n in natives]


_default: Optional[Parser] = None
_default_lock = threading.Lock()


def default_parser() -> Parser:
    """The shared Parser with the built-in lexicon, created on first use."""
    global _default
    if _default is None:
        with _default_lock:
            if _default is None:
                _default = Parser()
    return _default


def parse(text_or_bytes: TextOrBytes, *, encoding: str = "auto", source: Optional[str] = None,
          strict: bool = False, issue_date: Optional[DateLike] = None, script: Script = "keep") -> Page:
    """Parses one page with the default parser. See Parser.parse."""
    return default_parser().parse(text_or_bytes, encoding=encoding, source=source, strict=strict,
                                  issue_date=issue_date, script=script)


def parse_file(path: PathLike, *, encoding: str = "auto", source: Optional[str] = None,
               strict: bool = False, issue_date: Optional[DateLike] = None, script: Script = "keep") -> Page:
    """Reads and parses one file with the default parser. See Parser.parse_file."""
    return default_parser().parse_file(path, encoding=encoding, source=source, strict=strict,
                                       issue_date=issue_date, script=script)


def parse_pdf(pdf: Union[PathLike, bytes, bytearray, memoryview], pages: Optional[Iterable[int]] = None, *,
              password: Optional[str] = None, source: Optional[str] = None,
              issue_date: Optional[DateLike] = None, script: Script = "keep") -> List[Page]:
    """Parses the pages of a PDF with the default parser. See Parser.parse_pdf."""
    return default_parser().parse_pdf(pdf, pages, password=password, source=source, issue_date=issue_date,
                                      script=script)


def normalize(text_or_bytes: TextOrBytes, *, encoding: str = "auto", strict: bool = False,
              script: Script = "keep") -> str:
    """Normalizes text with the default parser. See Parser.normalize."""
    return default_parser().normalize(text_or_bytes, encoding=encoding, strict=strict, script=script)


def parse_many(items: Iterable[Item], threads: Optional[int] = None, *, encoding: str = "auto",
               strict: bool = False, issue_date: Optional[DateLike] = None, script: Script = "keep") -> List[Page]:
    """Parses many pages in C++ threads with the default parser. See Parser.parse_many."""
    return default_parser().parse_many(items, threads, encoding=encoding, strict=strict, issue_date=issue_date,
                                       script=script)
