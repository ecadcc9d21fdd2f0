// The text PDF extractors give (issue 15, part 1): columns hard-wrapped with
// no indent, where only a line that stops short ends a paragraph
// (blocks/layout), and lines in which poppler merged neighbouring columns,
// which mark their items `columns_interleaved` (lines/columns).
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "common/core_fixtures.h"
#include "banmian/banmian.h"
#include "core/assemble/assemble.h"
#include "core/blocks/furniture.h"
#include "core/lexicon/lexicon.h"
#include "core/lines/columns.h"
#include "core/lines/lines.h"
#include "core/pipeline/parser.h"

using namespace bm::detail;

namespace {

// An unindented column of 18 characters: paragraphs that end where a line
// stops short, an in-body subhead, and a paragraph that ends in a closing
// quote without a full stop.
const char *k_unindented =
    "去年以来，当地陆续建成一批社区食堂，老\n"
    "人在家门口就能吃上热乎饭，子女也更放\n"
    "心。\n"
    "小食堂连着大民生\n"
    "在城南的一家社区食堂，记者看到前来就\n"
    "餐的老人络绎不绝。工作人员介绍，食堂每\n"
    "天供应十余种菜品，价格实惠。\n"
    "一位老人说：“饭菜可口，又不贵”\n"
    "食堂负责人表示，下一步将增加送餐服务，\n"
    "方便行动不便的老人，让他们在家门口就\n"
    "能吃上热乎的饭菜。\n"
    "据了解，今年全市还将新建社区食堂二十\n"
    "家，覆盖更多老旧小区。\n"
    "记者了解到，这些食堂大多由街道提供场\n"
    "地，引入专业团队运营。\n";

std::vector<std::string> reflow_text(const std::string &text) { return reflow_all(text, split_lines(text)); }

const Parser &parser() { return bm_test::default_parser(); }

const Article *article_with(const Page &page, const std::string &text) {
  for (const Article &a : page.articles)
    for (const std::string &p : a.paragraphs)
      if (p.find(text) != std::string::npos) return &a;
  return nullptr;
}

}  // namespace

TEST(PdfText, UnindentedColumnsEndAParagraphWhereALineStopsShort) {
  const std::vector<std::string> p = reflow_text(k_unindented);
  ASSERT_EQ(p.size(), 7u);
  EXPECT_EQ(p[1], "小食堂连着大民生");
  EXPECT_EQ(p[3], "一位老人说：“饭菜可口，又不贵”");
  EXPECT_EQ(p[4].rfind("食堂负责人表示", 0), 0u);
}

TEST(PdfText, ASubheadBetweenASentenceAndTheNextLineIsItsOwnParagraph) {
  // A story's text in a column of 24 characters whose paragraphs lost their
  // two-character indent, with no blank lines: the subhead's next line does
  // not look indented in display cells (the full lines hold more
  // punctuation), yet the subhead is a paragraph of its own.
  const std::string text =
      "让老街区焕发新活力\n"
      "\n"
      "本报记者 许 林\n"
      "\n"
      "城市更新，一头连着民生，一头连着发展。今年以\n"
      "来，各地因地制宜推进老旧街区改造，一批老街区重新\n"
      "热闹起来。\n"
      "留住烟火气\n"
      "在城西的青石巷，改造后的老街保留了原有的石板\n"
      "路和木门窗，沿街开起了茶馆和书店。“房子修好了，\n"
      "邻居还是老邻居。”住了四十多年的陈阿姨说。\n";
  const Page page = parser().parse(text, CallOptions{});
  const Article *a = article_with(page, "留住烟火气");
  ASSERT_NE(a, nullptr);
  ASSERT_EQ(a->paragraphs.size(), 3u);
  EXPECT_EQ(a->paragraphs[1], "留住烟火气");
  // After a blank line the same short line opens its paragraph (a page with
  // blank lines between paragraphs, a column cut inside a first line).
  std::string blank_before = text;
  blank_before.insert(blank_before.find("留住烟火气"), "\n");
  const Page cut = parser().parse(blank_before, CallOptions{});
  const Article *b = article_with(cut, "留住烟火气");
  ASSERT_NE(b, nullptr);
  EXPECT_EQ(b->paragraphs.back().rfind("留住烟火气在城西", 0), 0u);
}

