// LeadSet: the code points a pattern's match can start with, read from the
// pattern's text. A known set must never reject a text ICU matches (checked
// against ICU's own lookingAt below); an unreadable or open-ended pattern must
// be unknown (admit everything).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include <unicode/regex.h>

#include "core/common/utf8.h"
#include "core/lexicon/lead_set.h"
#include "core/lexicon/lexicon.h"

using namespace bm::detail;

namespace {

std::u32string set_of(std::string_view pattern) {
  const LeadSet s = LeadSet::of_pattern(pattern);
  EXPECT_TRUE(s.known()) << pattern;
  return std::u32string(s.code_points().begin(), s.code_points().end());
}

bool lookingAt(const std::string &pattern, const std::string &text) {
  UErrorCode st = U_ZERO_ERROR;
  UParseError pe;
  std::unique_ptr<icu::RegexPattern> p(icu::RegexPattern::compile(icu::UnicodeString::fromUTF8(pattern), 0, pe, st));
  EXPECT_TRUE(U_SUCCESS(st)) << pattern;
  if (U_FAILURE(st)) return false;
  std::unique_ptr<icu::RegexMatcher> m(p->matcher(icu::UnicodeString::fromUTF8(text), st));
  return m->lookingAt(st) && U_SUCCESS(st);
}

}  // namespace

TEST(LeadSet, LiteralsGroupsAndClasses) {
  EXPECT_EQ(set_of("本报讯"), U"本");
  EXPECT_EQ(set_of("(?:新华社|中新社)[\\p{Han}]{0,10}\\d{1,2}月"), U"中新");
  EXPECT_EQ(set_of("据?(?<source>新华社|中新社)电"), U"中据新");
  EXPECT_EQ(set_of("[（(][\\p{Han}]{1,8}?日"), U"(（");
  EXPECT_EQ(set_of("【(?<byline2>記者[^／/】]{2,16})"), U"【");
  EXPECT_EQ(set_of("\\(x"), U"(");
  EXPECT_EQ(set_of("a{0,2}b"), U"ab");
  EXPECT_EQ(set_of("(ab)?c"), U"ac");
  EXPECT_EQ(set_of("(?#a comment)xy"), U"x");
  EXPECT_EQ(set_of("a|b|(?:c|d)+"), U"abcd");
}

TEST(LeadSet, UnknownWhenThePatternSaysNothingSure) {
  for (const char *p : {"\\p{Han}{1,8}版", "第?[A-Z]?\\d{1,2}版", "a*", "a|", "(?i)abc", "(?=x)x", "[^a]b", "[a-c]",
                        "\\Qab\\E", ".x", "^x", "\\bx", "[ab ]c", "(x", "x)", "x{,2}", "", "\\1x"}) {
    const LeadSet s = LeadSet::of_pattern(p);
    EXPECT_FALSE(s.known()) << p;
    EXPECT_TRUE(s.admits(U'z')) << p;
  }
  EXPECT_FALSE(LeadSet::of_patterns({"本报讯", "\\p{Han}版"}).known());
  EXPECT_FALSE(LeadSet::of_patterns({}).known());
}

// Whatever ICU matches at a text's start, the set admits that text's first
// code point: the patterns of the built-in lexicon and a few awkward ones.
TEST(LeadSet, NeverRejectsWhatIcuMatches) {
  std::vector<std::string> patterns = {"(ab)?c", "a{0,2}b", "[（(]x", "\\(x", "据?(?:新华社|中新社)电", "x(?:y|z)*",
                                       "(?:a|b?)c", "(?<n>m|n)+o"};
  Lexicon lex;
  lex.load(k_default_lexicon, "default");
  lex.finish();
  for (const auto &p : lex.patterns("dateline")) {
    std::string src;
    p->pattern().toUTF8String(src);
    patterns.push_back(src);
  }
  const std::vector<std::string> texts = {"c", "abc", "aab", "b", "（x", "(x", "据新华社电", "中新社电", "xyzzy",
                                          "ac", "bc", "mno", "no", "本报讯", "本報訊 記者", "（重慶廿日海通電）",
                                          "新华社北京3月5日电", "据中新社电", "【記者王明／台北報導】", "人民网消息",
                                          "中央社記者王小明台北電", "记者 王强", "澎湃新闻消息"};
  size_t matched = 0;
  for (const std::string &p : patterns) {
    const LeadSet s = LeadSet::of_pattern(p);
    for (const std::string &t : texts) {
      if (!lookingAt(p, t)) continue;
      ++matched;
      size_t i = 0;
      EXPECT_TRUE(s.admits(next_cp(t, i))) << p << " on " << t;
    }
  }
  EXPECT_GT(matched, 15u);  // the check ran on real matches
}

// The built-in dateline section is read (so the prefilter works there), and
// first_match agrees with it: a text opening with no marker is rejected.
TEST(LeadSet, BuiltInDatelinesAreKnown) {
  Lexicon lex;
  lex.load(k_default_lexicon, "default");
  lex.finish();
  EXPECT_TRUE(lex.may_start_with("dateline", U'本'));
  EXPECT_TRUE(lex.may_start_with("dateline", U'【'));
  EXPECT_FALSE(lex.may_start_with("dateline", U'记'));
  EXPECT_TRUE(lex.may_start_with("edition", U'记'));  // \p{Han}版: unknown, admits all
  RegexMatch m;
  EXPECT_FALSE(lex.first_match("dateline", icu::UnicodeString::fromUTF8("记者 王强"), false, m));
  EXPECT_TRUE(lex.first_match("dateline", icu::UnicodeString::fromUTF8("本报讯"), false, m));
  EXPECT_FALSE(lex.first_match("dateline", icu::UnicodeString(), false, m));
}
