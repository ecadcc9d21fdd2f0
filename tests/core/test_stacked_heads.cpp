// Two items' heads printed one under the other before both texts (poppler
// reading a row of items across the page): the first title, read as text
// under the page's top heads, gets the first text, which the decoder read
// under the second title (rereads: deal_stacked_heads). The decoder's
// reading is set by hand; every case that must stay as read is one
// condition away from the one that must change.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "common/hand_reading.h"

using namespace bm::detail;

namespace {

constexpr int k_column = 40;  // display cells of the page's column

using Row = bm_test::ReadRow;
using S = State;
using Texts = std::vector<std::string>;

Assembly reading(const std::vector<Row> &rows) { return bm_test::hand_reading(rows, k_column, /*classified=*/true); }

std::vector<Row> stacked_heads() {
  std::vector<Row> rows = {
      {"新春走基层", S::HeadStart, 1, 10},
      {"山村里的新图书馆", S::Body, 1, 16},
      {"林平", S::EndNote, 0, 4},
      {"让数据多跑路", S::HeadStart, 1, 12},
      {"——一个街道的办事改革", S::Head, 0, 21},
  };
  // The first text: eight lines, the last one ending its sentence.
  for (int i = 0; i < 7; ++i) rows.push_back({"村里的老人孩子常来这里看书读报，周末更是", S::Body, i == 0 ? 1 : 0, 40});
  rows.push_back({"热闹。", S::Body, 0, 6});
  // A blank line, then the second text.
  for (int i = 0; i < 7; ++i) rows.push_back({"居民办事不用再来回跑，材料在网上一次提交", S::Body, i == 0 ? 1 : 0, 40});
  rows.push_back({"就行。", S::Body, 0, 6});
  return rows;
}

}  // namespace

TEST(StackedHeads, TheFirstTitleTakesTheTextBeforeTheBlankLine) {
  const std::vector<Row> rows = stacked_heads();
  const Assembly a = reading(rows);
  ASSERT_EQ(a.drafts.size(), 3u);
  EXPECT_EQ(a.drafts[0].kind_hint, Kind::Other);  // the page's top heads
  EXPECT_EQ(bm_test::piece_texts(a, a.drafts[0].furniture), Texts{"新春走基层"});
  EXPECT_EQ(bm_test::piece_texts(a, a.drafts[1].headline), Texts{"山村里的新图书馆"});
  EXPECT_EQ(bm_test::piece_texts(a, a.drafts[1].bylines), Texts{"林平"});
  EXPECT_EQ(a.drafts[1].body.size(), 8u);
  EXPECT_EQ(bm_test::piece_texts(a, a.drafts[2].headline), (Texts{"让数据多跑路", "——一个街道的办事改革"}));
  EXPECT_EQ(a.drafts[2].body.size(), 8u);
  EXPECT_EQ(a.drafts[0].all.size() + a.drafts[1].all.size() + a.drafts[2].all.size(), rows.size());
}

TEST(StackedHeads, OtherwiseAsRead) {
  auto drafts_of = [](const std::vector<Row> &rows) { return reading(rows).drafts.size(); };
  {  // the line under the top heads ends a sentence: text
    std::vector<Row> rows = stacked_heads();
    rows[1].text = "山村里有了新图书馆。";
    EXPECT_EQ(drafts_of(rows), 2u);
  }
  {  // the line under it is no name
    std::vector<Row> rows = stacked_heads();
    rows[2].text = "村里的老人孩子都来了。";
    EXPECT_EQ(drafts_of(rows), 2u);
  }
  {  // no blank line after a finished sentence in the second item's text
    std::vector<Row> rows = stacked_heads();
    rows[13].blanks_before = 0;
    EXPECT_EQ(drafts_of(rows), 2u);
  }
  {  // the text before the blank line is short (a lead, not a story)
    std::vector<Row> rows = stacked_heads();
    rows.erase(rows.begin() + 5, rows.begin() + 10);
    EXPECT_EQ(drafts_of(rows), 2u);
  }
}

TEST(StackedHeads, TheTitleReadAsABoxAndTheHeadsAboveAsAStory) {
  // The same heads read otherwise: a column's name over a series banner as
  // an item with one line of text, the first title and its author as a box.
  std::vector<Row> rows = stacked_heads();
  rows[0] = {"人民时评", S::HeadStart, 1, 8};
  rows[1] = {"新春走基层·来自一线的报告", S::Body, 1, 24};
  rows.insert(rows.begin() + 2, Row{"山村里的新图书馆", S::BoxStart, 1, 16});
  rows[3] = {"林平", S::Box, 0, 4};
  const Assembly a = reading(rows);
  ASSERT_EQ(a.drafts.size(), 3u);
  EXPECT_EQ(a.drafts[0].kind_hint, Kind::Other);
  EXPECT_EQ(bm_test::piece_texts(a, a.drafts[0].furniture), (Texts{"人民时评", "新春走基层·来自一线的报告"}));
  EXPECT_EQ(bm_test::piece_texts(a, a.drafts[1].headline), Texts{"山村里的新图书馆"});
  EXPECT_EQ(bm_test::piece_texts(a, a.drafts[1].bylines), Texts{"林平"});
  EXPECT_EQ(a.drafts[1].body.size(), 8u);
  EXPECT_EQ(a.drafts[2].body.size(), 8u);
  {  // the line read as text above ends a sentence: a story of its own, as read
    rows[1].text = "新春走基层，来自一线的报告。";
    const Assembly b = reading(rows);
    ASSERT_EQ(b.drafts.size(), 3u);
    EXPECT_EQ(b.drafts[0].kind_hint, Kind::News);
    EXPECT_EQ(bm_test::piece_texts(b, b.drafts[1].headline), Texts{"山村里的新图书馆"});
  }
}
