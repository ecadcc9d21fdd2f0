#!/usr/bin/env python3
"""Typesets the repository's own test pages as newspaper-like PDF pages
(HTML + CSS printed by headless Chromium) for the PDF tests (issue 15, part 2).

    python3 tools/pdf/make_test_pdfs.py --out build-py/test-pdfs [--chromium PATH]
    python3 tools/pdf/make_test_pdfs.py --out DIR --score      # and score parse_pdf against the gold

Input: the pages of tests/data/pages/own and some of tests/data/pages/conventions
(layout a: headline first), each with its gold (tests/data/gold/...). The gold
decides how each block of a page is set, so the PDF holds what the gold says:

  - the blocks before the first article (masthead, page number): a header band
    with a rule under it;
  - a block equal to a headline part (or kicker, subtitle) of an article: a big
    bold headline (the first article's 26 pt, the others' 18 pt, kickers and
    subtitles 13 pt) across its article's columns;
  - a short block naming a byline of its article: a byline line (10 pt);
  - the other blocks: body paragraphs (10.5 pt, first line indented 2 em),
    hard-wrapped lines joined, flowing through CSS columns;
  - an article without a headline that is not news (an ad, the weather, a
    notice): a box with a border.

Each gold article is one section: the first section spans the page with three
body columns, the others sit two to a row (two columns each), in page order.
The font is WenQuanYi Micro Hei (Debian's fonts-wqy-microhei, which
tests/pdf/run.sh installs with chromium), Noto CJK when it is missing: the
scores the tests expect were measured with the former.
One PDF per group (own.pdf, conventions.pdf), one test page per PDF page, so the
reading order the tests expect is the gold's article order. manifest.json lists,
per PDF, the pages in order with their text and gold files.

Generated files stay out of git (the build dir). A PDF is re-made only when its
HTML changes (the HTML's SHA-256 is kept beside it). No corpus text is used:
only the repository's own invented test pages.
"""
from __future__ import annotations

import argparse
import difflib
import hashlib
import html
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Tuple

ROOT = Path(__file__).resolve().parents[2]
PAGES = ROOT / "tests/data/pages"
GOLD = ROOT / "tests/data/gold"

# (group, page stem): own pages, then the headline-first (layout a) convention pages.
GROUPS: Dict[str, List[str]] = {
    "own": ["101_xinhua_national", "102_photos_in_a_row", "103_story_without_headline",
            "104_hard_wrapped_headline_first", "105_note_tags_ads_weather", "106_inline_credits_end_marks"],
    "conventions": ["201_bare_author_names", "203_core_reading_editor_note", "206_datelines_mainland",
                    "208_photo_items", "210_mixed_order", "214_boxes_between_stories_a"],
}
# Kinds set in a box when they have no headline.
BOXED_KINDS = {"ad", "weather", "notice", "other", "announcement", "index", "correction"}

CSS = """
@page { size: 297mm 420mm; margin: 14mm 12mm; }
html { font-family: "WenQuanYi Micro Hei", "Noto Sans CJK SC", "Noto Serif CJK SC", "Droid Sans Fallback", sans-serif; }
body { margin: 0; color: #000; }
.page { break-after: page; }
.page:last-child { break-after: auto; }
header.band { display: flex; justify-content: space-between; align-items: baseline;
  border-bottom: 2pt solid #000; padding-bottom: 4pt; margin-bottom: 14pt; }
header.band .mast { font-size: 30pt; font-weight: bold; letter-spacing: 4pt; }
header.band .aside { font-size: 11pt; }
section { margin: 0; }
section.lead { margin-bottom: 18pt; padding-bottom: 10pt; border-bottom: 0.8pt solid #000; }
.grid { display: grid; grid-template-columns: 1fr 1fr; column-gap: 26pt; row-gap: 20pt; align-items: start; }
h1, h2 { font-weight: bold; margin: 0 0 8pt 0; line-height: 1.25; }
h1 { font-size: 26pt; }
h2 { font-size: 18pt; }
.kicker, .subtitle { font-size: 13pt; margin: 0 0 6pt 0; }
.byline { font-size: 10pt; margin: 0 0 8pt 0; }
.cols3 { column-count: 3; column-gap: 20pt; }
.cols2 { column-count: 2; column-gap: 16pt; }
p { font-size: 10.5pt; line-height: 1.6; margin: 0; text-indent: 2em; text-align: justify; }
.box { border: 1pt solid #000; padding: 8pt 10pt; }
.box p { font-size: 9.5pt; text-indent: 0; }
.note { font-size: 9pt; text-indent: 0; margin-top: 4pt; }
"""


