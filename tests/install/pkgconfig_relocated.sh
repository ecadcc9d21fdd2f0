#!/usr/bin/env bash
# pkgconfig_relocated.sh BUILD_DIR CC WORK_DIR
# The pkg-config file works from wherever the package is: installs BUILD_DIR
# to WORK_DIR/a, moves it to WORK_DIR/moved/b, then compiles a small C
# program with `pkg-config --cflags --libs banmian` found through the moved
# copy only and runs it (shared library), and again with `--static`
# (libbanmian.a, ICU and utf8proc). Also checks that --cflags passes on no
# flag of our dependencies' builds (Debian's libutf8proc.pc has
# -DUTF8PROC_EXPORTS) and nothing from the original prefix.
set -euo pipefail
build=$1 cc=$2 work=$3
# Debian's pkgconf 1.8 itself crashes on a 256 KiB stack (the `stack` step of
# scripts/ci-extra.sh, which is about our recursion): skipped there (ctest: 77).
stack=$(ulimit -s)
if [ "$stack" != unlimited ] && [ "$stack" -lt 2048 ]; then
  echo "pkgconfig_relocated: skipped: a $stack KiB stack is too small for pkg-config itself"; exit 77
fi
rm -rf "$work"; mkdir -p "$work/moved"
cmake --install "$build" --prefix "$work/a" >"$work/install.log"
mv "$work/a" "$work/moved/b"
prefix=$work/moved/b
pcdir=$(dirname "$(find "$prefix" -name banmian.pc | head -1)")
[ -f "$pcdir/banmian.pc" ] || { echo "FAIL: no banmian.pc under $prefix"; exit 1; }
export PKG_CONFIG_PATH=$pcdir
unset PKG_CONFIG_LIBDIR PKG_CONFIG_SYSROOT_DIR

cflags=$(pkg-config --cflags banmian)
libs=$(pkg-config --libs banmian)
static_libs=$(pkg-config --static --libs banmian)
libdir=$(pkg-config --variable=libdir banmian)
echo "cflags: $cflags"; echo "libs: $libs"; echo "static: $static_libs"
case "$cflags $libs" in
  *UTF8PROC_EXPORTS*|*"-D"*) echo "FAIL: --cflags/--libs pass on a define: $cflags $libs"; exit 1 ;;
esac
case "$cflags $libs" in
  *"$work/a/"*|*"$work/a "*) echo "FAIL: a path of the prefix before the move"; exit 1 ;;
esac
case "$cflags" in *"$prefix"*) ;; *) echo "FAIL: --cflags does not point into the moved prefix"; exit 1 ;; esac
[ "$(cd "$libdir" && pwd -P)" = "$(cd "$(dirname "$(find "$prefix" -name 'libbanmian.so' | head -1)")" && pwd -P)" ] \
  || { echo "FAIL: libdir $libdir is not where libbanmian.so is"; exit 1; }

cat >"$work/use.c" <<'C'
#include <banmian/banmian.h>
#include <stdio.h>
#include <string.h>
int main(void) {
  const char *text = "新华社北京3月1日电（记者张三）今天召开会议。\n";
  bm_parser *parser = NULL; bm_page *page = NULL; char *json = NULL;
  if (bm_parser_new(NULL, &parser) != 0) return 2;
  if (bm_parse(parser, text, strlen(text), NULL, &page) != 0) return 3;
  if (bm_page_to_json(page, 0, &json, NULL) != 0) return 4;
  printf("%s %s\n", bm_version(), strstr(json, "\"articles\"") ? "articles" : "none");
  bm_string_free(json); bm_page_free(page); bm_parser_free(parser);
  return 0;
}
C
# Shared: found at run time through the moved libdir (LD_LIBRARY_PATH, as a user would set it or an rpath).
"$cc" -std=c99 -Wall -Werror $cflags "$work/use.c" -o "$work/use_shared" $libs
LD_LIBRARY_PATH=$libdir "$work/use_shared" | tee "$work/shared.out"
grep -q ' articles$' "$work/shared.out"
# Static: libbanmian.a by its path, then what `--static --libs` adds (ICU, utf8proc, libstdc++).
"$cc" -std=c99 -Wall -Werror $cflags -DBM_STATIC "$work/use.c" -o "$work/use_static" \
  "$libdir/libbanmian.a" $(pkg-config --static --libs-only-L --libs-only-other banmian) \
  $(pkg-config --static --libs-only-l banmian | sed 's/-lbanmian//')
if ldd "$work/use_static" | grep -q libbanmian; then echo "FAIL: the static program loads libbanmian.so"; exit 1; fi
"$work/use_static" | tee "$work/static.out"
grep -q ' articles$' "$work/static.out"
echo "pkgconfig_relocated: ok ($prefix)"
