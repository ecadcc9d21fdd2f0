// A story's title and byline that a PDF extractor printed after the story's
// first column, and a headline line cut by its column whose tail opens the
// next item (assemble/, build_drafts). The decoder's reading is set by hand
// (as it reads such pages) and the pieces are classified as the parser
// classifies them, so the rules are tested apart from the model's weights;
// every case that must not join is one condition away from one that must.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "common/hand_reading.h"

using namespace bm::detail;

namespace {

constexpr int k_column = 40;  // display cells of the page's column

using Row = bm_test::ReadRow;
using S = State;

Assembly reading(const std::vector<Row> &rows) { return bm_test::hand_reading(rows, k_column, /*classified=*/true); }

// The headline over the columns and the first column's text, ending on a subhead.
const std::vector<Row> k_first_column = {
    {"学一门手艺 交几个朋友 添一份乐趣", S::HeadStart, 1, 34},
    {"下班后的晚上七点，城北社区活动中心的教室里", S::Body, 1, 40},
    {"坐满了年轻人。", S::Body, 0, 14},
    {"课程表里藏着年轻人的需求", S::Body, 0, 24},
};
// The title and byline, then the rest of the text.
const std::vector<Row> k_title_and_rest = {
    {"青年夜校走进社区", S::HeadStart, 1, 16},
    {"浙江日报记者 周 航 林晓雨", S::Byline, 0, 25},
    {"来自一家设计公司的小许报了两门课。", S::Body, 0, 34},
};

}  // namespace

TEST(TitleAfterColumn, TitleAndBylineJoinTheStoryThatEndsOnASubhead) {
  const Assembly a = reading(bm_test::page_of({k_first_column, k_title_and_rest}));
  ASSERT_EQ(a.drafts.size(), 1u);
  const Draft &d = a.drafts[0];
  EXPECT_EQ(bm_test::piece_texts(a, d.headline),
            (std::vector<std::string>{"学一门手艺 交几个朋友 添一份乐趣", "青年夜校走进社区"}));
  EXPECT_EQ(bm_test::piece_texts(a, d.bylines), std::vector<std::string>{"浙江日报记者 周 航 林晓雨"});
  EXPECT_EQ(d.body.size(), 4u);
  EXPECT_EQ(bm_test::piece_texts(a, d.body).back(), "来自一家设计公司的小许报了两门课。");
}

TEST(TitleAfterColumn, TheSubheadMayBeReadAsAClosingHeadlineOrABox) {
  for (S subhead : {S::HeadAfter, S::BoxStart}) {
    std::vector<Row> first = k_first_column;
    first.back().state = subhead;
    const Assembly a = reading(bm_test::page_of({first, k_title_and_rest}));
    ASSERT_EQ(a.drafts.size(), 1u) << state_name(subhead);
    const Draft &d = a.drafts[0];
    EXPECT_EQ(bm_test::piece_texts(a, d.headline).back(), "青年夜校走进社区") << state_name(subhead);
    EXPECT_EQ(bm_test::piece_texts(a, d.body)[2], "课程表里藏着年轻人的需求") << state_name(subhead);
    EXPECT_EQ(d.body.size(), 4u) << state_name(subhead);
    EXPECT_TRUE(d.furniture.empty());
  }
}

TEST(TitleAfterColumn, OtherwiseTwoItems) {
  {  // the story ends a sentence, not on a subhead
    std::vector<Row> first = k_first_column;
    first.pop_back();
    EXPECT_EQ(reading(bm_test::page_of({first, k_title_and_rest})).drafts.size(), 2u);
  }
  {  // the story has a byline of its own
    std::vector<Row> first = k_first_column;
    first.insert(first.begin() + 1, {"本报记者 王一鸣", S::Byline, 0, 16});
    EXPECT_EQ(reading(bm_test::page_of({first, k_title_and_rest})).drafts.size(), 2u);
  }
  {  // the next item's credit names nobody's role (bare names)
    std::vector<Row> rest = k_title_and_rest;
    rest[1].text = "周 航 林晓雨";
    EXPECT_EQ(reading(bm_test::page_of({k_first_column, rest})).drafts.size(), 2u);
  }
  {  // the next item opens with two headline lines
    std::vector<Row> rest = k_title_and_rest;
    rest.insert(rest.begin(), {"城北社区", S::HeadStart, 1, 8});
    rest[1].state = S::Head;
    rest[1].blanks_before = 0;
    EXPECT_EQ(reading(bm_test::page_of({k_first_column, rest})).drafts.size(), 2u);
  }
}

TEST(CutHeadline, TheLineGoesToTheItemThatHoldsItsTail) {
  const std::vector<Row> rows = {
      {"青年夜校走进社区", S::HeadStart, 1, 16},
      {"来自一家设计公司的小许报了两门课。", S::Body, 0, 34},
      {"城南老旧小区加装电梯惠及三百余", S::HeadAfter, 1, 30},
      {"户", S::HeadStart, 0, 2},
      {"本报记者 陈 丽", S::Byline, 0, 14},
      {"城南街道今年完成二十四部电梯加装。", S::Body, 0, 34},
  };
  const Assembly a = reading(rows);
  ASSERT_EQ(a.drafts.size(), 2u);
  EXPECT_EQ(bm_test::piece_texts(a, a.drafts[0].headline), std::vector<std::string>{"青年夜校走进社区"});
  EXPECT_EQ(bm_test::piece_texts(a, a.drafts[1].headline),
            (std::vector<std::string>{"城南老旧小区加装电梯惠及三百余", "户"}));
  // a tail of three characters is a title of its own: nothing moves
  std::vector<Row> three = rows;
  three[3].text = "三百户";
  const Assembly b = reading(three);
  ASSERT_EQ(b.drafts.size(), 2u);
  EXPECT_EQ(bm_test::piece_texts(b, b.drafts[1].headline), std::vector<std::string>{"三百户"});
}

// A title the width cut, whose tail is a quantity: the decoder reads the
// short line under the title where a byline stands. No name holds a digit,
// so the line is the headline's end.
TEST(CutHeadline, AQuantityReadAsABylineEndsTheHeadline) {
  const std::vector<Row> rows = {
      {"全省新能源汽车保有量首次突破", S::HeadStart, 1, 28},
      {"300万辆", S::Byline, 0, 8},
      {"本报杭州3月2日电 记者从省交通运输厅获悉：", S::Body, 0, 40},
      {"全省新能源汽车保有量首次突破三百万辆。", S::Body, 0, 38},
  };
  const Assembly a = reading(rows);
  ASSERT_EQ(a.drafts.size(), 1u);
  EXPECT_EQ(bm_test::piece_texts(a, a.drafts[0].headline),
            (std::vector<std::string>{"全省新能源汽车保有量首次突破", "300万辆"}));
  EXPECT_TRUE(a.drafts[0].bylines.empty());
  // one condition away, the line stays where the decoder put it:
  std::vector<Row> name = rows;  // a name: a byline
  name[1].text = "陈 丽";
  EXPECT_EQ(bm_test::piece_texts(reading(name), reading(name).drafts[0].bylines), std::vector<std::string>{"陈 丽"});
  std::vector<Row> apart = rows;  // set off by a blank line: not the title's next line
  apart[1].blanks_before = 1;
  const Assembly b = reading(apart);
  EXPECT_EQ(bm_test::piece_texts(b, b.drafts[0].bylines), std::vector<std::string>{"300万辆"});
}
