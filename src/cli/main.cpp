// Entry point of the `banmian` tool: dispatches to a sub-command.
#include <cstring>
#include <iostream>

#include "banmian/banmian.h"
#include "commands.h"

namespace bm::cli {

std::string error_message(const std::string &what) {
  const bm_error *e = bm_last_error();
  std::string s = "banmian: " + what + ": " + (e && e->message ? e->message : "unknown error");
  if (e && e->byte_offset >= 0) s += " (byte " + std::to_string(e->byte_offset) + ")";
  s += std::string(" [") + bm_status_string(e ? e->code : BM_E_INTERNAL) + "]\n";
  return s;
}

void report_error(const std::string &what) { std::cerr << error_message(what); }

bool script_value(const std::string &name, int *out) {
  if (name == "keep") {
    *out = BM_SCRIPT_KEEP;
  } else if (name == "simplified") {
    *out = BM_SCRIPT_SIMPLIFIED;
  } else if (name == "traditional") {
    *out = BM_SCRIPT_TRADITIONAL;
  } else {
    return false;
  }
  return true;
}

}  // namespace bm::cli

namespace {

const char *k_help =
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
    "Exit status: 0 ok, 1 an input could not be processed, 2 usage error.\n";

}  // namespace

int main(int argc, char **argv) {
  if (argc < 2) {
    std::cerr << k_help;
    return 2;
  }
  const std::string cmd = argv[1];
  std::vector<std::string> rest(argv + 2, argv + argc);
  if (cmd == "--help" || cmd == "-h" || cmd == "help") {
    std::cout << k_help;
    return 0;
  }
  if (cmd == "--version" || cmd == "-V") {
    std::cout << "banmian " << bm_version() << "\n";
    return 0;
  }
  for (const std::string &a : rest) {
    if (a == "--help" || a == "-h") {
      std::cout << k_help;
      return 0;
    }
  }
  if (cmd == "normalize") return bm::cli::run_normalize(rest);
  if (cmd == "parse") return bm::cli::run_parse(rest);
  if (cmd == "view") return bm::cli::run_view(rest);
  std::cerr << "banmian: unknown command '" << cmd << "'\n\n" << k_help;
  return 2;
}
