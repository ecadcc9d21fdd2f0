"""Pages as a table: ``to_arrow`` (one row per article, a fixed schema) and
``to_pandas`` built on it. The schema is documented in docs/arrow.md; change
it only by appending columns."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any, Dict, Iterable, List, Union

from ._model import Page

if TYPE_CHECKING:  # pragma: no cover
    import pandas  # type: ignore[import-untyped, unused-ignore]
    import pyarrow  # type: ignore[import-untyped, unused-ignore]

__all__ = ["COLUMNS", "arrow_schema", "to_arrow", "to_pandas"]

#: The columns of ``to_arrow``/``to_pandas``, in order.
COLUMNS = ("source", "page", "index", "kind", "headline", "kicker", "title", "subtitle", "dateline", "bylines",
           "editor_note", "paragraphs", "text", "flags", "span", "byte_span", "confidence")
_LIST_COLUMNS = ("headline", "bylines", "paragraphs", "flags")


def _pyarrow() -> Any:
    try:
        import pyarrow
    except ImportError as e:  # pyarrow stays optional
        raise ImportError("banmian.to_arrow needs pyarrow: pip install pyarrow") from e
    return pyarrow


def arrow_schema() -> "pyarrow.Schema":
    """The schema of ``to_arrow`` (docs/arrow.md)."""
    pa = _pyarrow()
    span = pa.struct([pa.field("start", pa.int64(), nullable=False), pa.field("end", pa.int64(), nullable=False)])
    return pa.schema([
        pa.field("source", pa.string()),
        pa.field("page", pa.int64(), nullable=False),
        pa.field("index", pa.int32(), nullable=False),
        pa.field("kind", pa.string(), nullable=False),
        pa.field("headline", pa.list_(pa.string()), nullable=False),
        pa.field("kicker", pa.string()),
        pa.field("title", pa.string()),
        pa.field("subtitle", pa.string()),
        pa.field("dateline", pa.string()),
        pa.field("bylines", pa.list_(pa.struct([pa.field("role", pa.string(), nullable=False),
                                                pa.field("name", pa.string(), nullable=False)])), nullable=False),
        pa.field("editor_note", pa.string()),
        pa.field("paragraphs", pa.list_(pa.string()), nullable=False),
        pa.field("text", pa.string(), nullable=False),
        pa.field("flags", pa.list_(pa.string()), nullable=False),
        pa.field("span", span, nullable=False),
        pa.field("byte_span", span, nullable=False),
        pa.field("confidence", pa.float64()),
    ], metadata={b"banmian.schema": b"banmian.articles/1"})


def _columns(pages: Union[Page, Iterable[Page]]) -> Dict[str, List[Any]]:
    if isinstance(pages, Page):
        pages = [pages]
    cols: Dict[str, List[Any]] = {c: [] for c in COLUMNS}
    for p_index, page in enumerate(pages):
        if not isinstance(page, Page):
            raise TypeError(f"to_arrow: expected banmian.Page objects, got {type(page).__name__}")
        source = page.source
        for a in page.articles:
            cols["source"].append(source)
            cols["page"].append(p_index)
            cols["index"].append(a.index)
            cols["kind"].append(a.kind)
            cols["headline"].append(list(a.headline))
            cols["kicker"].append(a.kicker)
            cols["title"].append(a.title)
            cols["subtitle"].append(a.subtitle)
            cols["dateline"].append(a.dateline)
            cols["bylines"].append([{"role": b.role, "name": b.name} for b in a.bylines])
            cols["editor_note"].append(a.editor_note)
            cols["paragraphs"].append(list(a.paragraphs))
            cols["text"].append(a.text)
            cols["flags"].append(list(a.flags))
            cols["span"].append({"start": a.span[0], "end": a.span[1]})
            cols["byte_span"].append({"start": a.byte_span[0], "end": a.byte_span[1]})
            cols["confidence"].append(a.confidence)
    return cols


def to_arrow(pages: Union[Page, Iterable[Page]]) -> "pyarrow.Table":
    """One row per article of ``pages`` (a Page or an iterable of Pages) as a
    ``pyarrow.Table`` with the fixed schema ``arrow_schema()`` (docs/arrow.md):
    source, page (position in ``pages``), index (in its page), kind, headline
    (list), kicker, title, subtitle, dateline, bylines (list of {role, name}),
    editor_note, paragraphs (list), text, flags (list), span and byte_span
    ({start, end}: code points into ``page.text`` / UTF-8 bytes, as the page
    JSON), confidence (null when not computed). Needs pyarrow."""
    pa = _pyarrow()
    schema = arrow_schema()
    cols = _columns(pages)
    return pa.Table.from_arrays([pa.array(cols[f.name], type=f.type) for f in schema], schema=schema)


def to_pandas(pages: Union[Page, Iterable[Page]]) -> "pandas.DataFrame":
    """``to_arrow(pages)`` as a pandas DataFrame: the same columns; list columns
    hold Python lists (bylines: lists of {"role", "name"} dicts), span and
    byte_span {"start", "end"} dicts, confidence NaN when not computed.
    Needs pandas and pyarrow (``pip install pandas pyarrow``)."""
    try:
        import pandas  # noqa: F401
    except ImportError as e:  # pandas stays optional
        raise ImportError("banmian.to_pandas needs pandas and pyarrow: pip install pandas pyarrow") from e
    df: "pandas.DataFrame" = to_arrow(pages).to_pandas()
    for c in _LIST_COLUMNS:  # numpy object arrays -> lists, as the rest of the Python API
        df[c] = [list(v) for v in df[c]]
    return df
