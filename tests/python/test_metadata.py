"""Issue 14: page metadata, dateline parts and day expressions as Python values."""
from __future__ import annotations

import datetime

import pytest

import banmian

PAGE = ("人民日报\n\n2025年1月8日 星期三\n\n第4版 要闻\n\n"
        "本报北京1月7日电 昨天下午，全国会议在北京召开，会期为1月7日至9日。近日另有安排。\n")


def test_page_metadata():
    page = banmian.parse(PAGE)
    assert page.issue_date == datetime.date(2025, 1, 8)
    assert page.page_number == "4"
    assert page.section == "要闻"
    d = page.to_dict()
    assert d["schema"] == "banmian.page/1"
    assert d["issue_date"] == "2025-01-08"


def test_dateline_info_and_dates():
    page = banmian.parse(PAGE)
    arts = [a for a in page.articles if a.dateline_info is not None]
    assert len(arts) == 1
    a = arts[0]
    info = a.dateline_info
    assert isinstance(info, banmian.DatelineInfo)
    assert (info.source, info.place, info.month, info.day) == ("本报", "北京", 1, 7)
    assert info.date == datetime.date(2025, 1, 7)
    texts = [x.text for x in a.dates]
    assert "近日" not in texts
    k = texts.index("昨天")
    assert [x.date for x in a.dates[k:k + 3]] == [datetime.date(2025, 1, 7), datetime.date(2025, 1, 7),
                                                  datetime.date(2025, 1, 9)]
    for x in a.dates:
        assert isinstance(x, banmian.DateRef)
        if x.span is not None:  # code points into page.text
            assert page.text[x.span[0]:x.span[1]].replace(" ", "") == x.text


def test_absent_without_dateline_or_date():
    page = banmian.parse("市民在公园里赏梅。\n")
    assert page.issue_date is None and page.paper is None
    for a in page.articles:
        assert a.dateline_info is None
        assert all(x.date is None for x in a.dates)


def test_issue_date_option():
    text = "本报讯 昨天下午，会议在北京召开。\n"
    for given in (datetime.date(2025, 1, 8), "2025-01-08", datetime.datetime(2025, 1, 8, 12, 0)):
        page = banmian.parse(text, issue_date=given)
        assert page.issue_date == datetime.date(2025, 1, 8)
        dates = [x for a in page.articles for x in a.dates]
        assert [x.date for x in dates if x.text == "昨天"] == [datetime.date(2025, 1, 7)]
    assert banmian.parse(text).issue_date is None
    pages = banmian.parse_many([text, text], threads=2, issue_date="2024-02-29")
    assert [p.issue_date for p in pages] == [datetime.date(2024, 2, 29)] * 2
    # A page that prints its date keeps it.
    assert banmian.parse(PAGE, issue_date="2020-01-01").issue_date == datetime.date(2025, 1, 8)


def test_bad_issue_date():
    for bad in ("2025-13-40", "2025-02-29", "2025-1-8", "20250108", "yesterday", ""):
        with pytest.raises(ValueError, match="issue_date"):
            banmian.parse("本报讯 昨天。\n", issue_date=bad)
    with pytest.raises(TypeError, match="issue_date"):
        banmian.parse("本报讯 昨天。\n", issue_date=20250108)  # type: ignore[arg-type]
