// Stage 0 of a parse from positioned lines (src/core/geometry): the reading
// order of hand-made page layouts, the page text laid out from it, and the
// boxes the articles get. Each layout is one a newspaper page really uses;
// the text is invented.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/geometry/boxes.h"
#include "core/geometry/lay_out.h"
#include "core/geometry/reading_order.h"
#include "core/common/utf8.h"

using namespace bm::detail;

namespace {

constexpr double k_body = 10;     // body font size, points
constexpr double k_pitch = 14;    // body line pitch
constexpr double k_gutter = 10;   // between columns

// A page under construction: lines with a tag each, to check the order by.
struct Page {
  std::vector<PositionedLine> lines;
  std::vector<std::string> tags;

  void add(const std::string &tag, double x0, double y0, double x1, double size, const std::string &text = "") {
    PositionedLine l;
    l.text = text.empty() ? tag : text;
    l.box = {x0, y0, x1, y0 + size};
    l.font_size = size;
    lines.push_back(l);
    tags.push_back(tag);
  }
  // A column of n body lines from (x0, y0), `width` wide: tags P.0, P.1, ...
  // (the first indented two characters when `indent`).
  double column(const std::string &prefix, double x0, double y0, double width, int n, bool indent = true) {
    for (int i = 0; i < n; ++i) {
      const double in = indent && i == 0 ? 2 * k_body : 0;
      add(prefix + "." + std::to_string(i), x0 + in, y0 + i * k_pitch, x0 + width, k_body);
    }
    return y0 + n * k_pitch;
  }
  // The tags in reading order.
  std::vector<std::string> order() const {
    std::vector<std::string> out;
    for (const auto &leaf : reading_order(lines))
      for (size_t i : leaf) out.push_back(tags[i]);
    return out;
  }
};

// Whether `a` comes before `b` in the order.
bool before(const std::vector<std::string> &order, const std::string &a, const std::string &b) {
  size_t ia = order.size(), ib = order.size();
  for (size_t i = 0; i < order.size(); ++i) {
    if (order[i] == a) ia = i;
    if (order[i] == b) ib = i;
  }
  return ia < order.size() && ib < order.size() && ia < ib;
}

// Whether each column's lines are read together, top to bottom: the tags of
// `prefix`.0 .. .(n-1) come in order with nothing else between them.
bool read_whole(const std::vector<std::string> &order, const std::string &prefix, int n) {
  for (size_t i = 0; i < order.size(); ++i)
    if (order[i] == prefix + ".0") {
      for (int k = 0; k < n; ++k)
        if (i + k >= order.size() || order[i + k] != prefix + "." + std::to_string(k)) return false;
      return true;
    }
  return false;
}

TEST(ReadingOrder, TwoColumnsUnderASpanningHeadline) {
  // Headline and byline across both columns, the body in two columns whose
  // lines stand on one grid (every gap between lines runs across the page).
  Page p;
  p.add("head", 20, 20, 300, 24);
  p.add("byline", 20, 54, 120, k_body);
  p.column("a", 20, 74, 140, 12);
  p.column("b", 20 + 140 + k_gutter, 74, 140, 12, false);
  const auto o = p.order();
  EXPECT_TRUE(before(o, "head", "byline"));
  EXPECT_TRUE(before(o, "byline", "a.0"));
  EXPECT_TRUE(read_whole(o, "a", 12));
  EXPECT_TRUE(read_whole(o, "b", 12));
  EXPECT_TRUE(before(o, "a.11", "b.0"));
}

TEST(ReadingOrder, CentredHeadlineOverThreeColumnsIsReadFirst) {
  // A short centred headline sits over the middle column only: cutting at
  // the gutters first would read column one before the headline.
  Page p;
  p.add("head", 190, 20, 270, 20);
  p.add("byline", 200, 48, 260, k_body);
  const double w = 140;
  p.column("a", 20, 70, w, 10);
  p.column("b", 20 + w + k_gutter, 70, w, 10, false);
  p.column("c", 20 + 2 * (w + k_gutter), 70, w, 10, false);
  const auto o = p.order();
  EXPECT_TRUE(before(o, "head", "a.0"));
  EXPECT_TRUE(before(o, "byline", "a.0"));
  EXPECT_TRUE(read_whole(o, "a", 10) && read_whole(o, "b", 10) && read_whole(o, "c", 10));
  EXPECT_TRUE(before(o, "a.9", "b.0") && before(o, "b.9", "c.0"));
}

TEST(ReadingOrder, SideBySideStoriesWithHeadlinesOnOneRow) {
  // Two stories side by side whose headlines stand on one row, a band of
  // white under them: each story is read whole, headline first.
  Page p;
  p.add("h1", 20, 20, 100, 16);
  p.add("h2", 180, 20, 260, 16);
  p.column("a", 20, 60, 140, 8);
  p.column("b", 20 + 140 + k_gutter, 60, 140, 8);
  const auto o = p.order();
  EXPECT_TRUE(before(o, "h1", "a.0"));
  EXPECT_TRUE(before(o, "a.7", "h2"));
  EXPECT_TRUE(before(o, "h2", "b.0"));
  EXPECT_TRUE(read_whole(o, "a", 8) && read_whole(o, "b", 8));
}

TEST(ReadingOrder, SubheadsAtOneHeightDoNotCutTheColumns) {
  // Each column has a subhead with white space round it, all at one
  // height: a band across the page that is not a break between stories.
  Page p;
  double y = p.column("a", 20, 20, 140, 5);
  p.add("sa", 50, y + 12, 120, k_body);
  p.column("a2", 20, y + 40, 140, 5);
  y = p.column("b", 170, 20, 140, 5, false);
  p.add("sb", 200, y + 12, 270, k_body);
  p.column("b2", 170, y + 40, 140, 5);
  const auto o = p.order();
  EXPECT_TRUE(before(o, "a.4", "sa") && before(o, "sa", "a2.0") && before(o, "a2.4", "b.0"));
  EXPECT_TRUE(before(o, "b.4", "sb") && before(o, "sb", "b2.0"));
}

TEST(ReadingOrder, NewRowOfStoriesOnTheSameGridIsARow) {
  // Story one over two columns; under a band, two new stories (their
  // headlines bigger than the body) on the same two columns: story one is
  // read whole before them.
  Page p;
  p.add("head", 20, 20, 300, 24);
  double y = p.column("a", 20, 60, 140, 6);
  p.column("b", 170, 60, 140, 6, false);
  y += 20;
  p.add("h2", 20, y, 120, 16);
  p.add("h3", 170, y, 270, 16);
  p.column("c", 20, y + 26, 140, 4);
  p.column("d", 170, y + 26, 140, 4);
  const auto o = p.order();
  EXPECT_TRUE(read_whole(o, "a", 6) && read_whole(o, "b", 6));
  EXPECT_TRUE(before(o, "b.5", "h2"));
  EXPECT_TRUE(before(o, "h2", "c.0") && before(o, "c.3", "h3") && before(o, "h3", "d.0"));
}

TEST(ReadingOrder, BoxUnderTheColumnsDoesNotSplitThem) {
  // A table box under two columns with a gap where their gutter is: the
  // columns are read whole, the box after them.
  Page p;
  p.add("head", 20, 20, 300, 24);
  p.column("a", 20, 60, 140, 6);
  p.column("b", 170, 60, 140, 6, false);
  const double y = 60 + 6 * k_pitch + 20;
  p.add("cell1", 40, y, 120, k_body);
  p.add("cell2", 240, y, 300, k_body);
  const auto o = p.order();
  EXPECT_TRUE(read_whole(o, "a", 6) && read_whole(o, "b", 6));
  EXPECT_TRUE(before(o, "a.5", "b.0"));
  EXPECT_TRUE(before(o, "b.5", "cell1"));
}

TEST(ReadingOrder, HeaderRowOverTwoFlowsIsReadFirst) {
  // The section's name at the top left in a big font, the page number and
  // the paper and date at the top right; under them two column flows whose
  // gutter lies in the header's wide gap. The header is read first, whole.
  Page p;
  p.add("section", 20, 10, 70, 30, "评论");
  p.add("number", 380, 8, 395, 20, "5");
  p.add("date", 300, 32, 395, k_body, "某某日报 2025年4月10日 星期四");
  p.add("headA", 20, 60, 180, 20, "左边的文章标题");
  p.column("a", 20, 90, 180, 8);
  p.add("headB", 215, 60, 395, 20, "右边的文章标题");
  p.column("b", 215, 90, 180, 8);
  const auto o = p.order();
  ASSERT_EQ(o.size(), p.lines.size());
  EXPECT_TRUE(before(o, "date", "headA"));
  EXPECT_TRUE(before(o, "number", "headA"));
  EXPECT_TRUE(read_whole(o, "a", 8));
  EXPECT_TRUE(read_whole(o, "b", 8));
}

TEST(ReadingOrder, EveryLineOnceAndPagesInOrder) {
  Page p;
  p.column("a", 20, 20, 140, 3);
  p.column("b", 20, 20, 140, 3);
  for (size_t i = 3; i < 6; ++i) p.lines[i].page = 1;
  p.column("c", 20, 20, 140, 3);  // page 0 again, same place as a
  const auto leaves = reading_order(p.lines);
  std::vector<int> seen(p.lines.size(), 0);
  for (const auto &leaf : leaves)
    for (size_t i : leaf) ++seen[i];
  for (int n : seen) EXPECT_EQ(n, 1);
  const auto o = p.order();
  EXPECT_TRUE(before(o, "a.2", "b.0"));  // page 0 before page 1
  EXPECT_TRUE(before(o, "c.2", "b.0"));
  EXPECT_TRUE(reading_order({}).empty());
}

TEST(ReadingOrder, StaircaseOfLinesStaysLinearAndWhole) {
  // Every line a step right of and below the one before: each cut peels
  // one line. The work bound keeps it from nesting a level per line.
  Page p;
  for (int i = 0; i < 3000; ++i) p.add("s" + std::to_string(i), i * 3.0, i * 30.0, i * 3.0 + 2, k_body);
  const auto o = p.order();
  ASSERT_EQ(o.size(), 3000u);
  EXPECT_TRUE(before(o, "s0", "s2999"));
}

TEST(LayOut, ParagraphsJoinAcrossLinesAndColumnsAndBreakAtIndents) {
  Page p;
  p.add("head", 20, 20, 300, 24, "大字标题");
  // Column one: a paragraph of three lines, then a new indented one that
  // runs on into column two.
  p.add("a0", 40, 60, 160, k_body, "第一段第一行");
  p.add("a1", 20, 74, 160, k_body, "第一段第二行");
  p.add("a2", 20, 88, 90, k_body, "段末。");
  p.add("a3", 40, 102, 160, k_body, "第二段开头");
  p.add("a4", 20, 116, 160, k_body, "第二段续行");
  p.add("b0", 170, 60, 310, k_body, "跨栏接续");
  p.add("b1", 170, 74, 250, k_body, "完。");
  const LaidOutText t = lay_out(p.lines, reading_order(p.lines));
  EXPECT_EQ(t.text, "大字标题\n\n第一段第一行第一段第二行段末。\n\n第二段开头第二段续行跨栏接续完。\n");
  ASSERT_EQ(t.from.size(), p.lines.size());
  for (const auto &f : t.from) EXPECT_EQ(t.text.substr(f.begin, f.end - f.begin), p.lines[f.line].text);
}

TEST(LayOut, CentredAndRightAlignedLinesStandAlone) {
  Page p;
  p.add("a0", 40, 60, 160, k_body, "正文第一行");
  p.add("a1", 20, 74, 160, k_body, "正文第二行完。");
  p.add("credit", 100, 88, 160, k_body, "某某摄");  // right-aligned
  const LaidOutText t = lay_out(p.lines, reading_order(p.lines));
  EXPECT_EQ(t.text, "正文第一行正文第二行完。\n\n某某摄\n");
}

// The face and item_break of the text line holding `text`.
const LaidOutText::From *entry_of(const LaidOutText &t, const std::vector<PositionedLine> &lines, const std::string &text) {
  for (const auto &f : t.from)
    if (lines[f.line].text == text) return &f;
  return nullptr;
}

// With the page's drawing, the line holding `text` is no furniture and
// nothing parts it from the line before: the drawing is part of its item.
void expect_read_on(const Page &p, const std::vector<PageBox> &drawn, const std::string &text) {
  const LaidOutText t = lay_out(p.lines, reading_order(p.lines), drawn);
  const LaidOutText::From *f = entry_of(t, p.lines, text);
  ASSERT_TRUE(f) << text;
  EXPECT_NE(f->face, Face::Boxed) << text;
  EXPECT_FALSE(f->item_break) << text;
}

// The faces the laid-out text's lines get, in order.
std::vector<Face> faces(const LaidOutText &t) {
  std::vector<Face> out;
  for (size_t i = 0; i < t.from.size(); ++i)
    if (i == 0 || !t.from[i].continues) out.push_back(t.from[i].face);
  return out;
}

TEST(LayOut, HeadlineLineJoinsTheNextOnlyWhenItRanToTheTextsEdge) {
  // A two-line headline over a column whose lines run from 20 to 180 (the
  // reading order gives each headline line a leaf of its own). Ending one
  // character short of the column's edge, the first line wrapped; ending far
  // inside it, the headline was set on two lines on purpose (two parts).
  const auto first_line = [](double first_x1) {
    Page p;
    p.add("h0", 20, 20, first_x1, 20, "守护城市湿地须从娃娃");
    p.add("h1", 20, 44, 60, 20, "抓起");
    p.column("c", 20, 80, 160, 4);
    const LaidOutText t = lay_out(p.lines, reading_order(p.lines));
    return t.text.substr(0, t.text.find("\n"));
  };
  EXPECT_EQ(first_line(165), "守护城市湿地须从娃娃抓起");
  EXPECT_EQ(first_line(100), "守护城市湿地须从娃娃");
}

TEST(LayOut, KickerALittleLargerThanTheBodyOverAHeadlineIsAHeadlinePart) {
  // A kicker at 1.17 times the body's size, right over a 30-point title;
  // a column label at the body's size over it is no headline part.
  Page p;
  p.add("label", 20, 10, 45, k_body, "援手");
  p.add("kicker", 20, 26, 200, 11.7, "某某服务区保洁人员某某");
  p.add("title", 20, 42, 260, 30, "雪夜护送迷路老人回家");
  p.column("c", 20, 84, 260, 12);
  const LaidOutText t = lay_out(p.lines, reading_order(p.lines));
  const std::vector<Face> f = faces(t);
  ASSERT_GE(f.size(), 3u);
  EXPECT_NE(f[0], Face::Large);
  EXPECT_EQ(f[1], Face::Large);
  EXPECT_EQ(f[2], Face::Large);
  EXPECT_NE(t.text.find("某某服务区保洁人员某某\n\n雪夜"), std::string::npos);
}

TEST(LayOut, HeaderCellsStackedBesideTheSectionNameAreOneLine) {
  // The section's name at the top left; the page number over the paper's
  // name and date at the top right.
  Page p;
  p.add("section", 20, 12, 80, 14, "各地传真");
  p.add("number", 280, 8, 310, 8, "第10版");
  p.add("date", 220, 18, 310, 8, "某某日报 2025年7月17日");
  p.column("c", 20, 60, 290, 4);
  const LaidOutText t = lay_out(p.lines, reading_order(p.lines));
  EXPECT_EQ(t.text.substr(0, t.text.find("\n")), "各地传真 第10版 某某日报 2025年7月17日");
}

TEST(LayOut, StackedLinesBesideARowLowerOnThePageAreNotCells) {
  // The same stack in an ad box at the foot of the page: its own lines.
  Page p;
  const double y = p.column("c", 20, 20, 290, 12);
  p.add("qr", 20, y + 26, 80, k_body, "扫一扫 看视频");
  p.add("name", 120, y + 20, 300, k_body, "某某驾驶培训学校");
  p.add("phone", 120, y + 32, 300, k_body, "报名热线：85012345");
  const LaidOutText t = lay_out(p.lines, reading_order(p.lines));
  EXPECT_EQ(t.text.find("看视频 某某"), std::string::npos);
}

TEST(LayOut, CentredLinesOfANoticeStandAlone) {
  // A notice's lines centred in a box: the second line as wide as the box
  // does not make the first one run on into it.
  Page p;
  p.add("n0", 40, 20, 140, k_body, "受理时间：周二至周日");
  p.add("n1", 20, 34, 160, k_body, "咨询项目：医保报销、驾驶证");
  p.add("n2", 50, 48, 130, k_body, "联系电话：12345678");
  const LaidOutText t = lay_out(p.lines, reading_order(p.lines));
  EXPECT_EQ(t.text, "受理时间：周二至周日\n\n咨询项目：医保报销、驾驶证\n\n联系电话：12345678\n");
}

TEST(LayOut, HeadlineFarUnderTheLineBeforeOpensAnItem) {
  // A credit line at the foot of a box, then far below it (another item's)
  // headline: set apart by more blank lines than a kicker would be.
  Page p;
  p.add("ad", 20, 20, 120, 14, "绿色出行");
  p.add("credit", 40, 40, 100, k_body, "某某局 宣");
  p.add("head", 20, 200, 200, 18, "某某体系不断完善");
  p.column("c", 20, 230, 200, 3);
  const LaidOutText t = lay_out(p.lines, reading_order(p.lines));
  EXPECT_NE(t.text.find("某某局 宣\n\n\n\n某某体系"), std::string::npos);
  const auto *head = entry_of(t, p.lines, "某某体系不断完善");
  ASSERT_TRUE(head);
  EXPECT_TRUE(head->item_break);
}

TEST(LayOut, PageNumberInABigFontSetApartOpensNoItem) {
  Page p;
  p.column("c", 20, 20, 200, 6);
  p.add("number", 300, 10, 320, 24, "12");
  const LaidOutText t = lay_out(p.lines, reading_order(p.lines));
  const auto *n = entry_of(t, p.lines, "12");
  ASSERT_TRUE(n);
  EXPECT_FALSE(n->item_break);
}

TEST(LayOut, CaptionUnderAPictureOpensAnItemUnlessUnderItsTitle) {
  // Two photos side by side under a lead; the first has a title over it.
  Page p;
  p.add("lead", 20, 20, 400, k_body, "周末清晨，不少市民走进了公园。");
  p.add("title", 20, 40, 100, 20, "欢度新年");
  p.add("cap1", 20, 175, 190, k_body, "游客在河中体验漂流。某某摄");
  p.add("cap2", 230, 175, 400, k_body, "孩子们开展祝福活动。某某摄");
  const std::vector<PageBox> drawn = {{0, {20, 65, 190, 170}}, {0, {230, 65, 400, 170}}};
  const LaidOutText t = lay_out(p.lines, reading_order(p.lines), drawn);
  const auto *c1 = entry_of(t, p.lines, "游客在河中体验漂流。某某摄");
  const auto *c2 = entry_of(t, p.lines, "孩子们开展祝福活动。某某摄");
  ASSERT_TRUE(c1 && c2);
  EXPECT_FALSE(c1->item_break);  // under its title
  EXPECT_TRUE(c2->item_break);   // after the first caption
}


// A story's column and, under it, a notice; `frame` draws the notice's
// frame from its top and bottom edges.
struct NoticePage {
  Page p;
  double top = 0, bottom = 0;
  NoticePage() {
    p.add("head", 20, 20, 200, 20, "某某街道开展读书节");
    const double y = p.column("c", 20, 50, 180, 8);
    p.add("n0", 40, y + 20, 160, k_body, "开放公告");
    p.add("n1", 30, y + 34, 170, k_body, "受理时间：周二至周日");
    top = y + 14;
    bottom = y + 50;
  }
  const LaidOutText::From &notice(const std::vector<PageBox> &drawn, LaidOutText &keep, const char *line = "开放公告") {
    keep = lay_out(p.lines, reading_order(p.lines), drawn);
    return *entry_of(keep, p.lines, line);
  }
};

TEST(LayOut, SmallFrameAtAStorysFootIsFurnitureSetApart) {
  NoticePage n;
  const std::vector<PageBox> drawn = {{0, {25, n.top, 175, n.bottom}}};
  LaidOutText t;
  const LaidOutText::From &n0 = n.notice(drawn, t);
  EXPECT_EQ(n0.face, Face::Boxed);
  EXPECT_TRUE(n0.item_break);  // the story's last line is outside the frame
  const LaidOutText::From &n1 = n.notice(drawn, t, "受理时间：周二至周日");
  EXPECT_EQ(n1.face, Face::Boxed);
  EXPECT_FALSE(n1.item_break);  // in the same frame as the line before
  // Without the drawing, the same lines are no furniture.
  EXPECT_NE(n.notice({}, t).face, Face::Boxed);
}

TEST(LayOut, FourRulesMeetingAtTheCornersAreAFrame) {
  // The notice's frame drawn as four rules; a rule alone across the page
  // under the story parts nothing, and two rules without sides are no frame.
  NoticePage n;
  const double top = n.top, bottom = n.bottom;
  const std::vector<PageBox> drawn = {{0, {25, top, 175, top + 0.5}},     {0, {25, bottom, 175, bottom + 0.5}},
                                      {0, {25, top, 25.5, bottom + 0.5}}, {0, {174.5, top, 175, bottom + 0.5}},
                                      {0, {20, 45, 200, 45.5}}};
  LaidOutText t;
  EXPECT_EQ(n.notice(drawn, t).face, Face::Boxed);
  EXPECT_TRUE(n.notice(drawn, t).item_break);
  EXPECT_NE(n.notice({drawn[0], drawn[1]}, t).face, Face::Boxed);
}

TEST(LayOut, FrameWithTheStoryRunningOnCloseUnderItIsPartOfTheStory) {
  // A quote boxed between the byline and the body: the body runs on right
  // under the frame, so the frame parts nothing.
  Page p;
  p.add("head", 20, 20, 200, 20, "某某街道开展读书节");
  p.add("q", 30, 52, 170, k_body, "让老人就近享受助餐服务。");
  p.column("c", 20, 76, 180, 6);
  expect_read_on(p, {{0, {25, 48, 175, 66}}}, "让老人就近享受助餐服务。");
}

TEST(LayOut, FrameAroundAPhotoAndItsCaptionPartsNothing) {
  // A photo (a filled frame) and its caption framed together under the
  // title of the photo item: the caption stays with the title.
  Page p;
  p.add("title", 20, 20, 120, 16, "欢度新年");
  p.add("cap", 25, 150, 175, k_body, "游客在河中体验漂流。");
  expect_read_on(p, {{0, {22, 40, 178, 145}}, {0, {20, 38, 180, 165}}}, "游客在河中体验漂流。");
}

TEST(LayOut, ThinRulesPartNothing) {
  // A rule under a lead and one between columns: not read (a rule sets off
  // a lead inside a story as well as one story from the next).
  Page p;
  p.add("head", 20, 20, 200, 20, "某某街道开展读书节");
  p.column("c", 20, 50, 180, 6);
  const std::vector<PageBox> drawn = {{0, {20, 77, 200, 77.5}}, {0, {205, 40, 205.5, 200}}};
  const LaidOutText with = lay_out(p.lines, reading_order(p.lines), drawn);
  const LaidOutText without = lay_out(p.lines, reading_order(p.lines));
  EXPECT_EQ(with.text, without.text);
  for (const auto &f : with.from) EXPECT_FALSE(f.item_break);
}

TEST(Boxes, ArticlesGetTheUnionOfTheirLinesBoxes) {
  Page p;
  p.add("a0", 40, 60, 160, k_body, "正文");
  p.add("a1", 20, 74, 150, k_body, "续行。");
  const LaidOutText t = lay_out(p.lines, reading_order(p.lines));
  bm::detail::Page page;
  Article a;
  a.span_begin = 0;
  a.span_end = t.text.size();
  a.spans = FieldSpans{};
  a.spans->paragraphs.push_back({0, t.text.size() - 1});
  page.articles.push_back(a);
  attach_boxes(t, p.lines, page);
  ASSERT_TRUE(page.articles[0].bbox);
  const Box &b = page.articles[0].bbox->box;
  EXPECT_DOUBLE_EQ(b.x0, 20);
  EXPECT_DOUBLE_EQ(b.y0, 60);
  EXPECT_DOUBLE_EQ(b.x1, 160);
  EXPECT_DOUBLE_EQ(b.y1, 84);
  ASSERT_TRUE(page.articles[0].boxes);
  ASSERT_EQ(page.articles[0].boxes->paragraphs.size(), 1u);
  EXPECT_TRUE(page.articles[0].boxes->paragraphs[0]);
}

}  // namespace
