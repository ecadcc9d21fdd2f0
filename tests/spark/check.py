#!/usr/bin/env python3
"""Checks the Parquet written by examples/spark/parse_corpus.py against `banmian parse --jsonl`
over the same files: the same articles per file (so the same total), and exactly the expected
files as error rows. Then times Parser.parse_many over the same files (pages/s).

usage: check.py --parquet DIR --jsonl FILE --list FILE --bad NAME... [--threads 2]
"""
import argparse
import collections
import json
import os
import re
import sys
import time

import pyarrow.compute as pc
import pyarrow.parquet as pq

import banmian


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--parquet", required=True)
    ap.add_argument("--jsonl", required=True)
    ap.add_argument("--list", required=True, help="the input files, one path per line")
    ap.add_argument("--bad", nargs="*", default=[], help="base names of the files that must be error rows")
    ap.add_argument("--threads", type=int, default=2)
    a = ap.parse_args()
    paths = [p for p in open(a.list, encoding="utf-8").read().splitlines() if p]

    table = pq.read_table(a.parquet)
    want_cols = list(banmian.arrow_schema().names) + ["error"]
    if table.schema.names != want_cols:
        print(f"spark check: columns {table.schema.names}, want {want_cols}", file=sys.stderr)
        return 1
    def loose(t) -> str:  # nullability and the name of list items aside (Parquet calls them "element")
        return re.sub(r" not null", "", str(t)).replace("list<element:", "list<item:")

    for f in banmian.arrow_schema():  # the same Arrow types as to_arrow
        if loose(table.schema.field(f.name).type) != loose(f.type):
            print(f"spark check: column {f.name} is {table.schema.field(f.name).type}, want {f.type}", file=sys.stderr)
            return 1
    ok = table.filter(pc.is_null(table["error"]))
    bad = table.filter(pc.is_valid(table["error"]))
    spark = collections.Counter(s[len("file:"):] if s.startswith("file:") else s for s in ok["source"].to_pylist())

    cli = collections.Counter()
    cli_pages = 0
    with open(a.jsonl, encoding="utf-8") as f:
        for line in f:
            page = json.loads(line)
            cli_pages += 1
            if page["articles"]:
                cli[os.path.abspath(page["source"])] += len(page["articles"])
    n_spark, n_cli = sum(spark.values()), sum(cli.values())
    print(f"spark check: {len(paths)} files; articles: Spark {n_spark}, CLI --jsonl {n_cli} ({cli_pages} pages); "
          f"error rows: {bad.num_rows}")
    rc = 0
    if spark != cli:
        diff = sorted(set(spark.items()) ^ set(cli.items()))[:10]
        print(f"spark check: FAIL: articles per file differ, e.g. {diff}", file=sys.stderr)
        rc = 1
    bad_names = sorted(os.path.basename(s) for s in bad["source"].to_pylist())
    if bad_names != sorted(a.bad):
        print(f"spark check: FAIL: error rows for {bad_names}, want {sorted(a.bad)}", file=sys.stderr)
        rc = 1
    for s, e in zip(bad["source"].to_pylist(), bad["error"].to_pylist()):
        print(f"spark check: error row {os.path.basename(s)}: {e}")
    if n_spark == 0:
        print("spark check: FAIL: no articles at all", file=sys.stderr)
        rc = 1

    # parse_many over the same readable files, in one process, for the pages/s figure.
    good = [p for p in paths if os.path.basename(p) not in a.bad]
    data = [(p, open(p, "rb").read()) for p in good]
    parser = banmian.Parser()
    t0 = time.perf_counter()
    pages = parser.parse_many(data, a.threads)
    secs = time.perf_counter() - t0
    mb = sum(len(d) for _, d in data) / 1e6
    n = sum(len(p.articles) for p in pages)
    print(f"spark check: parse_many ({a.threads} threads): {len(pages)} pages, {n} articles, "
          f"{secs:.2f} s, {len(pages) / secs:.0f} pages/s, {mb / secs:.2f} MB/s")
    return rc


if __name__ == "__main__":
    sys.exit(main())
