// MatchEdges: the code points a pattern's match can start and end with, read
// from the pattern's text. A known edge must never reject a text ICU matches
// (checked against ICU's own lookingAt and matches below); an unreadable or
// open-ended pattern must leave the edge unknown (admit everything).
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include <unicode/regex.h>

#include "core/common/utf8.h"
#include "core/lexicon/lexicon.h"
#include "core/lexicon/match_edges.h"

using namespace bm::detail;

namespace {

// A set's pattern ("[中据新]"), for messages.
std::string pattern_of(const icu::UnicodeSet &set) {
  icu::UnicodeString u;
  set.toPattern(u, /*escapeUnprintable=*/false);
  std::string out;
  u.toUTF8String(out);
  return out;
}

icu::UnicodeSet set(const char *pattern) {
  UErrorCode st = U_ZERO_ERROR;
  const icu::UnicodeSet s(icu::UnicodeString::fromUTF8(pattern), st);
  EXPECT_TRUE(U_SUCCESS(st)) << pattern;
  return s;
}

// The pattern's first (last) edge is known and holds exactly `expected`.
testing::AssertionResult edge_is(std::string_view pattern, bool first, const char *expected) {
  const MatchEdges e = MatchEdges::of_pattern(pattern);
  if (!(first ? e.first_known() : e.last_known())) return testing::AssertionFailure() << "unknown edge";
  const icu::UnicodeSet &got = first ? e.first() : e.last();
  if (got == set(expected)) return testing::AssertionSuccess();
  return testing::AssertionFailure() << "edge " << pattern_of(got) << ", expected " << expected;
}

// 1 = ICU matches text at its start (whole: as a whole), 0 = not.
bool icu_match(const std::string &pattern, const std::string &text, bool whole) {
  UErrorCode st = U_ZERO_ERROR;
  UParseError pe;
  std::unique_ptr<icu::RegexPattern> p(icu::RegexPattern::compile(icu::UnicodeString::fromUTF8(pattern), 0, pe, st));
  EXPECT_TRUE(U_SUCCESS(st)) << pattern;
  if (U_FAILURE(st)) return false;
  const icu::UnicodeString u = icu::UnicodeString::fromUTF8(text);
  std::unique_ptr<icu::RegexMatcher> m(p->matcher(u, st));
  const bool hit = whole ? m->matches(st) : m->lookingAt(st);
  return hit && U_SUCCESS(st);
}

}  // namespace

TEST(MatchEdges, FirstOfLiteralsGroupsAndClasses) {
  EXPECT_TRUE(edge_is("本报讯", true, "[本]"));
  EXPECT_TRUE(edge_is("(?:新华社|中新社)[\\p{Han}]{0,10}\\d{1,2}月", true, "[中新]"));
  EXPECT_TRUE(edge_is("据?(?<source>新华社|中新社)电", true, "[中据新]"));
  EXPECT_TRUE(edge_is("[（(][\\p{Han}]{1,8}?日", true, "[\\(（]"));
  EXPECT_TRUE(edge_is("【(?<byline2>記者[^／/】]{2,16})", true, "[【]"));
  EXPECT_TRUE(edge_is("\\(x", true, "[\\(]"));
  EXPECT_TRUE(edge_is("a{0,2}b", true, "[ab]"));
  EXPECT_TRUE(edge_is("(ab)?c", true, "[ac]"));
  EXPECT_TRUE(edge_is("(?#a comment)xy", true, "[x]"));
  EXPECT_TRUE(edge_is("a|b|(?:c|d)+", true, "[a-d]"));
  EXPECT_TRUE(edge_is("\\p{Han}{1,8}版", true, "[\\p{Han}]"));
  EXPECT_TRUE(edge_is("第?[A-Z]?\\d{1,2}版", true, "[第A-Z\\p{Nd}]"));
  EXPECT_TRUE(edge_is("[^a]b", true, "[^a]"));
  EXPECT_TRUE(edge_is("[a-c]", true, "[a-c]"));
}

TEST(MatchEdges, LastOfLiteralsGroupsAndClasses) {
  EXPECT_TRUE(edge_is("\\p{Han}{1,8}版", false, "[版]"));
  EXPECT_TRUE(edge_is("第?[A-Z]?\\d{1,2}版", false, "[版]"));
  EXPECT_TRUE(edge_is("[A-Z]\\d{1,2}", false, "[\\p{Nd}]"));
  EXPECT_TRUE(edge_is("本报(?:讯|消息)", false, "[息讯]"));
  EXPECT_TRUE(edge_is("a(bc)?", false, "[ac]"));
  EXPECT_TRUE(edge_is("ab*", false, "[ab]"));
  EXPECT_TRUE(edge_is("x[（(]", false, "[\\(（]"));
  EXPECT_TRUE(edge_is("(?:电|讯)(?#note)", false, "[电讯]"));
  // The first edge can be unknown while the last is known, and the reverse.
  EXPECT_FALSE(MatchEdges::of_pattern("\\w版").first_known());
  EXPECT_FALSE(MatchEdges::of_pattern("版\\w").last_known());
  EXPECT_TRUE(MatchEdges::of_pattern("版\\w").first_known());
}

