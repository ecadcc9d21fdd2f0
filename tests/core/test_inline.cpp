// Stage 3 (character level): normalize_inline rule by rule, join_lines
// (rule 5), the Chinese-context predicates and the UAX #15 stream-safe step.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "core/common/utf8.h"
#include "core/normalize/inline_text.h"

using namespace bm::detail;

namespace {
std::string body(std::string_view s) { return normalize_inline(s, InlineMode::Body); }
std::string headline(std::string_view s) { return normalize_inline(s, InlineMode::Headline); }
std::string name(std::string_view s) { return normalize_inline(s, InlineMode::Name); }

size_t count_cgj(const std::string &s) {
  size_t n = 0;
  for (size_t p = s.find("\u034F"); p != std::string::npos; p = s.find("\u034F", p + 1)) ++n;
  return n;
}
}  // namespace

// Rule 1
TEST(InlineRule1, NfcComposes) {
  EXPECT_EQ(body("e\u0301"), "\u00E9");
  EXPECT_EQ(body("A\u030A"), "\u00C5");
  EXPECT_EQ(body("\u212B"), "\u00C5");  // ANGSTROM SIGN is NFC-decomposed to Å
  // Hangul jamo compose to a syllable.
  EXPECT_EQ(body("\u1100\u1161"), "\uAC00");
}

TEST(InlineRule1, NeverNfkc) {
  for (const char *s : {"，", "℃", "①", "ﬁ", "㎡", "™", "…", "《》"}) EXPECT_EQ(body(s), s) << s;
}

TEST(InlineRule1, FullWidthLettersAndDigitsBecomeHalfWidth) {
  EXPECT_EQ(body("ＰＴＡ项目１２３个"), "PTA项目123个");
  EXPECT_EQ(body("ａｚＡＺ０９"), "azAZ09");
  EXPECT_EQ(body("增长５％"), "增长5%");
  // Other full-width signs are left alone.
  EXPECT_EQ(body("＠＃"), "＠＃");
}

TEST(InlineRule1, FoldedLetterComposesWithItsMark) {
  // Folded to ASCII, a full-width letter composes with the combining mark
  // after it, as it would have had it been half-width: the output is NFC
  // (the fuzz finding normalize/fullwidth-letter-before-combining-mark).
  EXPECT_EQ(body("\uFF21\u0301"), "\u00C1");  // Ａ + acute -> Á
  EXPECT_EQ(body("\uFF45\u0301\u4E2D"), "\u00E9\u4E2D");
  EXPECT_EQ(body(body("\uFF21\u0301")), body("\uFF21\u0301"));
}

TEST(InlineRule1, SpaceSeparatorsAreSpaces) {
  EXPECT_EQ(body("JIAXING\u3000DAILY"), "JIAXING DAILY");
  EXPECT_EQ(body("a\u00A0b"), "a b");
  EXPECT_EQ(body("a\u2003b"), "a b");
  EXPECT_EQ(body("a\tb"), "a b");
  EXPECT_EQ(body("全角\u3000空格"), "全角空格");
}

// Rule 2
TEST(InlineRule2, PunctuationInChineseContext) {
  EXPECT_EQ(body("昨天,记者"), "昨天，记者");
  EXPECT_EQ(body("地址:平湖"), "地址：平湖");
  EXPECT_EQ(body("是吗?对!"), "是吗？对！");
  EXPECT_EQ(body("一;二"), "一；二");
  // Context is the nearest non-space character on either side.
  EXPECT_EQ(body("好 , ok"), "好，ok");
  EXPECT_EQ(body("ok , 好"), "ok，好");
  EXPECT_EQ(body("“好!”"), "“好！”");
}

TEST(InlineRule2, DigitsAndLatinKeepHalfWidth) {
  EXPECT_EQ(body("共26,000人"), "共26,000人");
  EXPECT_EQ(body("8:30开始"), "8:30开始");
  EXPECT_EQ(body("Hello, world: ok?"), "Hello, world: ok?");
  EXPECT_EQ(body("增长15.7%"), "增长15.7%");
  EXPECT_EQ(body("2021-2025年"), "2021-2025年");
  EXPECT_EQ(body("1+X+n模式"), "1+X+n模式");
  EXPECT_EQ(body("A/B测试"), "A/B测试");
  // ',' between a digit and a Han character is not between two digits.
  EXPECT_EQ(body("第1,第2"), "第1，第2");
}

// Rule 3
TEST(InlineRule3, Parentheses) {
  EXPECT_EQ(body("县(市、区)"), "县（市、区）");
  EXPECT_EQ(body("平湖(PH)"), "平湖（PH）");
  EXPECT_EQ(body("(注)"), "（注）");
  EXPECT_EQ(body("f(x)"), "f(x)");
  EXPECT_EQ(body("(2021)年"), "(2021)年");
  EXPECT_EQ(body("县(市(区))"), "县（市（区））");
  EXPECT_EQ(body("（GDP）"), "（GDP）");
  EXPECT_EQ(body("Hello (really)"), "Hello (really)");
}