TEST(PdfText, ASectionsKickerEndingInADashIsAParagraph) {
  // One paragraph per line, a blank line between: a section's kicker that
  // ends in a dash stands over its subhead. A line that ends a sentence
  // nowhere is a column break in running text, but a kicker is no running
  // text: it and the subhead are paragraphs of their own.
  const std::string text =
      "老街区里的新生活\n\n本报记者 许 林\n\n"
      "今年以来，多地推进老街区改造，留住烟火气，也补齐了功能短板。\n\n"
      "杭州——\n\n"
      "小巷里开出书店\n\n"
      "在杭州的一条老巷里，居民把闲置多年的老屋改成了社区书店，周末来看书的孩子越来越多。\n";
  const Page page = parser().parse(text, CallOptions{});
  const Article *a = article_with(page, "在杭州的一条老巷里");
  ASSERT_NE(a, nullptr);
  ASSERT_EQ(a->paragraphs.size(), 4u);
  EXPECT_EQ(a->paragraphs[1], "杭州——");
  EXPECT_EQ(a->paragraphs[2], "小巷里开出书店");
}

TEST(PdfText, IndentedColumnsKeepTheirRule) {
  // The same kind of short unfinished line on a page whose paragraphs open
  // with an indent: the indent, not the short line, starts the paragraph.
  const std::string text =
      "  去年以来，当地陆续建成一批社\n"
      "区食堂，老人在家门口就能吃上热乎\n"
      "饭，子女也更放心。\n"
      "  在城南的一家社区食堂，记者看\n"
      "到前来就餐的老人络绎不绝。工作人\n"
      "员介绍，食堂每天供应十余种菜品，价\n"
      "格实惠。\n"
      "  食堂负责人表示，下一步将增加\n"
      "送餐服务，方便行动不便的老人，让他\n"
      "们在家门口就能\n"
      "吃上热乎的饭菜，也让子女更加放心。\n";
  const std::vector<std::string> p = reflow_text(text);
  ASSERT_EQ(p.size(), 3u);
  EXPECT_NE(p[2].find("就能吃上"), std::string::npos);
}

TEST(PdfText, MergedColumnsAreMarked) {
  const std::string text =
      "本报记者 郑立群\n"
      "五月上旬，全市春季植树活动在城北林场启动。参加 负责人介绍，今年计划新增造林面积三千亩左右\n"
      "活动的干部群众一起挖坑栽苗、扶正培土，现场 同时完成一批道路和河道两侧的绿化提升工程\n"
      "气氛热烈。大家表示，要爱绿护绿，共建美丽家园。 明年还将继续推进乡村绿化美化工作不断深入\n"
      "一道道风景 记录城市变迁\n";
  const std::vector<Line> lines = split_lines(text);
  ASSERT_EQ(lines.size(), 8u);
  EXPECT_FALSE(lines[0].merged_columns);  // a byline with spaced names
  // The three merged lines, cut into their columns and read column by column.
  const char *const columns[] = {"五月上旬，全市春季植树活动在城北林场启动。参加", "活动的干部群众一起挖坑栽苗、扶正培土，现场",
                                 "气氛热烈。大家表示，要爱绿护绿，共建美丽家园。", "负责人介绍，今年计划新增造林面积三千亩左右",
                                 "同时完成一批道路和河道两侧的绿化提升工程", "明年还将继续推进乡村绿化美化工作不断深入"};
  for (size_t k = 0; k < 6; ++k) {
    EXPECT_TRUE(lines[1 + k].merged_columns);
    EXPECT_EQ(text.substr(lines[1 + k].begin, lines[1 + k].end - lines[1 + k].begin), columns[k]);
  }
  EXPECT_FALSE(lines[7].merged_columns);  // a deck with a gap between phrases
}

// The text of `lines` in their order, one line each.
std::string joined(const std::string &text, const std::vector<Line> &lines) {
  std::string out;
  for (const Line &l : lines)
    if (!l.blank) out += text.substr(l.begin, l.end - l.begin) + "\n";
  return out;
}

