"""The page view in a real browser: Debian's chromium + chromedriver through
Selenium (tests/browser/run.sh installs them). Loads the view of every page of
../shared/corpus/dev and one rmrb page, checks that the article blocks and
their texts are the page JSON's, that a page containing <script> runs
nothing, that the view fits a phone's width, and that in the view of a PDF
page the page image loads, its article boxes lie at their bboxes, and
pointing at or clicking a box highlights its article; saves screenshots in
$BM_VIEW_SHOTS (default build-py/view-shots). Skips, with the reason, when
the browser, Selenium or the shared corpora are missing."""
from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any, Iterator, List

import pytest

import banmian
from conftest import ROOT, need_pypdfium2

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


def test_pdf_page_boxes_in_browser(driver, tmp_path):
    need_pypdfium2()
    from pdf_fixtures import make_pdf, sample_page
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    second = sample_page(headline="老城区的早市换了新模样", byline="本报记者　周明远",
                         paragraphs=["本报讯　清晨六点，老城区的早市已经热闹起来，改造后的市场整齐干净。"], top=420.0)
    page = banmian.parse_pdf(make_pdf([sample_page() + second]))[0]
    boxed = [a for a in page.articles if a.bbox is not None]
    assert len(boxed) >= 2
    load(driver, page, tmp_path, "pdf")
    # The image loads (the CSP allows data: images) and the boxes lie at their bboxes on it.
    img = driver.execute_script("const i = document.querySelector('img.bm-page'); "
                                "const r = i.getBoundingClientRect(); "
                                "return {ok: i.complete, w: i.naturalWidth, x: r.left, y: r.top, rw: r.width, rh: r.height};")
    assert img["ok"] and img["w"] == 893
    rects = driver.execute_script("return Array.from(document.querySelectorAll('a.bm-box')).map(b => {"
                                  "const r = b.getBoundingClientRect(); "
                                  "return {i: +b.dataset.index, x: r.left, y: r.top, w: r.width, h: r.height}; });")
    assert sorted(r["i"] for r in rects) == [a.index for a in boxed]
    sx, sy = img["rw"] / 595.0, img["rh"] / 842.0
    for r in rects:
        x0, y0, x1, y1 = page.articles[r["i"]].bbox
        assert abs(r["x"] - img["x"] - x0 * sx) < 2 and abs(r["y"] - img["y"] - y0 * sy) < 2, r
        assert abs(r["w"] - (x1 - x0) * sx) < 2 and abs(r["h"] - (y1 - y0) * sy) < 2, r
    outline = "return getComputedStyle(document.getElementById('bm-a' + arguments[0])).outlineStyle"
    a, b = boxed[0].index, boxed[1].index
    assert driver.execute_script(outline, a) == "none"
    # Pointing at a box outlines its article (and no other).
    ActionChains(driver).move_to_element(driver.find_element(By.CSS_SELECTOR, f'a.bm-box[data-index="{a}"]')).perform()
    assert driver.execute_script(outline, a) == "solid" and driver.execute_script(outline, b) == "none"
    # Clicking one goes to its article, which stays outlined.
    driver.find_element(By.CSS_SELECTOR, f'a.bm-box[data-index="{b}"]').click()
    assert driver.execute_script("return location.hash") == f"#bm-a{b}"
    ActionChains(driver).move_to_element(driver.find_element(By.CSS_SELECTOR, ".bm-head h1")).perform()
    assert driver.execute_script(outline, b) == "solid" and driver.execute_script(outline, a) == "none"
    assert driver.execute_script(f"return document.querySelector('#bm-a{b}').matches(':target')")
    SHOTS.mkdir(parents=True, exist_ok=True)
    assert driver.save_screenshot(str(SHOTS / "pdf-page-1280.png"))
    driver.set_window_size(390, 844)
    try:
        over = driver.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
        assert over <= 1, f"{over} px wider than a 390 px screen"
    finally:
        driver.set_window_size(1280, 1000)
