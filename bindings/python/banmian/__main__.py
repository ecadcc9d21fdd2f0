"""``python -m banmian parse|normalize|view ...``: the same arguments, output and
exit codes as the ``banmian`` command-line tool (src/cli/). ``view`` is
implemented here only: the C++ tool's ``banmian view`` runs this module."""
from __future__ import annotations

import errno
import io
import os
import stat
import sys
import time
from typing import BinaryIO, List, Optional, Tuple

from . import _banmian
from ._api import Parser, _check_issue_date
from ._errors import Error
from ._model import Page

HELP = (
    "banmian - Chinese newspaper page text to clean, structured articles\n"
    "\n"
    "usage:\n"
    "  banmian normalize [--encoding ENC] [--strict] [--script SCRIPT] [FILE|-]\n"
    "      print the normalized text, one paragraph per line\n"
    "  banmian parse [--encoding ENC] [--strict] [--issue-date YYYY-MM-DD]\n"
    "                [--script SCRIPT] [--lexicon FILE [--replace-lexicon]]\n"
    "                [--out DIR | --jsonl | --summary] [--pretty] [--jobs N]\n"
    "                [--no-progress] [--no-summary] FILE... | @LIST | @-\n"
    "      split pages into articles; page JSON to stdout, one file per page in DIR\n"
    "      (DIR/NAME.json), one page per line (--jsonl), or a readable summary.\n"
    "      A PDF (a file starting %PDF-) is read from its geometry by python -m\n"
    "      banmian parse (pip install 'banmian[pdf]'), every page: DIR/NAME.json for\n"
    "      one page, DIR/NAME.p1.json ... otherwise (the C++ tool has no PDF reader)\n"
    "      @LIST reads the input paths from LIST, one per line (@- from stdin; a\n"
    "      lone - is a page on stdin); --jobs N parses on N threads (0: one per\n"
    "      core), output in input order. More than one input ends with a summary\n"
    "      line on stderr (pages, articles, failures, MB/s), with a progress bar\n"
    "      while it runs when stderr is a terminal\n"
    "  banmian view [--encoding ENC] [--strict] [--lexicon FILE [--replace-lexicon]]\n"
    "               [--page N] [-o FILE.html] FILE\n"
    "      the page view: one self-contained HTML file (stdout without -o) showing\n"
    "      every article's span in the page's text, its fields, flags and confidence.\n"
    "      For a PDF, page N (default 1) rendered with every article's box drawn\n"
    "      over it (python -m banmian view; pip install 'banmian[pdf]')\n"
    "  banmian --version | --help\n"
    "\n"
    "ENC is auto (default: UTF-8, else detected among GB18030, Big5, UTF-16),\n"
    "or any ICU converter name: UTF-8, GB18030, GBK, Big5, UTF-16LE, UTF-16BE ...\n"
    "SCRIPT is keep (default: the characters of the input), simplified or\n"
    "traditional: the script of the output text (spans still point into the input).\n"
    "Exit status: 0 ok, 1 an input could not be processed, 2 usage error.\n"
)

PARSE_USAGE = (
    "usage: banmian parse [--encoding ENC] [--strict] [--issue-date YYYY-MM-DD]\n"
    "                     [--script keep|simplified|traditional]\n"
    "                     [--lexicon FILE [--replace-lexicon]]\n"
    "                     [--out DIR | --jsonl | --summary] [--pretty] [--jobs N]\n"
    "                     [--no-progress] [--no-summary] FILE... | @LIST | @-\n"
)
NORMALIZE_USAGE = ("usage: banmian normalize [--encoding ENC] [--strict] "
                   "[--script keep|simplified|traditional] [FILE|-]\n")
_MAX_JOBS = 1024
_SCRIPTS = ("keep", "simplified", "traditional")


def _err(s: str) -> None:
    sys.stderr.write(s)


def _report(what: str, e: Error) -> None:
    s = f"banmian: {what}: {e.message}"
    if e.byte_offset is not None:
        s += f" (byte {e.byte_offset})"
    _err(s + f" [{_banmian.status_string(e.code)}]\n")


_CHUNK_BYTES = 1 << 20


