// A short line set apart under a story's headline (extract/, split_banners):
// a person's name (a family name of the lexicon, two or three characters) is
// the author's byline. A column's name (快评) stays a headline part: as an
// item of its own it would lie inside the story's span (items never overlap).
// A subtitle is a phrase, or opens with a dash.
#include <gtest/gtest.h>

#include <string>

#include "common/core_fixtures.h"
#include "core/pipeline/parser.h"

using namespace bm::detail;

namespace {

const char *k_body =
    "\n前不久，今年的赛事在上海\n圆满收官。凭借一张门票贯\n通全城消费，带动了餐饮、\n住宿、文旅等多个行业。\n"
    "\n这种联动效应说明，文体赛\n事不只是一场比赛，更是一\n座城市的消费场景。\n";

Page parse(const std::string &text) { return bm_test::default_parser().parse(text, CallOptions{}); }

}  // namespace

TEST(UnderHeadline, AColumnNameStaysInTheStoryWhoseSpanHoldsIt) {
  const Page page = parse(std::string("小票根撬动大市场\n\n快评\n") + k_body);
  ASSERT_EQ(page.articles.size(), 1u);
  EXPECT_EQ(page.articles[0].headline, (std::vector<std::string>{"小票根撬动大市场", "快评"}));
  EXPECT_TRUE(page.articles[0].bylines.empty());
}

TEST(UnderHeadline, APersonsNameIsTheAuthor) {
  // Narrow columns, where the decoder reads the name as a headline line.
  const Page page = parse(
      "意见和建议，认真吸纳\n梳理、分析原因，研究\n制订科学的整改措施，\n并逐条逐项抓到位，以\n此促进工作的提高。\n\n\n"
      "小票根撬动大市场\n\n丁慎毅\n\n"
      "前不久，今年的赛事在\n上海圆满收官。凭借一\n张门票贯通全城，带动\n了餐饮、住宿、文旅等\n多个行业，展示了小票\n根的大作用。\n");
  ASSERT_EQ(page.articles.size(), 2u);
  const Article &a = page.articles[1];
  EXPECT_EQ(a.headline, std::vector<std::string>{"小票根撬动大市场"});
  ASSERT_EQ(a.bylines.size(), 1u);
  EXPECT_EQ(a.bylines[0].name, "丁慎毅");
  EXPECT_EQ(a.bylines[0].role, BylineRole::Author);
}

TEST(UnderHeadline, ADashedSubtitleStays) {
  const Page page = parse(std::string("小票根撬动大市场\n\n——文体消费观察\n") + k_body);
  ASSERT_EQ(page.articles.size(), 1u);
  EXPECT_EQ(page.articles[0].headline.size(), 2u);
}
