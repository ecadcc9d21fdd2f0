// An item carries its headline before its text or after it, never both
// (assemble/, build_drafts). The decoder's reading is set by hand here, as
// the decoder gives it on such pages, so that the rule is tested apart from
// the model's weights:
//  - a page whose items put their headlines after their text: headline lines
//    read before an item's text are a box of their own (a promotion);
//  - a page whose items open with their headlines: headline lines read after
//    an item's text are the headline of the next item, when that one opens
//    without a headline and has none after its text either.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "common/hand_reading.h"

using namespace bm::detail;

namespace {

using Row = bm_test::ReadRow;

bm::detail::Assembly reading(const std::vector<Row> &rows) { return bm_test::hand_reading(rows); }

using S = State;

}  // namespace

TEST(HeadlineOrder, LeadingLinesOnAHeadlineAfterPageAreABox) {
  const Assembly a = reading({
      {"■记者 张三", S::BylineStart, 0},
      {"本报讯 第一篇的正文。", S::Body, 1},
      {"第一篇的标题", S::HeadAfter, 1},
      {"更多报道请见客户端", S::HeadStart, 1},
      {"敬请关注", S::Head, 0},
      {"本报讯 第二篇的正文。", S::Body, 1},
      {"第二篇的标题", S::HeadAfter, 1},
      {"■记者 李四", S::BylineStart, 1},
      {"本报讯 第三篇的正文。", S::Body, 1},
      {"第三篇的标题", S::HeadAfter, 1},
  });
  ASSERT_EQ(a.drafts.size(), 4u);
  EXPECT_EQ(bm_test::piece_texts(a, a.drafts[1].furniture), (std::vector<std::string>{"更多报道请见客户端", "敬请关注"}));
  EXPECT_TRUE(a.drafts[1].headline.empty());
  EXPECT_NE(a.drafts[1].kind_hint, Kind::News);
  EXPECT_EQ(bm_test::piece_texts(a, a.drafts[2].headline), std::vector<std::string>{"第二篇的标题"});
  EXPECT_EQ(bm_test::piece_texts(a, a.drafts[2].all), (std::vector<std::string>{"本报讯 第二篇的正文。", "第二篇的标题"}));
}

TEST(HeadlineOrder, OnAHeadlineFirstPageNothingMovesToABox) {
  // the same item among items that open with their headlines: one headline
  // before the text and one after stay as the decoder read them, since the
  // item after opens with a headline of its own
  const Assembly a = reading({
      {"第一篇的标题", S::HeadStart, 0},
      {"本报讯 第一篇的正文。", S::Body, 1},
      {"第二篇的引题", S::HeadStart, 1},
      {"本报讯 第二篇的正文。", S::Body, 1},
      {"第二篇的标题", S::HeadAfter, 1},
      {"第三篇的标题", S::HeadStart, 1},
      {"本报讯 第三篇的正文。", S::Body, 1},
  });
  ASSERT_EQ(a.drafts.size(), 3u);
  EXPECT_EQ(bm_test::piece_texts(a, a.drafts[1].headline), (std::vector<std::string>{"第二篇的引题", "第二篇的标题"}));
  for (const Draft &d : a.drafts) EXPECT_TRUE(d.furniture.empty());
}

TEST(HeadlineOrder, TrailingLinesOnAHeadlineFirstPageOpenTheNextItem) {
  const Assembly a = reading({
      {"乡村振兴看新埭", S::HeadStart, 0},
      {"■记者 钱程", S::Byline, 1},
      {"本报讯 第一篇的正文。", S::Body, 1},
      {"消防演练进校园", S::HeadAfter, 1},
      {"■记者 孙悦", S::BylineStart, 1},
      {"本报讯 第二篇的正文。", S::Body, 1},
  });
  ASSERT_EQ(a.drafts.size(), 2u);
  EXPECT_EQ(bm_test::piece_texts(a, a.drafts[0].headline), std::vector<std::string>{"乡村振兴看新埭"});
  EXPECT_EQ(bm_test::piece_texts(a, a.drafts[0].all),
            (std::vector<std::string>{"乡村振兴看新埭", "■记者 钱程", "本报讯 第一篇的正文。"}));
  EXPECT_EQ(bm_test::piece_texts(a, a.drafts[1].headline), std::vector<std::string>{"消防演练进校园"});
  EXPECT_EQ(bm_test::piece_texts(a, a.drafts[1].bylines), std::vector<std::string>{"■记者 孙悦"});
  EXPECT_EQ(bm_test::piece_texts(a, a.drafts[1].all),
            (std::vector<std::string>{"消防演练进校园", "■记者 孙悦", "本报讯 第二篇的正文。"}));
}

TEST(HeadlineOrder, TrailingLinesStayWhenTheNextItemHasItsOwnAfterItsText) {
  // the next item ends in a headline of its own: the page prints headlines
  // after the text, so the trailing line is the first item's, and the line
  // before its text is a box
  const Assembly a = reading({
      {"扫码关注本报公众号", S::HeadStart, 0},
      {"本报讯 第一篇的正文。", S::Body, 1},
      {"第一篇的标题", S::HeadAfter, 1},
      {"■记者 孙悦", S::BylineStart, 1},
      {"本报讯 第二篇的正文。", S::Body, 1},
      {"第二篇的标题", S::HeadAfter, 1},
  });
  ASSERT_EQ(a.drafts.size(), 3u);
  EXPECT_EQ(bm_test::piece_texts(a, a.drafts[0].furniture), std::vector<std::string>{"扫码关注本报公众号"});
  EXPECT_EQ(bm_test::piece_texts(a, a.drafts[1].headline), std::vector<std::string>{"第一篇的标题"});
  EXPECT_EQ(bm_test::piece_texts(a, a.drafts[2].headline), std::vector<std::string>{"第二篇的标题"});
}

TEST(HeadlineOrder, LeadingLinesAfterANoteStayInTheItem) {
  // the same page, but a note stands over the leading lines: as a box they
  // would come before the note's item while the note comes first in the
  // text, so they stay where the decoder read them
  const Assembly a = reading({
      {"■记者 张三", S::BylineStart, 0},
      {"本报讯 第一篇的正文。", S::Body, 1},
      {"第一篇的标题", S::HeadAfter, 1},
      {"编者按：本版今起推出系列报道。", S::NoteStart, 1},
      {"更多报道请见客户端", S::Head, 1},
      {"本报讯 第二篇的正文。", S::Body, 1},
      {"第二篇的标题", S::HeadAfter, 1},
      {"■记者 李四", S::BylineStart, 1},
      {"本报讯 第三篇的正文。", S::Body, 1},
      {"第三篇的标题", S::HeadAfter, 1},
  });
  ASSERT_EQ(a.drafts.size(), 3u);
  for (const Draft &d : a.drafts) EXPECT_TRUE(d.furniture.empty());
}
