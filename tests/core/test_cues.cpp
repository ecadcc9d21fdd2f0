// The lexicon cues of classify/cues.h on invented lines: cue sections asked
// by their enum, the weather and ad evidence, masthead and edition lines, and
// a masthead test told the whole line's edition answer giving what it finds
// by itself.
#include <gtest/gtest.h>

#include <string>

#include "core/classify/cues.h"
#include "common/core_fixtures.h"
#include "core/lexicon/lexicon.h"

using namespace bm::detail;

namespace {

// The built-in lexicon, the one of the parser the core tests share.
const Lexicon &lexicon() { return bm_test::default_parser().lexicon(); }

}  // namespace

TEST(Cues, SectionsAskedByTheirEnum) {
  EXPECT_TRUE(has_cue("扫一扫 看更多", lexicon(), Cue::other));
  EXPECT_FALSE(has_cue("市政府召开常务会议", lexicon(), Cue::other));
  EXPECT_TRUE(has_cue("明天白天晴，气温12到20℃", lexicon(), Cue::weather_strong));
  EXPECT_GE(count_cues("明天白天晴转多云，东南风3级，气温12到20℃", lexicon(), Cue::weather), 3);
}

TEST(Cues, WeatherBoxAndAdEvidence) {
  EXPECT_TRUE(weather_box("明天白天晴转多云，东南风3级，气温12到20℃", lexicon()));
  EXPECT_FALSE(weather_box("气温", lexicon()));
  EXPECT_GE(ad_evidence("咨询电话：0573-85551234", lexicon()), 1);  // the phone number at least
  EXPECT_EQ(ad_evidence("会议强调，要抓好落实。", lexicon()), 0);
}

TEST(Cues, EditionAndMastheadLines) {
  for (const char *line : {"A3版", "第4版", "B12", "要闻版"}) EXPECT_TRUE(is_edition_line(line, lexicon())) << line;
  for (const char *line : {"会议强调", "第4版要闻 会议", ""}) EXPECT_FALSE(is_edition_line(line, lexicon())) << line;
  for (const char *line : {"CITY DAILY", "某某日报 客户端", "A3版", "要闻 B2"})
    EXPECT_TRUE(is_masthead_line(line, lexicon())) << line;
  for (const char *line : {"市政府召开常务会议", "某某日报记者 王一", ""})
    EXPECT_FALSE(is_masthead_line(line, lexicon())) << line;
}

TEST(Cues, MastheadTestToldTheEditionAnswerFindsTheSame) {
  for (const char *line : {"A3版", "B12", "CITY DAILY", "某某日报 客户端", "要闻 B2", "市政府召开常务会议", "  A3版 ", ""}) {
    const bool edition = is_edition_line(line, lexicon());
    EXPECT_EQ(is_masthead_line(line, lexicon(), edition), is_masthead_line(line, lexicon())) << line;
  }
  // The answer is used for a line of one word only: a wrong answer changes
  // that line, not a line of several words.
  EXPECT_FALSE(is_masthead_line("B12", lexicon(), false));
  EXPECT_TRUE(is_masthead_line("要闻 B2", lexicon(), false));
}

// A folio line: the paper's name beside the date and weekday. A date
// or weekday alone is no masthead.
TEST(Cues, FolioLineWithDateAndWeekday) {
  for (const char *line : {"江南晨报 2026年4月16日 星期四", "人民日报 2026年1月5日 星期一", "华东晨报 二〇二六年三月十二日 周四"})
    EXPECT_TRUE(is_masthead_line(line, lexicon())) << line;
  for (const char *line : {"2026年4月16日 星期四", "江南晨报 2026年4月 星期四", "江南晨报 4月16日上午", "江南晨报 一项调查"})
    EXPECT_FALSE(is_masthead_line(line, lexicon())) << line;
}

TEST(Cues, CaptionOpensWithTheDay) {
  for (const char *line : {"4月3日，游客在湖畔公园赏花。", "2025年12月31日，居民们在参加迎新长跑比赛。", "１２月１日,工人在施工。"})
    EXPECT_TRUE(opens_with_day(line)) << line;
  for (const char *line : {"4月3日上午，记者来到公园。", "连日来，各地农户抢抓农时。", "13月3日，", "4月32日，", "4月3日", "在4月3日，",
                           "2025年，全市新开线路十二条。"})
    EXPECT_FALSE(opens_with_day(line)) << line;
}

TEST(Cues, SponsorsSignatureOfAPublicServiceAd) {
  for (const char *line : {"市城市管理局 宣", "县文明办 宣制", "区卫生健康局  监制"})
    EXPECT_TRUE(is_sponsor_line(line, lexicon())) << line;
  for (const char *line : {"宣", "市城市管理局宣", "市城市管理局 宣布", "局 宣", "他在会上 宣读"})
    EXPECT_FALSE(is_sponsor_line(line, lexicon())) << line;
}

TEST(Cues, ALabelThatOpensAStorysSidebar) {
  for (const char *line : {"相关链接", "■延伸阅读", "【背景资料】", " 知识链接 ", "延伸閱讀"})
    EXPECT_TRUE(is_sidebar_label(line, lexicon())) << line;
  // The word inside a longer line is a title or text, not the label.
  for (const char *line : {"相关链接在文末", "延伸阅读：城市更新", "链接世界的桥梁", "背景", ""})
    EXPECT_FALSE(is_sidebar_label(line, lexicon())) << line;
}

TEST(Cues, ACaptionPrintedInsideAStory) {
  for (const char *line : {"图为孩子们在社区书屋读绘本。", "上图：新建成的社区食堂。", " 下图为施工现场。"})
    EXPECT_TRUE(opens_story_caption(line, lexicon())) << line;
  for (const char *line : {"7月2日，孩子们在社区书屋读绘本。", "图书馆新馆开放", ""})
    EXPECT_FALSE(opens_story_caption(line, lexicon())) << line;
}

TEST(Cues, HeadlineLineCutByItsColumn) {
  EXPECT_TRUE(finishes_cut_headline("市场监管部门查处假冒“示例”注册商标", "案"));
  EXPECT_TRUE(finishes_cut_headline("城南老旧小区加装电梯惠及三百余", "户家"));
  EXPECT_FALSE(finishes_cut_headline("城南老旧小区加装电梯惠及三百余", "户家庭"));  // three: a title of its own
  EXPECT_FALSE(finishes_cut_headline("青年夜校走进社区", "户"));                    // the line above is short
  EXPECT_FALSE(finishes_cut_headline("新学期新气象新作为新征程！", "启航"));       // it ended with a mark
  EXPECT_FALSE(finishes_cut_headline("城南老旧小区加装电梯惠及三百余", "2"));     // not Han
  // a quantity and its unit the width cut off
  EXPECT_TRUE(finishes_cut_headline("全省新能源汽车保有量首次突破", "300万辆"));
  EXPECT_TRUE(finishes_cut_headline("一季度全市外贸进出口同比增长", "12.5%"));
  EXPECT_FALSE(finishes_cut_headline("全省新能源汽车保有量首次突破", "300"));       // no unit: cut from it
  EXPECT_FALSE(finishes_cut_headline("全省新能源汽车保有量首次突破", "300万辆新车"));  // seven: a title of its own
  EXPECT_FALSE(finishes_cut_headline("全省新能源汽车保有量首次突破", "万辆300"));    // Han first: not a quantity
}
