"""The object model: every contract field as an attribute, spans in code points."""
from __future__ import annotations

import json

import pytest

import banmian
from conftest import DEV_PAGES

IDS = [p.name for p in DEV_PAGES]
FIELDS = ["kind", "headline", "kicker", "title", "subtitle", "dateline", "editor_note", "paragraphs", "flags"]


@pytest.mark.parametrize("path", DEV_PAGES, ids=IDS)
def test_attributes_match_json(path):
    page = banmian.parse_file(path)
    d = page.to_dict()
    assert page.schema == d["schema"] == "banmian.page/1"
    assert page.source == d["source"] == str(path)
    assert page.encoding == d["encoding"]
    assert page.edition == d["edition"]
    assert page.masthead == d["masthead"]
    assert len(page.articles) == len(d["articles"]) == len(page) > 0
    for i, (a, ad) in enumerate(zip(page.articles, d["articles"])):
        assert a.index == i and page[i] is a
        for f in FIELDS:
            assert getattr(a, f) == ad[f], f
        assert [(b.role, b.name) for b in a.bylines] == [(b["role"], b["name"]) for b in ad["bylines"]]
        assert all(isinstance(b, banmian.Byline) for b in a.bylines)
        assert a.text == "\n".join(ad["paragraphs"])
        assert a.byte_span == tuple(ad["span"])
        # Optional field: None exactly when the JSON has no "confidence".
        assert a.confidence == ad.get("confidence")
        assert a.confidence is None or (isinstance(a.confidence, float) and 0.0 <= a.confidence <= 1.0)
        if "confidence" in ad:  # written after the 1.0 keys
            assert list(ad).index("confidence") > list(ad).index("span")
        assert a.to_dict() == ad


@pytest.mark.parametrize("path", DEV_PAGES, ids=IDS)
def test_spans_are_code_points_into_text(path):
    page = banmian.parse_file(path)
    raw = page.text.encode("utf-8")
    multibyte = False
    for a in page.articles:
        s, e = a.span
        bs, be = a.byte_span
        assert 0 <= s <= e <= len(page.text)
        assert page.text[s:e].encode("utf-8") == raw[bs:be]
        assert a.source_text == page.text[s:e]
        multibyte = multibyte or (bs != s)
    assert multibyte  # Chinese text: byte and code-point offsets differ


def test_span_with_supplementary_characters():
    text = "𠮷𠮷标题\n\n本报讯 这是正文。𠮷字在这里出现了很多次。\n"
    page = banmian.parse(text)
    for a in page.articles:
        s, e = a.span
        assert page.text[s:e].encode("utf-8") == page.text.encode("utf-8")[a.byte_span[0]:a.byte_span[1]]


def test_repr_is_readable():
    page = banmian.parse_file(DEV_PAGES[0])
    r = repr(page)
    assert r.startswith("<banmian.Page source=")
    assert f"{len(page.articles)} articles" in r
    first = page.articles[0]
    assert first.title in r
    assert repr(first).startswith("Article(" + first.kind)


def test_repr_html_is_the_view_and_escapes():
    page = banmian.parse_file(DEV_PAGES[0])
    h = page._repr_html_()
    assert h.startswith('<div class="banmian-view">') and h.endswith("</div>")
    assert h.count('<section class="bm-article') == len(page.articles)
    a = page.articles[0]
    assert a.kind in h and a.headline[0] in h and a.bylines[0].name in h
    hostile = banmian.parse("<b>市委</b>召开会议 & 部署\n\n本报讯 <script>alert(1)</script>会议要求，各地要抓好落实。\n")
    h = hostile._repr_html_()
    assert "<script>" not in h and "<b>" not in h
    assert "&lt;script&gt;" in h and "&lt;b&gt;" in h


def test_decode_information():
    page = banmian.parse(b"\xef\xbb\xbf\xe6\x9c\xac\xe6\x8a\xa5\xe8\xae\xaf \xff abc\n")
    assert "had_bom" in page.decode_flags and "invalid_replaced" in page.decode_flags
    assert page.replacements == 1 == page.to_dict()["replacements"]
    assert "\ufffd" in page.text


def test_pages_compare_by_json():
    a = banmian.parse_file(DEV_PAGES[0])
    b = banmian.parse(DEV_PAGES[0].read_bytes(), source=str(DEV_PAGES[0]))
    c = banmian.parse_file(DEV_PAGES[1])
    assert a == b and a != c


def test_confidence_optional_field():
    page = banmian.parse_file(DEV_PAGES[0])
    d = page.to_dict()["articles"][0]
    # (Without the optional fields of issue 14 that follow it in the library's JSON.)
    base = {k: v for k, v in d.items() if k not in ("confidence", "dateline_info", "dates", "spans")}
    # Absent (the parser did not compute it): None, and to_dict has no key.
    a = banmian.Article(page, 0, dict(base), (0, 0))
    assert a.confidence is None and "confidence" not in a.to_dict()
    # Present, as the library writes it (after "span", 3 decimals).
    a = banmian.Article(page, 0, json.loads(json.dumps(dict(base, confidence=0.873))), (0, 0))
    assert a.confidence == 0.873 and isinstance(a.confidence, float)
    assert a.to_dict()["confidence"] == 0.873 and list(a.to_dict())[-2:] == ["span", "confidence"]
    a = banmian.Article(page, 0, dict(base, confidence=1), (0, 0))
    assert a.confidence == 1.0 and isinstance(a.confidence, float)
    # Negative never reaches the JSON, but would still mean "not computed".
    assert banmian.Article(page, 0, dict(base, confidence=-1.0), (0, 0)).confidence is None