# ---------------------------------------------------------------------------
# Reading the pages and their gold
# ---------------------------------------------------------------------------

def key(s: Optional[str]) -> str:
    """Letters and digits only (NFKC): what survives punctuation and space
    normalization on both sides."""
    s = unicodedata.normalize("NFKC", s or "")
    return "".join(c for c in s if unicodedata.category(c)[0] in "LN")


def _find(root: Path, name: str, what: str) -> Path:
    for group in ("own", "conventions"):
        p = root / group / name
        if p.exists():
            return p
    raise FileNotFoundError(f"no {what} {name}")


def gold_path(stem: str) -> Path:
    return _find(GOLD, f"{stem}.gold.json", "gold")


def page_path(stem: str) -> Path:
    return _find(PAGES, f"{stem}.txt", "page")


def blocks_of(text: str) -> List[List[str]]:
    """The blank-line separated blocks of a page, each a list of its lines."""
    out, cur = [], []
    for line in text.replace("\r\n", "\n").split("\n"):
        if line.strip():
            cur.append(line.strip())
        elif cur:
            out.append(cur)
            cur = []
    if cur:
        out.append(cur)
    return out


def article_key(a: dict) -> str:
    parts = list(a.get("headline") or []) + [a.get("kicker"), a.get("subtitle"), a.get("dateline"),
                                              a.get("editor_note")]
    parts += [b.get("name") for b in a.get("bylines") or []]
    parts += list(a.get("paragraphs") or [])
    return "".join(key(p) for p in parts if p)


def bigrams(s: str) -> set:
    return {s[i:i + 2] for i in range(len(s) - 1)} or ({s} if s else set())


def assign(blocks: List[List[str]], articles: List[dict]) -> List[Optional[int]]:
    """The gold article each block belongs to (None: page furniture before the
    first article). Blocks found in an article's text go to it; the others
    (bylines, credits, end lines) to the article before them."""
    keys = [article_key(a) for a in articles]
    grams = [bigrams(k) for k in keys]
    owner: List[Optional[int]] = []
    for b in blocks:
        k = key("".join(b))
        best, best_score = None, 0.0
        for i, ak in enumerate(keys):
            if k and k in ak:
                score = 1.0 + len(k) / max(1, len(ak))
            else:
                g = bigrams(k)
                score = len(g & grams[i]) / len(g) if g else 0.0
            if score > best_score:
                best, best_score = i, score
        owner.append(best if best_score >= 0.6 else None)
    # unassigned blocks: with the article before them (none before: furniture)
    last = None
    for i, o in enumerate(owner):
        if o is None:
            owner[i] = last
        else:
            last = o
    # an article's blocks must be contiguous and in order: a block assigned to
    # an earlier article than its predecessor stays with the predecessor
    for i in range(1, len(owner)):
        if owner[i] is not None and owner[i - 1] is not None and owner[i] < owner[i - 1]:
            owner[i] = owner[i - 1]
    return owner


def classify(block: List[str], article: Optional[dict]) -> str:
    """headline | kicker | subtitle | byline | body for a block of an article."""
    if article is None:
        return "body"
    k = key("".join(block))
    if any(k == key(h) for h in article.get("headline") or []):
        return "headline"
    if article.get("kicker") and k == key(article["kicker"]):
        return "kicker"
    if article.get("subtitle") and k == key(article["subtitle"]):
        return "subtitle"
    names = [key(b.get("name")) for b in article.get("bylines") or [] if b.get("name")]
    paragraphs = "".join(key(p) for p in article.get("paragraphs") or [])
    if (names and len(k) <= 24 and "。" not in "".join(block) and any(n and n in k for n in names)
            and k not in paragraphs):
        return "byline"
    return "body"


SENTENCE_END = "。！？!?…”’」』）)】"