TEST(PdfText, MergedColumnsWithLoneLinesAreReadColumnByColumn) {
  // Two columns of 18 characters: a row whose lines stayed apart (the left
  // one ends its paragraph short, the right one opens a paragraph), then
  // the right column ends and the left one runs on alone.
  const std::string text =
      "列为民生实事，街道、社区和居民一起想 家挨户上门沟通，把费用分摊方案贴在楼\n"
      "办法，已有四十多部电梯投入使用，住在 道里，低楼层住户的顾虑也一一得到回应，\n"
      "高层的老人出门不再发愁。\n"
      "大家慢慢有了共识。\n"
      "姨家住五楼。过去下楼买菜要歇好几回， 符合条件的项目给予资金补助，让更多居\n"
      "如今电梯就停在家门口，她说生活方便了 民早日用上电梯，把好事办到群众心坎上。\n"
      "很多，心情也好了。\n"
      "\n"
      "寻物启事\n";
  const std::vector<Line> lines = split_lines(text);
  EXPECT_EQ(joined(text, lines),
            "列为民生实事，街道、社区和居民一起想\n"
            "办法，已有四十多部电梯投入使用，住在\n"
            "高层的老人出门不再发愁。\n"
            "姨家住五楼。过去下楼买菜要歇好几回，\n"
            "如今电梯就停在家门口，她说生活方便了\n"
            "很多，心情也好了。\n"
            "家挨户上门沟通，把费用分摊方案贴在楼\n"
            "道里，低楼层住户的顾虑也一一得到回应，\n"
            "大家慢慢有了共识。\n"
            "符合条件的项目给予资金补助，让更多居\n"
            "民早日用上电梯，把好事办到群众心坎上。\n"
            "寻物启事\n");
  // Every line of the run says its order was rebuilt; the box after it does not.
  for (const Line &l : lines)
    if (!l.blank) EXPECT_EQ(l.merged_columns, text.substr(l.begin, l.end - l.begin) != "寻物启事");
}

TEST(PdfText, FullColumnLinesOfAnyPunctuationStayInTheRun) {
  // Two columns of 18 characters. The left parts of the merged lines hold
  // three marks each (33 cells); the lone left line holds none (36 cells),
  // yet it is as full a column line as they are: the run goes on over it,
  // and the columns are read whole, one after the other.
  const std::string text =
      "食堂开张后，老人、孩子吃饭都方便了， 加装电梯的事，街道和居民一起想办法，\n"
      "子女也很放心。食堂每天供应十种菜、汤， 已有四十多部电梯投入使用，住在高层的\n"
      "价格实惠又合口味附近几个小区的老人常\n"
      "老人出门不再发愁。\n"
      "来这里吃饭。负责人说，下一步将开通送 街道还将对符合条件的项目给予补助，让\n"
      "餐服务，让行动不便的老人在家吃上饭。 更多居民早日用上电梯。\n";
  const std::vector<Line> lines = split_lines(text);
  EXPECT_EQ(joined(text, lines),
            "食堂开张后，老人、孩子吃饭都方便了，\n"
            "子女也很放心。食堂每天供应十种菜、汤，\n"
            "价格实惠又合口味附近几个小区的老人常\n"
            "来这里吃饭。负责人说，下一步将开通送\n"
            "餐服务，让行动不便的老人在家吃上饭。\n"
            "加装电梯的事，街道和居民一起想办法，\n"
            "已有四十多部电梯投入使用，住在高层的\n"
            "老人出门不再发愁。\n"
            "街道还将对符合条件的项目给予补助，让\n"
            "更多居民早日用上电梯。\n");
}

