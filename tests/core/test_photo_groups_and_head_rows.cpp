// Readings of extractor text that the assemble stage corrects
// (build_drafts): a photo group's title and lead read with its first
// caption, a public-service ad under a photo read as the photo's closing
// title, the heads of side-by-side items read as a row (titles, texts,
// subtitles), a story's section read as a story, and the last section of a
// report credited by role alone, which gives the report's names. The decoder's reading is set by hand and the pieces are
// classified as the parser classifies them, so the rules are tested apart
// from the model's weights; every case that must stay as read is one
// condition away from one that must change.
#include <gtest/gtest.h>

#include <algorithm>
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

// A photo group as a PDF extractor gives it (no blank lines): title, lead,
// then a caption and its credit, read as one photo item.
const std::vector<Row> k_photo_group = {
    {"春日田间农事忙", S::HeadStart, 1, 14},
    {"连日来，各地农户抢抓晴好天气，田间地头一派繁忙景象。", S::Caption, 0, 40},
    {"4月3日，在城南镇的育秧工厂，农技人员查看秧苗长势。", S::Caption, 0, 40},
    {"本报记者 许 林摄", S::Credit, 0, 16},
};

// A caption and its credit, then an ad's slogan and its sponsor's
// signature, read as the photo's closing title.
const std::vector<Row> k_photo_then_ad = {
    {"4月3日，游客在湖畔公园赏花。", S::CaptionStart, 1, 28},
    {"周 静摄（新华社发）", S::Credit, 0, 18},
    {"垃圾分类 从我做起", S::HeadAfter, 1, 17},
    {"县城市管理局 宣", S::HeadAfter, 0, 15},
};

// Two items set side by side, read line by line across the page: their
// titles in a row, each item's text, then their subtitles in a row.
const std::vector<Row> k_row_of_heads = {
    {"全省春播进度过半", S::HeadStart, 1, 16},
    {"城乡公交一体化提速", S::Head, 1, 18},
    {"本报杭州4月3日电 （记者 林 涛）记者从省农业农村厅获悉，", S::Body, 1, 40},
    {"全省春播粮食面积已完成过半。", S::Body, 0, 28},
    {"本报讯 （记者 陈 曦）今年以来，全市新开通城乡公交线路", S::BodyStart, 1, 40},
    {"十二条，覆盖沿线六十余个行政村。", S::Body, 0, 32},
    {"早稻育秧面积同比增加", S::Body, 1, 20},
    {"新开线路十二条", S::HeadAfter, 1, 14},
};

}  // namespace

TEST(PhotoGroup, TheLeadIsAStoryOfItsOwnAndTheCaptionAPhoto) {
  const Assembly a = reading(k_photo_group);
  ASSERT_EQ(a.drafts.size(), 2u);
  EXPECT_EQ(bm_test::piece_texts(a, a.drafts[0].headline), Texts{"春日田间农事忙"});
  EXPECT_EQ(bm_test::piece_texts(a, a.drafts[0].body), Texts{"连日来，各地农户抢抓晴好天气，田间地头一派繁忙景象。"});
  EXPECT_TRUE(a.drafts[0].credits.empty());
  EXPECT_TRUE(a.drafts[1].headline.empty());
  EXPECT_EQ(bm_test::piece_texts(a, a.drafts[1].body), Texts{"4月3日，在城南镇的育秧工厂，农技人员查看秧苗长势。"});
  EXPECT_EQ(a.drafts[1].credits.size(), 1u);
  EXPECT_EQ(a.drafts[0].all.size() + a.drafts[1].all.size(), k_photo_group.size());
}

TEST(PhotoGroup, OtherwiseOnePhotoItem) {
  {  // the lead runs on into the next line: one caption of two sentences
    std::vector<Row> rows = k_photo_group;
    rows[1].text = "连日来，各地农户抢抓晴好天气，田间地头一派";
    EXPECT_EQ(reading(rows).drafts.size(), 1u);
  }
  {  // the second line opens with no day: the caption goes on
    std::vector<Row> rows = k_photo_group;
    rows[2].text = "在城南镇的育秧工厂，农技人员查看秧苗长势。";
    EXPECT_EQ(reading(rows).drafts.size(), 1u);
  }
  {  // the first line opens with a day itself: a caption under its title
    std::vector<Row> rows = k_photo_group;
    rows[1].text = "4月2日，各地农户抢抓晴好天气，田间地头一派繁忙景象。";
    EXPECT_EQ(reading(rows).drafts.size(), 1u);
  }
  {  // no title: nothing to give a lead
    std::vector<Row> rows(k_photo_group.begin() + 1, k_photo_group.end());
    rows[0].state = S::CaptionStart;
    EXPECT_EQ(reading(rows).drafts.size(), 1u);
  }
}

