// Page metadata (extract/metadata): the parts of every dateline form of the
// default lexicon, and paper / issue date / page number / section from the
// lines a page prints at its top.
#include <gtest/gtest.h>

#include <string>

#include "core/common/calendar.h"
#include "core/extract/dates.h"
#include "core/extract/metadata.h"
#include "core/lexicon/lexicon.h"
#include "core/pipeline/parser.h"

using namespace bm::detail;

namespace {

Lexicon default_lexicon() {
  Lexicon l;
  l.load(k_default_lexicon, "default.lex");
  l.finish();
  return l;
}

const Lexicon &lexicon() {
  static const Lexicon lex = default_lexicon();
  return lex;
}

const DateWords &words() {
  static const DateWords w = DateWords::from(lexicon());
  return w;
}

std::string iso(const std::optional<Ymd> &d) { return d ? format_iso_date(*d) : ""; }

}  // namespace

TEST(DatelineInfo, LexiconForms) {
  const auto issue = parse_iso_date("2025-01-08");
  struct Row {
    const char *dateline, *source, *place;
    int month, day;
    const char *date;
  } rows[] = {
      {"本报讯", "本报", nullptr, 0, 0, nullptr},
      {"本报北京1月7日电", "本报", "北京", 1, 7, "2025-01-07"},
      {"新华社北京12月31日电", "新华社", "北京", 12, 31, "2024-12-31"},
      {"新华社7日电", "新华社", nullptr, 0, 7, "2025-01-07"},
      {"据新华社北京1月6日电", "新华社", "北京", 1, 6, "2025-01-06"},
      {"据新华社", "新华社", nullptr, 0, 0, nullptr},
      {"中新网消息", "中新网", nullptr, 0, 0, nullptr},
      {"中央社台北電", "中央社", "台北", 0, 0, nullptr},
      {"重慶廿日海通電", "海通", "重慶", 0, 20, "2024-12-20"},
      {"漢口廿四日路透電", "路透", "漢口", 0, 24, "2024-12-24"},
      {"洛陽五日電", nullptr, "洛陽", 0, 5, "2025-01-05"},
  };
  for (const Row &r : rows) {
    const DatelineInfo d = read_dateline(r.dateline, lexicon(), words(), issue);
    EXPECT_EQ(d.source.value_or(""), r.source ? r.source : "") << r.dateline;
    EXPECT_EQ(d.place.value_or(""), r.place ? r.place : "") << r.dateline;
    EXPECT_EQ(d.month, r.month) << r.dateline;
    EXPECT_EQ(d.day, r.day) << r.dateline;
    EXPECT_EQ(d.date ? format_iso_date(*d.date) : "", r.date ? r.date : "") << r.dateline;
  }
}

TEST(PageMetadata, ModernHeader) {
  const Parser parser(default_lexicon(), 1 << 20);
  const std::string text =
      "人民日报\n\n2025年1月8日 星期三\n\n第4版 要闻\n\n"
      "本报北京1月7日电 昨天，记者从市交通部门获悉，12月31日至1月2日全国旅客发送量创新高。\n";
  const Page page = parser.parse(text, CallOptions{});
  EXPECT_EQ(page.paper.value_or(""), "人民日报");
  EXPECT_EQ(iso(page.issue_date), "2025-01-08");
  EXPECT_EQ(page.page_number.value_or(""), "4");
  EXPECT_EQ(page.section.value_or(""), "要闻");
  bool dateline = false;
  for (const Article &a : page.articles) {
    if (!a.dateline_info) continue;
    dateline = true;
    EXPECT_EQ(iso(a.dateline_info->date), "2025-01-07");
    // The body's expressions, in order (the parser may read the page's top
    // lines into the same item: only what follows 昨天 is checked).
    size_t k = 0;
    while (k < a.dates.size() && a.dates[k].text != "昨天") ++k;
    ASSERT_LE(k + 3, a.dates.size());
    EXPECT_EQ(iso(a.dates[k].date), "2025-01-07");
    ASSERT_TRUE(a.dates[k].has_span);
    EXPECT_EQ(page.text.utf8.substr(a.dates[k].span_begin, a.dates[k].span_end - a.dates[k].span_begin), "昨天");
    EXPECT_EQ(a.dates[k + 1].text, "12月31日");
    EXPECT_EQ(iso(a.dates[k + 1].date), "2024-12-31");
    EXPECT_EQ(a.dates[k + 2].text, "1月2日");
    EXPECT_EQ(iso(a.dates[k + 2].date), "2025-01-02");
  }
  EXPECT_TRUE(dateline);
}

TEST(PageMetadata, HistoricHeaderAndFallbackIssueDate) {
  const Parser parser(default_lexicon(), 1 << 20);
  const std::string historic = "第二版　民國九年四月三日\n\n晶報\n\n庚申年二月十五日　星期六\n\n偶感\n\n昨日之事、今日言之。\n";
  const Page a = parser.parse(historic, CallOptions{});
  EXPECT_EQ(a.paper.value_or(""), "晶報");
  EXPECT_EQ(iso(a.issue_date), "1920-04-03");
  EXPECT_EQ(a.page_number.value_or(""), "二");
  CallOptions given;
  given.issue_date = parse_iso_date("2025-01-08");
  const Page b = parser.parse("本报讯 昨天下午举行了会议。\n", given);  // prints no date: the option's
  EXPECT_EQ(iso(b.issue_date), "2025-01-08");
  const Page c = parser.parse(historic, given);  // prints one: the page's own
  EXPECT_EQ(iso(c.issue_date), "1920-04-03");
}
