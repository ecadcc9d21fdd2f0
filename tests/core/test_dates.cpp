// Day expressions (extract/dates): one table of expressions, each with an
// issue date (or none) and the days it must give, in order. Covers absolute,
// Chinese-numeral, era, lunar, relative, week, month and year words, ranges,
// vague words, month and year boundaries and February 29.
#include <gtest/gtest.h>

#include <string>

#include "core/common/calendar.h"
#include "core/extract/dates.h"
#include "common/core_fixtures.h"
#include "core/lexicon/lexicon.h"

using namespace bm::detail;

namespace {

// The built-in lexicon, the one of the parser the core tests share.
const Lexicon &lexicon() { return bm_test::default_parser().lexicon(); }

const DateWords &words() {
  static const DateWords w = DateWords::from(lexicon());
  return w;
}

// "text=YYYY-MM-DD|text=null|..." for every expression found.
std::string found(const char *issue, const std::string &text) {
  std::optional<Ymd> at;
  if (issue) at = parse_iso_date(issue);
  std::string out;
  for (const DayMention &m : find_dates(text, words(), at)) {
    if (!out.empty()) out += "|";
    out += text.substr(m.begin, m.end - m.begin) + "=" + (m.date ? format_iso_date(*m.date) : "null");
  }
  return out;
}

struct Case {
  const char *issue;  // nullptr = no issue date
  const char *text;
  const char *expected;
};

// 2025-01-08 is a Wednesday; 2024 is a leap year, 2023 and 2025 are not.
const Case k_cases[] = {
    // Absolute, Arabic digits
    {"2025-01-08", "2024年12月31日", "2024年12月31日=2024-12-31"},
    {"2025-01-08", "1月7日", "1月7日=2025-01-07"},
    {"2025-01-08", "12月31日", "12月31日=2024-12-31"},  // year boundary: last year's
    {"2024-12-20", "1月3日", "1月3日=2025-01-03"},      // year boundary: next year's
    {"2025-01-08", "7日", "7日=2025-01-07"},
    {"2025-01-08", "30日", "30日=2024-12-30"},          // month boundary: last month's
    {"2025-01-28", "2日", "2日=2025-02-02"},            // month boundary: next month's
    {"2025-01-08", "1月7号", "1月7号=2025-01-07"},
    {"2025-01-08", "1月7日起", "1月7日=2025-01-07"},
    {"2025-01-08", "７日", "７日=2025-01-07"},
    {"2025-01-08", "4月31日", "4月31日=null"},
    {nullptr, "1月7日", "1月7日=null"},
    {nullptr, "2024年12月31日", "2024年12月31日=2024-12-31"},
    // Chinese numerals, 廿 and 卅, eras
    {"2025-01-08", "十五日", "十五日=2025-01-15"},
    {nullptr, "二〇二四年十二月三十一日", "二〇二四年十二月三十一日=2024-12-31"},
    {nullptr, "民國九年四月三日", "民國九年四月三日=1920-04-03"},
    {nullptr, "中華民國二十八年四月廿二日", "中華民國二十八年四月廿二日=1939-04-22"},
    {nullptr, "中華民國貳拾捌年四月廿一日", "中華民國貳拾捌年四月廿一日=1939-04-21"},
    {"1939-04-22", "廿日", "廿日=1939-04-20"},
    {"1939-04-22", "卅日", "卅日=1939-04-30"},
    {"1939-04-22", "四月廿九日", "四月廿九日=1939-04-29"},
    {"1939-04-22", "二十一日", "二十一日=1939-04-21"},
    {"2025-01-08", "二月三十日", "二月三十日=null"},
    // Lunar (ICU's Chinese calendar)
    {"2025-01-08", "正月初八", "正月初八=2025-02-05"},
    {"2024-02-01", "正月十五", "正月十五=2024-02-24"},
    {"2025-02-20", "腊月廿三", "腊月廿三=2025-01-22"},  // last lunar year, this Gregorian year
    {"2025-01-08", "农历二月初二", "农历二月初二=2025-03-01"},
    {"1920-04-03", "庚申年二月十五日", "庚申年二月十五日=1920-04-03"},
    {nullptr, "正月初八", "正月初八=null"},
    // Relative days
    {"2025-01-08", "今天", "今天=2025-01-08"},
    {"2025-01-08", "昨天", "昨天=2025-01-07"},
    {"2025-01-08", "前天", "前天=2025-01-06"},
    {"2025-01-08", "明天", "明天=2025-01-09"},
    {"2025-01-08", "后天", "后天=2025-01-10"},
    {"2025-01-08", "昨日上午", "昨日=2025-01-07"},
    {"2025-01-01", "昨天", "昨天=2024-12-31"},          // year boundary
    {"2024-12-31", "明天", "明天=2025-01-01"},
    {"2025-03-01", "昨天", "昨天=2025-02-28"},
    {nullptr, "昨天", "昨天=null"},
    // Weeks
    {"2025-01-08", "上周五", "上周五=2025-01-03"},
    {"2025-01-08", "上周日", "上周日=2025-01-05"},
    {"2025-01-08", "下周一", "下周一=2025-01-13"},
    {"2025-01-08", "本周日", "本周日=2025-01-12"},
    {"2025-01-08", "周三", "周三=2025-01-08"},
    {"2025-01-08", "星期天", "星期天=2025-01-12"},
    {"2025-01-02", "上星期一", "上星期一=2024-12-23"},  // year boundary
    // Month and year words
    {"2025-01-08", "本月3日", "本月3日=2025-01-03"},
    {"2025-01-08", "上月20日", "上月20日=2024-12-20"},
    {"2025-01-08", "下月1日", "下月1日=2025-02-01"},
    {"2025-01-08", "今年3月1日", "今年3月1日=2025-03-01"},
    {"2025-01-08", "去年12月31日", "去年12月31日=2024-12-31"},
    {"2025-01-08", "今年上半年", ""},
    // Ranges: both days
    {"2025-01-08", "1月7日至9日", "1月7日=2025-01-07|9日=2025-01-09"},
    {"2025-01-08", "1月7至9日", "1月7=2025-01-07|9日=2025-01-09"},
    {"2025-01-08", "1月7日-9日", "1月7日=2025-01-07|9日=2025-01-09"},
    {"2025-01-08", "12月30日至1月2日", "12月30日=2024-12-30|1月2日=2025-01-02"},
    {"2024-12-20", "12月31日到1月1日", "12月31日=2024-12-31|1月1日=2025-01-01"},
    {"2025-01-08", "1月7日和9日", "1月7日=2025-01-07|9日=2025-01-09"},
    // February 29
    {"2025-01-08", "2月29日", "2月29日=2024-02-29"},
    {nullptr, "2024年2月29日", "2024年2月29日=2024-02-29"},
    {nullptr, "2023年2月29日", "2023年2月29日=null"},
    {"2025-01-08", "明年2月29日", "明年2月29日=null"},
    {"2024-03-01", "昨天", "昨天=2024-02-29"},
    {"2024-03-01", "前天", "前天=2024-02-28"},
    {"2023-03-01", "昨天", "昨天=2023-02-28"},
    {"2024-02-28", "明天", "明天=2024-02-29"},
    {"2024-03-01", "29日", "29日=2024-02-29"},
    {"2024-03-05", "本月29日", "本月29日=2024-03-29"},
    {"2025-03-05", "上月29日", "上月29日=null"},
    // Not one day
    {"2025-01-08", "日前", ""},
    {"2025-01-08", "近日", ""},
    {"2025-01-08", "近期", ""},
    {"2025-01-08", "连日来", ""},
    {"2025-01-08", "7号楼", ""},
    {"2025-01-08", "3日内", ""},
    {"2025-01-08", "一日三餐", ""},
    {"1939-04-22", "三日刊", ""},
    {"2025-01-08", "24年", ""},
    {"2025-01-08", "2024年", ""},
    {"2025-01-08", "2024年12月", ""},
    {"2025-01-08", "第3日", ""},
    {"2025-01-08", "123日", ""},
    // In a sentence
    {"2025-01-08", "昨天，记者从市文化馆获悉，1月7日至9日将举行活动。",
     "昨天=2025-01-07|1月7日=2025-01-07|9日=2025-01-09"},
    {"2025-01-08", "日前，该项目于2019年9月27日破土动工。", "2019年9月27日=2019-09-27"},
};

}  // namespace

