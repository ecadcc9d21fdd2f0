// Narrow columns and vertical print: closing punctuation carried to the next
// line (common/punct), punctuation-only lines joining their piece (lines/),
// and paragraph reflow around carried punctuation and separator lines
// (blocks/layout via assemble's reflow_all).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/assemble/assemble.h"
#include "core/common/punct.h"
#include "core/lexicon/lexicon.h"
#include "core/lines/lines.h"

using namespace bm::detail;

TEST(Punct, ClosingPunctuation) {
  EXPECT_TRUE(starts_with_closing_punct("，銷路雖未見大旺"));
  EXPECT_TRUE(starts_with_closing_punct("  」相較"));
  EXPECT_TRUE(starts_with_closing_punct(", and"));
  EXPECT_FALSE(starts_with_closing_punct("「春江曉月」"));
  EXPECT_FALSE(starts_with_closing_punct("（重慶廿日電）"));
  EXPECT_FALSE(starts_with_closing_punct(""));
  EXPECT_TRUE(is_closing_punct_only("，"));
  EXPECT_TRUE(is_closing_punct_only("。」"));
  EXPECT_TRUE(is_closing_punct_only(" ！ "));
  EXPECT_FALSE(is_closing_punct_only("。好"));
  EXPECT_FALSE(is_closing_punct_only("   "));
}

TEST(Punct, SeparatorLines) {
  EXPECT_TRUE(is_separator_line("×　×　×"));
  EXPECT_TRUE(is_separator_line("＊＊＊"));
  EXPECT_TRUE(is_separator_line("● ●"));
  EXPECT_FALSE(is_separator_line("×"));          // one ornament is a mark, not a separator
  EXPECT_FALSE(is_separator_line("⋯⋯⋯⋯"));       // an ellipsis belongs to the text
  EXPECT_FALSE(is_separator_line("——"));
  EXPECT_FALSE(is_separator_line("× 新聞 ×"));
}

namespace {
const Lexicon &lexicon() {
  static Lexicon lex = [] {
    Lexicon l;
    l.load(k_default_lexicon, "built-in");
    l.finish();
    return l;
  }();
  return lex;
}

// The pieces of a text, with what their views point into (the text and the
// store of rewritten text): not copyable, made in place.
struct Split {
  explicit Split(std::string t) : text(std::move(t)) { pieces = split_pieces(text, split_lines(text), lexicon(), edits); }
  Split(const Split &) = delete;
  std::string text;
  TextStore edits;
  std::vector<Piece> pieces;
};
}  // namespace

TEST(NarrowColumns, PunctuationOnlyLineJoinsThePieceBefore) {
  const Split split("始終不改他\n的本色\n！\n\n他頗有信心，\n");
  const std::string &text = split.text;
  const std::vector<Piece> &p = split.pieces;
  ASSERT_EQ(p.size(), 3u);
  EXPECT_EQ(p[1].text, "的本色！");
  // The piece's span reaches over the carried mark, in the source.
  EXPECT_EQ(text.substr(p[1].begin, p[1].end - p[1].begin), "的本色\n！");
  EXPECT_EQ(p[2].text, "他頗有信心，");
  EXPECT_EQ(p[2].blanks_before, 1);
}

TEST(NarrowColumns, AfterABlankLineToo) {
  const Split split("助學基金\n\n。\n\n主辦者表示\n");
  const std::vector<Piece> &p = split.pieces;
  ASSERT_EQ(p.size(), 2u);
  EXPECT_EQ(p[0].text, "助學基金。");
  EXPECT_EQ(p[1].blanks_before, 1);
}

TEST(NarrowColumns, AFirstLineOfPunctuationStaysAPiece) {
  const Split split("。\n正文\n");
  const std::vector<Piece> &p = split.pieces;
  ASSERT_EQ(p.size(), 2u);
  EXPECT_EQ(p[0].text, "。");
}

TEST(NarrowColumns, NoParagraphOpensWithClosingPunctuation) {
  // Hard-wrapped narrow column: the comma carried to the next line (even
  // after a column break) continues the paragraph.
  const std::string text =
      "閘北各菜場、自\n上月停業以來、\n居民購物、頗感\n不便、經市商會\n多方奔走、已於\n"
      "昨日起一律恢復\n營業、菜價亦漸\n趨平穩\n\n、各攤販均表滿\n意。\n";
  const std::vector<std::string> paras = reflow_all(text, split_lines(text));
  ASSERT_EQ(paras.size(), 1u);
  EXPECT_NE(paras[0].find("趨平穩、各攤販"), std::string::npos);
}

TEST(NarrowColumns, SeparatorIsAParagraphOfItsOwn) {
  const std::string text =
      "藝華公司新片、已\n於昨日開拍、外景\n擬赴杭州攝製。\n\n×　×　×\n\n明星公司舊址、\n"
      "現已改作倉庫、舊\n日職員多已星散。\n";
  const std::vector<std::string> paras = reflow_all(text, split_lines(text));
  ASSERT_EQ(paras.size(), 3u);
  EXPECT_EQ(paras[1].find("明星"), std::string::npos);
  EXPECT_EQ(paras[2].rfind("明星公司舊址", 0), 0u);
}
