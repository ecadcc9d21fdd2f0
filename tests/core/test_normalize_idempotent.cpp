// normalize(normalize(x)) == normalize(x): the output of normalize is one
// paragraph a line, and must read so again. Two short unfinished paragraphs
// (（）, 合) used to read as one hard-wrapped paragraph on the second pass
// (the fuzz finding normalize/short-paragraphs-rejoined), and so did the
// lines of a wrapped passage among many scraps (normalize/wrapped-lines-
// rejoined, issue 16).
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

TEST(NormalizeIdempotent, ShortLines) {
  std::string repeated, tiny_then_stacked;
  for (int i = 0; i < 10; ++i) repeated += "甲乙丙丁\n\n戊己\n";        // joined into 12-cell lines, stacked
  for (int i = 0; i < 10; ++i) tiny_then_stacked += "甲乙\n\n丙丁戊己\n";
  for (const std::string &in : {std::string("（）\n\n合\n"), std::string("（）\n合\n"), std::string("甲乙\n\n丙\n\n丁戊己\n"),
                                std::string("\xef\xbf\xbd\n:-\xe8\xb2\x82\n"), std::string("一二三\n四五\n"), repeated,
                                tiny_then_stacked}) {
    const std::string once = normalize(in);
    EXPECT_EQ(normalize(once), once) << in;
  }
  // The layout is read from shares of the text, whatever the lines' width:
  // a line that runs on into the next is continued by it; a line that ends a
  // sentence, in text that does not mostly run on, ends its paragraph.
  EXPECT_EQ(normalize("（）\n合\n"), "（）合\n");
  EXPECT_EQ(normalize("好。\n合\n"), "好。\n合\n");
}

TEST(NormalizeIdempotent, WrappedPassageAmongTinyBlocks) {
  // Many blank-separated scraps that end no sentence and one hard-wrapped
  // passage (the fuzz finding normalize/wrapped-lines-rejoined, issue 16):
  // counted in lines the page looked one paragraph per line, the passage's
  // lines were kept apart, and its normalized text (no blank lines left)
  // read as a hard-wrapped column and joined them on the second pass.
  std::string in;
  for (int i = 0; i < 60; ++i) in += "甲乙\n\n丙，\n\n";
  in += "县文旅局\n近日公布了2023年度青溪县十佳农家乐和民宿、\n精品线路和乡村旅游重点村的名单，桐溪有 2个\n"
        "民宿项目、3家特色农庄和 1个村获评旅游重点\n村。\n\n";
  for (int i = 0; i < 60; ++i) in += "丁戊\n\n己，\n\n";  // not 甲乙丙: a repeat of the page's text would be cut
  const std::string once = normalize(in);
  EXPECT_EQ(normalize(once), once);
  EXPECT_NE(once.find("县文旅局近日公布了2023年度青溪县十佳农家乐和民宿、精品线路和乡村旅游重点村的名单，"
                      "桐溪有2个民宿项目、3家特色农庄和1个村获评旅游重点村。\n"),
            std::string::npos)
      << once;
}

TEST(NormalizeIdempotent, WrappedColumnsStillJoin) {
  // Lines of a column's width (6 Han characters and more) still read as a
  // hard-wrapped column: the paragraph is joined.
  EXPECT_EQ(normalize("今天上午全市召开大会部署\n工作，会议要求各地抓好\n落实。\n"),
            "今天上午全市召开大会部署工作，会议要求各地抓好落实。\n");
}

TEST(NormalizeIdempotent, RepeatHiddenInRawLines) {
  // A sentence repeated with half-width commas: the raw lines share no run
  // long enough to be a repeat, the normalized ones the whole sentence (the
  // fuzz findings normalize/repeat-cut-after-normalization and others,
  // issue 16). The repeat is cut on the first pass, not on the second.
  const std::string s = "春天的公园里开满了各色花朵，游客们沿着湖边小路慢慢散步，孩子们在草地上放起了风筝，"
                        "老人们坐在长椅上聊着家常，一派热闹祥和的景象。";
  std::string half = s;
  for (size_t at; (at = half.find("，")) != std::string::npos;) half.replace(at, 3, ",");
  const std::string other = "另一段文字讲述了城市交通的新变化，地铁线路不断延伸。";
  const std::string once = normalize(s + "\n" + other + "\n" + half + "\n");
  EXPECT_EQ(once, s + "\n" + other + "\n");
  EXPECT_EQ(normalize(once), once);
}

TEST(NormalizeIdempotent, SentenceEndGluedToClosingPunct) {
  // A line that ends a sentence, then one that opens with closing
  // punctuation (joined with it) and runs on (the fuzz finding
  // normalize/sentence-end-glued-to-closing-punct): the joined line runs on,
  // so the page reads hard-wrapped on both passes.
  const std::string once = normalize("一二三四五六七八九十！\n\n；甲\n\n乙丙\n丁戊\n");
  EXPECT_EQ(once, "一二三四五六七八九十！；甲乙丙丁戊\n");
  EXPECT_EQ(normalize(once), once);
}
