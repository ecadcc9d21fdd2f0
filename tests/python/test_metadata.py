"""Issue 14: page metadata, dateline parts and day expressions as Python values."""
from __future__ import annotations

import datetime

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