TEST(PdfText, ThreeMergedColumnsAreReadColumnByColumn) {
  const std::string text =
      "一二三四五六七八九十一二三四五六 甲乙丙丁戊己庚辛壬癸甲乙丙丁戊己 春夏秋冬春夏秋冬春夏秋冬春夏秋冬\n"
      "二三四五六七八九十一二三四五六七 乙丙丁戊己庚辛壬癸甲乙丙丁戊己庚 夏秋冬春夏秋冬春夏秋冬春夏秋冬春\n"
      "三四五六七八九十一二三四五六七八 丙丁戊己庚辛壬癸甲乙丙丁戊己庚辛 秋冬春夏秋冬春夏秋冬春夏秋冬春夏\n";
  const std::vector<Line> lines = split_lines(text);
  ASSERT_EQ(lines.size(), 9u);
  EXPECT_EQ(joined(text, lines),
            "一二三四五六七八九十一二三四五六\n二三四五六七八九十一二三四五六七\n三四五六七八九十一二三四五六七八\n"
            "甲乙丙丁戊己庚辛壬癸甲乙丙丁戊己\n乙丙丁戊己庚辛壬癸甲乙丙丁戊己庚\n丙丁戊己庚辛壬癸甲乙丙丁戊己庚辛\n"
            "春夏秋冬春夏秋冬春夏秋冬春夏秋冬\n夏秋冬春夏秋冬春夏秋冬春夏秋冬春\n秋冬春夏秋冬春夏秋冬春夏秋冬春夏\n");
}

TEST(PdfText, ThreeMergedColumnsWhoseRowsShiftAreReadByTheirText) {
  // Three columns of 17 characters. After three level rows the left column
  // ends a paragraph and sets a subhead half a line lower: its lines come
  // alone, after the other two columns' pairs. Dealt left to right, the pair
  // would go to the first two columns and the subhead to the third; read by
  // the text, the pair is the middle and right columns' (each of their last
  // lines was cut mid-word: 改|造, 下一|步) and the subhead the left one's.
  // Lines after the last pair are the left column's, which runs on alone.
  const std::string text =
      "城东的老街改造已近尾声，沿街的商铺 施工队伍入场后，先对地下管网进行了 据介绍，老街改造采取政府引导、居民\n"
      "陆续开门迎客，不少市民专程赶来游览 全面更新，又对临街建筑的外立面逐一 参与的方式，广泛听取各方意见，确保\n"
      "拍照，街区一下子热闹起来。 修缮，沿街的老旧门窗也一并进行了改 改造方案切合实际、顺应民意。下一\n"
      "造。一位在老街住了几十年的居民说， 步，当地还将引入文化创意企业，让老\n"
      "街区焕新颜\n"
      "过去最怕下雨，如今出门再也不用发愁。 街在保留烟火气的同时焕发新的活力。\n"
      "改造前，这里的房屋年久失修，路面坑\n"
      "洼不平，雨天更是积水难行。\n";
  const std::vector<Line> lines = split_lines(text);
  EXPECT_EQ(joined(text, lines),
            "城东的老街改造已近尾声，沿街的商铺\n陆续开门迎客，不少市民专程赶来游览\n拍照，街区一下子热闹起来。\n"
            "街区焕新颜\n改造前，这里的房屋年久失修，路面坑\n洼不平，雨天更是积水难行。\n"
            "施工队伍入场后，先对地下管网进行了\n全面更新，又对临街建筑的外立面逐一\n修缮，沿街的老旧门窗也一并进行了改\n"
            "造。一位在老街住了几十年的居民说，\n过去最怕下雨，如今出门再也不用发愁。\n"
            "据介绍，老街改造采取政府引导、居民\n参与的方式，广泛听取各方意见，确保\n改造方案切合实际、顺应民意。下一\n"
            "步，当地还将引入文化创意企业，让老\n街在保留烟火气的同时焕发新的活力。\n");
}

TEST(PdfText, AMergedLineWhoseLeftPartIsShortStaysInTheRun) {
  // The left column's last line of a paragraph (short) beside a full line of
  // the right column: wider than a column, so not a lone line, yet its left
  // part is no column wide. It is cut at its gap and the run goes on.
  const std::string text =
      "社区食堂开张以来，老人吃饭方便了许多， 加装电梯的事情，街道和居民一起想办法，\n"
      "子女也放心。食堂每天供应十多种菜品， 已有四十多部电梯投入使用，住在高层的\n"
      "价格实惠。 老人出门不再发愁。街道还将对符合条件\n"
      "负责人说，下一步将开通送餐上门服务， 的项目给予补助，让更多居民用上电梯。\n"
      "让行动不便的老人在家就能吃上热饭，\n"
      "吃得放心又舒心。\n";
  const std::vector<Line> lines = split_lines(text);
  EXPECT_EQ(joined(text, lines),
            "社区食堂开张以来，老人吃饭方便了许多，\n子女也放心。食堂每天供应十多种菜品，\n价格实惠。\n"
            "负责人说，下一步将开通送餐上门服务，\n让行动不便的老人在家就能吃上热饭，\n吃得放心又舒心。\n"
            "加装电梯的事情，街道和居民一起想办法，\n已有四十多部电梯投入使用，住在高层的\n"
            "老人出门不再发愁。街道还将对符合条件\n的项目给予补助，让更多居民用上电梯。\n");
}

