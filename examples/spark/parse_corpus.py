#!/usr/bin/env python3
"""Parse a corpus of page files with Spark and write one Parquet row per article.

usage: spark-submit [--master local[4]|yarn|k8s://...] parse_corpus.py INPUT OUTPUT
           [--glob '*.txt'] [--recursive] [--encoding auto] [--strict]
           [--max-bytes N] [--batch 64] [--threads 1] [--lexicon FILE] [--mode errorifexists]

INPUT is a folder or a glob (``/data/pages``, ``'hdfs:///pages/2024-*/*.txt'``) read as
binary files; OUTPUT is a Parquet folder. Each partition creates one ``banmian.Parser``
and parses its files ``--batch`` at a time with ``Parser.parse_many`` (``--threads`` C++
threads; keep 1 when every core already runs a Spark task). The columns are those of
``banmian.to_arrow`` (docs/arrow.md) with ``source`` = the file's URI and ``page`` = 0 (each
file is one page), all nullable, followed by ``error`` (string): null for an article;
for a file that gave no page (empty, larger than ``--max-bytes``, undecodable under
``--strict``, ...) one row with ``source``, ``error`` and nulls elsewhere. A bad file never
fails the job. Files larger than ``--max-bytes`` are never read: Spark filters them on
their length before loading the content.

Prints one line at the end: files, pages, articles, error rows, seconds, pages/s.
"""
from __future__ import annotations

import argparse
import re
import sys
import time
from typing import Any, Dict, Iterable, Iterator, List, Optional, Tuple

DEFAULT_MAX_BYTES = 64 * 1024 * 1024  # the library's default limit (BM_DEFAULT_MAX_INPUT_BYTES)


def parse_args(argv: Optional[List[str]] = None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("input", help="folder or glob of page files (any Hadoop file system URI)")
    ap.add_argument("output", help="Parquet folder to write")
    ap.add_argument("--glob", help="only file names matching this pattern (Spark's pathGlobFilter), e.g. '*.txt'")
    ap.add_argument("--recursive", action="store_true", help="also read sub-folders (recursiveFileLookup)")
    ap.add_argument("--encoding", default="auto", help="input encoding (default auto)")
    ap.add_argument("--strict", action="store_true", help="invalid bytes are an error row instead of U+FFFD")
    ap.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES,
                    help="larger files become error rows without being read (default 64 MiB)")
    ap.add_argument("--batch", type=int, default=64, help="pages per parse_many call (default 64)")
    ap.add_argument("--threads", type=int, default=1, help="C++ threads per parse_many call (default 1)")
    ap.add_argument("--lexicon", help="a lexicon file added to the built-in one (must exist on every executor)")
    ap.add_argument("--mode", default="errorifexists", choices=["errorifexists", "overwrite", "append", "ignore"],
                    help="what to do when OUTPUT exists (default: fail)")
    ap.add_argument("--master", help="Spark master when run with python instead of spark-submit")
    a = ap.parse_args(argv)
    if a.batch < 1 or a.threads < 1 or not 0 <= a.max_bytes <= 1 << 30:
        ap.error("--batch and --threads must be >= 1, --max-bytes from 0 (the default) to 1 GiB")
    return a


def output_schema() -> Any:
    """The Spark schema: banmian.arrow_schema() with every column nullable, plus ``error``."""
    import banmian
    from pyspark.sql.pandas.types import from_arrow_schema
    from pyspark.sql.types import StringType, StructField, StructType

    fields = [StructField(f.name, f.dataType, True) for f in from_arrow_schema(banmian.arrow_schema()).fields]
    return StructType(fields + [StructField("error", StringType(), True)])


def _uri(path: str) -> str:
    """A listed file's URI as the binaryFile ``path`` column spells it (file:///x -> file:/x)."""
    return re.sub(r"^([A-Za-z][A-Za-z0-9+.-]*):///", r"\1:/", path)


def error_row(columns: Tuple[str, ...], source: str, error: str) -> Tuple[Any, ...]:
    return tuple(source if c == "source" else error if c == "error" else None for c in columns)