TEST(MatchEdges, UnknownWhenThePatternSaysNothingSure) {
  for (const char *p : {"a*", "a|", "(?i)abc", "(?=x)x", "[[a-z]--[aeiou]]x", "[\\w]x", "\\Qab\\E", ".x", "^x",
                        "\\bx", "[ab ]c", "(x", "x)", "x{,2}", "", "\\1x", "\\wx", "[a$]x", "[{ab}]x",
                        "[\r-Z]x" /* a range from CR: UnicodeSet would skip the CR */,
                        "(?:ab)(?#c)?" /* the ? is the group's: a comment is no atom */}) {
    const MatchEdges e = MatchEdges::of_pattern(p);
    EXPECT_FALSE(e.first_known()) << p;
    EXPECT_TRUE(e.may_start_with(U'z')) << p;
  }
  for (const char *p : {"a*", "x\\w", "x.", "x$", "x[a&&b]", "x(?=y)", "(?i)ab", "x\\cA", "x\\012"}) {
    const MatchEdges e = MatchEdges::of_pattern(p);
    EXPECT_FALSE(e.last_known()) << p;
    EXPECT_TRUE(e.may_end_with(U'z')) << p;
  }
  // Cut-off patterns (a user's lexicon may hold anything; ICU rejects them,
  // the reading must not read past their end).
  for (const char *p : {"(?<", "(?", "(", "[", "\\", "x{", "x{1", "(?<n", "(?#", "(?<=", "[a", "\\p{", "\\x{1", "\\k<"}) {
    const MatchEdges e = MatchEdges::of_pattern(p);
    EXPECT_FALSE(e.first_known()) << p;
    EXPECT_FALSE(e.last_known()) << p;
  }
  EXPECT_FALSE(MatchEdges::of_patterns({"本报讯", "\\w版"}).first_known());
  EXPECT_TRUE(MatchEdges::of_patterns({"本报讯", "\\w版"}).last_known());
  EXPECT_FALSE(MatchEdges::of_patterns({}).first_known());
}

// Whatever ICU matches, at a text's start or as the whole text, the edges
// admit: the patterns of the built-in lexicon and a few awkward ones.
TEST(MatchEdges, NeverRejectWhatIcuMatches) {
  std::vector<std::string> patterns = {"(ab)?c", "a{0,2}b", "[（(]x", "\\(x", "据?(?:新华社|中新社)电", "x(?:y|z)*",
                                       "(?:a|b?)c", "(?<n>m|n)+o", "ab*", "a(bc)?", "[^a]b", "[a-c]+", "\\d+",
                                       "\\p{Han}{1,3}", "[\\p{Han}a-z]+[0-9]"};
  Lexicon lex;
  lex.load(k_default_lexicon, "default");
  lex.finish();
  for (const char *section : {"dateline", "dateline.info", "edition"})
    for (const auto &p : lex.patterns(section)) {
      std::string src;
      p->pattern().toUTF8String(src);
      patterns.push_back(src);
    }
  const std::vector<std::string> texts = {
      "c", "abc", "aab", "b", "（x", "(x", "据新华社电", "中新社电", "xyzzy", "ac", "bc", "mno", "no", "a", "abbb",
      "本报讯", "本報訊 記者", "（重慶廿日海通電）", "新华社北京3月5日电", "据中新社电", "【記者王明／台北報導】",
      "人民网消息", "中央社記者王小明台北電", "记者 王强", "澎湃新闻消息", "第10版", "要闻版", "A3版", "本报北京3月19日电",
      "B12", "１２", "٣", "中文", "中文a1", "xb", "bb"};
  size_t starts = 0, wholes = 0;
  for (const std::string &p : patterns) {
    const MatchEdges e = MatchEdges::of_pattern(p);
    for (const std::string &t : texts) {
      size_t i = 0, j = t.size();
      if (icu_match(p, t, /*whole=*/false)) {
        ++starts;
        EXPECT_TRUE(e.may_start_with(next_cp(t, i))) << p << " on " << t;
      }
      if (icu_match(p, t, /*whole=*/true)) {
        ++wholes;
        EXPECT_TRUE(e.may_end_with(prev_cp(t, j))) << p << " on " << t;
      }
    }
  }
  EXPECT_GT(starts, 15u);  // the checks ran on real matches
  EXPECT_GT(wholes, 10u);
}

// The built-in sections are read (so the prefilter works there), and
// first_match agrees: a text that opens (or, as a whole, ends) with no
// edge of the section is rejected.
TEST(MatchEdges, BuiltInSections) {
  Lexicon lex;
  lex.load(k_default_lexicon, "default");
  lex.finish();
  EXPECT_TRUE(lex.may_start_with("dateline", U'本'));
  EXPECT_TRUE(lex.may_start_with("dateline", U'【'));
  EXPECT_FALSE(lex.may_start_with("dateline", U'记'));
  EXPECT_TRUE(lex.may_start_with("edition", U'记'));  // \p{Han}{1,8}版
  EXPECT_FALSE(lex.may_start_with("edition", U'（'));
  EXPECT_TRUE(lex.may_end_with("edition", U'版'));
  EXPECT_TRUE(lex.may_end_with("edition", U'３'));  // [A-Z]\d{1,2}: any decimal digit
  EXPECT_FALSE(lex.may_end_with("edition", U'。'));
  EXPECT_FALSE(lex.may_end_with("edition", U'闻'));
  RegexMatch m;
  EXPECT_FALSE(lex.first_match("dateline", icu::UnicodeString::fromUTF8("记者 王强"), false, m));
  EXPECT_TRUE(lex.first_match("dateline", icu::UnicodeString::fromUTF8("本报讯"), false, m));
  EXPECT_FALSE(lex.first_match("dateline", icu::UnicodeString(), false, m));
  EXPECT_TRUE(lex.first_match("edition", icu::UnicodeString::fromUTF8("第10版"), true, m));
  EXPECT_FALSE(lex.first_match("edition", icu::UnicodeString::fromUTF8("第10版。"), true, m));
}