TEST(PdfText, TwoParagraphEndsOnOneLineAreReadApart) {
  // The columns' last lines both end their paragraphs short, level: one
  // line no wider than a column holds both. Each goes to its column.
  const std::string text =
      "社区食堂开张以来，老人吃饭方便了许多， 加装电梯的事情，街道和居民一起想办法，\n"
      "子女也放心。食堂每天供应十多种菜品， 已有四十多部电梯投入使用，住在高层的\n"
      "负责人说，下一步将开通送餐上门服务， 老人出门不再发愁。街道还将对符合条件\n"
      "方便行动不便的老人。 的项目给予补助。\n";
  const std::vector<Line> lines = split_lines(text);
  EXPECT_EQ(joined(text, lines),
            "社区食堂开张以来，老人吃饭方便了许多，\n子女也放心。食堂每天供应十多种菜品，\n"
            "负责人说，下一步将开通送餐上门服务，\n方便行动不便的老人。\n"
            "加装电梯的事情，街道和居民一起想办法，\n已有四十多部电梯投入使用，住在高层的\n"
            "老人出门不再发愁。街道还将对符合条件\n的项目给予补助。\n");
}

TEST(PdfText, TextAfterBalancedColumnsOpensAnItem) {
  // Two merged columns that end level (the bottom of a story set in
  // balanced columns), a blank line, then text of one column: poppler's
  // next block, another story (its headline printed elsewhere). Its first
  // line opens an item; after columns that do not end level it does not.
  auto lines_of = [](const std::string &last_row) {
    const std::string text =
        "社区食堂开张以来，老人吃饭方便了许多， 加装电梯的事情，街道和居民一起想办法，\n"
        "子女也放心。食堂每天供应十多种菜品， 已有四十多部电梯投入使用，住在高层的\n"
        "负责人说，下一步将开通送餐上门服务， 老人出门不再发愁。街道还将对符合条件\n" +
        last_row +
        "\n"
        "春耕时节，田间地头一派繁忙景象。\n";
    return std::make_pair(text, split_lines(text));
  };
  const auto [level, level_lines] = lines_of("让行动不便的老人在家就能吃上热饭。 的项目给予补助，让更多居民用上电梯。\n");
  const auto [ragged, ragged_lines] = lines_of("让行动不便的老人在家就能吃上热饭。\n");
  auto opens = [](const std::string &text, const std::vector<Line> &lines) {
    for (const Line &l : lines)
      if (!l.blank && text.compare(l.begin, l.end - l.begin, "春耕时节，田间地头一派繁忙景象。") == 0) return l.item_break;
    ADD_FAILURE() << "line not found";
    return false;
  };
  EXPECT_TRUE(opens(level, level_lines));
  EXPECT_FALSE(opens(ragged, ragged_lines));
}

TEST(PdfText, OneGapLineIsNotAMergedPage) {
  const std::string text =
      "五月上旬，全市春季植树活动在城北林场启动。参加 负责人介绍，今年计划新增造林面积三千亩左右\n"
      "城东有 3个先进集体、5名先进个人和 2名优秀志愿者受表彰。\n";
  const std::vector<Line> lines = split_lines(text);
  EXPECT_TRUE(std::none_of(lines.begin(), lines.end(), [](const Line &l) { return l.merged_columns; }));
}

