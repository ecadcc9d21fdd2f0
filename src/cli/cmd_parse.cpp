// banmian parse [--encoding ENC] [--strict] [--issue-date YYYY-MM-DD] [--script SCRIPT]
//               [--lexicon FILE [--replace-lexicon]]
//               [--out DIR | --jsonl | --summary] [--pretty] [--jobs N]
//               [--no-progress] [--no-summary] FILE... | @LIST | @-
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdarg>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <thread>

#include "banmian/banmian.h"
#include "batch.h"
#include "commands.h"
#include "read_input.h"

namespace bm::cli {

namespace {

const char *k_usage =
    "usage: banmian parse [--encoding ENC] [--strict] [--issue-date YYYY-MM-DD]\n"
    "                     [--script keep|simplified|traditional]\n"
    "                     [--lexicon FILE [--replace-lexicon]]\n"
    "                     [--out DIR | --jsonl | --summary] [--pretty] [--jobs N]\n"
    "                     [--no-progress] [--no-summary] FILE... | @LIST | @-\n";

// A list of paths is read whole; this bounds it (about 10 million paths).
constexpr size_t k_max_list_bytes = size_t{1} << 30;
constexpr unsigned k_max_jobs = 1024;

struct ParseArgs {
  std::string encoding = "auto";
  std::string issue_date;  // "" = none: the date the page prints, if any
  int script = BM_SCRIPT_KEEP;
  std::string lexicon;
  bool replace_lexicon = false;
  bool strict = false;
  std::string out_dir;
  bool jsonl = false;
  bool summary = false;
  bool pretty = false;
  unsigned jobs = 1;
  bool progress = true;
  bool summary_line = true;
  std::vector<std::string> files;  // as given: paths, "-", "@LIST", "@-"
};

// "2025-01-08": four, two and two digits and a real day (the library checks
// again; this gives the error before any file is read).
bool valid_iso_date(const std::string &s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (s[i] < '0' || s[i] > '9') return false;
  const int y = std::atoi(s.substr(0, 4).c_str()), m = std::atoi(s.substr(5, 2).c_str()),
            d = std::atoi(s.substr(8, 2).c_str());
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y < 1 || m < 1 || m > 12 || d < 1) return false;
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return d <= days[m - 1] + (m == 2 && leap ? 1 : 0);
}

// A PDF file starts with %PDF- (as banmian/__main__.py decides; the bytes
// before it that PDF readers tolerate are not looked for here either).
bool is_pdf(const std::string &bytes) { return bytes.compare(0, 5, "%PDF-") == 0; }

// "dir/000.txt" -> "000"
std::string stem_of(const std::string &path) {
  std::string base = path.substr(path.find_last_of('/') == std::string::npos ? 0 : path.find_last_of('/') + 1);
  const size_t dot = base.find_last_of('.');
  if (dot != std::string::npos && dot > 0) base.resize(dot);
  return base.empty() ? "stdin" : base;
}

void appendf(std::string *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void appendf(std::string *s, const char *fmt, ...) {
  va_list ap, ap2;
  va_start(ap, fmt);
  va_copy(ap2, ap);
  const int n = std::vsnprintf(nullptr, 0, fmt, ap);
  va_end(ap);
  if (n > 0) {
    const size_t old = s->size();
    s->resize(old + static_cast<size_t>(n) + 1);
    std::vsnprintf(&(*s)[old], static_cast<size_t>(n) + 1, fmt, ap2);
    s->resize(old + static_cast<size_t>(n));
  }
  va_end(ap2);
}

std::string summary_text(const std::string &path, const bm_page *page) {
  std::string s;
  appendf(&s, "%s: %zu articles (encoding %s", path.c_str(), bm_page_article_count(page), bm_page_encoding(page));
  if (const char *ed = bm_page_edition(page)) appendf(&s, ", edition %s", ed);
  s += ")\n";
  for (size_t i = 0; i < bm_page_article_count(page); ++i) {
    const bm_article *a = bm_page_article(page, i);
    const char *title = bm_article_title(a);
    if (!title && bm_article_headline_count(a) > 0) title = bm_article_headline(a, 0);
    appendf(&s, "  [%zu] %-7s %s\n", i, bm_article_kind_name(a), title ? title : "(no headline)");
    if (const char *dl = bm_article_dateline(a)) appendf(&s, "        dateline: %s\n", dl);
    for (size_t b = 0; b < bm_article_byline_count(a); ++b)
      appendf(&s, "        %s: %s\n", bm_article_byline_role(a, b), bm_article_byline_name(a, b));
    appendf(&s, "        %zu paragraphs", bm_article_paragraph_count(a));
    for (size_t f = 0; f < bm_article_flag_count(a); ++f) appendf(&s, "%s%s", f ? ", " : "; flags: ", bm_article_flag(a, f));
    s += "\n";
  }
  return s;
}

int parse_args(const std::vector<std::string> &args, ParseArgs *p) {
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string &a = args[i];
    auto value = [&](const char *name) -> const std::string * {
      if (i + 1 >= args.size()) {
        std::cerr << "banmian parse: " << name << " needs a value\n" << k_usage;
        return nullptr;
      }
      return &args[++i];
    };
    if (a == "--encoding") {
      const std::string *v = value("--encoding");
      if (!v) return 2;
      p->encoding = *v;
    } else if (a == "--issue-date") {
      const std::string *v = value("--issue-date");
      if (!v) return 2;
      if (!valid_iso_date(*v)) {
        std::cerr << "banmian parse: --issue-date needs a date as YYYY-MM-DD (a real day, e.g. 2025-01-08), not '"
                  << *v << "'\n" << k_usage;
        return 2;
      }
      p->issue_date = *v;
    } else if (a == "--script") {
      const std::string *v = value("--script");
      if (!v) return 2;
      if (!script_value(*v, &p->script)) {
        std::cerr << "banmian parse: --script needs keep, simplified or traditional, not '" << *v << "'\n"
                  << k_usage;
        return 2;
      }
    } else if (a == "--lexicon") {
      const std::string *v = value("--lexicon");
      if (!v) return 2;
      p->lexicon = *v;
    } else if (a == "--out") {
      const std::string *v = value("--out");
      if (!v) return 2;
      p->out_dir = *v;
    } else if (a == "--replace-lexicon") {
      p->replace_lexicon = true;
    } else if (a == "--strict") {
      p->strict = true;
    } else if (a == "--jsonl") {
      p->jsonl = true;
    } else if (a == "--summary") {
      p->summary = true;
    } else if (a == "--pretty") {
      p->pretty = true;
    } else if (a == "--jobs" || a == "-j") {
      const std::string *v = value("--jobs");
      if (!v) return 2;
      char *end = nullptr;
      const unsigned long n = v->empty() ? 0 : std::strtoul(v->c_str(), &end, 10);
      if (v->empty() || *end != '\0' || (*v)[0] == '-' || n > k_max_jobs) {
        std::cerr << "banmian parse: --jobs needs a number from 0 (one per core) to " << k_max_jobs << ", not '"
                  << *v << "'\n" << k_usage;
        return 2;
      }
      p->jobs = n ? static_cast<unsigned>(n) : std::max(1u, std::thread::hardware_concurrency());
    } else if (a == "--no-progress") {
      p->progress = false;
    } else if (a == "--no-summary") {
      p->summary_line = false;
    } else if (a == "-" || a.empty() || a[0] != '-') {
      p->files.push_back(a);
    } else {
      std::cerr << "banmian parse: unknown option '" << a << "'\n" << k_usage;
      return 2;
    }
  }
  if (p->files.empty()) {
    std::cerr << "banmian parse: no input files\n" << k_usage;
    return 2;
  }
  if ((!p->out_dir.empty()) + p->jsonl + p->summary > 1) {
    std::cerr << "banmian parse: --out, --jsonl and --summary exclude each other\n" << k_usage;
    return 2;
  }
  if (p->jsonl && p->pretty) {
    std::cerr << "banmian parse: --pretty does not go with --jsonl (one page per line)\n";
    return 2;
  }
  int stdin_uses = 0;
  for (const std::string &f : p->files) stdin_uses += f == "-" || f == "@-";
  if (stdin_uses > 1) {
    std::cerr << "banmian parse: stdin (- or @-) can be read only once\n" << k_usage;
    return 2;
  }
  return 0;
}

// The inputs with every @LIST replaced by the paths it lists. A list that
// cannot be read is an error line (exit status 1 at the end), like an input.
std::vector<std::string> expand_lists(const std::vector<std::string> &args, bool *any_list, int *rc) {
  std::vector<std::string> files;
  for (const std::string &a : args) {
    if (a.size() < 2 || a[0] != '@') {
      files.push_back(a);
      continue;
    }
    *any_list = true;
    std::string error;
    if (!read_file_list(a.substr(1), k_max_list_bytes, &files, &error)) {
      std::cerr << "banmian: " << error << "\n";
      *rc = 1;
    }
  }
  return files;
}

}  // namespace