TEST(AdUnderPhoto, ASponsorsSignatureMakesTheClosingLinesABox) {
  const Assembly a = reading(k_photo_then_ad);
  ASSERT_EQ(a.drafts.size(), 2u);
  EXPECT_TRUE(a.drafts[0].headline.empty());
  EXPECT_EQ(a.drafts[0].credits.size(), 1u);
  EXPECT_EQ(bm_test::piece_texts(a, a.drafts[1].furniture), (Texts{"垃圾分类 从我做起", "县城市管理局 宣"}));
  EXPECT_EQ(a.drafts[1].kind_hint, Kind::Ad);
}

TEST(AdUnderPhoto, WithoutTheSignatureTheTitleStaysThePhotos) {
  std::vector<Row> rows = k_photo_then_ad;
  rows.pop_back();
  rows.back().text = "湖畔春色";
  const Assembly a = reading(rows);
  ASSERT_EQ(a.drafts.size(), 1u);
  EXPECT_EQ(bm_test::piece_texts(a, a.drafts[0].headline), Texts{"湖畔春色"});
}

TEST(HeadRow, EachItemGetsItsTitleAndSubtitleInRowOrder) {
  const Assembly a = reading(k_row_of_heads);
  ASSERT_EQ(a.drafts.size(), 2u);
  EXPECT_EQ(bm_test::piece_texts(a, a.drafts[0].headline), (Texts{"全省春播进度过半", "早稻育秧面积同比增加"}));
  EXPECT_EQ(bm_test::piece_texts(a, a.drafts[1].headline), (Texts{"城乡公交一体化提速", "新开线路十二条"}));
  EXPECT_EQ(a.drafts[0].body.size(), 2u);
  EXPECT_EQ(a.drafts[1].body.size(), 2u);
  EXPECT_EQ(a.drafts[0].all.size() + a.drafts[1].all.size(), k_row_of_heads.size());
}

TEST(HeadRow, OtherwiseAsRead) {
  auto heads_of_first = [](const std::vector<Row> &rows) {
    const Assembly a = reading(rows);
    return bm_test::piece_texts(a, a.drafts[0].headline);
  };
  const Texts as_read{"全省春播进度过半", "城乡公交一体化提速"};
  {  // a kicker and a title over a story, then a brief: no subtitles close the brief
    std::vector<Row> rows = k_row_of_heads;
    rows.resize(rows.size() - 2);
    EXPECT_EQ(heads_of_first(rows), as_read);
  }
  {  // one closing line only: the brief's own title after its text
    std::vector<Row> rows = k_row_of_heads;
    rows.erase(rows.end() - 2);
    EXPECT_EQ(heads_of_first(rows), as_read);
  }
  {  // a closing line that ends a sentence is text
    std::vector<Row> rows = k_row_of_heads;
    rows[6].text = "早稻育秧面积同比增加。";
    EXPECT_EQ(heads_of_first(rows), as_read);
  }
  {  // the second item opens with plain text, not a dateline or a byline
    std::vector<Row> rows = k_row_of_heads;
    rows[4].text = "今年以来，全市新开通城乡公交线路";
    EXPECT_EQ(heads_of_first(rows), as_read);
  }
  {  // the titles are not lines alone (no blank line between them)
    std::vector<Row> rows = k_row_of_heads;
    rows[1].blanks_before = 0;
    EXPECT_EQ(heads_of_first(rows), as_read);
  }
}

// A line read as a photo credit that names nobody (no role word, no names
// classify can read) is the item's closing title; one with a role word
// stays a credit.
TEST(CreditNamingNobody, IsTheItemsClosingTitle) {
  const std::vector<Row> rows = {
      {"连日来，各地农户抢抓晴好天气，田间地头一派繁忙景象。", S::CaptionStart, 1, 40},
      {"春日田间", S::Credit, 1, 8},
  };
  Assembly a = reading(rows);
  ASSERT_EQ(a.drafts.size(), 1u);
  EXPECT_EQ(bm_test::piece_texts(a, a.drafts[0].headline), Texts{"春日田间"});
  EXPECT_TRUE(a.drafts[0].credits.empty());
  std::vector<Row> credited = rows;
  credited[1].text = "本报记者摄";
  a = reading(credited);
  EXPECT_TRUE(a.drafts[0].headline.empty());
  EXPECT_EQ(a.drafts[0].credits.size(), 1u);
}

