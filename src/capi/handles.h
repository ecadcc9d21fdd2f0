// The opaque C handles are plain structs around the core's C++ values.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "banmian/banmian.h"
#include "core/common/model.h"
#include "core/pipeline/parser.h"

struct bm_parser {
  explicit bm_parser(bm::detail::Parser p) : impl(std::move(p)) {}
  bm::detail::Parser impl;
};

struct bm_text {
  bm::detail::DecodedText text;
};

struct bm_article {
  bm::detail::Article a;
  std::vector<const char *> flag_names;  // static strings, computed once
  std::string dateline_date;             // "YYYY-MM-DD" or "" (no date)
  std::vector<std::string> date_values;  // per a.dates: "YYYY-MM-DD" or ""
};

struct bm_page {
  bm::detail::Page page;  // page.articles is moved into `articles`
  std::vector<bm_article> articles;
  std::string issue_date;  // "YYYY-MM-DD" or ""
};
