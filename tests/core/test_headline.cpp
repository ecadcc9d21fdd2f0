// Headline stage: doubling repair, part splitting, role assignment.
#include <gtest/gtest.h>

#include "core/extract/headline.h"

using namespace bm::detail;

TEST(Undouble, FakeBoldWholeLine) {
  std::string s = "镇党委召开专题会议镇党委召开专题会议";
  EXPECT_TRUE(undouble(s));
  EXPECT_EQ(s, "镇党委召开专题会议");
}

TEST(Undouble, FakeBoldRunsWithQuotes) {
  std::string s = "青溪荣获上半年青溪荣获上半年““先锋杯先锋杯””";
  EXPECT_TRUE(undouble(s));
  EXPECT_EQ(s, "青溪荣获上半年“先锋杯”");
}

TEST(Undouble, LeavesRealRepeatsAlone) {
  for (std::string s : {"谢谢", "哈哈哈哈", "步步高", "一天天好起来", "天天向上天天向上好"}) {
    const std::string before = s;
    EXPECT_FALSE(undouble(s)) << before;
    EXPECT_EQ(s, before);
  }
}

TEST(SplitHeadline, TwoLongPartsOnOneLine) {
  auto p = split_headline_line("全县上半年外贸进出口总额同比增速持续位居全市前列 青溪推进老旧小区改造全面提速");
  ASSERT_EQ(p.size(), 2u);
  EXPECT_EQ(p[1], "青溪推进老旧小区改造全面提速");
}

TEST(SplitHeadline, ShortPhrasesKeepTheirGap) {
  EXPECT_EQ(split_headline_line("青溪入围第三批 省级美丽乡村名录").size(), 1u);
  EXPECT_EQ(split_headline_line("抗高温 保供电").size(), 1u);
  auto p = split_headline_line("一部“议事经” 邻里有商量 桐溪探索乡村协商议事新路径");
  ASSERT_EQ(p.size(), 2u);
  EXPECT_EQ(p[0], "一部“议事经” 邻里有商量");
}

TEST(AssignRoles, KickerAndTitle) {
  auto r = assign_roles({{"全省第五 全市第一", true}, {"某地成功创建示范县", true}});
  EXPECT_EQ(r.kicker.value_or(""), "全省第五 全市第一");
  EXPECT_EQ(r.title.value_or(""), "某地成功创建示范县");
  EXPECT_FALSE(r.subtitle);
}

TEST(AssignRoles, TitleAndSubtitle) {
  auto r = assign_roles({{"镇党委召开专题会议", false}, {"研究部署秋粮收购、河道清淤等工作", false}});
  EXPECT_EQ(r.title.value_or(""), "镇党委召开专题会议");
  EXPECT_EQ(r.subtitle.value_or(""), "研究部署秋粮收购、河道清淤等工作");
}

TEST(AssignRoles, BrokenTitleJoins) {
  auto r = assign_roles({{"我县垃圾分类", true}, {"再获省级表彰", false}});
  EXPECT_EQ(r.title.value_or(""), "我县垃圾分类再获省级表彰");
  EXPECT_EQ(r.parts.size(), 2u);
}

// A column's name over a story (a few Han characters over a longer title) is
// not a kicker; a kicker is a phrase, and a broken title's first line is
// followed by one about as long.
TEST(ColumnLabel, ShortNameOverALongerTitle) {
  EXPECT_TRUE(is_column_label("人民论坛", "让基层减负落到实处的几点思考"));
  EXPECT_TRUE(is_column_label("短评", "把群众的好事办实办好"));
  EXPECT_FALSE(is_column_label("短评", "把好事办好"));  // as long as a broken title's lines: read as one
  EXPECT_TRUE(is_column_label("一线调查", "——山区小学的第一堂编程课"));
  EXPECT_FALSE(is_column_label("守护一江清水", "赣江治理让沿岸百姓端上“生态碗”"));  // a phrase: a kicker
  EXPECT_FALSE(is_column_label("市委常委会", "召开扩大会议"));  // one title broken over two lines
  EXPECT_FALSE(is_column_label("第3期", "让基层减负落到实处的几点思考"));  // not all Han
  EXPECT_FALSE(is_column_label("好", "让基层减负落到实处的几点思考"));     // one character
}

// A long headline line the column's width cut: its last character or two
// stand alone on the next line and finish it.
TEST(AssignRoles, WrappedTailJoins) {
  auto r = assign_roles({{"市场监管部门查处假冒“示例”注册商标", true}, {"案", false}});
  EXPECT_EQ(r.title.value_or(""), "市场监管部门查处假冒“示例”注册商标案");
  EXPECT_FALSE(r.kicker);
  auto k = assign_roles({{"某县围绕精简会议推出十八条基层减负新措施", true}, {"召开会议前多问问群众意", false}, {"见", false}});
  EXPECT_EQ(k.kicker.value_or(""), "某县围绕精简会议推出十八条基层减负新措施");
  EXPECT_EQ(k.title.value_or(""), "召开会议前多问问群众意见");
  // a short title under a long line that ends with a mark stays a unit
  auto m = assign_roles({{"新学期新气象新作为新征程！", true}, {"启航", false}});
  EXPECT_EQ(m.title.value_or(""), "启航");
}

// Parallel phrases of one length make one line, however long it is.
TEST(SplitHeadline, ParallelPhrasesStayOneLine) {
  EXPECT_EQ(split_headline_line("学一门手艺 交几个朋友 添一份乐趣 圆一个梦想").size(), 1u);
  EXPECT_EQ(split_headline_line("抓项目强产业 优环境惠民生 促改革稳增长").size(), 1u);
  // phrases of different lengths still part where both sides are long
  EXPECT_EQ(split_headline_line("全县重点工程冬季攻坚动员会举行 抓项目强产业 优环境惠民生").size(), 2u);
}