namespace {

// A story, then (a blank line before it) a short item's title straight over
// one line of text: the story's last block as the decoder read it.
const std::vector<Row> k_story_then_short_item = {
    {"城北社区食堂开业", S::HeadStart, 1, 16},
    {"城北社区食堂昨天正式开业，每天为辖区老人供应午餐和晚餐，", S::Body, 1, 40},
    {"八十岁以上老人就餐享受半价优惠。食堂由闲置用房改建而成，", S::Body, 0, 40},
    {"附近的上班族也常来这里吃饭。", S::Body, 0, 28},
    {"坚守一线", S::Body, 1, 8},
    {"五一假期，许多劳动者坚守一线，在忙碌中度过假期。", S::Body, 0, 40},
    {"扫码看视频", S::BoxStart, 1, 10},
};

}  // namespace

TEST(TrailingItem, AShortTitledBlockAfterTheStorysLastSentenceIsAnItem) {
  const Assembly a = reading(k_story_then_short_item);
  ASSERT_EQ(a.drafts.size(), 3u);
  EXPECT_EQ(a.drafts[0].body.size(), 3u);
  EXPECT_EQ(bm_test::piece_texts(a, a.drafts[1].headline), Texts{"坚守一线"});
  EXPECT_EQ(bm_test::piece_texts(a, a.drafts[1].body), Texts{"五一假期，许多劳动者坚守一线，在忙碌中度过假期。"});
}

// Each case is one condition away from the one above; as read, the page is
// the story and the box.
TEST(TrailingItem, OtherwiseTheStorysSection) {
  auto items = [](const std::vector<Row> &rows) { return reading(rows).drafts.size(); };
  {  // more text under the subhead: a section at a column's top
    std::vector<Row> rows = k_story_then_short_item;
    rows.insert(rows.end() - 1, {{"记者在现场看到，不少居民带着孩子前来参观。", S::Body, 0, 40},
                                 {"社区工作人员介绍了食堂的运营方式。", S::Body, 0, 34}});
    EXPECT_EQ(items(rows), 2u);
  }
  {  // the story broke off in a sentence before the blank line
    std::vector<Row> rows = k_story_then_short_item;
    rows[3].text = "附近的上班族也常来这里吃饭，";
    EXPECT_EQ(items(rows), 2u);
  }
  {  // the line is nearly as wide as the column: a paragraph's first line
    std::vector<Row> rows = k_story_then_short_item;
    rows[4].text = "连日来，各地劳动者坚守一线为群众服";
    rows[4].width = 34;
    EXPECT_EQ(items(rows), 2u);
  }
  {  // a clause mark inside the line: running text, not a title
    std::vector<Row> rows = k_story_then_short_item;
    rows[4].text = "节日里，";
    EXPECT_EQ(items(rows), 2u);
  }
}

namespace {

// A story with its credit, then a subhead and its section's text, which the
// decoder read as a story of its own (one paragraph per line).
const std::vector<Row> k_story_then_section = {
    {"城北社区食堂开业", S::HeadStart, 1},
    {"本报记者 许 林", S::Byline, 1},
    {"城北社区食堂昨天正式开业，每天为辖区老人供应午餐和晚餐。", S::Body, 1},
    {"老人吃上了热乎饭", S::HeadStart, 1},
    {"住在附近的王大爷是食堂的第一位客人。他说，以前一个人做饭总是凑合，现在每天都能吃上两荤一素的热乎饭菜，"
     "儿女在外地工作也放心了。",
     S::Body, 1},
    {"食堂负责人介绍，开业第一周已有三百多位老人办理了就餐卡。", S::Body, 1},
};

}  // namespace

TEST(StorySection, ASubheadAndTextWithNoCreditJoinTheStoryBefore) {
  const Assembly a = reading(k_story_then_section);
  ASSERT_EQ(a.drafts.size(), 1u);
  EXPECT_EQ(bm_test::piece_texts(a, a.drafts[0].headline), Texts{"城北社区食堂开业"});
  EXPECT_EQ(a.drafts[0].body.size(), 4u);
  EXPECT_EQ(bm_test::piece_texts(a, a.drafts[0].body)[1], "老人吃上了热乎饭");
}

// Each case is one condition away from the one above.
TEST(StorySection, OtherwiseAStoryOfItsOwn) {
  auto items = [](const std::vector<Row> &rows) { return reading(rows).drafts.size(); };
  {  // the item has a byline of its own
    std::vector<Row> rows = k_story_then_section;
    rows.insert(rows.begin() + 4, {"本报记者 陈 曦", S::Byline, 1});
    EXPECT_EQ(items(rows), 2u);
  }
  {  // the item opens its text with a dateline
    std::vector<Row> rows = k_story_then_section;
    rows[4].text = "本报讯 住在附近的王大爷是食堂的第一位客人。他说，现在每天都能吃上热乎饭菜，儿女在外地工作也放心了。";
    EXPECT_EQ(items(rows), 2u);
  }
  {  // the story before has no credit
    std::vector<Row> rows = k_story_then_section;
    rows.erase(rows.begin() + 1);
    EXPECT_EQ(items(rows), 2u);
  }
  {  // one sentence under the title: a photo group's lead, a brief
    std::vector<Row> rows = k_story_then_section;
    rows.pop_back();
    rows.back().text = "五一假期，许多劳动者坚守一线。";
    EXPECT_EQ(items(rows), 2u);
  }
}