TEST(DayExpressions, Table) {
  size_t n = 0;
  for (const Case &c : k_cases) {
    EXPECT_EQ(found(c.issue, c.text), c.expected) << "issue " << (c.issue ? c.issue : "none") << ": " << c.text;
    ++n;
  }
  EXPECT_GE(n, 60u);
}

TEST(DayExpressions, TheStartIndexSkipsNothingADateCanOpenWith) {
  // The scanner passes over characters no date opens with (DateWords::starts
  // and its bit per code point, DateWords::opens);
  // without the index every position is tried: the same dates either way.
  DateWords unindexed = words();
  unindexed.starts.clear();
  unindexed.opens.clear();
  ASSERT_FALSE(words().starts.empty());
  ASSERT_FALSE(words().opens.empty());
  for (const Case &c : k_cases) {
    const auto issue = c.issue ? parse_iso_date(c.issue) : std::nullopt;
    const auto a = find_dates(c.text, words(), issue), b = find_dates(c.text, unindexed, issue);
    ASSERT_EQ(a.size(), b.size()) << c.text;
    for (size_t i = 0; i < a.size(); ++i) {
      EXPECT_EQ(a[i].begin, b[i].begin) << c.text;
      EXPECT_EQ(a[i].end, b[i].end) << c.text;
      EXPECT_EQ(a[i].date.has_value(), b[i].date.has_value()) << c.text;
    }
  }
}

