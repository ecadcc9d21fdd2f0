// Day expressions: finds the words of a text that name one day (2024年12月31日,
// 1月7日, 7日, 廿日, 正月初八, 今天, 上周五, 本月3日, 今年3月1日, both ends of
// 1月7日至9日) and resolves them against the issue date. Every word it knows
// (relative days, weekdays, week / month / year words, range words, vague
// words, eras, lunar months) comes from the lexicon's [date.*] sections
// (docs/lexicon.md); only the shapes of numbers and the calendars are code.
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/common/calendar.h"

namespace bm::detail {

class Lexicon;

// A word with the number the lexicon gives it ("昨天 -1", "周五 5", "民國 1911").
struct ValuedWord {
  std::u32string word;
  int value = 0;
};

// The [date.*] sections of a lexicon, read once per parser.
struct DateWords {
  std::vector<ValuedWord> relative;     // [date.relative] day offset from the issue date
  std::vector<ValuedWord> weekday;      // [date.weekday] 1 = Monday .. 7 = Sunday
  std::vector<ValuedWord> week;         // [date.week] week offset (上 -1, 本 0, 下 1)
  std::vector<ValuedWord> month;        // [date.month] month offset (本月 0, 上月 -1)
  std::vector<ValuedWord> year;         // [date.year] year offset (今年 0, 去年 -1)
  std::vector<ValuedWord> era;          // [date.era] added to the year (民國 1911)
  std::vector<ValuedWord> lunar_month;  // [date.lunar_month] (正月 1, 腊月 12)
  std::vector<std::u32string> lunar_marker;  // [date.lunar] 农历, 農曆
  std::vector<std::u32string> range;         // [date.range] 至, 到, -
  std::vector<std::u32string> vague;         // [date.vague] 日前, 近日, 近期
  std::vector<std::u32string> not_day;       // [date.not_day] after "N日": a count of days (内, 以来)
  // The first code points of the words a date can open with (sorted), so
  // that the scanner passes over the rest of the text at one comparison a
  // character; empty = not indexed (every position is tried).
  std::vector<char32_t> starts;
  // A bit per BMP code point that may open a date of any shape (the words'
  // first code points, numerals, heavenly stems, 闰), from `starts`.
  std::vector<uint64_t> opens;

  static DateWords from(const Lexicon &lex);
  // Fills `starts` from the word lists (from() does).
  void index();
};

// How a date without a year (or month) is placed around the issue date.
enum class DatePlacement {
  Nearest,   // the candidate closest to the issue date (text: 12月31日 in January is last year's)
  NotAfter,  // the latest candidate not after it (datelines: news is reported after it happens)
};

struct DayMention {
  size_t begin = 0, end = 0;  // byte offsets into the scanned text
  std::optional<Ymd> date;    // null when it cannot be resolved (no issue date, no such day)
};

// The scanner's working arrays (a text's code points and their byte
// offsets): a caller that scans many texts keeps one and passes it to every
// call, so that they are allocated once, not once per text.
struct DateScratch {
  std::u32string cps;
  std::vector<uint32_t> off;
};

// Every day expression of `text` in order. `issue` is the issue date (or nothing).
std::vector<DayMention> find_dates(std::string_view text, const DateWords &words, const std::optional<Ymd> &issue,
                                   DatePlacement placement = DatePlacement::Nearest, DateScratch *scratch = nullptr);

// Reads a month and/or day written in digits or Chinese numerals ("1", "廿",
// "十五"); -1 when the text is not such a number.
int parse_day_number(std::string_view text);

// Places a month/day (month 0 = the issue's month or the one before/after)
// around the issue date; nothing when no valid day exists.
std::optional<Ymd> place_date(int year, int month, int day, const std::optional<Ymd> &issue, DatePlacement placement);

}  // namespace bm::detail