namespace {

// A report credited by role alone, in sections under subheads; its last
// section read as an item of its own (a photo's title printed before the
// subhead), closing with the names the credit under the headline did not
// give (one paragraph per line).
const std::vector<Row> k_report_owing_names = {
    {"让社区食堂办得更好", S::HeadStart, 1},
    {"本报记者", S::Byline, 0},
    {"城北社区食堂昨天正式开业，每天为辖区老人供应午餐和晚餐。", S::Body, 1},
    {"老人吃上了热乎饭", S::Body, 0},
    {"住在附近的王大爷是食堂的第一位客人，他说现在每天都能吃上热乎饭菜。", S::Body, 0},
    {"春到湖畔", S::HeadStart, 1},
    {"服务跟着需求走", S::Head, 0},
    {"食堂负责人介绍，下一步将开通送餐服务，让行动不便的老人在家吃上饭。", S::Body, 0},
    {"（本报记者 许 林、陈 曦）", S::EndNote, 0},
};

}  // namespace

TEST(OwedNames, TheSectionThatGivesTheReportsNamesJoinsIt) {
  const Assembly a = reading(k_report_owing_names);
  ASSERT_EQ(a.drafts.size(), 2u);
  EXPECT_EQ(bm_test::piece_texts(a, a.drafts[0].headline), Texts{"让社区食堂办得更好"});
  EXPECT_EQ(bm_test::piece_texts(a, a.drafts[0].endnotes), Texts{"（本报记者 许 林、陈 曦）"});
  EXPECT_EQ(bm_test::piece_texts(a, a.drafts[0].body)[3], "服务跟着需求走");
  EXPECT_TRUE(a.drafts[0].box_inside);
  // The photo's title set apart above the subhead: a box of its own.
  EXPECT_EQ(bm_test::piece_texts(a, a.drafts[1].furniture), Texts{"春到湖畔"});
}

// Each case is one condition away from the one above.
TEST(OwedNames, OtherwiseAnItemOfItsOwn) {
  // Does the report hold the last section's text (row 7 of the reading)?
  auto joined = [](const std::vector<Row> &rows, const std::string &text = k_report_owing_names[7].text) {
    const Assembly a = reading(rows);
    const Texts body = bm_test::piece_texts(a, a.drafts[0].body);
    return std::find(body.begin(), body.end(), text) != body.end();
  };
  ASSERT_TRUE(joined(k_report_owing_names));
  {  // the credit under the headline names its reporter
    std::vector<Row> rows = k_report_owing_names;
    rows[1].text = "本报记者 周 敏";
    EXPECT_FALSE(joined(rows));
  }
  {  // the report has no subhead: one story, then a brief with its own credit
    std::vector<Row> rows = k_report_owing_names;
    rows[3] = {"食堂还设了老人专座。", S::Body, 0};
    EXPECT_FALSE(joined(rows));
  }
  {  // the item closes with no names
    std::vector<Row> rows = k_report_owing_names;
    rows.back() = {"（完）", S::EndNote, 0};
    EXPECT_FALSE(joined(rows));
  }
  {  // the item has a byline of its own
    std::vector<Row> rows = k_report_owing_names;
    rows.insert(rows.begin() + 7, {"本报记者 陈 曦", S::Byline, 0});
    EXPECT_FALSE(joined(rows));
  }
  {  // the item opens with a dateline
    std::vector<Row> rows = k_report_owing_names;
    rows[7].text = "本报讯 食堂负责人介绍，下一步将开通送餐服务，让行动不便的老人在家吃上饭。";
    EXPECT_FALSE(joined(rows, rows[7].text));
  }
}

namespace {

// A story, then its sidebar: a label, the reading's title and its text
// (one paragraph per line), read as a new item opening with the label.
const std::vector<Row> k_story_then_sidebar = {
    {"老街区改造提速", S::HeadStart, 1},
    {"本报记者 许 林", S::Byline, 1},
    {"今年以来，城西老街区改造加快推进，一批老旧小区换了新颜。", S::Body, 1},
    {"相关链接", S::HeadStart, 1},
    {"什么是城市更新", S::Head, 1},
    {"城市更新是对城市中已建成区域的结构和功能进行持续完善和优化调整。", S::Body, 1},
};

}  // namespace

