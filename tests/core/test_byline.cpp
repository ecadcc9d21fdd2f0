// parse_byline (classify/byline.h) on invented credits in the conventions of
// Chinese papers, and on prose it must not read as one. Prose is told apart
// before tokenizing (no role word, a character no name has); these cases pin
// that the quick test keeps every credit: role words letter-spaced or split by
// a credit's marks, bare names, a one-character role glued to a name.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/classify/byline.h"
#include "common/core_fixtures.h"
#include "core/lexicon/lexicon.h"

using namespace bm::detail;

namespace {

// The built-in lexicon, the one of the parser the core tests share.
const Lexicon &lexicon() { return bm_test::default_parser().lexicon(); }

// "role:name role:name" or "-" when the text is not a byline.
std::string read(const std::string &text, bool allow_bare = false) {
  const auto b = parse_byline(text, lexicon(), allow_bare);
  if (!b) return "-";
  std::string out;
  for (const Byline &p : b->people) out += (out.empty() ? "" : " ") + std::string(role_name(p.role)) + ":" + p.name;
  if (!b->leftover.empty()) out += " +" + b->leftover;
  return out;
}

}  // namespace

TEST(Byline, CreditsInTheirUsualShapes) {
  EXPECT_EQ(read("本报记者 王一鸣"), "reporter:王一鸣");
  EXPECT_EQ(read("本报记者 王一鸣 通讯员 李小红"), "reporter:王一鸣 correspondent:李小红");
  EXPECT_EQ(read("记 者 王一鸣"), "reporter:王一鸣");            // letter-spaced role
  EXPECT_EQ(read("记/者 王一鸣"), "reporter:王一鸣");             // a role split by a credit's mark
  EXPECT_EQ(read("本报记者 王 强"), "reporter:王强");             // letter-spaced name
  EXPECT_EQ(read("张 伟 摄"), "photographer:张伟");
  EXPECT_EQ(read("新华社记者 张建华摄"), "photographer:张建华");  // one-character role glued
  EXPECT_EQ(read("■记者 王一鸣"), "reporter:王一鸣");
  // Marked, a credit may run on into other text (digits, Latin): the quick
  // test must find its role word, not stop at the first character no name has.
  EXPECT_EQ(read("■记者 王一鸣 电话85012345"), "reporter:王一鸣 +电话85012345");
  EXPECT_EQ(read("■记/者 王一鸣 (A3)"), "reporter:王一鸣 +(A3)");
}

// A photo credit may name where the photo came from, in brackets after it:
// the note names nobody. Bare names with a note are no credit.
TEST(Byline, CreditWithItsSourceNote) {
  EXPECT_EQ(read("刘一帆摄（新华社发）"), "photographer:刘一帆");
  EXPECT_EQ(read("顾 晨摄（视觉中国）"), "photographer:顾晨");
  EXPECT_EQ(read("本报记者 周 静摄(资料图片)"), "photographer:周静");
  EXPECT_EQ(read("顾晨（视觉中国）", true), "-");
  EXPECT_EQ(parse_byline_lenient("顾 晨摄（视觉中国）", lexicon()).size(), 1u);
}

// A photo's source before its credit (新华社发（X摄）) names nobody: a word of
// the lexicon's [photo.source], skipped by both readings.
TEST(Byline, PhotoSourceBeforeTheCredit) {
  EXPECT_EQ(read("新华社发 刘一帆摄"), "photographer:刘一帆");
  const std::vector<Byline> people = parse_byline_lenient("新华社发（刘一帆摄）", lexicon());
  ASSERT_EQ(people.size(), 1u);
  EXPECT_EQ(people[0].name, "刘一帆");
  EXPECT_EQ(people[0].role, BylineRole::Photographer);
  EXPECT_EQ(read("新华社发"), "-");  // a source alone credits no one
}

TEST(Byline, BareNamesOnlyWhereAllowed) {
  EXPECT_EQ(read("王一鸣 李小红", true), ":王一鸣 :李小红");
  EXPECT_EQ(read("王一鸣 李小红", false), "-");
}

TEST(Byline, ProseIsNotACredit) {
  for (const char *t : {"会议强调，要抓好落实。", "3月19日上午", "记者了解到，今年以来全市新增岗位。",
                        "The quick brown fox", "２０２４年", "（完）"})
    EXPECT_EQ(read(t, true), "-") << t;
}

// A co-published story credits the other paper's reporters with its name
// before the role word, in one token; a name the [paper] section does not
// know counts only inside 《》.
TEST(Byline, OutletBeforeTheRoleWord) {
  EXPECT_EQ(read("浙江日报记者 周 航 林晓雨"), "reporter:周航 reporter:林晓雨");
  EXPECT_EQ(read("《经济日报》记者 王一鸣"), "reporter:王一鸣");
  EXPECT_EQ(read("本报记者 王一鸣 江南日报记者 李小红"), "reporter:王一鸣 reporter:李小红");
  EXPECT_EQ(read("社区干部记者 王一鸣"), "-");  // not an outlet's name
  EXPECT_EQ(read("《》记者 王一鸣"), "-");          // an empty name
}

// Parallel headline phrases are not bare names.
TEST(Byline, ParallelPhrasesAreNotNames) {
  EXPECT_EQ(read("学门手艺 交些朋友 添点乐趣", true), "-");
  EXPECT_EQ(read("稳就业 保民生 促发展", true), "-");
}
