// Hostile lexicons (issue 16): patterns that would take exponential time are
// rejected at load, what slips through runs under the match limit and is
// reported once per page, and loading stays linear with documented limits.
#include <gtest/gtest.h>

#include <iterator>
#include <string>
#include <vector>

#include "core/common/error.h"
#include "core/lexicon/lexicon.h"
#include "core/output/json.h"
#include "core/pipeline/parser.h"

using namespace bm::detail;

namespace {

std::string load_message(const std::string &text, bm_status *code) {
  try {
    Lexicon lex;
    lex.load(k_default_lexicon, "built-in");
    lex.load(text, "user.lex");
    lex.finish();
  } catch (const Error &e) {
    *code = e.code();
    return e.what();
  }
  *code = BM_OK;
  return "";
}

Parser parser_with(const std::string &user) {
  Lexicon lex;
  lex.load(k_default_lexicon, "built-in");
  lex.load(user, "user.lex");
  lex.finish();
  return Parser(std::move(lex), 1 << 20);
}

size_t count(const std::string &hay, const std::string &needle) {
  size_t n = 0;
  for (size_t i = hay.find(needle); i != std::string::npos; i = hay.find(needle, i + 1)) ++n;
  return n;
}

}  // namespace

TEST(LexiconPatterns, NestedQuantifiersAreRejectedAtLoad) {
  for (const char *bad : {"(a+)+$", "(a|aa)+$", "(?:x\\d*)*y", "(a{1,3}){2,}", "((a|ab))*c", "(\\p{Han}+)+"}) {
    bm_status code;
    const std::string msg = load_message(std::string("# user\n[dateline]\n") + bad + "\n", &code);
    EXPECT_EQ(code, BM_E_LEXICON) << bad;
    EXPECT_NE(msg.find("user.lex:3"), std::string::npos) << msg;
    EXPECT_NE(msg.find("exponential"), std::string::npos) << msg;
  }
}

TEST(LexiconPatterns, BackReferencesAreRejectedAtLoad) {
  for (const char *bad : {"(a)\\1", "(?<x>a)\\k<x>"}) {
    bm_status code;
    const std::string msg = load_message(std::string("[edition]\n") + bad + "\n", &code);
    EXPECT_EQ(code, BM_E_LEXICON) << bad;
    EXPECT_NE(msg.find("back-reference"), std::string::npos) << msg;
  }
}

TEST(LexiconPatterns, SafeShapesStillLoad) {
  for (const char *ok : {"(a|b)+x", "(?:ab)+", "(a+)++", "(?>a+)+", "(?:\\d{1,2}月)?电", "[(（]\\p{Han}{1,8}?[）)]",
                         "(?:新华社|中新社)\\p{Han}{0,4}", "a{2}(b{3}){4}", "\\(完\\)"}) {
    bm_status code;
    const std::string msg = load_message(std::string("[dateline]\n") + ok + "\n", &code);
    EXPECT_EQ(code, BM_OK) << ok << ": " << msg;
  }
}

// A pattern the load check lets through (no nesting, but a*a*...a*b is
// polynomial of high degree) hits the match limit: the page still parses,
// the pattern is skipped and reported once, with its line and section.
TEST(LexiconPatterns, PatternOverTheLimitIsSkippedAndReportedOnce) {
  const Parser plain = parser_with("");
  const Parser hostile = parser_with("[dateline]\na*a*a*a*a*a*a*a*a*a*a*b\n[edition]\na*a*a*a*a*a*a*a*a*a*a*c\n");
  // [edition] sees lines up to 60 bytes. The first line ends in a digit: a
  // line no edition pattern can end with (the built-in ones end in 版 or a
  // digit, the hostile one in c) is rejected before any matcher runs
  // (match_edges.h), and the limit would never be reached.
  std::string page = std::string(50, 'a') + "1\n头版\n";
  for (int i = 0; i < 20; ++i) page += std::string(90, 'a') + "\n正文第" + std::to_string(i) + "段。\n";
  const Page a = plain.parse(page, {});
  const Page b = hostile.parse(page, {});
  ASSERT_EQ(b.warnings.size(), 2u) << (b.warnings.empty() ? "" : b.warnings[0]);
  EXPECT_NE(b.warnings[0].find("user.lex:2: [dateline]"), std::string::npos) << b.warnings[0];
  EXPECT_NE(b.warnings[1].find("user.lex:4: [edition]"), std::string::npos) << b.warnings[1];
  const std::string json = page_to_json(b, [&] {
    std::vector<const Article *> v;
    for (const Article &x : b.articles) v.push_back(&x);
    return v;
  }(), false);
  EXPECT_EQ(count(json, "hit the match limit"), 2u) << json;
  // Everything else as without the pattern.
  ASSERT_EQ(a.articles.size(), b.articles.size());
  for (size_t i = 0; i < a.articles.size(); ++i) EXPECT_EQ(a.articles[i].paragraphs, b.articles[i].paragraphs);
  EXPECT_TRUE(a.warnings.empty());
}