TEST(InlineRule3, UnpairedFollowTheirNeighbour) {
  EXPECT_EQ(body("平湖(未完"), "平湖（未完");
  EXPECT_EQ(body("完)了"), "完）了");
  EXPECT_EQ(body("x(y"), "x(y");
}

// Rule 4
TEST(InlineRule4, SpacesNextToChineseGo) {
  EXPECT_EQ(body("平湖有 2个"), "平湖有2个");
  EXPECT_EQ(body("7月 19日"), "7月19日");
  EXPECT_EQ(body("  前后  "), "前后");
  EXPECT_EQ(body("抗高温 保供电"), "抗高温保供电");
}

TEST(InlineRule4, SpacesBetweenLatinTokensCollapse) {
  EXPECT_EQ(body("JIAXING   DAILY"), "JIAXING DAILY");
  EXPECT_EQ(body("iPhone 15 发布"), "iPhone 15发布");
}

TEST(InlineRule4, HeadlineKeepsOneSpaceBetweenHanPhrases) {
  EXPECT_EQ(headline("抗高温 保供电"), "抗高温 保供电");
  EXPECT_EQ(headline("抗高温   保供电"), "抗高温 保供电");
  EXPECT_EQ(headline("增长 5%"), "增长5%");
}

TEST(InlineRule4, NameModeDropsAllSpacesInNames) {
  EXPECT_EQ(name("冯 哲"), "冯哲");
  EXPECT_EQ(name("记 者 贺思远"), "记者贺思远");
}

TEST(InlineNormalize, NewlinesInsideBecomeSpaces) {
  EXPECT_EQ(body("a\nb"), "a b");
  EXPECT_EQ(body("平\n湖"), "平湖");
}

TEST(InlineNormalize, ValidUtf8InAndOutAndIdempotent) {
  for (const char *s : {"昨天,记者从市交通部门获悉", "县(市、区)", "ＰＴＡ 项目", "cafe\u0301 (ok)", "a\u0301\u0301\u0301"}) {
    const std::string once = body(s);
    EXPECT_EQ(body(once), once) << s;
    EXPECT_EQ(headline(headline(s)), headline(s)) << s;
  }
}

// Rule 5
TEST(JoinLines, NoSeparatorExceptBetweenLatinLetters) {
  EXPECT_EQ(join_lines({"加快城东片区道路改造、管网更新和绿", "地建设的整体进度。"}),
            "加快城东片区道路改造、管网更新和绿地建设的整体进度。");
  EXPECT_EQ(join_lines({"The quick", "brown fox"}), "The quick brown fox");
  EXPECT_EQ(join_lines({"abc", "123"}), "abc123");
  EXPECT_EQ(join_lines({"café", "été"}), "café été");
}

TEST(JoinLines, TrimsAndSkipsBlankLines) {
  EXPECT_EQ(join_lines({"  前面 ", "", "\u3000后面"}), "前面后面");
  EXPECT_EQ(join_lines({}), "");
  EXPECT_EQ(join_lines({"   "}), "");
}

TEST(ChineseContext, Predicates) {
  EXPECT_TRUE(is_han(U'中'));
  EXPECT_TRUE(is_han(0x3400));   // CJK extension A
  EXPECT_TRUE(is_han(0x20000));  // CJK extension B
  EXPECT_FALSE(is_han(U'a'));
  EXPECT_FALSE(is_han(0x3002));
  EXPECT_TRUE(is_chinese_punct(0x3002));  // 。
  EXPECT_TRUE(is_chinese_punct(0xFF0C));  // ，
  EXPECT_TRUE(is_chinese_punct(0x2026));  // …
  EXPECT_FALSE(is_chinese_punct(U','));
}

// UAX #15 stream-safe text
TEST(StreamSafe, InsertsCgjAfterThirtyNonStarters) {
  const std::string mark = "\u0301";
  std::string s = "a";
  for (int i = 0; i < 30; ++i) s += mark;
  EXPECT_EQ(stream_safe(s), s);  // exactly 30: unchanged
  s += mark;                     // 31
  std::string want = "a";
  for (int i = 0; i < 30; ++i) want += mark;
  want += "\u034F" + mark;
  EXPECT_EQ(stream_safe(s), want);
  EXPECT_EQ(stream_safe("plain 中文"), "plain 中文");
}

TEST(StreamSafe, CountsNonStartersOfDecompositions) {
  // U+0344 decomposes to two non-starters; 16 of them are 32 > 30.
  std::string s = "a";
  for (int i = 0; i < 16; ++i) s += "\u0344";
  EXPECT_EQ(count_cgj(stream_safe(s)), 1u);
  // ǘ (U+01D8) ends with two non-starters (u + U+0308 + U+0301): 29 more make 31.
  std::string t = "\u01D8";
  for (int i = 0; i < 29; ++i) t += "\u0301";
  EXPECT_EQ(count_cgj(stream_safe(t)), 1u);
}

