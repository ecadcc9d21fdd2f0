#!/usr/bin/env bash
# The ABI gate (abi/README.md):
#  1. `nm -D --defined-only` of libbanmian.so shows only bm_* functions (plus
#     the BANMIAN_0 version node of cmake/banmian.map): ICU, utf8proc and C++
#     internals are never exported;
#  2. the SONAME is libbanmian.so.<BM_SOVERSION>;
#  3. abidiff of the library against the committed baseline abi/libbanmian.abi
#     (abidw, public headers only) fails on an incompatible change (removed or
#     changed function, changed struct layout) and reports compatible ones
#     (added functions) without failing.
# usage: scripts/abi-check.sh [--update]   (--update rewrites the baseline after
#        an intended change; an incompatible one also needs a SOVERSION bump)
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${BM_ABI_BUILD_DIR:-build-rel-path}
cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$dir" -j "${BM_JOBS:-2}" --target banmian
lib=$(readlink -f "$dir/src/libbanmian.so")

# 1. exported symbols
bad=$(nm -D --defined-only "$lib" | awk '{print $NF}' | grep -v -E '^bm_[a-z0-9_]+(@@BANMIAN_0)?$' | grep -v -E '^BANMIAN_0$' || true)
count=$(nm -D --defined-only "$lib" | awk '{print $NF}' | grep -c -E '^bm_' || true)
if [ -n "$bad" ]; then
  echo "abi: FAIL: exported symbols that are not bm_*:"; echo "$bad" | head -20; exit 1
fi
echo "abi: $count exported symbols, all bm_*"
# every function declared in the public headers is exported, and nothing else
declared=$(grep -hoE '^BM_EXTERN [^(]*\b(bm_[a-z0-9_]+)\(' include/banmian/*.h | grep -oE 'bm_[a-z0-9_]+\($' | tr -d '(' | sort -u)
exported=$(nm -D --defined-only "$lib" | awk '{print $NF}' | sed 's/@.*//' | grep -E '^bm_' | sort -u)
if [ "$declared" != "$exported" ]; then
  echo "abi: FAIL: exported functions differ from the BM_EXTERN declarations:"
  diff <(echo "$declared") <(echo "$exported") || true
  exit 1
fi

# 2. SONAME
sover=$(sed -nE 's/^set\(BM_SOVERSION ([0-9]+)\).*/\1/p' CMakeLists.txt)
soname=$(objdump -p "$lib" | awk '/SONAME/ {print $2}')
if [ "$soname" != "libbanmian.so.$sover" ]; then
  echo "abi: FAIL: SONAME $soname, expected libbanmian.so.$sover"; exit 1
fi
echo "abi: SONAME $soname"

# 3. abidiff against the baseline
command -v abidw >/dev/null || { echo "abi: abidw not installed (apt-get install abigail-tools)" >&2; exit 2; }
cur=$dir/libbanmian.abi
abidw --no-corpus-path --no-comp-dir-path --drop-undefined-syms --no-show-locs \
  --suppressions abi/public-only.suppr --headers-dir include/banmian --headers-dir "$dir/include/banmian" \
  --out-file "$cur" "$lib"
if [ "${1:-}" = "--update" ]; then
  cp "$cur" abi/libbanmian.abi
  echo "abi: baseline abi/libbanmian.abi updated"
  exit 0
fi
# A change that is not a pure addition fails: abidiff reports removed
# functions as incompatible (8) and layout/type changes of public types as
# "ABI change" (4); with added functions left out (--no-added-syms) and the
# allowed appends suppressed (abi/compatible.suppr), any remaining change is a break.
set +e
abidiff --no-added-syms --suppressions abi/compatible.suppr abi/libbanmian.abi "$cur" >"$dir/abidiff.txt" 2>&1
rc=$?
set -e
if [ $((rc & 3)) -ne 0 ]; then echo "abi: abidiff error ($rc)"; cat "$dir/abidiff.txt"; exit 1; fi
if [ $((rc & 12)) -ne 0 ]; then
  echo "abi: FAIL: incompatible ABI change against abi/libbanmian.abi (abidiff status $rc):"; cat "$dir/abidiff.txt"
  echo "abi: bump BM_SOVERSION and run scripts/abi-check.sh --update if this is intended"; exit 1
fi
set +e
abidiff --suppressions abi/compatible.suppr abi/libbanmian.abi "$cur" >"$dir/abidiff-all.txt" 2>&1
rc=$?
set -e
if [ $((rc & 4)) -ne 0 ]; then
  echo "abi: compatible ABI change (run scripts/abi-check.sh --update to record it):"
  head -30 "$dir/abidiff-all.txt"
else
  echo "abi: no ABI change against abi/libbanmian.abi"
fi