TEST(Sidebar, TheLabelsReadingIsTheStorysText) {
  const Assembly a = reading(k_story_then_sidebar);
  ASSERT_EQ(a.drafts.size(), 1u);
  EXPECT_EQ(bm_test::piece_texts(a, a.drafts[0].headline), Texts{"老街区改造提速"});
  EXPECT_EQ(bm_test::piece_texts(a, a.drafts[0].body)[1], "相关链接");
}

TEST(Sidebar, TheLabelReadAsABox) {
  std::vector<Row> rows = k_story_then_sidebar;
  rows[3].state = S::BoxStart;
  rows[4].state = S::HeadStart;
  const Assembly a = reading(rows);
  ASSERT_EQ(a.drafts.size(), 1u);
  EXPECT_EQ(a.drafts[0].body.size(), 4u);
}

TEST(Sidebar, TheLabelReadInTheClosingHeadlineOfAStoryWhoseHeadlineFollowsItsText) {
  // Byline, text, then the sidebar, then the story's headline: the decoder
  // closed the story at the label and gave the headline to the reading.
  const std::vector<Row> rows = {
      {"本报记者 许 林", S::BylineStart, 0},
      {"今年以来，城西老街区改造加快推进，一批老旧小区换了新颜。", S::Body, 1},
      {"相关链接", S::HeadAfter, 1},
      {"什么是城市更新", S::HeadAfter, 1},
      {"城市更新是对城市中已建成区域的结构和功能进行持续完善和优化调整。", S::BodyStart, 1},
      {"老街区改造提速", S::HeadAfter, 1},
  };
  const Assembly a = reading(rows);
  ASSERT_EQ(a.drafts.size(), 1u);
  EXPECT_EQ(bm_test::piece_texts(a, a.drafts[0].headline), Texts{"老街区改造提速"});
  EXPECT_EQ(bm_test::piece_texts(a, a.drafts[0].body),
            (Texts{rows[1].text, "相关链接", "什么是城市更新", rows[4].text}));
}

TEST(Sidebar, TheReadingsTitleReadAsAByline) {
  // A title the decoder read as a byline that classify does not read as one
  // is no credit: the reading still joins, the title as its text.
  std::vector<Row> rows = k_story_then_sidebar;
  rows[4].state = S::Byline;
  const Assembly a = reading(rows);
  ASSERT_EQ(a.drafts.size(), 1u);
  EXPECT_EQ(bm_test::piece_texts(a, a.drafts[0].body)[2], "什么是城市更新");
  EXPECT_TRUE(a.drafts[0].bylines.size() == 1u);
}

// Each case is one condition away from one above.
TEST(Sidebar, OtherwiseAnItemOfItsOwn) {
  auto items = [](const std::vector<Row> &rows) { return reading(rows).drafts.size(); };
  {  // no label: a kicker over a story of its own
    std::vector<Row> rows = k_story_then_sidebar;
    rows[3].text = "城市观察";
    EXPECT_EQ(items(rows), 2u);
  }
  {  // the label's words in a longer line: a title
    std::vector<Row> rows = k_story_then_sidebar;
    rows[3].text = "相关链接在文末";
    EXPECT_EQ(items(rows), 2u);
  }
  {  // the reading has a byline of its own
    std::vector<Row> rows = k_story_then_sidebar;
    rows.insert(rows.begin() + 5, {"本报记者 陈 曦", S::Byline, 1});
    EXPECT_EQ(items(rows), 2u);
  }
  {  // the label read as a box, with an ad after it: the box alone joins
    std::vector<Row> rows = k_story_then_sidebar;
    rows[3].state = S::BoxStart;
    rows[4] = {"欢迎订阅本报 电话 12345678", S::BoxStart, 1};
    rows.pop_back();
    EXPECT_EQ(items(rows), 2u);
  }
}

namespace {

// A story whose headline follows its text, in sections: its credit, its
// lead, then each section under its subhead, the story's title last. The
// decoder read each subhead as the closing headline of the text above it
// (one paragraph per line).
const std::vector<Row> k_sections_above_subheads = {
    {"本报记者 许 林", S::BylineStart, 0},
    {"城西老街区改造加快推进，一批老旧小区换了新颜。居民说，住得更舒心了。", S::Body, 1},
    {"留住烟火气", S::HeadAfter, 1},
    {"改造后的老街保留了原有的石板路和木门窗，沿街开起了茶馆和书店，周末来逛的游客越来越多。住了四十多年的陈阿姨说，"
     "房子修好了，邻居还是老邻居，街坊们见面还是那样热情地打招呼，日子过得踏实又舒心。",
     S::BodyStart, 1},
    {"补齐功能短板", S::HeadAfter, 1},
    {"老街区的难点在于设施老化，管网、电梯和停车位都是居民反映最多的问题。东城区把加装电梯、改造管网和增设停车位"
     "一并纳入计划，今年已完成二十个小区的改造，居民出行方便了许多。",
     S::BodyStart, 1},
    {"让老街区焕发新活力", S::HeadAfter, 1},
    {"——城西推进城市更新见闻", S::HeadAfter, 0},
};

}  // namespace