TEST(DayExpressions, SpansAreByteOffsets) {
  const std::string t = "据悉，昨天下午";
  const auto m = find_dates(t, words(), parse_iso_date("2025-01-08"));
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(t.substr(m[0].begin, m[0].end - m[0].begin), "昨天");
  EXPECT_EQ(m[0].begin, 9u);
}

TEST(DayExpressions, DatelinePlacementIsNotAfterTheIssue) {
  const auto issue = parse_iso_date("2025-01-08");
  EXPECT_EQ(format_iso_date(*place_date(0, 12, 31, issue, DatePlacement::NotAfter)), "2024-12-31");
  EXPECT_EQ(format_iso_date(*place_date(0, 0, 7, issue, DatePlacement::NotAfter)), "2025-01-07");
  EXPECT_EQ(format_iso_date(*place_date(0, 0, 9, issue, DatePlacement::NotAfter)), "2024-12-09");
  EXPECT_EQ(format_iso_date(*place_date(0, 1, 9, issue, DatePlacement::NotAfter)), "2024-01-09");
  EXPECT_FALSE(place_date(0, 1, 7, std::nullopt, DatePlacement::NotAfter));
}

TEST(Calendar, IsoDatesAndNumerals) {
  EXPECT_TRUE(parse_iso_date("2024-02-29"));
  EXPECT_FALSE(parse_iso_date("2025-02-29"));
  EXPECT_FALSE(parse_iso_date("2025-13-40"));
  EXPECT_FALSE(parse_iso_date("2025-1-8"));
  EXPECT_EQ(iso_weekday(*parse_iso_date("2025-01-08")), 3);
  EXPECT_EQ(parse_number(U"廿八"), 28);
  EXPECT_EQ(parse_number(U"卅一"), 31);
  EXPECT_EQ(parse_number(U"二十八"), 28);
  EXPECT_EQ(parse_number(U"十"), 10);
  EXPECT_EQ(parse_number(U"二〇二五"), 2025);
  EXPECT_EQ(parse_number(U"贰拾捌"), 28);
  EXPECT_EQ(parse_number(U"二廿"), -1);
  EXPECT_EQ(format_iso_date(*lunar_to_gregorian(2025, 1, 1)), "2025-01-29");
  EXPECT_EQ(sexagenary_of_year(1984), 1);
  EXPECT_EQ(sexagenary_of_year(1920), 57);  // 庚申
}
