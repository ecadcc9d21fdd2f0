"""A notebook-style tour of the banmian Python package (run it as a script or
paste the cells into Jupyter). Run by tests/python/test_example.py."""
# %% Parse one page: str, bytes (any encoding) or a file
from pathlib import Path

import banmian

root = Path(__file__).resolve().parents[2]
page = banmian.parse_file(root / "examples/data/sample-page.txt")
print(page)  # readable overview; in Jupyter, `page` alone renders an HTML table

# %% Every field of the page JSON is an attribute
for article in page.articles:
    if article.kind == "news":
        print(article.title, "|", article.kicker, "|", article.dateline)
        for role, name in article.bylines:  # Byline(role, name) tuples
            print("   ", role, name)
        print("   ", article.text[:40], "…")
        start, end = article.span  # code points into page.text
        print("    span", article.span, repr(page.text[start:start + 10]))
        break

# %% The same JSON as `banmian parse`
print(page.to_json()[:120])
assert page.to_dict()["articles"][0]["kind"] == page.articles[0].kind

# %% Bytes in other encodings are decoded (auto-detected, or named)
gb = (root / "examples/data/sample-page.txt").read_text("utf-8").encode("gb18030")
same = banmian.parse(gb, encoding="auto")
print("decoded from", same.encoding, "- same articles:",
      [a.to_dict() for a in same.articles] == [a.to_dict() for a in page.articles])

# %% Normalization alone
print(banmian.normalize("平湖 市 召开 会议, 部署 工作!"), end="")

# %% Many pages at once: C++ threads, the GIL released
pages = banmian.parse_many(sorted((root / "tests/data/pages/dev").glob("*.txt")), threads=2)
print("parse_many:", len(pages), "pages,", sum(len(p.articles) for p in pages), "articles")

# %% Errors are exceptions
try:
    banmian.parse(b"\xff\xfe\xfd", encoding="no-such-encoding")
except banmian.UnknownEncodingError as e:
    print("error:", type(e).__name__, e.code, e.message[:40])

# %% A table, one row per article (needs pandas and pyarrow; banmian.to_arrow gives the Arrow table)
try:
    df = banmian.to_pandas(pages)
    print(df[["page", "kind", "title", "bylines"]].head(8).to_string())
except ImportError:
    print("(pandas or pyarrow not installed: skipping to_pandas)")
