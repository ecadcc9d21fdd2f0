#!/bin/sh
# usage: cli_test.sh BANMIAN_BINARY TEST_DATA_DIR VERSION CASE
# Runs one case against the `banmian` tool; exits non-zero with a message
# when a check fails. POSIX sh only.
set -u
BIN=$1
DATA=$2
VERSION=$3
CASE=$4
TMP=$(mktemp -d "${TMPDIR:-/tmp}/bm_cli_test.XXXXXX") || exit 1
trap 'rm -rf "$TMP"' EXIT
OUT=$TMP/stdout
ERR=$TMP/stderr

fail() {
  echo "cli.$CASE: FAIL: $*" >&2
  echo "--- stdout:" >&2; head -c 2000 "$OUT" >&2 2>/dev/null
  echo "--- stderr:" >&2; head -c 2000 "$ERR" >&2 2>/dev/null
  exit 1
}
# run ARGS...: runs the tool, stdin from /dev/null unless STDIN is a file.
run() {
  if [ -n "${STDIN:-}" ]; then "$BIN" "$@" <"$STDIN" >"$OUT" 2>"$ERR"; else "$BIN" "$@" </dev/null >"$OUT" 2>"$ERR"; fi
  RC=$?
}
# VLIMIT: ulimit -v value in KiB that bounds the address space of a run, or
# "unlimited" when the tool cannot start under it (sanitizer builds reserve
# terabytes of shadow memory).
VLIMIT=1048576
(ulimit -v $VLIMIT 2>/dev/null && "$BIN" --version) >/dev/null 2>&1 || VLIMIT=unlimited
expect_rc() { [ "$RC" -eq "$1" ] || fail "exit status $RC, want $1"; }
expect_out() { [ "$(cat "$OUT")" = "$1" ] || fail "stdout is not '$1'"; }
out_has() { grep -q -- "$1" "$OUT" || fail "stdout lacks '$1'"; }
err_has() { grep -q -- "$1" "$ERR" || fail "stderr lacks '$1'"; }
err_empty() { [ ! -s "$ERR" ] || fail "stderr is not empty"; }
out_empty() { [ ! -s "$OUT" ] || fail "stdout is not empty"; }

# 昨天,记者 (UTF-8) and its normalized form 昨天，记者
printf '\346\230\250\345\244\251,\350\256\260\350\200\205\n' >"$TMP/in.txt"
WANT=$(printf '\346\230\250\345\244\251\357\274\214\350\256\260\350\200\205')
# 中文,测试 in GB18030 (D6D0 CEC4 2C B2E2 CAD4) -> 中文，测试
printf '\326\320\316\304,\262\342\312\324\n' >"$TMP/gb.txt"
WANT_GB=$(printf '\344\270\255\346\226\207\357\274\214\346\265\213\350\257\225')

