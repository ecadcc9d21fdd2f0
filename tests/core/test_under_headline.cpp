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
    "\n上月底，江边的老码头在南\n岸改造完工。借助一条栈道\n贯通两岸，带动了茶馆、书\n店、手作坊等多种业态。\n"
    "\n这种改造思路表明，老旧设\n施不只是一处遗存，更是一\n片街区的生活场景。\n";

Page parse(const std::string &text) { return bm_test::default_parser().parse(text, CallOptions{}); }

}  // namespace

TEST(UnderHeadline, AColumnNameStaysInTheStoryWhoseSpanHoldsIt) {
  const Page page = parse(std::string("旧码头变身新客厅\n\n快评\n") + k_body);
  ASSERT_EQ(page.articles.size(), 1u);
  EXPECT_EQ(page.articles[0].headline, (std::vector<std::string>{"旧码头变身新客厅", "快评"}));
  EXPECT_TRUE(page.articles[0].bylines.empty());
}

TEST(UnderHeadline, APersonsNameIsTheAuthor) {
  // Narrow columns, where the decoder reads the name as a headline line.
  const Page page = parse(
      "群众的来信，逐件登记\n分类、查明缘由，拿出\n切实可行的解决办法，\n并逐件办结后回访，以\n此改进窗口的服务。\n\n\n"
      "旧码头变身新客厅\n\n韩书远\n\n"
      "上月底，江边的老码头\n改造完工。借助一条栈\n道贯通两岸，带动了茶\n馆、书店、手作坊等多\n家小店，展示了老码头\n的别样活力。\n");
  ASSERT_EQ(page.articles.size(), 2u);
  const Article &a = page.articles[1];
  EXPECT_EQ(a.headline, std::vector<std::string>{"旧码头变身新客厅"});
  ASSERT_EQ(a.bylines.size(), 1u);
  EXPECT_EQ(a.bylines[0].name, "韩书远");
  EXPECT_EQ(a.bylines[0].role, BylineRole::Author);
}

TEST(UnderHeadline, ADashedSubtitleStays) {
  const Page page = parse(std::string("旧码头变身新客厅\n\n——滨江更新观察\n") + k_body);
  ASSERT_EQ(page.articles.size(), 1u);
  EXPECT_EQ(page.articles[0].headline.size(), 2u);
}

// A short line under the headline that the decoder reads as a byline but no
// reading finds a person in: a quantity is no name. Its text stays whole in
// the story (no author "万辆", no digits dropped).
TEST(UnderHeadline, AQuantityIsNoAuthorsName) {
  const Page page = parse(
      "全省新能源汽车保有量首次突破三百万\n\n300万辆\n\n"
      "本报杭州3月2日电 记者从省交通运输厅获悉，全省新能源汽车保有量首次突破三百万辆，比去年同期增长三成。\n\n"
      "据介绍，今年以来全省新增充电桩两万余个，城乡充电网络进一步完善。\n");
  ASSERT_EQ(page.articles.size(), 1u);
  EXPECT_TRUE(page.articles[0].bylines.empty());
  ASSERT_FALSE(page.articles[0].paragraphs.empty());
  EXPECT_EQ(page.articles[0].paragraphs[0], "300万辆");
}
