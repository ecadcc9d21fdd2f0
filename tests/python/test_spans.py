"""Issue 14: field spans (``Article.spans``) index code points of ``page.text``."""
from __future__ import annotations

import json

import pytest

import banmian

from conftest import DEV_PAGES, OWN_PAGES

# Characters of 3 and 4 UTF-8 bytes (𠀀 is outside the BMP) before and inside the
# fields, so byte offsets and code-point offsets differ.
PAGE = ("𠀀𠀁日报\n\n"
        "青溪入围第三批 省级美丽乡村名录\n\n"
        "■记者 苏静怡\n\n"
        "本报讯 昨天，省农业厅公布了名录，青溪𠀂成功入围。\n\n"
        "三年来，全村老少一起动手。\n")


def story(page: banmian.Page) -> banmian.Article:
    arts = [a for a in page.articles if a.dateline]
    assert len(arts) == 1
    return arts[0]


def test_spans_point_at_the_source_in_code_points():
    page = banmian.parse(PAGE)
    a = story(page)
    sp = a.spans
    assert isinstance(sp, banmian.FieldSpans)
    src = lambda s: page.text[s[0]:s[1]]  # noqa: E731
    assert [src(s) for s in sp.headline] == ["青溪入围第三批 省级美丽乡村名录"]
    assert src(sp.dateline) == "本报讯"
    assert [src(s) for s in sp.bylines] == ["苏静怡"] and a.bylines[0].name == "苏静怡"
    assert [src(s) for s in sp.paragraphs] == ["昨天，省农业厅公布了名录，青溪𠀂成功入围。", "三年来，全村老少一起动手。"]
    assert a.paragraphs == ["昨天，省农业厅公布了名录，青溪𠀂成功入围。", "三年来，全村老少一起动手。"]
    # The same places in bytes, as the JSON has them.
    raw = page.text.encode("utf-8")
    d = a.to_dict()["spans"]
    assert a.byte_spans == banmian.FieldSpans([tuple(x) for x in d["headline"]], tuple(d["dateline"]),
                                              [tuple(x) for x in d["bylines"]], [tuple(x) for x in d["paragraphs"]])
    assert raw[a.byte_spans.dateline[0]:a.byte_spans.dateline[1]].decode() == "本报讯"
    assert a.byte_spans.dateline != sp.dateline  # 𠀀𠀁日报 is 4 code points, 14 bytes
    assert sp.dateline[0] - a.span[0] == len(page.text[a.span[0]:sp.dateline[0]])


@pytest.mark.parametrize("path", DEV_PAGES + OWN_PAGES, ids=lambda p: p.stem)
def test_code_point_spans_are_the_byte_spans(path):
    page = banmian.parse_file(path)
    raw = page.text.encode("utf-8")
    for a in page.articles:
        assert a.spans is not None and a.byte_spans is not None
        assert len(a.spans.headline) == len(a.headline)
        assert len(a.spans.bylines) == len(a.bylines)
        assert len(a.spans.paragraphs) == len(a.paragraphs)
        assert (a.spans.dateline is None) == (a.dateline is None)
        pairs = list(zip(a.spans.headline + a.spans.bylines + a.spans.paragraphs,
                         a.byte_spans.headline + a.byte_spans.bylines + a.byte_spans.paragraphs))
        if a.spans.dateline is not None:
            pairs.append((a.spans.dateline, a.byte_spans.dateline))
        for (cs, ce), (bs, be) in pairs:
            assert a.span[0] <= cs <= ce <= a.span[1]
            assert page.text[cs:ce] == raw[bs:be].decode("utf-8")


def test_spans_are_optional():
    page = banmian.parse(PAGE)
    d = story(page).to_dict()
    assert list(d).index("spans") > list(d).index("dates")
    base = {k: v for k, v in d.items() if k != "spans"}
    a = banmian.Article(page, 0, json.loads(json.dumps(base)), (0, 0))
    assert a.spans is None and a.byte_spans is None and "spans" not in a.to_dict()
