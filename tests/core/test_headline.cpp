// Headline stage: doubling repair, part splitting, role assignment.
#include <gtest/gtest.h>

#include "core/extract/headline.h"

using namespace bm::detail;

TEST(Undouble, FakeBoldWholeLine) {
  std::string s = "市委常委会召开会议市委常委会召开会议";
  EXPECT_TRUE(undouble(s));
  EXPECT_EQ(s, "市委常委会召开会议");
}

TEST(Undouble, FakeBoldRunsWithQuotes) {
  std::string s = "平湖勇夺半年度平湖勇夺半年度““红旗奖红旗奖””";
  EXPECT_TRUE(undouble(s));
  EXPECT_EQ(s, "平湖勇夺半年度“红旗奖”");
}

TEST(Undouble, LeavesRealRepeatsAlone) {
  for (std::string s : {"谢谢", "哈哈哈哈", "步步高", "一天天好起来", "天天向上天天向上好"}) {
    const std::string before = s;
    EXPECT_FALSE(undouble(s)) << before;
    EXPECT_EQ(s, before);
  }
}

TEST(SplitHeadline, TwoLongPartsOnOneLine) {
  auto p = split_headline_line("我市半年度规上工业增加值能耗指标持续保持嘉兴第一 平湖推进碳达峰碳中和率先开局");
  ASSERT_EQ(p.size(), 2u);
  EXPECT_EQ(p[1], "平湖推进碳达峰碳中和率先开局");
}

TEST(SplitHeadline, ShortPhrasesKeepTheirGap) {
  EXPECT_EQ(split_headline_line("平湖入选第六届 全国文明城市名单").size(), 1u);
  EXPECT_EQ(split_headline_line("防台风 不松懈").size(), 1u);
  auto p = split_headline_line("一款“善治宝” 自治有妙招 钟埭探索农村基层治理新模式");
  ASSERT_EQ(p.size(), 2u);
  EXPECT_EQ(p[0], "一款“善治宝” 自治有妙招");
}

TEST(AssignRoles, KickerAndTitle) {
  auto r = assign_roles({{"全省第四 嘉兴第一", true}, {"某地成功创建示范县", true}});
  EXPECT_EQ(r.kicker.value_or(""), "全省第四 嘉兴第一");
  EXPECT_EQ(r.title.value_or(""), "某地成功创建示范县");
  EXPECT_FALSE(r.subtitle);
}

TEST(AssignRoles, TitleAndSubtitle) {
  auto r = assign_roles({{"市委常委会召开会议", false}, {"传达学习重要论述、全国两会精神等", false}});
  EXPECT_EQ(r.title.value_or(""), "市委常委会召开会议");
  EXPECT_EQ(r.subtitle.value_or(""), "传达学习重要论述、全国两会精神等");
}

TEST(AssignRoles, BrokenTitleJoins) {
  auto r = assign_roles({{"我市志愿服务", true}, {"再获省级先进", false}});
  EXPECT_EQ(r.title.value_or(""), "我市志愿服务再获省级先进");
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
  auto k = assign_roles({{"某省围绕精简文件提出二十五条减负评估事项", true}, {"制发文件时多想想基层情", false}, {"况", false}});
  EXPECT_EQ(k.kicker.value_or(""), "某省围绕精简文件提出二十五条减负评估事项");
  EXPECT_EQ(k.title.value_or(""), "制发文件时多想想基层情况");
  // a short title under a long line that ends with a mark stays a unit
  auto m = assign_roles({{"新学期新气象新作为新征程！", true}, {"启航", false}});
  EXPECT_EQ(m.title.value_or(""), "启航");
}

// Parallel phrases of one length make one line, however long it is.
TEST(SplitHeadline, ParallelPhrasesStayOneLine) {
  EXPECT_EQ(split_headline_line("学一门手艺 交几个朋友 添一份乐趣 圆一个梦想").size(), 1u);
  EXPECT_EQ(split_headline_line("抓项目强产业 优环境惠民生 促改革稳增长").size(), 1u);
  // phrases of different lengths still part where both sides are long
  EXPECT_EQ(split_headline_line("全市重点项目建设现场推进会召开 抓项目强产业 优环境惠民生").size(), 2u);
}
