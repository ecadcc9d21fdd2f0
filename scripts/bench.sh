#!/usr/bin/env bash
# Benchmarks (issue 7; docs/performance.md). Not part of the tests.
#
#   bash scripts/bench.sh               Release build in build-bench, then the full run:
#                                       32 MiB of 16 KB pages, ours against ICU NFC, best of 3
#   bash scripts/bench.sh --callgrind   instructions per input byte (valgrind callgrind) for
#                                       decode, normalize, parse, parse+json and ICU NFC over
#                                       the five dev pages, and the top functions of each
#   bash scripts/bench.sh --python      banmian.parse_many (2 threads, 10,000 pages) against
#                                       bm_parse on 2 C++ threads; builds the extension in
#                                       $dir with pybind11 from PyPI in a venv at $dir/venv
#   bash scripts/bench.sh -- ARGS       passes ARGS to bm_bench (--mib N --reps R --page-kib K
#                                       --heap-pages N --no-one-call)
# BM_BENCH_DIR overrides the build directory; BM_BENCH_JOBS the build parallelism (default 2).
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${BM_BENCH_DIR:-build-bench}
jobs=${BM_BENCH_JOBS:-2}

mode=run
extra=()
while [ $# -gt 0 ]; do
  case "$1" in
    --callgrind) mode=callgrind; shift ;;
    --python) mode=python; shift ;;
    --) shift; extra=("$@"); break ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) extra+=("$1"); shift ;;
  esac
done

# Release (-O3 -DNDEBUG) plus -g so that callgrind_annotate can name functions and lines.
mkdir -p "$dir"
log="$dir/bench-build.log"
py=(-DBM_BUILD_PYTHON=OFF)
targets=(bm_bench bm_callgrind)
if [ "$mode" = python ]; then
  venv="$dir/venv"
  [ -x "$venv/bin/python" ] || "${PYTHON:-python3}" -m venv "$venv"
  "$venv/bin/python" -c 'import pybind11' 2>/dev/null ||
    "$venv/bin/python" -m pip install -q --disable-pip-version-check pybind11
  py=(-DBM_BUILD_PYTHON=ON "-Dpybind11_DIR=$("$venv/bin/python" -m pybind11 --cmakedir)"
      "-DPython_EXECUTABLE=$venv/bin/python")
  targets+=(_banmian)
fi
if ! { cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_FLAGS=-g -DCMAKE_C_FLAGS=-g \
         -DBM_BUILD_BENCH=ON -DBM_BUILD_TESTS=OFF -DBM_BUILD_CLI=OFF -DBM_BUILD_EXAMPLES=OFF "${py[@]}" &&
       cmake --build "$dir" -j "$jobs" --target "${targets[@]}"; } >"$log" 2>&1; then
  echo "bench.sh: the Release build in $dir failed; the end of $log:" >&2
  tail -40 "$log" >&2
  exit 1
fi

echo "date: $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet HEAD -- src include 2>/dev/null || echo ' (+ uncommitted changes in src/include)')"
echo "machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "compiler: $(${CXX:-c++} --version | head -1)"
echo

if [ "$mode" = run ]; then
  exec "$dir/tests/bench/bm_bench" "${extra[@]}"
fi
if [ "$mode" = python ]; then
  # The package as the wheel lays it out: the Python sources and the extension side by side.
  stage="$dir/python"
  rm -rf "$stage" && mkdir -p "$stage/banmian"
  cp bindings/python/banmian/*.py "$stage/banmian/"
  cp "$dir"/bindings/python/_banmian*.so "$stage/banmian/"
  exec env PYTHONPATH="$stage" "$dir/venv/bin/python" tests/bench/bench_python.py \
    --bm-bench "$dir/tests/bench/bm_bench" "${extra[@]}"
fi

command -v valgrind >/dev/null || { echo "valgrind not found (apt-get install valgrind)"; exit 1; }
out="$dir/callgrind"
mkdir -p "$out"
printf '| operation (5 dev pages, %s bytes) | instructions | instructions per input byte |\n|---|---:|---:|\n' \
  "$(cat tests/data/pages/dev/*.txt | wc -c)"
for op in icu_nfc decode normalize parse parse_json create; do
  f="$out/$op.out"
  res=$(valgrind --tool=callgrind --collect-atstart=no --callgrind-out-file="$f" \
        "$dir/tests/bench/bm_callgrind" "$op" 2>/dev/null)
  bytes=$(echo "$res" | sed -n 's/^bytes \([0-9]*\).*/\1/p')
  ir=$(sed -n 's/^totals: *\([0-9]*\).*/\1/p' "$f" | head -1)
  [ -n "$ir" ] || ir=$(sed -n 's/^summary: *\([0-9]*\).*/\1/p' "$f" | head -1)
  if [ "$op" = create ]; then
    printf '| bm_parser_new + bm_parser_free (once, after one warm-up) | %s | - |\n' "$ir"
  else
    printf '| %s | %s | %s |\n' "$op" "$ir" "$(awk -v a="$ir" -v b="$bytes" 'BEGIN { printf "%.1f", a / b }')"
  fi
done
echo
# Library-level view: inlined copies (absolute /work/... paths) are left out.
top() (
  set +o pipefail  # head closes the pipe early
  callgrind_annotate --auto=no "$@" 2>/dev/null | sed -n '/file:function/,$p' | sed 1,2d |
    grep -v '^ *[0-9,]* ([ 0-9.]*%)  /' | grep -Ev 'libc-start|below main|callgrind.cpp:main|ld-linux' |
    head -n "$n" | perl -pe 'if (/^(.*?%\)  )(.*)$/) { my ($a, $f) = ($1, $2); 1 while $f =~ s/\((?:[^()]|\([^()]*\))*\)(?=\s*(\[|$|::|\)))//; $f =~ s/\s*\[.*\]\s*$//; $_ = "$a$f\n" }' | cut -c1-160
)
for op in normalize parse; do
  echo "## $op: top functions, inclusive (callgrind_annotate --inclusive=yes $out/$op.out)"
  n=30 top --inclusive=yes "$out/$op.out"
  echo
  echo "## $op: top functions, self"
  n=20 top "$out/$op.out"
  echo
done
echo "profiles: $out/*.out (callgrind_annotate --inclusive=yes FILE, or kcachegrind)"
