"""banmian.to_arrow / to_pandas: one row per article, the fixed schema of
docs/arrow.md (pyarrow and pandas are optional)."""
from __future__ import annotations

import json
import sys

import pytest

import banmian
from conftest import DEV_PAGES

COLUMNS = ["source", "page", "index", "kind", "headline", "kicker", "title", "subtitle", "dateline", "bylines",
           "editor_note", "paragraphs", "text", "flags", "span", "byte_span", "confidence"]


def test_to_arrow_schema_and_rows():
    pa = pytest.importorskip("pyarrow")
    pages = banmian.parse_many(DEV_PAGES, threads=2)
    t = banmian.to_arrow(pages)
    assert isinstance(t, pa.Table)
    assert t.schema.names == COLUMNS
    assert t.schema.equals(banmian.arrow_schema(), check_metadata=True)
    by = t.schema.field("bylines").type
    assert pa.types.is_list(by) and pa.types.is_struct(by.value_type)
    assert [by.value_type.field(i).name for i in range(2)] == ["role", "name"]
    assert str(t.schema.field("span").type) == "struct<start: int64 not null, end: int64 not null>"
    assert t.num_rows == sum(len(p.articles) for p in pages)
    rows = t.to_pylist()
    k = 0
    for p_index, page in enumerate(pages):
        d = page.to_dict()
        for i, (a, art) in enumerate(zip(d["articles"], page.articles)):
            r = rows[k]
            k += 1
            assert (r["source"], r["page"], r["index"]) == (str(DEV_PAGES[p_index]), p_index, i)
            for key in ("kind", "kicker", "title", "subtitle", "dateline", "editor_note"):
                assert r[key] == a.get(key), key
            for key in ("headline", "paragraphs", "flags"):
                assert r[key] == (a.get(key) or []), key
            assert r["bylines"] == a["bylines"]
            assert r["text"] == "\n".join(a["paragraphs"])
            assert (r["byte_span"]["start"], r["byte_span"]["end"]) == tuple(a["span"])
            assert (r["span"]["start"], r["span"]["end"]) == art.span
            assert r["confidence"] == a.get("confidence")


def test_to_arrow_edge_cases(tmp_path):
    pa = pytest.importorskip("pyarrow")
    empty = banmian.to_arrow([])
    assert empty.num_rows == 0 and empty.schema.equals(banmian.arrow_schema())
    one = banmian.parse_file(DEV_PAGES[1])
    assert banmian.to_arrow(one).num_rows == len(one.articles)
    anonymous = banmian.to_arrow([banmian.parse("本报讯 会议要求，各地要抓好落实。\n")])
    assert anonymous.column("source").to_pylist() == [None] * anonymous.num_rows
    with pytest.raises(TypeError):
        banmian.to_arrow(["not a page"])
    pq = pytest.importorskip("pyarrow.parquet")  # the schema survives Parquet (what Spark writes and reads)
    pq.write_table(banmian.to_arrow(one), tmp_path / "a.parquet")
    assert pq.read_schema(tmp_path / "a.parquet").remove_metadata().equals(banmian.arrow_schema().remove_metadata())


def test_to_pandas_one_row_per_article():
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    pages = banmian.parse_many(DEV_PAGES, threads=2)
    df = banmian.to_pandas(pages)
    assert isinstance(df, pd.DataFrame)
    assert list(df.columns) == COLUMNS
    assert len(df) == sum(len(p.articles) for p in pages)
    assert list(df["page"].unique()) == list(range(len(pages)))
    first = pages[0].articles[0]
    row = df.iloc[0]
    assert row["kind"] == first.kind and row["title"] == first.title and row["text"] == first.text
    assert row["source"] == str(DEV_PAGES[0])
    assert row["headline"] == first.headline and row["paragraphs"] == first.paragraphs
    assert row["bylines"] == [{"role": b.role, "name": b.name} for b in first.bylines]
    assert (row["span"]["start"], row["span"]["end"]) == first.span
    if first.confidence is None:
        assert pd.isna(row["confidence"])
    else:
        assert row["confidence"] == first.confidence
    assert set(df["kind"]) <= {"news", "photo", "ad", "weather", "other"}
    assert len(banmian.to_pandas(pages[1])) == len(pages[1].articles)
    json.dumps(df.to_dict("records"), ensure_ascii=False, default=str)  # plain Python values


def test_without_pandas_or_pyarrow(monkeypatch):
    page = banmian.parse_file(DEV_PAGES[0])
    monkeypatch.setitem(sys.modules, "pandas", None)  # makes `import pandas` fail
    with pytest.raises(ImportError, match="pip install pandas"):
        banmian.to_pandas(page)
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    with pytest.raises(ImportError, match="pip install pyarrow"):
        banmian.to_arrow(page)