def merge_column_breaks(blocks: List[List[str]], article: dict) -> List[List[str]]:
    """A paragraph cut by a column break (a blank line inside it, as the
    convention pages print them) made whole again: a block that does not end a
    sentence runs on into the next when the two read on in the gold's text."""
    text = "".join(key(p) for p in article.get("paragraphs") or [])
    starts = [key(p)[:12] for p in article.get("paragraphs") or []]
    out: List[List[str]] = []
    for b in blocks:
        if out and out[-1][-1][-1:] not in SENTENCE_END and classify(out[-1], article) == "body" \
                and classify(b, article) == "body" and (key("".join(out[-1]))[-12:] + key("".join(b))[:12]) in text \
                and key("".join(b))[:12] not in starts:
            out[-1] = out[-1] + b
        else:
            out.append(list(b))
    return out


def join_lines(lines: Sequence[str]) -> str:
    """Hard-wrapped lines of one paragraph as one: no space between CJK."""
    out = ""
    for line in lines:
        if out and out[-1].isascii() and out[-1].isalnum() and line[:1].isascii() and line[:1].isalnum():
            out += " "
        out += line
    return out


# ---------------------------------------------------------------------------
# HTML
# ---------------------------------------------------------------------------

def page_html(stem: str) -> str:
    text = page_path(stem).read_text(encoding="utf-8")
    gold = json.loads(gold_path(stem).read_text(encoding="utf-8"))
    articles = gold.get("articles") or []
    blocks = blocks_of(text)
    owner = assign(blocks, articles)
    header = [b for b, o in zip(blocks, owner) if o is None]
    sections: List[Tuple[int, List[List[str]]]] = []
    for b, o in zip(blocks, owner):
        if o is None:
            continue
        if not sections or sections[-1][0] != o:
            sections.append((o, []))
        sections[-1][1].append(b)

    out = [f'<div class="page" data-page="{html.escape(stem)}">']
    if header:
        first, rest = " ".join(join_lines(b) for b in header[:1]), header[1:]
        out.append('<header class="band"><span class="mast">' + html.escape(first) + '</span><span class="aside">' +
                   html.escape("　".join(join_lines(b) for b in rest)) + "</span></header>")
    lead_done = False
    grid_open = False
    for idx, (o, bl) in enumerate(sections):
        a = articles[o]
        has_headline = bool(a.get("headline"))
        boxed = not has_headline and (a.get("kind") or "news") in BOXED_KINDS
        lead = has_headline and not lead_done
        if lead:
            lead_done = True
            if grid_open:
                out.append("</div>")
                grid_open = False
            out.append('<section class="lead">')
        else:
            if not grid_open:
                out.append('<div class="grid">')
                grid_open = True
            out.append('<section class="box">' if boxed else "<section>")
        body: List[str] = []
        bl = merge_column_breaks(bl, a)

        def flush_body() -> None:
            if body:
                cls = "cols3" if lead else ("cols2" if not boxed and sum(len(p) for p in body) > 160 else "cols1")
                out.append(f'<div class="{cls}">' + "".join(body) + "</div>")
                body.clear()

        for b in bl:
            role = classify(b, a)
            if role == "headline":
                flush_body()
                tag = "h1" if lead else "h2"
                out.append(f"<{tag}>" + "<br>".join(html.escape(x) for x in b) + f"</{tag}>")
            elif role in ("kicker", "subtitle"):
                flush_body()
                out.append(f'<div class="{role}">' + "<br>".join(html.escape(x) for x in b) + "</div>")
            elif role == "byline":
                flush_body()
                out.append('<div class="byline">' + "<br>".join(html.escape(x) for x in b) + "</div>")
            elif boxed:
                body.append("<p>" + "<br>".join(html.escape(x) for x in b) + "</p>")
            else:
                body.append("<p>" + html.escape(join_lines(b)) + "</p>")
        flush_body()
        out.append("</section>")
    if grid_open:
        out.append("</div>")
    out.append("</div>")
    return "\n".join(out)


def document_html(stems: Sequence[str]) -> str:
    return ("<!doctype html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>banmian test pages</title>"
            f"<style>{CSS}</style></head><body>\n" + "\n".join(page_html(s) for s in stems) + "\n</body></html>\n")


# ---------------------------------------------------------------------------
# Printing
# ---------------------------------------------------------------------------

def find_chromium(explicit: Optional[str] = None) -> Optional[str]:
    for c in ([explicit] if explicit else []) + [os.environ.get("BM_CHROMIUM"), "chromium", "chromium-browser",
                                                 "google-chrome", "google-chrome-stable"]:
        if c and shutil.which(c):
            return shutil.which(c)
    return None