def parse_partition(rows: Iterable[Any], opts: Dict[str, Any], columns: Tuple[str, ...]) -> Iterator[Tuple[Any, ...]]:
    """One partition: (path, content) rows in, article rows and error rows out."""
    import banmian

    parser = banmian.Parser(opts["lexicon"], max_input_bytes=opts["max_bytes"] or None)
    limit = parser.max_input_bytes

    def parse_one_by_one(items: List[Tuple[str, bytes]]) -> Iterator[Tuple[str, Any]]:
        for source, data in items:
            try:
                yield source, parser.parse(data, encoding=opts["encoding"], source=source, strict=opts["strict"])
            except Exception as e:  # noqa: BLE001 - a bad page is a row, never a failed task
                yield source, f"{type(e).__name__}: {getattr(e, 'message', None) or e}"

    def flush(items: List[Tuple[str, bytes]]) -> Iterator[Tuple[Any, ...]]:
        if not items:
            return
        try:
            results: Iterable[Tuple[str, Any]] = zip(
                (s for s, _ in items),
                parser.parse_many(items, opts["threads"], encoding=opts["encoding"], strict=opts["strict"]))
        except Exception:  # noqa: BLE001 - a bad page (banmian.Error): find it and any other, page by page
            results = list(parse_one_by_one(items))
        pages: List[Any] = []
        for source, page in results:
            if isinstance(page, str):
                yield error_row(columns, source, page)
            else:
                pages.append(page)
        for rec in banmian.to_arrow(pages).to_pylist():  # one table per batch
            rec["page"] = 0
            rec["error"] = None
            yield tuple(rec[c] for c in columns)

    batch: List[Tuple[str, bytes]] = []
    for row in rows:
        source, data = row["path"], row["content"]
        if data is None or len(data) == 0:
            yield error_row(columns, source, "empty file")
            continue
        if len(data) > limit:
            yield error_row(columns, source, f"TooLargeError: input too large (more than {limit} bytes)")
            continue
        batch.append((source, bytes(data)))
        if len(batch) >= opts["batch"]:
            yield from flush(batch)
            batch = []
    yield from flush(batch)


def main(argv: Optional[List[str]] = None) -> int:
    a = parse_args(argv)
    from pyspark.sql import SparkSession
    from pyspark.sql import functions as F

    builder = SparkSession.builder.appName("banmian parse_corpus").config("spark.ui.showConsoleProgress", "false")
    if a.master:
        builder = builder.master(a.master)
    spark = builder.getOrCreate()
    t0 = time.time()
    schema = output_schema()
    columns = tuple(f.name for f in schema.fields)
    opts = {"lexicon": a.lexicon, "max_bytes": a.max_bytes, "encoding": a.encoding, "strict": a.strict,
            "batch": a.batch, "threads": a.threads}

    reader = spark.read.format("binaryFile")
    if a.glob:
        reader = reader.option("pathGlobFilter", a.glob)
    if a.recursive:
        reader = reader.option("recursiveFileLookup", "true")
    files = reader.load(a.input)
    limit = a.max_bytes or DEFAULT_MAX_BYTES
    # The length filter runs before the content is read, so a huge file costs nothing.
    small = files.where(F.col("length") <= limit).select("path", "content")
    large = files.where(F.col("length") > limit).select("path", "length")
    too_large = large.rdd.map(lambda r: error_row(
        columns, r["path"], f"TooLargeError: input too large ({r['length']} bytes, more than {limit})"))
    parsed = small.rdd.mapPartitions(lambda rows: parse_partition(rows, opts, columns))
    # Spark's file scans skip empty files: they are the listed files that give no path row.
    listed = {_uri(p) for p in files.inputFiles()}
    seen = {r["path"] for r in files.select("path").collect()}  # no content read
    empty = spark.sparkContext.parallelize([error_row(columns, p, "empty file") for p in sorted(listed - seen)], 1)
    out = spark.createDataFrame(parsed.union(too_large).union(empty), schema, verifySchema=False)
    out.write.mode(a.mode).parquet(a.output)

    written = spark.read.parquet(a.output)
    counts = written.agg(
        F.sum(F.when(F.col("error").isNull(), 1).otherwise(0)).alias("articles"),
        F.sum(F.when(F.col("error").isNotNull(), 1).otherwise(0)).alias("errors")).first()
    n_files = len(listed | seen)
    secs = time.time() - t0
    pages = n_files - (counts["errors"] or 0)
    print(f"parse_corpus: {n_files} files, {pages} pages, {counts['articles'] or 0} articles, "
          f"{counts['errors'] or 0} error rows; {secs:.1f} s, {pages / secs if secs else 0:.1f} pages/s "
          f"-> {a.output}", flush=True)
    spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
