// normalize(normalize(x)) == normalize(x) for text of short lines only: the
// output of normalize is one paragraph a line, and two short unfinished
// paragraphs (（）, 合) used to read as one hard-wrapped paragraph on the
// second pass (the fuzz finding normalize/short-paragraphs-rejoined, issue 16).
#include <gtest/gtest.h>

#include <string>

#include "core/lexicon/lexicon.h"
#include "core/pipeline/parser.h"

using namespace bm::detail;

namespace {

std::string normalize(const std::string &s) {
  static const Parser p = [] {
    Lexicon lex;
    lex.load(k_default_lexicon, "built-in");
    lex.finish();
    return Parser(std::move(lex), 1 << 20);
  }();
  return p.normalize(s, {});
}

}  // namespace

TEST(NormalizeIdempotent, ShortUnfinishedLinesStayApart) {
  for (const char *in : {"（）\n\n合\n", "（）\n合\n", "甲乙\n\n丙\n\n丁戊己\n", "\xef\xbf\xbd\n:-\xe8\xb2\x82\n", "一二三\n四五\n"}) {
    const std::string once = normalize(in);
    EXPECT_EQ(normalize(once), once) << in;
  }
  EXPECT_EQ(normalize("（）\n合\n"), "（）\n合\n");
}

TEST(NormalizeIdempotent, WrappedColumnsStillJoin) {
  // Lines of a column's width (6 Han characters and more) still read as a
  // hard-wrapped column: the paragraph is joined.
  EXPECT_EQ(normalize("今天上午全市召开大会部署\n工作，会议要求各地抓好\n落实。\n"),
            "今天上午全市召开大会部署工作，会议要求各地抓好落实。\n");
}
