// A short line set apart under a story's headline (extract/, split_banners):
// a column's name (快评, 人民时评) leaves the headline as an item of its own;
// a person's name (a family name of the lexicon, two or three characters) is
// the author's byline. A subtitle is a phrase, or opens with a dash.
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

TEST(UnderHeadline, AColumnNameLeavesTheHeadline) {
  const Page page = parse(std::string("小票根撬动大市场\n\n快评\n") + k_body);
  ASSERT_EQ(page.articles.size(), 2u);
  EXPECT_EQ(page.articles[0].headline, std::vector<std::string>{"小票根撬动大市场"});
  EXPECT_EQ(page.articles[1].kind, Kind::Other);
  EXPECT_EQ(page.articles[1].paragraphs, std::vector<std::string>{"快评"});
}

TEST(UnderHeadline, APersonsNameIsTheAuthor) {
  const Page page = parse(std::string("小票根撬动大市场\n\n丁慎毅\n") + k_body);
  ASSERT_EQ(page.articles.size(), 1u);
  EXPECT_EQ(page.articles[0].headline, std::vector<std::string>{"小票根撬动大市场"});
  ASSERT_EQ(page.articles[0].bylines.size(), 1u);
  EXPECT_EQ(page.articles[0].bylines[0].name, "丁慎毅");
}

TEST(UnderHeadline, ADashedSubtitleStays) {
  const Page page = parse(std::string("小票根撬动大市场\n\n——文体消费观察\n") + k_body);
  ASSERT_EQ(page.articles.size(), 1u);
  EXPECT_EQ(page.articles[0].headline.size(), 2u);
}