case $CASE in
  version)
    run --version; expect_rc 0; expect_out "banmian $VERSION"; err_empty ;;
  help)
    run --help; expect_rc 0; out_has "usage:"; out_has "banmian normalize"; out_has "banmian parse"; err_empty ;;
  view_without_python)
    # `banmian view` runs the Python package's renderer; without Python it says so.
    BANMIAN_PYTHON=/nonexistent/python3 run view "$TMP/in.txt"; expect_rc 1; err_has "cannot run"; out_empty ;;
  help_subcommand)
    run normalize --help; expect_rc 0; out_has "usage:" ;;
  no_arguments)
    run; expect_rc 2; err_has "usage:"; out_empty ;;
  unknown_command)
    run frobnicate; expect_rc 2; err_has "unknown command 'frobnicate'"; out_empty ;;
  normalize_file)
    run normalize "$TMP/in.txt"; expect_rc 0; expect_out "$WANT"; err_empty ;;
  normalize_stdin)
    STDIN=$TMP/in.txt run normalize; expect_rc 0; expect_out "$WANT" ;;
  normalize_dash)
    STDIN=$TMP/in.txt run normalize -; expect_rc 0; expect_out "$WANT" ;;
  normalize_encoding)
    run normalize --encoding GB18030 "$TMP/gb.txt"; expect_rc 0; expect_out "$WANT_GB"
    run normalize --encoding=gb18030 "$TMP/gb.txt"; expect_rc 0; expect_out "$WANT_GB" ;;
  unknown_encoding)
    run normalize --encoding no-such-enc "$TMP/in.txt"; expect_rc 1; out_empty
    err_has "no-such-enc"; err_has "unknown encoding" ;;
  strict_offset)
    printf 'ab\377cd\n' >"$TMP/bad.txt"
    run normalize --strict --encoding UTF-8 "$TMP/bad.txt"; expect_rc 1; out_empty; err_has "byte 2"
    run normalize --encoding UTF-8 "$TMP/bad.txt"; expect_rc 0
    out_has "$(printf 'ab\357\277\275cd')" ;;
  missing_file)
    run normalize "$TMP/does-not-exist.txt"; expect_rc 1; err_has "does-not-exist.txt"; out_empty ;;
  bad_option)
    run normalize --frob; expect_rc 2; err_has "usage:" ;;
  parse_stdout)
    run parse "$DATA/pages/dev/000_50c3b934bb05f683.txt"; expect_rc 0
    [ "$(wc -l <"$OUT")" -eq 1 ] || fail "want one line of JSON"
    out_has '"banmian.page/1"'; head -c 1 "$OUT" | grep -q '{' || fail "stdout does not start with {" ;;
  parse_out_dir)
    run parse --out "$TMP/json" "$DATA/pages/dev/000_50c3b934bb05f683.txt" "$DATA/pages/dev/001_9b8e91649bcfa4b4.txt"
    expect_rc 0; out_empty
    for n in 000_50c3b934bb05f683 001_9b8e91649bcfa4b4; do
      [ -s "$TMP/json/$n.json" ] || fail "$n.json not written"
      grep -q '"banmian.page/1"' "$TMP/json/$n.json" || fail "$n.json lacks the schema"
    done
    [ "$(ls "$TMP/json" | wc -l)" -eq 2 ] || fail "want exactly two files in --out" ;;
  parse_pdf_refused)
    # A PDF (starts with %PDF-): the C++ tool has no PDF reader and says where
    # one is; the other inputs are still parsed; exit status 1.
    printf '%%PDF-1.7\n%%\342\343\317\323\n1 0 obj\n<<>>\nendobj\n%%%%EOF\n' >"$TMP/page.pdf"
    run parse --jsonl "$TMP/page.pdf" "$TMP/in.txt"; expect_rc 1
    err_has "page.pdf: a PDF file"; err_has "no PDF reader"; err_has "python -m banmian parse $TMP/page.pdf"
    err_has "pip install 'banmian\[pdf\]'"
    [ "$(wc -l <"$OUT")" -eq 1 ] || fail "want the text page's JSON (one line)"
    out_has '"banmian.page/1"'; out_has "$WANT"
    run parse --out "$TMP/json" "$TMP/page.pdf"; expect_rc 1; err_has "no PDF reader"
    [ ! -e "$TMP/json/page.json" ] || fail "a JSON file was written for the PDF"
    # Only the first bytes count: %PDF- later in a text file is text.
    printf '%s %%PDF-1.7\n' "$WANT" >"$TMP/mention.txt"
    run parse "$TMP/mention.txt"; expect_rc 0; out_has '"banmian.page/1"' ;;
  parse_jsonl)
    run parse --jsonl "$DATA"/pages/dev/*.txt; expect_rc 0
    PAGES=$(ls "$DATA"/pages/dev/*.txt | wc -l)
    [ "$(wc -l <"$OUT")" -eq "$PAGES" ] || fail "want $PAGES lines, one per page"
    [ "$(grep -c '^{.*"banmian.page/1".*}$' "$OUT")" -eq "$PAGES" ] || fail "every line must be one page's JSON" ;;
  parse_no_files)
    run parse; expect_rc 2; err_has "no input files" ;;
  parse_bad_lexicon)
    printf '[nonsense]\nx\n' >"$TMP/bad.lex"
    run parse --lexicon "$TMP/bad.lex" "$TMP/in.txt"; expect_rc 1; out_empty; err_has "bad.lex:1" ;;
  parse_directory)
    # A directory among the inputs is an error line naming it; the others are
    # still parsed (issue 16: it used to abort the whole run with SIGABRT).
    run parse --jsonl "$TMP/in.txt" "$TMP" "$TMP/gb.txt"; expect_rc 1
    [ "$(wc -l <"$OUT")" -eq 2 ] || fail "want the two readable pages on stdout"
    err_has "$TMP: Is a directory"
    run parse "$TMP"; expect_rc 1; out_empty; err_has "Is a directory" ;;
  normalize_directory)
    run normalize "$TMP"; expect_rc 1; out_empty; err_has "$TMP: Is a directory" ;;
  parse_endless_input)
    # /dev/zero never ends: reading stops one byte past the limit (64 MiB by
    # default), well inside 1 GiB of address space (it used to grow forever).
    [ -r /dev/zero ] || exit 0
    (ulimit -v $VLIMIT 2>/dev/null; "$BIN" parse /dev/zero "$TMP/in.txt" >"$OUT" 2>"$ERR"); RC=$?
    expect_rc 1; err_has "/dev/zero: input too large"; out_has '"banmian.page/1"' ;;
  normalize_endless_input)
    [ -r /dev/zero ] || exit 0
    (ulimit -v $VLIMIT 2>/dev/null; "$BIN" normalize - </dev/zero >"$OUT" 2>"$ERR"); RC=$?
    expect_rc 1; out_empty; err_has "<stdin>: input too large" ;;
  parse_jobs_identical)
    # --jobs 2 and 8: stdout byte-identical to --jobs 1 over many inputs (unreadable
    # ones among them), the same error lines in the same order, the same exit status.
    i=0; : >"$TMP/list"
    while [ $i -lt 4 ]; do
      for f in "$DATA"/pages/dev/*.txt; do printf '%s\n' "$f" >>"$TMP/list"; done
      [ $i = 2 ] && printf '%s\n' "$TMP/missing.txt" "$TMP" "$TMP/gb.txt" >>"$TMP/list"
      i=$((i + 1))
    done
    N=$(wc -l <"$TMP/list")
    for mode in --jsonl --summary ""; do
      run parse $mode --jobs 1 "@$TMP/list"; expect_rc 1
      cp "$OUT" "$TMP/out1"; grep -v '^banmian: [0-9]* pages' "$ERR" >"$TMP/err1"
      [ "$(wc -l <"$TMP/err1")" -eq 2 ] || fail "want two error lines ($mode)"
      for j in 2 8; do
        run parse $mode --jobs $j "@$TMP/list"; expect_rc 1
        cmp -s "$OUT" "$TMP/out1" || fail "--jobs $j $mode: stdout differs from --jobs 1"
        grep -v '^banmian: [0-9]* pages' "$ERR" | cmp -s - "$TMP/err1" || fail "--jobs $j $mode: stderr differs"
      done
    done
    [ "$(wc -l <"$TMP/out1")" -eq $((N - 2)) ] || fail "want $((N - 2)) pages of JSON"
    run parse --out "$TMP/j2" --jobs 2 "$DATA"/pages/dev/*.txt; expect_rc 0; out_empty
    run parse --out "$TMP/j1" --jobs 1 "$DATA"/pages/dev/*.txt; expect_rc 0
    diff -r "$TMP/j1" "$TMP/j2" >/dev/null || fail "--out differs between --jobs 1 and 2"
    run parse --jobs 0 "$TMP/in.txt"; expect_rc 0
    run parse --jobs x "$TMP/in.txt"; expect_rc 2; err_has "--jobs needs a number"
    run parse --jobs 5000 "$TMP/in.txt"; expect_rc 2 ;;
  parse_file_lists)
    # @LIST: one path per line (CRLF and empty lines allowed); @- reads the list
    # from stdin; a lone - is still a page on stdin; an unreadable list is an error line.
    printf '%s\r\n\n%s\n' "$TMP/in.txt" "$TMP/gb.txt" >"$TMP/list"
    run parse --jsonl "$TMP/in.txt" "$TMP/gb.txt"; expect_rc 0; cp "$OUT" "$TMP/want"
    run parse --jsonl "@$TMP/list"; expect_rc 0
    cmp -s "$OUT" "$TMP/want" || fail "@LIST output differs from the same paths as arguments"
    STDIN=$TMP/list run parse --jsonl @-; expect_rc 0
    cmp -s "$OUT" "$TMP/want" || fail "@- output differs from the same paths as arguments"
    STDIN=$TMP/in.txt run parse --jsonl - "@$TMP/list"; expect_rc 0
    [ "$(wc -l <"$OUT")" -eq 3 ] || fail "want the stdin page and the two listed"
    run parse --jsonl "@$TMP/no-such-list" "$TMP/in.txt"; expect_rc 1
    err_has "no-such-list: No such file"; [ "$(wc -l <"$OUT")" -eq 1 ] || fail "want the other input parsed"
    run parse @- -; expect_rc 2; err_has "stdin" ;;
  parse_summary_line)
    # More than one input (or a list): one summary line on stderr at the end.
    run parse --jsonl "$DATA"/pages/dev/*.txt "$TMP/missing.txt"; expect_rc 1
    PAGES=$(ls "$DATA"/pages/dev/*.txt | wc -l)
    ARTICLES=$(grep -o '"kind":' "$OUT" | wc -l)
    tail -n 1 "$ERR" | grep -Eq "^banmian: $PAGES pages, [0-9]+ articles, 1 failures; [0-9.]+ MB in [0-9.]+ s \([0-9.]+ MB/s\)\$" \
      || fail "no summary line at the end of stderr"
    [ "$(grep -c 'pages, ' "$ERR")" -eq 1 ] || fail "want one summary line"
    grep -q "pages, $ARTICLES articles" "$ERR" || fail "the summary line does not count $ARTICLES articles"
    run parse --no-summary --jsonl "$DATA"/pages/dev/*.txt; expect_rc 0; err_empty
    run parse --jsonl "$TMP/in.txt"; expect_rc 0; err_empty ;;
  parse_progress)
    # Never a progress bar when stderr is not a terminal; on a terminal (script(1)
    # gives one, when installed) a bar unless --no-progress.
    run parse --jsonl "$DATA"/pages/dev/*.txt; expect_rc 0
    if grep -q "$(printf '\r')" "$ERR" || grep -q 'pages *[0-9]*%' "$ERR"; then fail "progress bar without a tty"; fi
    command -v script >/dev/null 2>&1 || exit 0
    script -qec "'$BIN' parse --jsonl $DATA/pages/dev/*.txt >/dev/null" /dev/null >"$ERR" 2>&1 </dev/null || true
    grep -q '\[#*\.*\] [0-9]*/[0-9]* pages' "$ERR" || { echo "cli.$CASE: no bar on a pty (script(1) here gives none?)" >&2; exit 0; }
    script -qec "'$BIN' parse --no-progress --jsonl $DATA/pages/dev/*.txt >/dev/null" /dev/null >"$ERR" 2>&1 </dev/null || true
    if grep -q '\[#*\.*\] [0-9]*/[0-9]* pages' "$ERR"; then fail "a progress bar with --no-progress"; fi
    grep -q "pages, " "$ERR" || fail "no summary line on the tty" ;;
  parse_issue_date)
    # --issue-date: the issue's date when the page prints none; a bad value is a usage error.
    run parse --issue-date 2025-13-40 "$TMP/in.txt"; expect_rc 2; err_has "issue-date needs a date as YYYY-MM-DD"; out_empty
    run parse --issue-date 2025-02-29 "$TMP/in.txt"; expect_rc 2; err_has "not '2025-02-29'"
    run parse --issue-date "$TMP/in.txt"; expect_rc 2
    # 本报讯 昨天开会。
    printf '\346\234\254\346\212\245\350\256\257 \346\230\250\345\244\251\345\274\200\344\274\232\343\200\202\n' >"$TMP/dated.txt"
    run parse --issue-date 2025-01-08 "$TMP/dated.txt"; expect_rc 0
    out_has '"issue_date":"2025-01-08"'; out_has '"date":"2025-01-07"' ;;
  parse_script)
    # --script keep|simplified|traditional: the output text's script; anything else is a usage error.
    run parse --script bogus "$TMP/in.txt"; expect_rc 2; err_has "--script needs keep, simplified or traditional, not 'bogus'"; out_empty
    run parse "$TMP/in.txt" --script; expect_rc 2; err_has "needs a value"
    run normalize --script Simplified "$TMP/in.txt"; expect_rc 2; err_has "not 'Simplified'"; out_empty
    # keep is the default, byte for byte
    "$BIN" parse --no-summary --jsonl "$DATA"/pages/dev/*.txt >"$TMP/default.jsonl" 2>/dev/null || fail "parse failed"
    run parse --no-summary --jsonl --script keep "$DATA"/pages/dev/*.txt; expect_rc 0
    cmp -s "$OUT" "$TMP/default.jsonl" || fail "--script keep differs from the default output"
    # 昨天，记者 -> 昨天，記者
    run normalize --script traditional "$TMP/in.txt"; expect_rc 0
    expect_out "$(printf '\346\230\250\345\244\251\357\274\214\350\250\230\350\200\205')"
    run normalize --script=simplified "$TMP/in.txt"; expect_rc 0; expect_out "$WANT"
    # 本報訊 國會開會。 -> 国会 in the article, 國會 still in the page text the spans point into
    printf '\346\234\254\345\240\261\350\250\212 \345\234\213\346\234\203\351\226\213\346\234\203\343\200\202\n' >"$TMP/trad.txt"
    run parse --script simplified "$TMP/trad.txt"; expect_rc 0
    out_has "$(printf '\345\233\275\344\274\232')"
    run parse "$TMP/trad.txt"; expect_rc 0; out_has "$(printf '\345\234\213\346\234\203')" ;;
  *)
    fail "unknown case" ;;
esac
exit 0
