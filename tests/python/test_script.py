"""The script= option (issue 14, "Script"): the articles' text in simplified or
traditional characters; Page.text and the spans stay the input."""
from __future__ import annotations

import pytest

import banmian

TRAD = "本報訊 昨日國會開會。\n\n這是我們說的話，來時與後來。\n"


def _texts(page: banmian.Page) -> str:
    out = []
    for a in page.articles:
        out += a.headline + a.paragraphs + [a.dateline or "", a.title or ""] + [b.name for b in a.bylines]
    return "".join(out)


def test_simplified_and_traditional():
    keep = banmian.parse(TRAD)
    simp = banmian.parse(TRAD, script="simplified")
    assert "國會" in _texts(keep) and "国会" not in _texts(keep)
    assert "国会" in _texts(simp) and "國" not in _texts(simp)
    # The source and the spans do not change, nor the articles.
    assert simp.text == keep.text == TRAD
    assert [a.span for a in simp.articles] == [a.span for a in keep.articles]
    assert [len(a.paragraphs) for a in simp.articles] == [len(a.paragraphs) for a in keep.articles]
    back = banmian.parse(_texts(simp) + "\n", script="traditional")
    assert "國會" in _texts(back)


def test_keep_is_the_default():
    assert banmian.parse(TRAD, script="keep").to_json() == banmian.parse(TRAD).to_json()


def test_normalize_and_parse_many():
    assert banmian.normalize("國會開會。\n", script="simplified") == "国会开会。\n"
    assert banmian.normalize("国会开会。\n", script="traditional") == "國會開會。\n"
    pages = banmian.parse_many([TRAD, TRAD], threads=2, script="simplified")
    assert all("国会" in _texts(p) for p in pages)


def test_bad_script():
    for bad in ("Simplified", "zh-Hans", "", "none"):
        with pytest.raises(ValueError, match="script"):
            banmian.parse(TRAD, script=bad)
        with pytest.raises(ValueError, match="script"):
            banmian.normalize(TRAD, script=bad)
    with pytest.raises(TypeError, match="script"):
        banmian.parse(TRAD, script=1)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="script"):
        banmian.parse_many([TRAD], script="hans")