TEST(PdfText, DatelinesPartedBySpacesAreNotMergedColumns) {
  // Formulaic datelines are all one width; a merged column's left run is as
  // wide as the page's lines.
  const std::string text =
      "本报合肥5月12日电 （记者韩立新）近日，家住城\n"
      "东的一位老人通过视频连线办完了养老金认证手\n"
      "续，免去了往返奔波之苦，她对此连连称赞不已。\n"
      "本报长沙5月12日电 （记者彭晓东）往年辛辛苦\n"
      "苦种的西瓜总是卖不上价，如今有了线上订单渠\n"
      "道，心里踏实多了，瓜农们纷纷这样表示说道。\n"
      "本报南京5月12日电 （记者邱文华）社区里的充\n"
      "电桩昨天正式投入使用，居民再也不用排长队等\n";
  std::vector<Line> lines = split_lines(text);
  EXPECT_TRUE(std::none_of(lines.begin(), lines.end(), [](const Line &l) { return l.merged_columns; }));
}

TEST(PdfText, ItemsWithMergedColumnsAreFlagged) {
  const std::string text =
      "春季植树活动全面启动\n"
      "本报记者 郑立群\n"
      "五月上旬，全市春季植树活动在城北林场启动。参加 负责人介绍，今年计划新增造林面积三千亩左右\n"
      "活动的干部群众一起挖坑栽苗、扶正培土，现场 同时完成一批道路和河道两侧的绿化提升工程\n"
      "气氛热烈。大家表示，要爱绿护绿，共建美丽家园。 明年还将继续推进乡村绿化美化工作不断深入\n";
  const Page page = parser().parse(text, CallOptions{});
  ASSERT_FALSE(page.articles.empty());
  bool flagged = false;
  for (const Article &a : page.articles) flagged = flagged || (a.flags & BM_FLAG_COLUMNS_INTERLEAVED);
  EXPECT_TRUE(flagged);
  // Clean text never is.
  const Page clean = parser().parse(k_unindented, CallOptions{});
  for (const Article &a : clean.articles) EXPECT_FALSE(a.flags & BM_FLAG_COLUMNS_INTERLEAVED);
}

TEST(PdfText, ACreditOnTheCaptionsLastLineIsItsOwnPiece) {
  // Side-by-side photos: the extractor puts the credit on the caption's
  // last line. The caption keeps its text; the credit names photographers,
  // with the one-character role glued to the last name (李小红摄).
  const std::string text =
      "春日赏花 游人如织\n"
      "昨天，市民在城南湿地公园的花海中拍照留念。公园今年新栽的樱花已全部开放，共\n"
      "120株。 张  伟  李小红摄\n";
  const Page page = parser().parse(text, CallOptions{});
  const Article *a = article_with(page, "120株。");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->paragraphs.back().substr(a->paragraphs.back().size() - 9), "120株。");
  ASSERT_EQ(a->bylines.size(), 2u);
  EXPECT_EQ(a->bylines[1].name, "李小红");
  EXPECT_EQ(a->bylines[1].role, BylineRole::Photographer);
}

TEST(PdfText, AWireCreditWithTheRoleGluedToTheName) {
  const Page page = parser().parse("冬日冰雪\n游客在雪地里游玩。\n新华社记者 张建华摄\n", CallOptions{});
  const Article *a = article_with(page, "游客");
  ASSERT_NE(a, nullptr);
  ASSERT_EQ(a->bylines.size(), 1u);
  EXPECT_EQ(a->bylines[0].name, "张建华");
  EXPECT_EQ(a->bylines[0].role, BylineRole::Photographer);
}

TEST(PdfText, ThePagesEditorCreditIsNotAStorysByline) {
  const Page page = parser().parse(k_unindented + std::string("本版责编：邱  雯  版式设计：汤  宁\n"), CallOptions{});
  for (const Article &a : page.articles)
    for (const auto &b : a.bylines) EXPECT_NE(b.role, BylineRole::Editor) << b.name;
}

namespace {
// Text of n random Han characters (a few punctuation marks among them).
// (han_only: as a column line of one width, where punctuation would make
// the widths differ).
std::string random_run(std::mt19937 &rng, size_t n, bool han_only = false) {
  static const char *const chars[] = {"一", "二", "春", "秋", "市", "民", "年", "，", "。", "“", "”", "、", "1", "A"};
  const size_t choices = han_only ? 7 : sizeof chars / sizeof *chars;
  std::string s;
  for (size_t i = 0; i < n; ++i) s += chars[rng() % choices];
  return s;
}
}  // namespace

