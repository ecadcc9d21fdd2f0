// A story resumed after a box that a PDF extractor printed inside it
// (assemble/, build_drafts): the text after the box joins the story, the box
// stays an item of its own, and the story is flagged box_inside. The
// decoder's reading is set by hand (as it reads such pages), so the rule is
// tested apart from the model's weights; every case that must not join is
// one condition away from one that must.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "common/hand_reading.h"

using namespace bm::detail;

namespace {

constexpr int k_column = 50;  // display cells of the page's column

using Row = bm_test::ReadRow;

bm::detail::Assembly reading(const std::vector<Row> &rows, int column = k_column) {
  return bm_test::hand_reading(rows, column);
}

using S = State;

// A story whose last line breaks off in a sentence, at the column's edge.
const std::vector<Row> k_story = {
    {"老街区改造留住烟火气", S::HeadStart, 0, 20},
    {"本报记者 周 敏", S::Byline, 0, 14},
    {"五一假期，经过一年改造的南门老街重新开街，青石板路、", S::Body, 0, 50},
    {"一家糕团店已经开了六十多年，店主说改造期间政府帮助他们临", S::Body, 0, 50},
};
const std::vector<Row> k_box = {
    {"今日天气", S::BoxStart, 1, 8},
    {"多云", S::Box, 0, 4},
};
const std::vector<Row> k_rest = {
    {"时搬到隔壁经营，生意没有断过，如今回到老店，客人比以前还", S::HeadStart, 1, 50},
    {"多。", S::Body, 0, 4},
};

}  // namespace

TEST(ResumedStory, TextAfterABoxItemJoinsTheStory) {
  const Assembly a = reading(bm_test::page_of({k_story, k_box, k_rest}));
  ASSERT_EQ(a.drafts.size(), 2u);
  const Draft &story = a.drafts[0];
  EXPECT_TRUE(story.box_inside);
  EXPECT_EQ(bm_test::piece_texts(a, story.headline), std::vector<std::string>{"老街区改造留住烟火气"});
  EXPECT_EQ(bm_test::piece_texts(a, story.body).back(), "多。");
  EXPECT_EQ(story.body.size(), 4u);
  EXPECT_EQ(bm_test::piece_texts(a, a.drafts[1].furniture), (std::vector<std::string>{"今日天气", "多云"}));
}

TEST(ResumedStory, TextAfterABoxReadAsClosingNotesJoinsTheStory) {
  const Assembly a = reading(bm_test::page_of({k_story,
                                   {{"今日天气", S::EndNote, 1, 8}, {"多云", S::EndNote, 0, 4}},
                                   k_rest}));
  ASSERT_EQ(a.drafts.size(), 1u);
  EXPECT_FALSE(a.drafts[0].box_inside);  // no item lies inside it
  EXPECT_EQ(a.drafts[0].body.size(), 4u);
  EXPECT_EQ(a.drafts[0].endnotes.size(), 2u);
}

TEST(ResumedStory, NoBoxNoJoin) {
  const Assembly a = reading(bm_test::page_of({k_story, k_rest}));
  EXPECT_EQ(a.drafts.size(), 2u);
}

TEST(ResumedStory, AShortHeadlineAfterTheBoxOpensAStory) {
  std::vector<Row> rest = k_rest;
  rest[0] = {"社区食堂开到家门口", S::HeadStart, 1, 18};
  const Assembly a = reading(bm_test::page_of({k_story, k_box, rest}));
  EXPECT_EQ(a.drafts.size(), 3u);
  EXPECT_FALSE(a.drafts[0].box_inside);
}

TEST(ResumedStory, NarrowColumnsTellNothing) {
  // in a column a few characters wide a headline line is as wide as the text
  std::vector<Row> lines = bm_test::page_of({k_story, k_box, k_rest});
  for (Row &l : lines) l.width = l.width >= k_column ? 12 : l.width;
  const Assembly a = reading(lines, 12);
  EXPECT_EQ(a.drafts.size(), 3u);
}

TEST(ResumedStory, AfterAFinishedSentenceOnlyRunningTextJoins) {
  std::vector<Row> story(k_story.begin(), k_story.end() - 1);
  story.push_back({"一家糕团店已经开了六十多年，客人比以前还多，生意也好了。", S::Body, 0, 50});
  // running text: clause marks inside the line after the box
  EXPECT_EQ(reading(bm_test::page_of({story, k_box, k_rest})).drafts.size(), 2u);
  // a wide line with no clause mark may be a headline: no join
  std::vector<Row> rest = k_rest;
  rest[0] = {"街道负责人表示下一步将引入更多非遗手作和特色小店让老街区", S::HeadStart, 1, 50};
  EXPECT_EQ(reading(bm_test::page_of({story, k_box, rest})).drafts.size(), 3u);
}

TEST(ResumedStory, RunningTextAtABoxsEndIsCutFromTheBox) {
  // the decoder read the story's next paragraph as the box's last lines
  const Assembly a = reading(bm_test::page_of({k_story,
                                   k_box,
                                   {{"时搬到隔壁经营，生意没有断过，如今回到老店，客人比以前还", S::Box, 1, 50},
                                    {"多。", S::Box, 0, 4}}}));
  ASSERT_EQ(a.drafts.size(), 2u);
  EXPECT_TRUE(a.drafts[0].box_inside);
  EXPECT_EQ(bm_test::piece_texts(a, a.drafts[0].body).back(), "多。");
  EXPECT_EQ(bm_test::piece_texts(a, a.drafts[1].furniture), (std::vector<std::string>{"今日天气", "多云"}));
}