def print_pdf(chromium: str, html_path: Path, pdf_path: Path) -> None:
    tmp_pdf = pdf_path.with_suffix(".tmp.pdf")
    with tempfile.TemporaryDirectory(prefix="bm-chromium-") as profile:
        cmd = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-extensions",
               f"--user-data-dir={profile}", "--no-pdf-header-footer", f"--print-to-pdf={tmp_pdf}",
               html_path.resolve().as_uri()]
        r = subprocess.run(cmd, capture_output=True, text=True, timeout=180)
    if r.returncode != 0 or not tmp_pdf.exists() or tmp_pdf.stat().st_size == 0:
        raise RuntimeError(f"chromium failed ({r.returncode}) on {html_path}:\n{r.stderr[-2000:]}")
    tmp_pdf.replace(pdf_path)


def pdf_page_count(pdf: Path) -> int:
    import pypdfium2 as pdfium
    doc = pdfium.PdfDocument(str(pdf))
    try:
        return len(doc)
    finally:
        doc.close()


def make(out: Path, chromium: Optional[str] = None, groups: Optional[Sequence[str]] = None) -> dict:
    """Writes OUT/GROUP.html, OUT/GROUP.pdf and OUT/manifest.json; returns the manifest."""
    exe = find_chromium(chromium)
    if exe is None:
        raise FileNotFoundError("no Chromium found (chromium, chromium-browser, google-chrome or $BM_CHROMIUM)")
    out.mkdir(parents=True, exist_ok=True)
    manifest = {"pdfs": []}
    for group in groups or GROUPS:
        stems = GROUPS[group]
        doc = document_html(stems)
        digest = hashlib.sha256(doc.encode("utf-8")).hexdigest()
        html_path, pdf_path, stamp = out / f"{group}.html", out / f"{group}.pdf", out / f"{group}.sha256"
        if not (pdf_path.exists() and stamp.exists() and stamp.read_text().strip() == digest):
            html_path.write_text(doc, encoding="utf-8")
            print_pdf(exe, html_path, pdf_path)
            stamp.write_text(digest + "\n")
        n = pdf_page_count(pdf_path)
        if n != len(stems):  # a page ran over onto a second sheet: the layout must change
            raise RuntimeError(f"{pdf_path}: {n} PDF pages for {len(stems)} test pages (a page overflowed)")
        manifest["pdfs"].append({
            "pdf": pdf_path.name, "group": group,
            "pages": [{"stem": s, "text": str(page_path(s).relative_to(ROOT)), "gold": str(gold_path(s).relative_to(ROOT))}
                      for s in stems]})
    (out / "manifest.json").write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
    return manifest


# ---------------------------------------------------------------------------
# Scoring a parse against the gold (used by tests/python/test_pdf_pages.py)
# ---------------------------------------------------------------------------

def _article_dict(a) -> dict:
    """A banmian.Article or a gold dict as a plain dict."""
    if isinstance(a, dict):
        return a
    return {"headline": list(a.headline), "bylines": [{"name": b.name, "role": b.role} for b in a.bylines],
            "paragraphs": list(a.paragraphs), "dateline": a.dateline, "kicker": a.kicker, "subtitle": a.subtitle,
            "editor_note": a.editor_note, "kind": a.kind}


