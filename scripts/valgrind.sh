#!/usr/bin/env bash
# valgrind memcheck over the C API: the C API tests (tests/capi/test_*.c), the
# C example, the thread test (1 round x 2 threads), the replay of the fuzz
# targets over the dev pages and the regression inputs, and the CLI (parse and
# normalize) over the dev pages. Passes only with 0 errors and 0 bytes
# definitely or indirectly lost in every run (ICU's process-lifetime caches
# are "still reachable", which is not a leak).
# Uses the release build in ${BM_VALGRIND_BUILD_DIR:-build-rel-path}.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${BM_VALGRIND_BUILD_DIR:-build-rel-path}
command -v valgrind >/dev/null || { echo "valgrind: not installed (apt-get install valgrind)" >&2; exit 2; }
cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBM_BUILD_TESTS=ON -DBM_BUILD_SWIG=OFF >/dev/null
cmake --build "$dir" -j "${BM_JOBS:-2}"
logs=$dir/valgrind
rm -rf "$logs"; mkdir -p "$logs"
pages=(tests/data/pages/dev/*.txt)
runs=0
fail=0
vg() {  # vg NAME CMD...
  local name=$1; shift
  runs=$((runs + 1))
  if ! valgrind --tool=memcheck --leak-check=full --show-leak-kinds=definite,indirect \
        --errors-for-leak-kinds=definite,indirect --error-exitcode=99 --track-origins=yes \
        --log-file="$logs/$name.log" "$@" >"$logs/$name.out" 2>&1; then
    echo "valgrind: $name FAILED (see $logs/$name.log)"; fail=1
  fi
  local errs defl indl
  errs=$(grep -E 'ERROR SUMMARY' "$logs/$name.log" | sed -E 's/.*ERROR SUMMARY: ([0-9,]+) errors.*/\1/')
  defl=$(grep -E 'definitely lost:' "$logs/$name.log" | sed -E 's/.*definitely lost: ([0-9,]+) bytes.*/\1/' || true)
  indl=$(grep -E 'indirectly lost:' "$logs/$name.log" | sed -E 's/.*indirectly lost: ([0-9,]+) bytes.*/\1/' || true)
  printf 'valgrind: %-34s errors %s, definitely lost %s, indirectly lost %s\n' "$name" "$errs" "${defl:-0}" "${indl:-0}"
}
for t in "$dir"/tests/capi/bm_capi_test_*; do
  [ -x "$t" ] && vg "capi.$(basename "$t")" "$t"
done
[ -x "$dir/examples/bm_example_parse_page" ] && vg example.parse_page "$dir/examples/bm_example_parse_page" examples/data/sample-page.txt
vg threads "$dir/tests/threads/bm_thread_test" 1 2
for t in parse normalize metamorphic; do vg "replay.$t.dev" "$dir/tests/pathological/bm_replay_$t" tests/data/pages/dev; done
# regression inputs, except those of open bugs (known-failing.txt: they abort)
known=$(grep -E '^[a-z]' tests/fuzz/regress/known-failing.txt 2>/dev/null | awk '{print $1}' || true)
for t in decode normalize parse metamorphic api edges; do
  inputs=()
  for f in tests/fuzz/regress/$t/*; do
    [ -f "$f" ] || continue
    grep -qxF "$t/$(basename "$f")" <<<"$known" || inputs+=("$f")
  done
  [ ${#inputs[@]} -gt 0 ] && vg "replay.$t.regress" "$dir/tests/pathological/bm_replay_$t" "${inputs[@]}"
done
vg cli.parse "$dir/src/cli/banmian" parse --jsonl "${pages[@]}"
vg cli.parse.pretty "$dir/src/cli/banmian" parse --pretty "${pages[0]}"
vg cli.normalize "$dir/src/cli/banmian" normalize "${pages[0]}"
vg cli.summary "$dir/src/cli/banmian" parse --summary "${pages[@]}"
if [ $fail -ne 0 ]; then echo "valgrind: FAILED"; exit 1; fi
echo "valgrind: $runs runs, 0 errors, 0 bytes definitely/indirectly lost"
