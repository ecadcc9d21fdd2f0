"""The page view in a real browser: Debian's chromium + chromedriver through
Selenium (tests/browser/run.sh installs them). Loads the view of every page of
../shared/corpus/dev and one rmrb page, checks that the article blocks and
their texts are the page JSON's, that a page containing <script> runs
nothing, and that the view fits a phone's width; saves screenshots in
$BM_VIEW_SHOTS (default build-py/view-shots). Skips, with the reason, when
the browser, Selenium or the shared corpora are missing."""
from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any, Iterator, List

import pytest

import banmian
from conftest import ROOT

SHARED = Path(os.environ.get("BM_SHARED") or ROOT.parent / "shared")
SHOTS = Path(os.environ.get("BM_VIEW_SHOTS") or ROOT / "build-py/view-shots")


def corpus_pages() -> List[Path]:
    dev = sorted((SHARED / "corpus/dev").glob("*.txt"))
    rmrb = sorted((SHARED / "corpus/rmrb").glob("*.txt"))[:1]
    return dev + rmrb


@pytest.fixture(scope="module")
def driver() -> Iterator[Any]:
    webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed (tests/browser/run.sh)")
    chromium = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    chromedriver = shutil.which("chromedriver")
    if not chromium or not chromedriver:
        pytest.skip("chromium and chromedriver are not installed (tests/browser/run.sh installs them)")
    from selenium.webdriver.chrome.service import Service
    opts = webdriver.ChromeOptions()
    opts.binary_location = chromium
    for a in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
              "--window-size=1280,1000", "--lang=zh-CN"):
        opts.add_argument(a)
    d = webdriver.Chrome(service=Service(chromedriver), options=opts)
    d.set_page_load_timeout(60)
    yield d
    d.quit()


# Everything the test compares, read from the DOM in one call.
READ_BLOCKS = """
return Array.from(document.querySelectorAll('section.bm-article')).map(s => {
  const f = k => { const e = s.querySelector('[data-field="' + k + '"]'); return e ? e.textContent : null; };
  return {index: s.dataset.index, kind: s.dataset.kind,
          src: s.querySelector('.bm-src').textContent,
          paras: Array.from(s.querySelectorAll('.bm-text p')).map(p => p.textContent),
          title: f('title'), dateline: f('dateline'),
          names: Array.from(s.querySelectorAll('.bm-name')).map(e => e.textContent),
          flags: Array.from(s.querySelectorAll('.bm-flag')).map(e => e.textContent),
          visible: s.getBoundingClientRect().height > 0};
});
"""


def load(driver: Any, page: banmian.Page, tmp_path: Path, name: str) -> Path:
    out = tmp_path / f"{name}.html"
    page.view(str(out))
    driver.get(out.as_uri())
    return out


@pytest.mark.parametrize("path", corpus_pages() or [None], ids=lambda p: p.name if p else "no-corpus")
def test_corpus_page_in_browser(driver, path, tmp_path):
    if path is None:
        pytest.skip(f"no shared corpus at {SHARED} (set BM_SHARED): the corpus pages were not viewed")
    page = banmian.parse_file(path, source=f"{path.parent.name}/{path.name}")
    load(driver, page, tmp_path, path.stem)
    blocks = driver.execute_script(READ_BLOCKS)
    articles = page.to_dict()["articles"]
    assert len(blocks) == len(articles)
    for i, (b, a, art) in enumerate(zip(blocks, articles, page.articles)):
        assert b["index"] == str(i) and b["kind"] == a["kind"] and b["visible"]
        assert b["src"] == page.text[art.span[0]:art.span[1]]
        assert b["paras"] == a["paragraphs"]
        assert b["title"] == a["title"] and b["dateline"] == a["dateline"]
        assert b["names"] == [x["name"] for x in a["bylines"]]
        assert b["flags"] == a["flags"]
    SHOTS.mkdir(parents=True, exist_ok=True)
    assert driver.save_screenshot(str(SHOTS / f"{path.stem}-1280.png"))
    driver.set_window_size(390, 844)  # a phone: nothing wider than the screen
    try:
        over = driver.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
        assert over <= 1, f"{over} px wider than a 390 px screen"
        assert driver.save_screenshot(str(SHOTS / f"{path.stem}-phone.png"))
    finally:
        driver.set_window_size(1280, 1000)


def test_hostile_page_runs_nothing(driver, tmp_path):
    text = ("<b>市委</b>召开会议 & 部署\n\n本报讯 <script>window.bmPwned=1</script>会议要求，"
            "<img src=x onerror=\"window.bmPwned=2\">各地要抓好落实。</style><script>window.bmPwned=3</script>\n")
    page = banmian.parse(text, source="<script>window.bmPwned=4</script>")
    load(driver, page, tmp_path, "hostile")
    assert driver.execute_script("return window.bmPwned === undefined")
    assert driver.execute_script("return document.querySelectorAll('script, img, b').length") == 0
    body = driver.execute_script("return document.body.textContent")
    assert "<script>window.bmPwned=1</script>" in body and "<img src=x" in body
    blocks = driver.execute_script(READ_BLOCKS)
    assert len(blocks) == len(page.articles)
    assert [b["src"] for b in blocks] == [page.text[a.span[0]:a.span[1]] for a in page.articles]
