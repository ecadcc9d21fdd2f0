"""Every failure is a banmian.Error subclass carrying code, message and byte_offset."""
from __future__ import annotations

import pytest

import banmian
from banmian import _banmian
from conftest import DEV_PAGES


def test_unknown_encoding():
    with pytest.raises(banmian.UnknownEncodingError) as ei:
        banmian.parse(b"abc", encoding="no-such-encoding")
    e = ei.value
    assert isinstance(e, banmian.Error) and isinstance(e, LookupError)
    assert e.code == _banmian.STATUS["UNKNOWN_ENCODING"] == -4
    assert "no-such-encoding" in e.message and e.byte_offset is None


def test_strict_decoding_reports_byte_offset():
    data = "本报讯".encode("utf-8") + b"\xff\xfe" + "正文".encode("utf-8")
    with pytest.raises(banmian.EncodingError) as ei:
        banmian.parse(data, encoding="UTF-8", strict=True)
    assert ei.value.code == -3 and ei.value.byte_offset == 9
    assert isinstance(ei.value, ValueError)
    with pytest.raises(banmian.EncodingError):
        banmian.normalize(data, encoding="UTF-8", strict=True)
    # not strict: replaced and flagged, as the C API does
    page = banmian.parse(data, encoding="UTF-8")
    assert page.replacements == 2 and "\ufffd" in page.text


def test_too_large_at_the_limit():
    p = banmian.Parser(max_input_bytes=100)
    p.parse(b"a" * 100)
    with pytest.raises(banmian.TooLargeError) as ei:
        p.parse(b"a" * 101)
    assert ei.value.code == -5 and "101" in ei.value.message
    with pytest.raises(banmian.TooLargeError):
        p.normalize("字" * 34)


def test_lexicon_errors(tmp_path):
    with pytest.raises(banmian.Error) as ei:
        banmian.Parser(tmp_path / "missing.lex")
    assert ei.value.code in (-6, -7)  # BM_E_LEXICON or BM_E_IO
    assert "missing.lex" in ei.value.message
    with pytest.raises(banmian.LexiconError) as ei:
        banmian.Parser(lexicon_text="[no such section]\nword\n")
    assert ei.value.code == -6


def test_user_lexicon_changes_parsing():
    # A dateline form the built-in lexicon lacks: with the user's pattern the
    # marker leaves the body and becomes the dateline.
    text = "会议部署春耕工作\n\n本刊专电 会议要求，各地要抓好落实。\n"
    plain = banmian.parse(text)
    custom = banmian.Parser(lexicon_text="[dateline]\n本刊专电\n").parse(text)
    datelines = lambda page: [a.dateline for a in page.articles if a.kind == "news"]  # noqa: E731
    assert "本刊专电" in datelines(custom)
    assert datelines(plain) != datelines(custom)


def test_parse_many_raises_with_index():
    items = [DEV_PAGES[0].read_bytes(), b"x" * 10, DEV_PAGES[1].read_bytes()]
    p = banmian.Parser(max_input_bytes=5)
    with pytest.raises(banmian.TooLargeError) as ei:
        p.parse_many(items, threads=2)
    assert ei.value.index == 0  # the first failing item
    p2 = banmian.Parser(max_input_bytes=20000)
    big = b"\xe5\xad\x97" * 7000
    with pytest.raises(banmian.TooLargeError) as ei:
        p2.parse_many([b"ok", b"ok", big, b"ok"], threads=3)
    assert ei.value.index == 2 and "[item 2]" in str(ei.value)


def test_wrong_argument_types():
    with pytest.raises(TypeError):
        banmian.parse(123)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        banmian.parse("文字", encoding="GB18030")  # a str is already text
    with pytest.raises(ValueError):
        banmian.parse_many(["a"], threads=0)


def test_status_codes_map_to_classes():
    for name, code in _banmian.STATUS.items():
        if code == 0:
            continue
        e = banmian._errors._from_status(code, "m", -1)
        assert e.code == code and type(e).__name__.endswith("Error") and type(e) is not banmian.Error
    assert type(banmian._errors._from_status(-1234, "m", 3)) is banmian.Error
