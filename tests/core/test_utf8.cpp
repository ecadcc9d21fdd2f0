// common/utf8: the small UTF-8 helpers every stage uses.
#include <gtest/gtest.h>

#include <string>

#include <unicode/uchar.h>

#include "core/common/utf8.h"

using namespace bm::detail;

TEST(Utf8Next, DecodesOneToFourBytes) {
  const std::string s = "a\u00E9\u4E2D\U0001F600";
  size_t i = 0;
  EXPECT_EQ(next_cp(s, i), U'a');
  EXPECT_EQ(i, 1u);
  EXPECT_EQ(next_cp(s, i), 0xE9u);
  EXPECT_EQ(i, 3u);
  EXPECT_EQ(next_cp(s, i), 0x4E2Du);
  EXPECT_EQ(i, 6u);
  EXPECT_EQ(next_cp(s, i), 0x1F600u);
  EXPECT_EQ(i, s.size());
}

TEST(Utf8Next, NeverReadsPastTheEnd) {
  // Truncated and stray bytes yield U+FFFD and advance one byte.
  for (const std::string s : {std::string("\xE4\xB8"), std::string("\x80"), std::string("\xF0\x9F\x98"),
                              std::string("\xC3"), std::string("\xE4\x41\x42")}) {
    size_t i = 0, steps = 0;
    while (i < s.size()) {
      const size_t before = i;
      const char32_t cp = next_cp(s, i);
      EXPECT_GT(i, before);
      EXPECT_LE(i, s.size());
      if (steps == 0) EXPECT_EQ(cp, 0xFFFDu) << ::testing::PrintToString(s);
      ++steps;
    }
  }
}

TEST(Utf8Prev, StepsBackOverWholeCodePoints) {
  const std::string s = "a\u00E9\u4E2D\U0001F600";
  size_t i = s.size();
  EXPECT_EQ(prev_cp(s, i), 0x1F600u);
  EXPECT_EQ(prev_cp(s, i), 0x4E2Du);
  EXPECT_EQ(prev_cp(s, i), 0xE9u);
  EXPECT_EQ(prev_cp(s, i), U'a');
  EXPECT_EQ(i, 0u);
}

TEST(Utf8Prev, BadTailAndStartAreSafe) {
  const std::string s = "a\x80\x80\x80\x80";
  size_t i = s.size();
  EXPECT_EQ(prev_cp(s, i), 0xFFFDu);
  EXPECT_EQ(i, s.size() - 1);
  size_t zero = 0;
  EXPECT_EQ(prev_cp(s, zero), 0xFFFDu);
  EXPECT_EQ(zero, 0u);
}

TEST(Utf8Append, RoundTripsEveryPlane) {
  for (char32_t cp : {char32_t(0), char32_t(0x7F), char32_t(0x80), char32_t(0x7FF), char32_t(0x800),
                      char32_t(0xFFFD), char32_t(0x10000), char32_t(0x10FFFF)}) {
    std::string s;
    append_cp(s, cp);
    size_t i = 0;
    EXPECT_EQ(next_cp(s, i), cp);
    EXPECT_EQ(i, s.size());
  }
}

TEST(Utf8Count, CodePoints) {
  EXPECT_EQ(cp_count(""), 0u);
  EXPECT_EQ(cp_count("ab中文😀"), 5u);
}

TEST(Utf8Width, EastAsianWidth) {
  EXPECT_EQ(cp_width(U'a'), 1);
  EXPECT_EQ(cp_width(U'中'), 2);
  EXPECT_EQ(cp_width(0xFF0C), 2);   // ，
  EXPECT_EQ(cp_width(0x3000), 2);   // ideographic space
  EXPECT_EQ(cp_width(0x201C), 2);   // “ (ambiguous, full-width in Chinese type)
  EXPECT_EQ(cp_width(0x00E9), 1);   // é (ambiguous Latin-1)
  EXPECT_EQ(cp_width(0x0301), 0);   // combining acute
  EXPECT_EQ(cp_width(0x200B), 0);   // zero width space (format)
  EXPECT_EQ(display_width("平湖 PH"), 7);
}

// The ideograph ranges answered without ICU give what ICU's properties give.
TEST(Utf8Width, IdeographFastPathAgreesWithIcu) {
  for (char32_t cp : {char32_t{0x3400}, char32_t{0x4DBF}, char32_t{0x4E00}, char32_t{0x9FFF}})
    EXPECT_EQ(cp_width(cp), 2) << std::hex << static_cast<unsigned>(cp);
  for (char32_t cp = 0x3400; cp <= 0x9FFF; ++cp) {
    if (cp > 0x4DBF && cp < 0x4E00) continue;
    const auto gc = u_charType(static_cast<UChar32>(cp));
    const int eaw = u_getIntPropertyValue(static_cast<UChar32>(cp), UCHAR_EAST_ASIAN_WIDTH);
    ASSERT_NE(gc, U_NON_SPACING_MARK);
    ASSERT_TRUE(eaw == U_EA_WIDE || eaw == U_EA_FULLWIDTH) << std::hex << static_cast<unsigned>(cp);
  }
}

TEST(Utf8Width, LayoutWidthSqueezesPunctuation) {
  EXPECT_EQ(layout_width("平湖，"), 5);
  EXPECT_EQ(display_width("平湖，"), 6);
  EXPECT_EQ(layout_width("“红旗奖”"), 8);
}

TEST(Utf8Space, SpacesAndTrim) {
  EXPECT_TRUE(is_space_cp(U' '));
  EXPECT_TRUE(is_space_cp(U'\t'));
  EXPECT_TRUE(is_space_cp(0x3000));
  EXPECT_TRUE(is_space_cp(0xA0));
  EXPECT_FALSE(is_space_cp(U'\n'));
  EXPECT_FALSE(is_space_cp(U'中'));
  EXPECT_EQ(trim(" \u3000 平湖 市\t\u3000"), "平湖 市");
  EXPECT_EQ(trim("   "), "");
  EXPECT_EQ(trim(""), "");
}