int run_parse(const std::vector<std::string> &args) {
  ParseArgs p;
  if (int rc = parse_args(args, &p)) return rc;
  bm_parser_options popts;
  if (bm_parser_options_init(&popts, BM_PARSER_OPTIONS_VERSION) != BM_OK) {
    report_error("creating the parser");
    return 1;
  }
  if (!p.lexicon.empty()) popts.lexicon_path = p.lexicon.c_str();
  if (p.replace_lexicon) popts.flags |= BM_PARSER_LEXICON_REPLACE;
  bm_parser *parser = nullptr;
  if (bm_parser_new(&popts, &parser) != BM_OK) {
    report_error(p.lexicon.empty() ? "creating the parser" : p.lexicon);
    return 1;
  }
  if (!p.out_dir.empty()) mkdir(p.out_dir.c_str(), 0777);  // an existing directory is fine
  int rc = 0;
  bool any_list = false;
  const std::vector<std::string> files = expand_lists(p.files, &any_list, &rc);
  // Several inputs without --out or --summary: one JSON document per line.
  const bool one_per_line = p.jsonl || (p.out_dir.empty() && !p.summary && (p.files.size() > 1 || any_list));
  const bool batch = files.size() > 1 || any_list;
  const size_t max_bytes = popts.max_input_bytes ? popts.max_input_bytes : BM_DEFAULT_MAX_INPUT_BYTES;
  const uint32_t json_flags = (p.pretty && !one_per_line) ? BM_JSON_PRETTY : 0;

  // Runs on a worker thread: only the shared parser (thread-safe) and this
  // thread's bm_last_error are touched; the result goes back as text.
  auto work = [&](size_t i) {
    const std::string &path = files[i];
    BatchItem item;
    std::string bytes, error;
    if (!read_input(path, max_bytes, &bytes, &error)) {  // a directory, missing, too large: say so, go on
      item.err = "banmian: " + error + "\n";
      item.failed = true;
      return item;
    }
    item.bytes = bytes.size();
    if (is_pdf(bytes)) {  // positioned text needs a PDF reader: the Python package has one, this tool has not
      item.err = "banmian: " + path + ": a PDF file: the C++ banmian tool has no PDF reader; parse it with\n" +
                 "  python -m banmian parse " + path + "\n" + "(pip install 'banmian[pdf]')\n";
      item.failed = true;
      return item;
    }
    bm_parse_options opts = BM_PARSE_OPTIONS_INIT;
    opts.encoding = p.encoding.c_str();
    opts.source = path.c_str();
    if (!p.issue_date.empty()) opts.issue_date = p.issue_date.c_str();
    opts.script = p.script;
    if (p.strict) opts.flags |= BM_PARSE_STRICT_DECODING;
    bm_page *page = nullptr;
    if (bm_parse(parser, bytes.data(), bytes.size(), &opts, &page) != BM_OK) {
      item.err = error_message(path);
      item.failed = true;
      return item;
    }
    item.parsed = true;
    item.articles = bm_page_article_count(page);
    if (p.summary) {
      item.out = summary_text(path, page);
    } else {
      char *json = nullptr;
      size_t len = 0;
      if (bm_page_to_json(page, json_flags, &json, &len) != BM_OK) {
        item.err = error_message(path);
        item.failed = true;
        item.parsed = false;
      } else {
        item.out.reserve(len + 1);
        item.out.assign(json, len);
        item.out += '\n';
        bm_string_free(json);
      }
    }
    bm_page_free(page);
    return item;
  };

  Progress progress(batch && p.progress && ::isatty(2), files.size());
  size_t pages = 0, articles = 0, failures = 0, bytes_read = 0;
  // Runs on this thread, in input order.
  auto emit = [&](size_t i, BatchItem &item) {
    if (!item.err.empty()) {
      progress.clear();
      std::fwrite(item.err.data(), 1, item.err.size(), stderr);
    }
    if (item.failed) {
      rc = 1;
      ++failures;
    }
    if (item.parsed) {
      ++pages;
      articles += item.articles;
    }
    bytes_read += item.bytes;
    if (item.parsed && !p.out_dir.empty()) {
      const std::string target = p.out_dir + "/" + stem_of(files[i]) + ".json";
      std::ofstream out(target, std::ios::binary);
      out.write(item.out.data(), static_cast<std::streamsize>(item.out.size()));
      if (!out) {
        progress.clear();
        std::fprintf(stderr, "banmian: cannot write %s\n", target.c_str());
        rc = 1;
      }
    } else if (item.parsed) {
      std::fwrite(item.out.data(), 1, item.out.size(), stdout);
    }
    progress.step(item.bytes);
  };
  run_in_order(files.size(), p.jobs, work, emit);
  progress.clear();
  bm_parser_free(parser);
  if (std::fflush(stdout) != 0) rc = 1;
  if (batch && p.summary_line) {
    const double secs = progress.seconds();
    const double mb = static_cast<double>(bytes_read) / 1e6;
    std::fprintf(stderr, "banmian: %zu pages, %zu articles, %zu failures; %.2f MB in %.2f s (%.2f MB/s)\n", pages,
                 articles, failures, mb, secs, secs > 0 ? mb / secs : 0.0);
  }
  return rc;
}

}  // namespace bm::cli