TEST(SectionsAboveSubheads, EachSubheadAndSectionJoinTheStory) {
  const Assembly a = reading(k_sections_above_subheads);
  ASSERT_EQ(a.drafts.size(), 1u);
  EXPECT_EQ(bm_test::piece_texts(a, a.drafts[0].headline), (Texts{"让老街区焕发新活力", "——城西推进城市更新见闻"}));
  const Texts body = bm_test::piece_texts(a, a.drafts[0].body);
  ASSERT_EQ(body.size(), 5u);
  EXPECT_EQ(body[1], "留住烟火气");
  EXPECT_EQ(body[3], "补齐功能短板");
}

// Each case is one condition away from the one above.
TEST(SectionsAboveSubheads, OtherwiseAStoryOfItsOwn) {
  auto items = [](const std::vector<Row> &rows) { return reading(rows).drafts.size(); };
  {  // the next item has a credit of its own
    std::vector<Row> rows = k_sections_above_subheads;
    rows.insert(rows.begin() + 3, {"本报记者 陈 曦", S::BylineStart, 1});
    rows[4].state = S::Body;
    EXPECT_GE(items(rows), 2u);
  }
  {  // the story has no credit
    std::vector<Row> rows = k_sections_above_subheads;
    rows.erase(rows.begin());
    rows[0].state = S::BodyStart;
    EXPECT_GE(items(rows), 2u);
  }
  {  // the next item is one sentence: a brief
    std::vector<Row> rows = k_sections_above_subheads;
    rows[5].text = "东城区今年已完成二十个小区的改造。";
    EXPECT_EQ(items(rows), 2u);
  }
  {  // the story closes with two headline lines: its title and subtitle
    std::vector<Row> rows = k_sections_above_subheads;
    rows.insert(rows.begin() + 3, {"城西见闻", S::HeadAfter, 0});
    EXPECT_GE(items(rows), 2u);
  }
}

namespace {

// A kicker that ends in a dash over its title, read as an item of its own;
// then the story, whose sections open with a kicker of the same kind over
// their subhead, the kicker read as the story's last text line and the
// subhead as a new item's headline (one paragraph per line).
const std::vector<Row> k_dash_kickers = {
    {"三座城市——", S::BodyStart, 3},
    {"老街区里的新生活", S::HeadStart, 1},
    {"本报记者 许 林", S::Byline, 1},
    {"今年以来，多地推进老街区改造，留住烟火气，也补齐了功能短板。", S::Body, 1},
    {"杭州——", S::Body, 1},
    {"小巷里开出书店", S::HeadStart, 1},
    {"在杭州的一条老巷里，居民把闲置多年的老屋改成了社区书店，周末来看书、写作业的孩子越来越多。书店还定期"
     "举办读书会，邀请作家和住了几十年的老街坊一起，讲讲老街过去的故事和这些年的变化。",
     S::Body, 1},
};

}  // namespace

TEST(DashKicker, TheLineLeadsIntoTheHeadlineUnderIt) {
  const Assembly a = reading(k_dash_kickers);
  ASSERT_EQ(a.drafts.size(), 1u);
  EXPECT_EQ(bm_test::piece_texts(a, a.drafts[0].headline), (Texts{"三座城市——", "老街区里的新生活"}));
  const Texts body = bm_test::piece_texts(a, a.drafts[0].body);
  ASSERT_EQ(body.size(), 4u);
  EXPECT_EQ(body[1], "杭州——");
  EXPECT_EQ(body[2], "小巷里开出书店");
}

// Each case is one condition away from the one above.
TEST(DashKicker, OtherwiseTheLineStaysWhereItWasRead) {
  {  // no dash: the first line is a brief's text of its own
    std::vector<Row> rows = k_dash_kickers;
    rows[0].text = "三座城市";
    const Assembly a = reading(rows);
    EXPECT_EQ(bm_test::piece_texts(a, a.drafts[0].headline), Texts{});
  }
  {  // a long line that breaks off at a dash is running text
    std::vector<Row> rows = k_dash_kickers;
    rows[4].text = "居民们说，这些年老街最大的变化，是大家又愿意坐在门口聊天了，就像当年一样——";
    const Assembly a = reading(rows);
    ASSERT_GE(a.drafts.size(), 2u);
    EXPECT_EQ(bm_test::piece_texts(a, a.drafts[1].headline), Texts{"小巷里开出书店"});
  }
  {  // the item under the section's kicker opens with its text: no headline to lead into
    std::vector<Row> rows = k_dash_kickers;
    rows[5].state = S::BodyStart;
    const Assembly a = reading(rows);
    for (const Draft &d : a.drafts) EXPECT_NE(bm_test::piece_texts(a, d.headline).size(), 3u);
    EXPECT_EQ(bm_test::piece_texts(a, a.drafts[0].body)[1], "杭州——");
  }
}