TEST(StreamSafe, LongCombiningRunNormalizes) {
  std::string s = "a";
  for (int i = 0; i < 80000; ++i) s += "\u0301";
  const auto t0 = std::chrono::steady_clock::now();
  const std::string out = body(s);
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0).count();
  // á, then 79,999 marks with a CGJ before every 30 of them (the first mark
  // composed with 'a').
  ASSERT_EQ(out.substr(0, 2), "\u00E1");
  size_t marks = 0;
  for (size_t i = 2; i < out.size();) {
    const char32_t cp = next_cp(out, i);
    ASSERT_TRUE(cp == 0x301 || cp == 0x34F) << std::hex << cp;
    marks += cp == 0x301;
  }
  EXPECT_EQ(marks, 79999u);
  EXPECT_EQ(count_cgj(out), 80000u / 30);
  EXPECT_EQ(body(out), out);  // idempotent: the CGJs already make it stream-safe
  RecordProperty("normalize_80000_marks_ms", std::to_string(ms));
}

TEST(StreamSafe, LongRunOfMixedCombiningClasses) {
  // Alternating U+0301 (ccc 230) and U+0316 (ccc 220): without stream-safe
  // segments canonical reordering of this run is quadratic (utf8proc: tens of
  // seconds). Within each 30-mark segment NFC puts the 220s first.
  std::string s = "a";
  for (int i = 0; i < 40000; ++i) s += "\u0301\u0316";
  const std::string out = body(s);
  size_t i = 0;
  // a + U+0316 U+0301 composes to á + U+0316 (U+0316 does not block: lower class).
  EXPECT_EQ(next_cp(out, i), 0xE1u);
  size_t marks = 0, segments = 1;
  bool seen230 = false;
  while (i < out.size()) {
    const char32_t cp = next_cp(out, i);
    if (cp == 0x34F) {
      ++segments;
      seen230 = false;
      continue;
    }
    ASSERT_TRUE(cp == 0x301 || cp == 0x316) << std::hex << cp;
    ++marks;
    if (cp == 0x301) seen230 = true;
    else ASSERT_FALSE(seen230) << "U+0316 after U+0301 inside a segment at byte " << i;
  }
  EXPECT_EQ(marks, 79999u);
  EXPECT_EQ(segments, 80000u / 30 + 1);
  EXPECT_EQ(body(out), out);
}

TEST(InlineRules2And3, DecisionsThatDependOnANeighbourAreFinal) {
  // tests/fuzz/regress/normalize/halfwidth-run-after-close-paren: "?!" after
  // a ")" that rule 3 makes full-width.
  EXPECT_EQ(body("平,湖:(市)?!;"), "平，湖：（市）？！；");
  // Chains anchored on the right.
  EXPECT_EQ(body("ok!?平湖"), "ok！？平湖");
  EXPECT_EQ(body("x(?平"), "x（？平");
  // A pair without Han content after a converted punctuation mark.
  EXPECT_EQ(body("平(x)?(y)?(z)"), "平（x）？（y）？（z）");
  // Nothing Chinese nearby: all half-width.
  EXPECT_EQ(body("f(x)?(y)!"), "f(x)?(y)!");
  for (const char *s : {"平,湖:(市)?!;平,湖:(市)?!;", "!?!?平", "a(b)?(c)!平", "平(x)?(y)?(z)", "(?)", "(平)!x",
                        "x!(平)", "1,(2):3", "?(x)平", "((平)", "平))?!"}) {
    const std::string once = body(s);
    EXPECT_EQ(body(once), once) << s;
  }
}

// normalize_inline's shortcut (text the rules leave as it is, copied) gives
// what every rule applied gives: random strings over an alphabet of every
// kind of character the rules look at, in each mode.
TEST(InlineShortcut, AgreesWithTheRules) {
  const std::vector<std::string> alphabet = {
      "中", "国", "\xF0\xA0\x80\x81",          // Han (one outside the BMP)
      "a", "Z", "7", ".", "%", "-", "/", "+",  // ASCII the rules keep
      ",", ";", ":", "?", "!", "(", ")",       // ASCII rules 2 and 3 rewrite
      " ", "\t", "\xE3\x80\x80", "\xC2\xA0",   // spaces (U+3000, U+00A0)
      "，", "。", "、", "（", "）", "“", "”", "《", "》", "——", "…", "·",
      "\xEF\xBC\xA1", "\xEF\xBC\x91", "\xEF\xBC\x85",  // Ａ １ ％ (folded by rule 1)
      "\xCC\x81", "e\xCC\x81", "\xC3\xA9", "\xE2\x84\xAB",  // combining acute, e + acute, é, Å sign (NFC)
      "\xE3\x81\x8B\xE3\x82\x99",  // か + combining voiced mark (composes to が)
  };
  uint32_t seed = 7;
  auto next = [&seed] { return seed = seed * 1103515245u + 12345u; };
  for (int n = 0; n < 20000; ++n) {
    std::string s;
    const size_t len = next() % 12;
    for (size_t k = 0; k < len; ++k) s += alphabet[(next() >> 8) % alphabet.size()];
    for (InlineMode mode : {InlineMode::Body, InlineMode::Headline, InlineMode::Name})
      ASSERT_EQ(normalize_inline(s, mode), normalize_inline_by_rules(s, mode)) << s;
  }
  EXPECT_EQ(normalize_inline("中国人民（北京）“好”。"), "中国人民（北京）“好”。");
}
