"""banmian.to_pandas: one row per article (pandas is optional)."""
from __future__ import annotations

import sys

import pytest

import banmian
from conftest import DEV_PAGES


def test_to_pandas_one_row_per_article():
    pd = pytest.importorskip("pandas")
    pages = banmian.parse_many(DEV_PAGES, threads=2)
    df = banmian.to_pandas(pages)
    assert isinstance(df, pd.DataFrame)
    assert len(df) == sum(len(p.articles) for p in pages)
    assert list(df["page"].unique()) == list(range(len(pages)))
    first = pages[0].articles[0]
    row = df.iloc[0]
    assert row["kind"] == first.kind and row["title"] == first.title and row["text"] == first.text
    assert row["source"] == str(DEV_PAGES[0])
    assert (row["span_start"], row["span_end"]) == first.span
    assert list(df.columns)[-1] == "confidence"
    if first.confidence is None:
        assert row["confidence"] is None or pd.isna(row["confidence"])
    else:
        assert row["confidence"] == first.confidence
    assert set(df["kind"]) <= {"news", "photo", "ad", "weather", "other"}
    assert len(banmian.to_pandas(pages[1])) == len(pages[1].articles)


def test_to_pandas_without_pandas(monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)  # makes `import pandas` fail
    with pytest.raises(ImportError, match="pip install pandas"):
        banmian.to_pandas(banmian.parse_file(DEV_PAGES[0]))
