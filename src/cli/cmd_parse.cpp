// banmian parse [--encoding ENC] [--strict] [--lexicon FILE [--replace-lexicon]]
//               [--out DIR | --jsonl | --summary] [--pretty] FILE...
#include <sys/stat.h>

#include <cstdio>
#include <fstream>
#include <iostream>

#include "banmian/banmian.h"
#include "commands.h"
#include "read_input.h"

namespace bm::cli {

namespace {

const char *k_usage =
    "usage: banmian parse [--encoding ENC] [--strict] [--lexicon FILE [--replace-lexicon]]\n"
    "                     [--out DIR | --jsonl | --summary] [--pretty] FILE...\n";

struct ParseArgs {
  std::string encoding = "auto";
  std::string lexicon;
  bool replace_lexicon = false;
  bool strict = false;
  std::string out_dir;
  bool jsonl = false;
  bool summary = false;
  bool pretty = false;
  std::vector<std::string> files;
};

// "dir/000.txt" -> "000"
std::string stem_of(const std::string &path) {
  std::string base = path.substr(path.find_last_of('/') == std::string::npos ? 0 : path.find_last_of('/') + 1);
  const size_t dot = base.find_last_of('.');
  if (dot != std::string::npos && dot > 0) base.resize(dot);
  return base.empty() ? "stdin" : base;
}

void print_summary(const std::string &path, const bm_page *page) {
  std::printf("%s: %zu articles (encoding %s", path.c_str(), bm_page_article_count(page), bm_page_encoding(page));
  if (const char *ed = bm_page_edition(page)) std::printf(", edition %s", ed);
  std::printf(")\n");
  for (size_t i = 0; i < bm_page_article_count(page); ++i) {
    const bm_article *a = bm_page_article(page, i);
    const char *title = bm_article_title(a);
    if (!title && bm_article_headline_count(a) > 0) title = bm_article_headline(a, 0);
    std::printf("  [%zu] %-7s %s\n", i, bm_article_kind_name(a), title ? title : "(no headline)");
    if (const char *dl = bm_article_dateline(a)) std::printf("        dateline: %s\n", dl);
    for (size_t b = 0; b < bm_article_byline_count(a); ++b)
      std::printf("        %s: %s\n", bm_article_byline_role(a, b), bm_article_byline_name(a, b));
    std::printf("        %zu paragraphs", bm_article_paragraph_count(a));
    for (size_t f = 0; f < bm_article_flag_count(a); ++f) std::printf("%s%s", f ? ", " : "; flags: ", bm_article_flag(a, f));
    std::printf("\n");
  }
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
  return 0;
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
  // Several files without --out or --summary: one JSON document per line.
  const bool one_per_line = p.jsonl || (p.out_dir.empty() && !p.summary && p.files.size() > 1);
  int rc = 0;
  const size_t max_bytes = popts.max_input_bytes ? popts.max_input_bytes : BM_DEFAULT_MAX_INPUT_BYTES;
  for (const std::string &path : p.files) {
    std::string bytes, error;
    if (!read_input(path, max_bytes, &bytes, &error)) {  // a directory, missing, too large: say so, go on
      std::cerr << "banmian: " << error << "\n";
      rc = 1;
      continue;
    }
    bm_parse_options opts = BM_PARSE_OPTIONS_INIT;
    opts.encoding = p.encoding.c_str();
    opts.source = path.c_str();
    if (p.strict) opts.flags |= BM_PARSE_STRICT_DECODING;
    bm_page *page = nullptr;
    if (bm_parse(parser, bytes.data(), bytes.size(), &opts, &page) != BM_OK) {
      report_error(path);
      rc = 1;
      continue;
    }
    if (p.summary) {
      print_summary(path, page);
      bm_page_free(page);
      continue;
    }
    char *json = nullptr;
    size_t len = 0;
    if (bm_page_to_json(page, (p.pretty && !one_per_line) ? BM_JSON_PRETTY : 0, &json, &len) != BM_OK) {
      report_error(path);
      bm_page_free(page);
      rc = 1;
      continue;
    }
    if (!p.out_dir.empty()) {
      const std::string target = p.out_dir + "/" + stem_of(path) + ".json";
      std::ofstream out(target, std::ios::binary);
      out.write(json, static_cast<std::streamsize>(len));
      out.put('\n');
      if (!out) {
        std::cerr << "banmian: cannot write " << target << "\n";
        rc = 1;
      }
    } else {
      std::fwrite(json, 1, len, stdout);
      std::fputc('\n', stdout);
    }
    bm_string_free(json);
    bm_page_free(page);
  }
  bm_parser_free(parser);
  if (std::fflush(stdout) != 0) rc = 1;
  return rc;
}

}  // namespace bm::cli