// With a page's RegexReport installed, one matcher per pattern is kept and
// reset to each input: every answer (match, end, groups) is the one a fresh
// matcher gives, whatever came before it.
TEST(LexiconPatterns, KeptMatchersAnswerLikeFreshOnes) {
  Lexicon lex;
  lex.load("[edition]\n第(?<page>[0-9]+)版\n(?<page>[A-Z])叠\n[dateline]\n本报(?<place>[^ ]{2})电\n", "t.lex");
  lex.finish();
  const char *inputs[] = {"第12版", "第3版", "B叠", "无关", "第4版", "本报北京电 正文", "本报上海电", "", "第77版"};
  auto answer = [&](const char *section, const char *text, bool whole) {
    const icu::UnicodeString u = icu::UnicodeString::fromUTF8(text);
    RegexMatch m;
    if (!lex.first_match(section, u, whole, m)) return std::string("-");
    UErrorCode st = U_ZERO_ERROR;
    std::string out = std::to_string(m.matcher->end(st)) + ":";
    m.matcher->group(st).toUTF8String(out);
    return out;
  };
  std::vector<std::string> fresh, kept;
  for (const char *t : inputs) {
    fresh.push_back(answer("edition", t, true));
    fresh.push_back(answer("dateline", t, false));
  }
  {
    RegexReport report;
    for (int round = 0; round < 2; ++round)
      for (size_t i = 0; i < std::size(inputs); ++i) {
        kept.push_back(answer("edition", inputs[i], true));
        kept.push_back(answer("dateline", inputs[i], false));
      }
    EXPECT_FALSE(report.matchers.empty());
  }
  ASSERT_EQ(kept.size(), 2 * fresh.size());
  for (size_t i = 0; i < fresh.size(); ++i) {
    EXPECT_EQ(kept[i], fresh[i]) << i;
    EXPECT_EQ(kept[fresh.size() + i], fresh[i]) << i;
  }
  EXPECT_EQ(fresh[0], "4:第12版");  // UTF-16 units
  EXPECT_EQ(fresh[11], "5:本报北京电");
}

TEST(LexiconLoad, DuplicatesAndRemovalsKeepListOrder) {
  Lexicon lex;
  lex.load("[ad]\n甲\n乙\n丙\n乙\n!甲\n丁\n甲\n!戊\n", "t.lex");
  lex.load("[ad]\n!丙\n丙\n乙\n", "u.lex");
  lex.finish();
  EXPECT_EQ(lex.words("ad"), (std::vector<std::string>{"乙", "丁", "甲", "丙"}));
}

TEST(LexiconLoad, ManyEntriesLoadAndLimitsAreErrors) {
  std::string text = "[ad]\n";
  for (int i = 0; i < 100000; ++i) text += "词" + std::to_string(i) + "\n";
  for (int i = 0; i < 100000; i += 2) text += "!词" + std::to_string(i) + "\n";
  Lexicon lex;
  lex.load(text, "big.lex");
  lex.finish();
  EXPECT_EQ(lex.words("ad").size(), 50000u);
  EXPECT_EQ(lex.words("ad").front(), "词1");

  bm_status code;
  std::string msg = load_message("[ad]\n" + std::string(k_lexicon_max_entry_bytes + 1, 'x') + "\n", &code);
  EXPECT_EQ(code, BM_E_LEXICON);
  EXPECT_NE(msg.find("user.lex:2"), std::string::npos) << msg;
  std::string many = "[edition]\n";
  for (size_t i = 0; i <= k_lexicon_max_patterns; ++i) many += "版" + std::to_string(i) + "\n";
  msg = load_message(many, &code);
  EXPECT_EQ(code, BM_E_LEXICON);
  EXPECT_NE(msg.find("patterns in [edition]"), std::string::npos) << msg;
}

// The checker reads any text without running off its end (random patterns
// of regex syntax; ICU reports what is not a pattern).
TEST(LexiconPatterns, CheckerReadsAnyText) {
  const std::string alphabet = "()[]{}|*+?\\ak<>:=!#,019^$.pQE-";
  uint32_t x = 12345;
  for (int n = 0; n < 20000; ++n) {
    std::string s;
    const int len = 1 + static_cast<int>(x % 24);
    for (int i = 0; i < len; ++i) {
      x = x * 1103515245u + 12345u;
      s.push_back(alphabet[(x >> 16) % alphabet.size()]);
    }
    (void)check_pattern(s);
  }
}
