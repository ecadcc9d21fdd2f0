// find_dateline (classify/): a dateline at a piece's start found through the
// lexicon's [dateline] patterns with the spaces of justified columns taken
// out, and its end and byline group given back as byte offsets into the
// piece's own text (spaces, leading blanks and characters outside the BMP,
// two UTF-16 units each, counted right).
#include <gtest/gtest.h>

#include <string>

#include "core/classify/classify.h"
#include "common/core_fixtures.h"
#include "core/lexicon/lexicon.h"

using namespace bm::detail;

namespace {

// The built-in lexicon, the one of the parser the core tests share.
const Lexicon &lexicon() { return bm_test::default_parser().lexicon(); }

size_t after(const std::string &text, const std::string &what) { return text.find(what) + what.size(); }

}  // namespace

TEST(DatelineMatch, EndIsAByteOffsetIntoTheTextWithItsSpaces) {
  const std::string t = "本报杭州 3月 9日电（通讯员 林一）正文从这里开始。";
  EXPECT_EQ(find_dateline(t, lexicon()).end, after(t, "日电"));
  const std::string lead = "  \xE3\x80\x80本报讯 正文。";  // two spaces and U+3000 before it
  EXPECT_EQ(find_dateline(lead, lexicon()).end, after(lead, "本报讯"));
}

TEST(DatelineMatch, CharactersOutsideTheBmpCountTwoUnitsInTheMatcher) {
  // U+20001 (a Han character of Extension B) in the place name.
  const std::string t = "本报\xF0\xA0\x80\x81镇 3月19日电 正文。";
  EXPECT_EQ(find_dateline(t, lexicon()).end, after(t, "日电"));
}

TEST(DatelineMatch, BylineGroupMapsBackToTheText) {
  const std::string t = "中央社 記者 陳大文 台北電 正文。";
  const DatelineMatch m = find_dateline(t, lexicon());
  EXPECT_EQ(m.end, after(t, "台北電"));
  EXPECT_EQ(m.byline_begin, t.find("記者"));
  EXPECT_EQ(m.byline_end, after(t, "陳大文"));
}

TEST(DatelineMatch, NoDatelineNoMatch) {
  EXPECT_EQ(find_dateline("今天的天气很好。", lexicon()).end, 0u);
  EXPECT_EQ(find_dateline("", lexicon()).end, 0u);
  EXPECT_EQ(find_dateline("   ", lexicon()).end, 0u);
  EXPECT_EQ(match_dateline("据悉，本报讯", lexicon()), 0u);  // not at the start
}
