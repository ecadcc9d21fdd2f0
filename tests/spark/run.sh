#!/usr/bin/env bash
# Spark at corpus scale (issue 13): examples/spark/parse_corpus.py with local[2] on
# >= ${BM_SPARK_PAGES:-2000} pages, checked against `banmian parse --jsonl` on the same files.
#   pages   tools/gen/make_pages.py (the generated robustness set) from ${BM_SHARED:-../shared};
#           without it, the corpus pages (../shared/corpus, else tests/data/pages) repeated;
#           skipped, with a message, when there are none
#   + 3 bad files that must become error rows, never a failed job: an empty file, a sparse
#     file over the 64 MiB limit, and invalid UTF-8 (the run decodes UTF-8 strictly)
#   venv    ${BM_SPARK_DIR:-build-spark}/venv: pyspark and pyarrow from PyPI, `pip install .`
#           built in ${BM_SPARK_DIR}/skbuild, which also links the `banmian` CLI from the same
#           objects (or $BANMIAN_CLI); Spark needs Java 17 (openjdk-17-jre-headless if no java)
# Prints the wall time of the Spark job and its pages/s, the CLI's --jsonl pages/s (--jobs 2)
# and parse_many's (tests/spark/check.py).
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
t0=$SECONDS
work=${BM_SPARK_DIR:-$root/build-spark}
venv=$work/venv
pages=${BM_SPARK_PAGES:-2000}
shared=${BM_SHARED:-$(cd .. && pwd)/shared}
export CMAKE_BUILD_PARALLEL_LEVEL=${CMAKE_BUILD_PARALLEL_LEVEL:-2}
# Spark 3.5/4.x runs on Java 17: Debian's JRE through the project's setup script when none is there.
command -v java >/dev/null || BM_SETUP_EXTRA="openjdk-17-jre-headless ${BM_SETUP_EXTRA:-}" bash scripts/setup.sh
command -v java >/dev/null || { echo "spark: FAIL: no java on PATH (Spark needs Java 17)" >&2; exit 1; }

# The pages.
data=$work/pages
rm -rf "$data"
mkdir -p "$data"
if [ -d "$shared/eval/dev" ]; then
  echo "spark: generating $pages pages from $shared (tools/gen/make_pages.py --seed 1)"
  python3 tools/gen/make_pages.py --shared "$shared" --out "$data" --pages "$pages" --seed 1 >/dev/null
else
  src=()
  for f in "$shared"/corpus/*/*.txt tests/data/pages/*/*.txt; do [ -f "$f" ] && src+=("$f"); done
  if [ ${#src[@]} -eq 0 ]; then
    echo "spark: SKIPPED: no pages: neither $shared (eval/ for tools/gen/make_pages.py, corpus/) nor tests/data/pages"
    exit 0
  fi
  echo "spark: $shared/eval/dev not found: repeating ${#src[@]} corpus pages to $pages files"
  for ((i = 0; i < pages; i++)); do cp "${src[i % ${#src[@]}]}" "$(printf '%s/r%05d.txt' "$data" "$i")"; done
fi
: >"$data/zz-bad-empty.txt"
truncate -s 65M "$data/zz-bad-too-large.txt"
printf '\xe6\x9c\xac\xe6\x8a\xa5\xe8\xae\xaf \xff\xfe bad bytes\n' >"$data/zz-bad-utf8.txt"
bad="zz-bad-empty.txt zz-bad-too-large.txt zz-bad-utf8.txt"
ls "$data"/*.txt >"$work/list.txt"
nfiles=$(wc -l <"$work/list.txt")
echo "spark: $nfiles files in $data"

# pyspark, pyarrow, banmian (+ the CLI from the same build).
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/python" -m pip install -q --disable-pip-version-check pyspark pyarrow
"$venv/bin/python" -m pip install -q --disable-pip-version-check . \
  --config-settings=build-dir="$work/skbuild" \
  --config-settings=cmake.define.BM_BUILD_CLI=ON \
  "--config-settings=build.targets=_banmian;banmian_cli"
cli=${BANMIAN_CLI:-$work/skbuild/src/cli/banmian}
echo "spark: $("$venv/bin/python" -c 'import pyspark, banmian; print("pyspark", pyspark.__version__, "banmian", banmian.__version__)'), $(java -version 2>&1 | head -1)"

# The CLI over the same files: exit status 1 (two of the bad files cannot be parsed).
t1=$(date +%s.%N)
rc=0
"$cli" parse --jsonl --encoding UTF-8 --strict --jobs 2 --no-progress "@$work/list.txt" >"$work/cli.jsonl" 2>"$work/cli.err" || rc=$?
t2=$(date +%s.%N)
[ "$rc" -eq 1 ] || { echo "spark: FAIL: banmian parse exited $rc, want 1 (bad files)" >&2; cat "$work/cli.err" >&2; exit 1; }
grep -v '^banmian: .*zz-bad-' "$work/cli.err" | tail -1
awk -v a="$t1" -v b="$t2" -v n="$(wc -l <"$work/cli.jsonl")" \
  'BEGIN { printf "spark: CLI parse --jsonl --jobs 2: %d pages in %.2f s, %.0f pages/s\n", n, b - a, n / (b - a) }'

# The Spark job.
export PYSPARK_PYTHON=$venv/bin/python PYSPARK_DRIVER_PYTHON=$venv/bin/python SPARK_LOCAL_IP=${SPARK_LOCAL_IP:-127.0.0.1}
ts=$SECONDS
"$venv/bin/spark-submit" --master 'local[2]' --conf spark.ui.enabled=false --conf spark.log.level=ERROR \
  --driver-memory 1g examples/spark/parse_corpus.py "$data/*.txt" "$work/articles.parquet" --mode overwrite \
  --encoding UTF-8 --strict 2> >(grep -v -E '^[0-9/]+ [0-9:]+ (INFO|WARN) ' >&2) | tee "$work/spark.out"
spark_secs=$((SECONDS - ts))
echo "spark: spark-submit local[2] wall time ${spark_secs} s for $nfiles files ($(awk -v n="$nfiles" -v s="$spark_secs" 'BEGIN { printf "%.0f", n / (s > 0 ? s : 1) }') pages/s including JVM start)"

# shellcheck disable=SC2086
"$venv/bin/python" tests/spark/check.py --parquet "$work/articles.parquet" --jsonl "$work/cli.jsonl" \
  --list "$work/list.txt" --bad $bad --threads 2
echo "spark: done in $((SECONDS - t0)) s"