TEST(SectionsAboveSubheads, AKickerEndingInADashOverTheSubhead) {
  // 杭州—— over 留住烟火气: the section's head is two lines.
  std::vector<Row> rows = k_sections_above_subheads;
  rows.insert(rows.begin() + 2, {"城西——", S::HeadAfter, 1});
  const Assembly a = reading(rows);
  ASSERT_EQ(a.drafts.size(), 1u);
  const Texts body = bm_test::piece_texts(a, a.drafts[0].body);
  ASSERT_EQ(body.size(), 6u);
  EXPECT_EQ(body[1], "城西——");
  EXPECT_EQ(body[2], "留住烟火气");
}

namespace {

constexpr int k_wide = 40;  // display cells of a hard-wrapped column

// A hard-wrapped column: a story's lead, its section's subhead, and the
// section's first line (a full line that ends no sentence) read as a new
// item's headline with nothing under it; the section's other lines as the
// next item's text.
const std::vector<Row> k_line_read_as_headline = {
    {"本报记者 许 林", S::BylineStart, 0, 14},
    {"城西老街区改造加快推进，一批老旧小区换了", S::Body, 1, 40},
    {"新颜。", S::Body, 0, 6},
    {"留住烟火气", S::HeadAfter, 1, 10},
    {"改造后的老街保留了原有的石板路和木门窗，", S::HeadStart, 1, 40},
    {"沿街开起了茶馆和书店，周末来逛的游客越来", S::BodyStart, 0, 40},
    {"越多。", S::Body, 0, 6},
};

}  // namespace

TEST(LoneLine, AFullLineOverTheNextItemsTextIsItsFirstLine) {
  const std::vector<Row> &rows = k_line_read_as_headline;
  const Assembly a = bm_test::hand_reading(rows, k_wide, /*classified=*/true);
  bool first_line = false;
  for (const Draft &d : a.drafts) {
    const Texts body = bm_test::piece_texts(a, d.body);
    first_line = first_line || (body.size() >= 2 && body[0] == rows[4].text && body[1] == rows[5].text);
  }
  EXPECT_TRUE(first_line);
}

// Each case is one condition away from the one above.
TEST(LoneLine, OtherwiseItStaysAHeadline) {
  auto headline_alone = [](const std::vector<Row> &rows) {
    const Assembly a = bm_test::hand_reading(rows, k_wide, /*classified=*/true);
    for (const Draft &d : a.drafts)
      if (bm_test::piece_texts(a, d.headline) == Texts{rows[4].text}) return true;
    return false;
  };
  {  // a blank line between it and the text under it
    std::vector<Row> rows = k_line_read_as_headline;
    rows[5].blanks_before = 1;
    EXPECT_TRUE(headline_alone(rows));
  }
  {  // a short line: a title
    std::vector<Row> rows = k_line_read_as_headline;
    rows[4] = {"老街保留了石板路", S::HeadStart, 1, 16};
    EXPECT_TRUE(headline_alone(rows));
  }
  {  // it ends a sentence
    std::vector<Row> rows = k_line_read_as_headline;
    rows[4] = {"改造后的老街保留了原有的石板路和木门窗。", S::HeadStart, 1, 40};
    EXPECT_TRUE(headline_alone(rows));
  }
}

namespace {

// A story's last paragraph and the page's editor line read as a photo: a
// caption over a credit (one paragraph per line).
const std::vector<Row> k_text_over_editors_line = {
    {"城东新开三条公交线路", S::HeadStart, 1},
    {"本报讯 今年以来，城东新开通三条公交线路，方便居民出行。", S::Body, 1},
    {"有关负责人表示，下一步将优化线路站点设置。", S::CaptionStart, 1},
    {"责任编辑 钱 悦", S::Credit, 1},
};

}  // namespace

TEST(EditorsLine, TextOverItIsTheStorysAndTheLineStandsAlone) {
  const Assembly a = reading(k_text_over_editors_line);
  ASSERT_EQ(a.drafts.size(), 2u);
  EXPECT_EQ(bm_test::piece_texts(a, a.drafts[0].body).back(), k_text_over_editors_line[2].text);
  EXPECT_EQ(a.drafts[1].kind_hint, Kind::Other);
  EXPECT_EQ(bm_test::piece_texts(a, a.drafts[1].bylines), Texts{"责任编辑 钱 悦"});
}