TEST(PdfText, RandomMergedColumnPagesKeepTheirInvariants) {
  // Pages of merged-column lines with random column widths, gaps, lone lines,
  // blank lines and lines of closing punctuation: whatever the order the
  // columns are read back in, every line's text stays in the pieces, spans
  // stay inside the text, and article spans are ordered except between
  // interleaved items.
  std::mt19937 rng(20261201);
  size_t unmerged_pages = 0;
  for (int page = 0; page < 300; ++page) {
    std::string text;
    const size_t width = page % 4 == 0 ? 4 + rng() % 8 : 10 + rng() % 14, lines = 3 + rng() % 40;
    for (size_t i = 0; i < lines; ++i) {
      const unsigned kind = rng() % 10;
      if (kind == 0) {
        text += "\n";
      } else if (kind == 1) {
        text += "，\n";
      } else if (kind <= 3) {
        text += random_run(rng, 1 + rng() % (width + 2)) + "\n";
      } else {
        const size_t parts = 2 + rng() % 3;
        for (size_t k = 0; k < parts; ++k) {
          if (k) text += std::string(1 + rng() % 3, ' ');
          if (k + 1 < parts)
            text += random_run(rng, width - (rng() % 4 == 0 ? rng() % 4 : 0), /*han_only=*/rng() % 4 != 0);
          else
            text += random_run(rng, 1 + rng() % (width + 1));
        }
        text += "\n";
      }
    }
    SCOPED_TRACE(text);
    const std::vector<Line> ls = split_lines(text);
    unmerged_pages += std::any_of(ls.begin(), ls.end(), [](const Line &l) { return l.merged_columns; });
    size_t covered = 0, nonblank = 0;
    for (const Line &l : ls) {
      ASSERT_LE(l.begin, l.end);
      ASSERT_LE(l.end, text.size());
      if (!l.blank) covered += l.end - l.begin;
    }
    for (size_t i = 0; i < text.size(); ++i) nonblank += text[i] != ' ' && text[i] != '\n';
    EXPECT_GE(covered, nonblank);  // no line's text is lost (spaces between parts aside)
    const Page p = parser().parse(text, CallOptions{});
    size_t prev_begin = 0, prev_end = 0;
    bool prev_interleaved = false, prev_box_inside = false;
    for (const Article &a : p.articles) {
      EXPECT_LE(a.span_begin, a.span_end);
      EXPECT_LE(a.span_end, text.size());
      const bool interleaved = a.flags & BM_FLAG_COLUMNS_INTERLEAVED;
      // a box printed inside the story before it lies within its span
      const bool inside = prev_box_inside && a.span_begin >= prev_begin && a.span_end <= prev_end;
      if (!(interleaved && prev_interleaved) && !inside) EXPECT_GE(a.span_begin, prev_end);
      if (!inside) {
        prev_begin = a.span_begin;
        prev_end = a.span_end;
        prev_interleaved = interleaved;
        prev_box_inside = a.flags & BM_FLAG_BOX_INSIDE;
      }
      if (!a.spans) continue;
      for (const Span &s : a.spans->paragraphs) {
        EXPECT_LE(s.begin, s.end);
        EXPECT_LE(s.end, text.size());
      }
    }
  }
  EXPECT_GT(unmerged_pages, 100u);  // the pages do exercise the column reading
}