def _read_input(path: str, limit: int) -> Tuple[Optional[bytes], str]:
    """The bytes of ``path`` ("-": stdin), read in chunks up to one byte past
    ``limit`` (the C++ CLI's read_input): /dev/zero or a huge pipe cost at most
    limit + 1 bytes and say "input too large"; a file that says its size larger
    than the limit is not read at all."""
    name = "<stdin>" if path == "-" else path
    too_large = f"{name}: input too large (more than {limit} bytes)"
    try:
        f = sys.stdin.buffer if path == "-" else open(path, "rb")
    except OSError as e:
        return None, f"{name}: {e.strerror}"
    try:
        try:
            st = os.fstat(f.fileno())
            if stat.S_ISDIR(st.st_mode):
                return None, f"{name}: {os.strerror(errno.EISDIR)}"
            if stat.S_ISREG(st.st_mode) and st.st_size > limit:
                return None, too_large
        except (OSError, ValueError, io.UnsupportedOperation):
            pass  # no descriptor (a replaced sys.stdin): the chunked read still stops at the limit
        chunks: List[bytes] = []
        total = 0
        while total <= limit:
            chunk = f.read(min(_CHUNK_BYTES, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        if total > limit:
            return None, too_large
        return (chunks[0] if len(chunks) == 1 else b"".join(chunks)), ""
    except OSError as e:
        return None, f"{name}: {e.strerror}"
    finally:
        if f is not sys.stdin.buffer:
            f.close()


def _stem(path: str) -> str:
    base = path[path.rfind("/") + 1:]
    dot = base.rfind(".")
    if dot > 0:
        base = base[:dot]
    return base or "stdin"


def _summary(out: BinaryIO, path: str, page: Page) -> None:
    lines = [f"{path}: {len(page.articles)} articles (encoding {page.encoding}"
             + (f", edition {page.edition}" if page.edition else "") + ")"]
    for a in page.articles:
        title = a.title if a.title else (a.headline[0] if a.headline else None)
        lines.append(f"  [{a.index}] {a.kind:<7} {title if title else '(no headline)'}")
        if a.dateline:
            lines.append(f"        dateline: {a.dateline}")
        for b in a.bylines:
            lines.append(f"        {b.role}: {b.name}")
        s = f"        {len(a.paragraphs)} paragraphs"
        for i, f in enumerate(a.flags):
            s += (", " if i else "; flags: ") + f
        lines.append(s)
    out.write(("\n".join(lines) + "\n").encode("utf-8"))


def _read_list(arg: str, limit: int) -> Tuple[Optional[List[str]], str]:
    """The paths of "@LIST" (one per line, a trailing CR dropped, empty lines skipped)."""
    data, error = _read_input(arg[1:], limit)
    if data is None:
        return None, error
    lines = (ln[:-1] if ln.endswith(b"\r") else ln for ln in data.split(b"\n"))
    return [os.fsdecode(ln) for ln in lines if ln], ""


def run_parse(args: List[str]) -> int:
    """The CLI's `parse`. --jobs is accepted and checked, but pages are parsed one
    after the other (the output is the same); there is no progress bar."""
    encoding, lexicon, out_dir, issue_date, script = "auto", "", "", "", "keep"
    replace_lexicon = strict = jsonl = summary = pretty = False
    summary_line = True
    files: List[str] = []
    i = 0
    while i < len(args):
        a = args[i]
        if a in ("--jobs", "-j"):
            if i + 1 >= len(args):
                _err("banmian parse: --jobs needs a value\n" + PARSE_USAGE)
                return 2
            i += 1
            v = args[i]
            if not (v.isascii() and v.isdigit() and int(v) <= _MAX_JOBS):
                _err(f"banmian parse: --jobs needs a number from 0 (one per core) to {_MAX_JOBS}, not '{v}'\n"
                     + PARSE_USAGE)
                return 2
        elif a == "--no-progress":
            pass
        elif a == "--no-summary":
            summary_line = False
        elif a in ("--encoding", "--lexicon", "--out", "--issue-date", "--script"):
            if i + 1 >= len(args):
                _err(f"banmian parse: {a} needs a value\n" + PARSE_USAGE)
                return 2
            i += 1
            if a == "--issue-date":
                issue_date = args[i]
                try:
                    _check_issue_date(issue_date)
                except ValueError:
                    _err("banmian parse: --issue-date needs a date as YYYY-MM-DD (a real day, e.g. 2025-01-08), "
                         f"not '{issue_date}'\n" + PARSE_USAGE)
                    return 2
            elif a == "--script":
                script = args[i]
                if script not in _SCRIPTS:
                    _err(f"banmian parse: --script needs keep, simplified or traditional, not '{script}'\n"
                         + PARSE_USAGE)
                    return 2
            elif a == "--encoding":
                encoding = args[i]
            elif a == "--lexicon":
                lexicon = args[i]
            else:
                out_dir = args[i]
        elif a == "--replace-lexicon":
            replace_lexicon = True
        elif a == "--strict":
            strict = True
        elif a == "--jsonl":
            jsonl = True
        elif a == "--summary":
            summary = True
        elif a == "--pretty":
            pretty = True
        elif a == "-" or a == "" or a[0] != "-":
            files.append(a)
        else:
            _err(f"banmian parse: unknown option '{a}'\n" + PARSE_USAGE)
            return 2
        i += 1
    if not files:
        _err("banmian parse: no input files\n" + PARSE_USAGE)
        return 2
    if (out_dir != "") + jsonl + summary > 1:
        _err("banmian parse: --out, --jsonl and --summary exclude each other\n" + PARSE_USAGE)
        return 2
    if jsonl and pretty:
        _err("banmian parse: --pretty does not go with --jsonl (one page per line)\n")
        return 2
    if sum(f in ("-", "@-") for f in files) > 1:
        _err("banmian parse: stdin (- or @-) can be read only once\n" + PARSE_USAGE)
        return 2
    try:
        parser = Parser(lexicon or None, replace_lexicon=replace_lexicon)
    except Error as e:
        _report(lexicon if lexicon else "creating the parser", e)
        return 1
    if out_dir:
        try:
            os.mkdir(out_dir)
        except OSError:
            pass  # an existing directory is fine
    rc = 0
    inputs: List[str] = []
    any_list = False
    for f in files:
        if len(f) < 2 or f[0] != "@":
            inputs.append(f)
            continue
        any_list = True
        listed, error = _read_list(f, parser.max_input_bytes)
        if listed is None:
            _err(f"banmian: {error}\n")
            rc = 1
        else:
            inputs.extend(listed)
    one_per_line = jsonl or (not out_dir and not summary and (len(files) > 1 or any_list))
    batch = len(inputs) > 1 or any_list
    out = sys.stdout.buffer
    t0 = time.monotonic()
    pages = articles = failures = nbytes = 0
    for path in inputs:
        data, error = _read_input(path, parser.max_input_bytes)
        if data is None:
            _err(f"banmian: {error}\n")
            rc = 1
            failures += 1
            continue
        nbytes += len(data)
        is_pdf = data[:5] == b"%PDF-"
        try:
            if is_pdf:  # every page from its geometry (banmian.parse_pdf; needs pypdfium2)
                got = parser.parse_pdf(data, source=path, issue_date=issue_date or None, script=script)
            else:
                got = [parser.parse(data, encoding=encoding, source=path, strict=strict,
                                    issue_date=issue_date or None, script=script)]
        except ImportError as e:
            _err(f"banmian: {path}: {e}\n")
            rc = 1
            failures += 1
            continue
        except Error as e:
            _report(path, e)
            rc = 1
            failures += 1
            continue
        for number, page in enumerate(got, 1):
            pages += 1
            articles += len(page.articles)
            if summary:
                _summary(out, path if len(got) == 1 else f"{path} page {number}", page)
                continue
            text = page.to_json(pretty and not one_per_line).encode("utf-8") + b"\n"
            if out_dir:
                # A PDF of several pages: NAME.p1.json, NAME.p2.json, ... (first page p1).
                target = f"{out_dir}/{_stem(path)}" + (f".p{number}" if len(got) > 1 else "") + ".json"
                try:
                    with open(target, "wb") as f:
                        f.write(text)
                except OSError:
                    _err(f"banmian: cannot write {target}\n")
                    rc = 1
            else:
                out.write(text)
    try:
        out.flush()
    except OSError:
        rc = 1
    if batch and summary_line:
        secs, mb = time.monotonic() - t0, nbytes / 1e6
        _err(f"banmian: {pages} pages, {articles} articles, {failures} failures; "
             f"{mb:.2f} MB in {secs:.2f} s ({mb / secs if secs > 0 else 0.0:.2f} MB/s)\n")
    return rc


def run_normalize(args: List[str]) -> int:
    encoding, path, script = "auto", "-", "keep"
    strict = have_path = False
    i = 0
    while i < len(args):
        a = args[i]
        if a == "--encoding" and i + 1 < len(args):
            i += 1
            encoding = args[i]
        elif a.startswith("--encoding="):
            encoding = a[len("--encoding="):]
        elif a == "--strict":
            strict = True
        elif a == "--script" or a.startswith("--script="):
            if a == "--script" and i + 1 >= len(args):
                _err("banmian normalize: --script needs a value\n" + NORMALIZE_USAGE)
                return 2
            if a == "--script":
                i += 1
                script = args[i]
            else:
                script = a[len("--script="):]
            if script not in _SCRIPTS:
                _err(f"banmian normalize: --script needs keep, simplified or traditional, not '{script}'\n"
                     + NORMALIZE_USAGE)
                return 2
        elif (a == "" or a[0] != "-" or a == "-") and not have_path:
            path, have_path = a, True
        else:
            _err(f"banmian normalize: unexpected argument '{a}'\n" + NORMALIZE_USAGE)
            return 2
        i += 1
    try:
        parser = Parser()
    except Error as e:
        _report("creating the parser", e)
        return 1
    data, error = _read_input(path, parser.max_input_bytes)
    if data is None:
        _err(f"banmian: {error}\n")
        return 1
    try:
        text = parser.normalize(data, encoding=encoding, strict=strict, script=script)
    except Error as e:
        _report("<stdin>" if path == "-" else path, e)
        return 1
    out = sys.stdout.buffer
    try:
        out.write(text.encode("utf-8", "surrogatepass"))
        out.flush()
    except OSError:
        return 1
    return 0


VIEW_USAGE = (
    "usage: banmian view [--encoding ENC] [--strict] [--lexicon FILE [--replace-lexicon]]\n"
    "                    [--page N] [-o FILE.html] FILE\n"
)


def run_view(args: List[str]) -> int:
    encoding, lexicon, out_path, path = "auto", "", "", ""
    replace_lexicon = strict = False
    page_number: Optional[int] = None  # --page N: the PDF's page N (1-based)
    i = 0
    while i < len(args):
        a = args[i]
        if a in ("--encoding", "--lexicon", "-o", "--output", "--page"):
            if i + 1 >= len(args):
                _err(f"banmian view: {a} needs a value\n" + VIEW_USAGE)
                return 2
            i += 1
            if a == "--encoding":
                encoding = args[i]
            elif a == "--lexicon":
                lexicon = args[i]
            elif a == "--page":
                v = args[i]
                if not (v.isascii() and v.isdigit() and 1 <= int(v) <= 10**9):
                    _err(f"banmian view: --page needs a page number from 1, not '{v}'\n" + VIEW_USAGE)
                    return 2
                page_number = int(v)
            else:
                out_path = args[i]
        elif a == "--replace-lexicon":
            replace_lexicon = True
        elif a == "--strict":
            strict = True
        elif (a == "-" or a == "" or a[0] != "-") and not path:
            path = a
        else:
            _err(f"banmian view: unexpected argument '{a}'\n" + VIEW_USAGE)
            return 2
        i += 1
    if not path:
        _err("banmian view: no input file\n" + VIEW_USAGE)
        return 2
    try:
        parser = Parser(lexicon or None, replace_lexicon=replace_lexicon)
    except Error as e:
        _report(lexicon if lexicon else "creating the parser", e)
        return 1
    data, error = _read_input(path, parser.max_input_bytes)
    if data is None:
        _err(f"banmian: {error}\n")
        return 1
    name = "<stdin>" if path == "-" else path
    is_pdf = data[:5] == b"%PDF-"
    if page_number is not None and not is_pdf:
        _err(f"banmian view: --page is for a PDF, and {name} is not one\n" + VIEW_USAGE)
        return 2
    try:
        if is_pdf:  # one page from its geometry (banmian.parse_pdf; needs pypdfium2), drawn over its image
            page = parser.parse_pdf(data, [(page_number or 1) - 1], source=path if path != "-" else None)[0]
        else:
            page = parser.parse(data, encoding=encoding, source=path if path != "-" else None, strict=strict)
    except ImportError as e:
        _err(f"banmian: {name}: {e}\n")
        return 1
    except Error as e:
        _report(name, e)
        return 1
    doc = str(page.view()).encode("utf-8")
    if out_path and out_path != "-":
        try:
            with open(out_path, "wb") as f:
                f.write(doc)
        except OSError:
            _err(f"banmian: cannot write {out_path}\n")
            return 1
        return 0
    try:
        sys.stdout.buffer.write(doc)
        sys.stdout.buffer.flush()
    except OSError:
        return 1
    return 0


def main(argv: Optional[List[str]] = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if not argv:
        _err(HELP)
        return 2
    cmd, rest = argv[0], argv[1:]
    if cmd in ("--help", "-h", "help"):
        sys.stdout.write(HELP)
        return 0
    if cmd in ("--version", "-V"):
        sys.stdout.write(f"banmian {_banmian.version()}\n")
        return 0
    if any(a in ("--help", "-h") for a in rest):
        sys.stdout.write(HELP)
        return 0
    if cmd == "normalize":
        return run_normalize(rest)
    if cmd == "parse":
        return run_parse(rest)
    if cmd == "view":
        return run_view(rest)
    _err(f"banmian: unknown command '{cmd}'\n\n" + HELP)
    return 2


if __name__ == "__main__":
    sys.exit(main())