TEST(EditorsLine, APhotographersCreditKeepsThePhoto) {
  std::vector<Row> rows = k_text_over_editors_line;
  rows[3].text = "本报记者 钱 悦摄";
  const Assembly a = reading(rows);
  ASSERT_EQ(a.drafts.size(), 2u);
  EXPECT_EQ(bm_test::piece_texts(a, a.drafts[1].body), Texts{rows[2].text});
  EXPECT_EQ(bm_test::piece_texts(a, a.drafts[1].credits), Texts{rows[3].text});
}

namespace {

// A story, then a caption printed inside its text (图为…) with its credit,
// read as a photo item of its own (one paragraph per line).
const std::vector<Row> k_caption_in_story = {
    {"社区书屋迎来小读者", S::HeadStart, 1},
    {"本报记者 李 娜", S::Byline, 1},
    {"本报讯 暑假开始，社区书屋里来了不少小读者。", S::Body, 1},
    {"图为孩子们在社区书屋读绘本。", S::CaptionStart, 1},
    {"周 航摄", S::Credit, 0},
};

}  // namespace

TEST(StoryPhoto, ACaptionThatOpensWithTuWeiIsTheStorys) {
  const Assembly a = reading(k_caption_in_story);
  ASSERT_EQ(a.drafts.size(), 1u);
  EXPECT_EQ(bm_test::piece_texts(a, a.drafts[0].body).back(), "图为孩子们在社区书屋读绘本。");
  EXPECT_EQ(bm_test::piece_texts(a, a.drafts[0].credits), Texts{"周 航摄"});
}

TEST(StoryPhoto, AnyOtherCaptionIsAPhotoOfItsOwn) {
  std::vector<Row> rows = k_caption_in_story;
  rows[3].text = "7月2日，孩子们在社区书屋读绘本。";
  EXPECT_EQ(reading(rows).drafts.size(), 2u);
}

TEST(HeaderByline, AByLineReadAsThePagesHeaderOpensTheItemUnderIt) {
  // A page printed byline -> text -> headline: the decoder read the first
  // byline (a surname the list may not know) as the page's header.
  const std::vector<Row> rows = {
      {"本报记者 禚晓川", S::Header, 0},
      {"6月2日上午，全市老旧小区改造推进会在市行政中心召开。", S::BodyStart, 1},
      {"老旧小区改造提速扩面", S::HeadAfter, 1},
  };
  const Assembly a = reading(rows);
  ASSERT_EQ(a.drafts.size(), 1u);
  EXPECT_EQ(bm_test::piece_texts(a, a.drafts[0].bylines), Texts{"本报记者 禚晓川"});
  EXPECT_TRUE(a.masthead.empty());
  // Over a headline (not text) the line is no such byline: it stays where it was read.
  std::vector<Row> over_headline = rows;
  over_headline[1].state = S::HeadStart;
  const Assembly b = reading(over_headline);
  EXPECT_TRUE(bm_test::piece_texts(b, b.drafts[0].bylines).empty());
}

TEST(LoneLine, TheFirstTextLineReadAsAnOpeningHeadlineOfAnItemClosedByItsHeadline) {
  // The section's first line read as the headline of an item whose own
  // headline closes it: the line is text. A weather word in it (级) is no
  // box's.
  const std::vector<Row> rows = {
      {"今年全市各级老旧小区改造都将同步加装电梯", S::HeadStart, 1, 40},
      {"各街道要在月底前报送计划，对进度慢的小区", S::Body, 0, 40},
      {"作出提醒。", S::Body, 0, 9},
      {"加装电梯惠及更多居民", S::HeadAfter, 1, 20},
  };
  const Assembly a = bm_test::hand_reading(rows, k_wide, /*classified=*/true);
  ASSERT_EQ(a.drafts.size(), 1u);
  EXPECT_EQ(bm_test::piece_texts(a, a.drafts[0].headline), Texts{"加装电梯惠及更多居民"});
  EXPECT_EQ(bm_test::piece_texts(a, a.drafts[0].body).front(), rows[0].text);
  // A short line is a title, not a text line.
  std::vector<Row> titled = rows;
  titled[0] = {"改造任务清单", S::HeadStart, 1, 12};
  const Assembly b = bm_test::hand_reading(titled, k_wide, /*classified=*/true);
  EXPECT_EQ(bm_test::piece_texts(b, b.drafts[0].headline).front(), "改造任务清单");
}