def score_page(gold: dict, parsed: Sequence) -> dict:
    """Per page: gold articles matched to parsed ones (greedy, by text), and
    headline    gold headlines (joined parts) found exactly in the matched article
    byline      gold byline names found in the matched article's bylines
    text        mean similarity (difflib ratio over letters and digits) of the
                matched articles' paragraphs, 0 for an unmatched gold article
    order       matched gold articles whose parsed index follows the previous one's."""
    gas = [_article_dict(a) for a in gold.get("articles") or []]
    pas = [_article_dict(a) for a in parsed]
    pkeys = [article_key(a) for a in pas]
    pairs = []
    for gi, g in enumerate(gas):
        gk = article_key(g)
        for pi, pk in enumerate(pkeys):
            if gk and pk:
                r = difflib.SequenceMatcher(None, gk, pk, autojunk=False).ratio()
                if r > 0.3:
                    pairs.append((r, gi, pi))
    pairs.sort(reverse=True)
    match: Dict[int, int] = {}
    used = set()
    for r, gi, pi in pairs:
        if gi not in match and pi not in used:
            match[gi] = pi
            used.add(pi)
    heads = [gi for gi, g in enumerate(gas) if g.get("headline")]
    head_ok = sum(1 for gi in heads if gi in match and
                  key("".join(gas[gi]["headline"])) == key("".join(pas[match[gi]].get("headline") or [])))
    names_total = names_ok = 0
    for gi, g in enumerate(gas):
        want = [key(b.get("name")) for b in g.get("bylines") or [] if b.get("name")]
        got = [key(b.get("name")) for b in pas[match[gi]].get("bylines") or []] if gi in match else []
        names_total += len(want)
        for n in want:
            if n in got:
                got.remove(n)
                names_ok += 1
    sims = []
    for gi, g in enumerate(gas):
        gk = "".join(key(p) for p in g.get("paragraphs") or [])
        if gi not in match:
            sims.append(0.0)
            continue
        pk = "".join(key(p) for p in pas[match[gi]].get("paragraphs") or [])
        sims.append(difflib.SequenceMatcher(None, gk, pk, autojunk=False).ratio() if gk or pk else 1.0)
    seq = [match[gi] for gi in range(len(gas)) if gi in match]
    in_order = sum(1 for x, y in zip(seq, seq[1:]) if y > x)
    return {"articles": len(gas), "parsed": len(pas), "matched": len(match),
            "headlines": len(heads), "headlines_ok": head_ok,
            "bylines": names_total, "bylines_ok": names_ok,
            "text": sum(sims) / len(sims) if sims else 1.0,
            "pairs": max(0, len(seq) - 1), "pairs_in_order": in_order}


def score_all(out: Path, manifest: dict, parse_pdf, parse_text) -> List[dict]:
    """Scores parse_pdf(pdf) page by page, and parse_text(page text) as the
    baseline the PDF can at best reach."""
    rows = []
    for entry in manifest["pdfs"]:
        pages = parse_pdf(str(out / entry["pdf"]))
        for page, info in zip(pages, entry["pages"]):
            gold = json.loads((ROOT / info["gold"]).read_text(encoding="utf-8"))
            text_page = parse_text((ROOT / info["text"]).read_bytes())
            rows.append({"stem": info["stem"], "pdf": score_page(gold, page.articles),
                         "text": score_page(gold, text_page.articles), "page": page})
    return rows


def totals(rows: Sequence[dict], side: str) -> dict:
    t: Dict[str, float] = {}
    for r in rows:
        for k, v in r[side].items():
            if k != "text":
                t[k] = t.get(k, 0) + v
    t["text"] = sum(r[side]["text"] * r[side]["articles"] for r in rows) / max(1, sum(r[side]["articles"] for r in rows))
    return t


def format_table(rows: Sequence[dict]) -> str:
    lines = [f"{'page':34} {'art':>4} {'pdf':>4} {'match':>5} {'head':>7} {'byline':>7} {'text':>5} {'order':>6}"
             f"  | text parse: {'head':>7} {'byline':>7} {'text':>5}"]
    for r in rows + [{"stem": "TOTAL", "pdf": totals(rows, "pdf"), "text": totals(rows, "text")}]:
        p, t = r["pdf"], r["text"]
        lines.append(f"{r['stem']:34} {p['articles']:>4} {p['parsed']:>4} {p['matched']:>5} "
                     f"{p['headlines_ok']:>3}/{p['headlines']:<3} {p['bylines_ok']:>3}/{p['bylines']:<3} {p['text']:5.2f} "
                     f"{p['pairs_in_order']:>2}/{p['pairs']:<3}  |             {t['headlines_ok']:>3}/{t['headlines']:<3} "
                     f"{t['bylines_ok']:>3}/{t['bylines']:<3} {t['text']:5.2f}")
    return "\n".join(lines)


def main(argv: Optional[Sequence[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", required=True, type=Path, help="output folder (in the build dir)")
    ap.add_argument("--chromium", help="the Chromium binary (default: chromium on PATH, or $BM_CHROMIUM)")
    ap.add_argument("--group", action="append", choices=sorted(GROUPS), help="only these groups (default: all)")
    ap.add_argument("--score", action="store_true", help="parse the PDFs with banmian.parse_pdf and score them")
    args = ap.parse_args(argv)
    manifest = make(args.out, args.chromium, args.group)
    for e in manifest["pdfs"]:
        print(f"{args.out / e['pdf']}: {len(e['pages'])} pages")
    if args.score:
        import banmian
        rows = score_all(args.out, manifest, banmian.parse_pdf, banmian.parse)
        print(format_table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