TEST(PdfText, FurnitureLinesAreMastheadWordsEditionsDatesAndPageNumbers) {
  const Lexicon &lex = parser().lexicon();
  EXPECT_TRUE(is_furniture_line("人民日报 2025年7月17日", lex));
  EXPECT_TRUE(is_furniture_line("第10版", lex));
  EXPECT_TRUE(is_furniture_line("4　人民日报 2026年1月3日 星期六", lex));
  EXPECT_TRUE(is_furniture_line("6 社会 江南晨报 2026年5月3日 星期日", lex));  // the section's name too
  EXPECT_TRUE(is_furniture_line("04 民生 华东晨报 2026年5月20日 星期三", lex));
  EXPECT_FALSE(is_furniture_line("6 社会", lex));                           // without the paper's
  EXPECT_FALSE(is_furniture_line("江南晨报 社会调查", lex));                // a section name is a whole word
  EXPECT_FALSE(is_furniture_line("2025年7月17日", lex));  // a date alone (a notice's) names no paper
  EXPECT_FALSE(is_furniture_line("BIOZTGEN", lex));        // capitals alone: a brand as likely
  EXPECT_FALSE(is_furniture_line("安徽日报记者 范克龙", lex));  // a byline
  EXPECT_FALSE(is_furniture_line("人民日报评论员文章引发热议", lex));
}

TEST(PdfText, PageFurnitureInTheMiddleOfAStoryGoesToTheMasthead) {
  // poppler reads the header's parts where their boxes fall: here between
  // the story's byline and its body.
  const std::string text =
      "各地传真\n\n"
      "村里的路灯亮了\n"
      "本报记者 周 明\n\n"
      "第10版\n"
      "人民日报 2025年7月17日\n\n"
      "入夜，村道两旁的太阳能路灯次第亮起，散步的村民多了起来。去\n"
      "年以来，镇里为偏远村组安装路灯三百余盏，群众夜间出行更安心。\n"
      "“以前晚上不敢出门，现在吃完饭就出来走走。”村民老李说。\n";
  const Page page = parser().parse(text, CallOptions{});
  const Article *story = nullptr;
  for (const Article &a : page.articles)
    if (a.kind == Kind::News) story = story ? story : &a;
  ASSERT_NE(story, nullptr);
  ASSERT_FALSE(story->headline.empty());
  EXPECT_EQ(story->headline.back(), "村里的路灯亮了");
  ASSERT_EQ(story->bylines.size(), 1u);
  EXPECT_EQ(story->bylines[0].name, "周明");
  ASSERT_FALSE(story->paragraphs.empty());
  EXPECT_EQ(story->paragraphs[0].rfind("入夜", 0), 0u);
  bool edition = page.edition && *page.edition == "第10版";
  for (const std::string &m : page.masthead) edition = edition || m == "第10版";
  EXPECT_TRUE(edition);
}

TEST(PdfText, TheHeadersOwnBlocksStayWhereTheyAre) {
  // A letter-spaced section name over the page number and the paper's line,
  // and a footer at the end: the page's own header and footer, not moved.
  const Lexicon &lex = parser().lexicon();
  auto moved = [&](const std::string &text) {
    TextStore edits;
    std::vector<Piece> pieces = split_pieces(text, split_lines(text), lex, edits);
    return lift_page_furniture(pieces, lex);
  };
  EXPECT_EQ(moved("评 论\n\n5\n\n人民日报 2025年4月10日 星期四\n\n让乡村课堂亮起来\n沈伊\n\n"
                  "每一间教室都是窗口，每一堂课都是桥梁。\n"),
            0u);
  EXPECT_EQ(moved("村里的路灯亮了\n本报记者 周 明\n\n入夜，村道两旁的太阳能路灯次第亮起。\n\n人民日报·要闻 第04版\n"), 0u);
  EXPECT_EQ(moved("各地传真\n\n村里的路灯亮了\n本报记者 周 明\n\n第10版\n人民日报 2025年7月17日\n\n"
                  "入夜，村道两旁的太阳能路灯次第亮起。\n"),
            2u);
  // The paper's name over its date line: one line of the block names the page.
  EXPECT_EQ(moved("村里的路灯亮了\n本报记者 周 明\n\n入夜，村道两旁的太阳能路灯次第亮起。\n\n"
                  "人民日报\n2025年3月20日 星期四\n\n散步的村民多了起来。\n"),
            2u);
  // A date line alone names nothing (a notice's date).
  EXPECT_EQ(moved("村里的路灯亮了\n本报记者 周 明\n\n入夜，村道两旁的太阳能路灯次第亮起。\n\n"
                  "2025年3月20日 星期四\n\n散步的村民多了起来。\n"),
            0u);
}
