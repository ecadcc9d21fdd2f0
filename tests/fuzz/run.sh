#!/usr/bin/env bash
# Builds the libFuzzer targets (clang-14, ASan+UBSan, -fno-sanitize-recover=all)
# in ${BM_FUZZ_BUILD_DIR:-build-fuzz}, makes the seed corpus and runs each
# target for ${BM_FUZZ_SECONDS:-60} seconds, one at a time (one core).
# usage: tests/fuzz/run.sh [--minutes N | --seconds N] [--update-corpus] [TARGET...]
#   (default: every target). Each target starts from the kept corpus
#   tests/fuzz/corpus/TARGET (committed, minimized), the run's own corpus in
#   $dir/corpus/TARGET and the generated seeds; --update-corpus merges what the
#   run found into the kept corpus (libFuzzer -merge=1: only inputs that add
#   coverage), to be committed. A line per target reports executions, exec/s,
#   coverage, features and the kept corpus; a crash or invariant violation
#   leaves crash-* in $dir/artifacts and fails.
set -euo pipefail
cd "$(dirname "$0")/../.."
dir=${BM_FUZZ_BUILD_DIR:-build-fuzz}
secs=${BM_FUZZ_SECONDS:-60}
update=0
targets=""
while [ $# -gt 0 ]; do
  case $1 in
    --minutes) secs=$(( $2 * 60 )); shift 2 ;;
    --seconds) secs=$2; shift 2 ;;
    --update-corpus) update=1; shift ;;
    -*) echo "run.sh: unknown option $1" >&2; exit 2 ;;
    *) targets="$targets $1"; shift ;;
  esac
done
targets=${targets:-decode normalize parse metamorphic api edges}
CC=${CC_FUZZ:-clang-14} CXX=${CXX_FUZZ:-clang++-14} \
  cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBM_BUILD_FUZZ=ON \
  -DBM_BUILD_TESTS=OFF -DBM_BUILD_CLI=OFF -DBM_BUILD_EXAMPLES=OFF "-DBM_SANITIZE=address;undefined" >/dev/null
cmake --build "$dir" -j 2 --target bm_fuzz_make_seeds $(for t in $targets; do echo bm_fuzz_$t; done)
seeds=$dir/seeds
rm -rf "$seeds"
"$dir/tests/fuzz/bm_fuzz_make_seeds" "$seeds" tests/data/pages/dev/*.txt
mkdir -p "$dir/artifacts"
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:symbolize=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
status=0
for t in $targets; do
  corpus=$dir/corpus/$t
  kept=tests/fuzz/corpus/$t
  mkdir -p "$corpus" "$kept"
  seed=$seeds/text
  [ "$t" = decode ] && seed=$seeds/decode
  [ "$t" = api ] && seed=""
  [ "$t" = edges ] && seed=""
  log=$dir/fuzz-$t.log
  echo "fuzz: $t for ${secs}s"
  if "$dir/tests/fuzz/bm_fuzz_$t" -max_total_time="$secs" -timeout=25 -rss_limit_mb=4096 -max_len=65536 \
       -dict=tests/fuzz/banmian.dict -print_final_stats=1 -artifact_prefix="$dir/artifacts/$t-" \
       "$corpus" "$kept" $seed >"$log" 2>&1; then
    echo "fuzz: $t ok: $(grep -E '^stat::number_of_executed_units' "$log" | awk '{print $2}') execs," \
         "$(grep -E '^stat::average_exec_per_sec' "$log" | awk '{print $2}') exec/s," \
         "cov $(grep -oE 'cov: [0-9]+' "$log" | tail -1 | awk '{print $2}')," \
         "ft $(grep -oE 'ft: [0-9]+' "$log" | tail -1 | awk '{print $2}')," \
         "corpus $(ls "$corpus" | wc -l) units, no findings"
  else
    echo "fuzz: $t FAILED (log $log):"
    grep -A2 -E "invariant violated|ERROR: [A-Z]|SUMMARY" "$log" | head -20 || true
    status=1
  fi
  if [ "$update" = 1 ]; then
    # Keep only what adds coverage to the kept corpus (sizes stay under max_len).
    "$dir/tests/fuzz/bm_fuzz_$t" -merge=1 -max_len=65536 -dict=tests/fuzz/banmian.dict \
      "$kept" "$corpus" >"$dir/merge-$t.log" 2>&1 || echo "fuzz: $t: merge failed ($dir/merge-$t.log)"
    # Units over 8 KiB are mostly the generated seeds (pages, floods), made
    # again by every run: they stay out of the repository.
    find "$kept" -type f -size +8k -delete
    echo "fuzz: $t: kept corpus $(ls "$kept" | wc -l) units, $(du -sk "$kept" | cut -f1) KiB"
  fi
done
exit $status
