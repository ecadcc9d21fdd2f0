// Calendar arithmetic shared by the stages that read dates: civil (proleptic
// Gregorian) days, weekdays, Chinese numerals (一 .. 十, 廿, 卅, 〇), the
// Republic of China era and the Chinese lunisolar calendar (through ICU).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace bm::detail {

struct Ymd {
  int year = 0, month = 0, day = 0;
  bool operator==(const Ymd &o) const { return year == o.year && month == o.month && day == o.day; }
  bool operator!=(const Ymd &o) const { return !(*this == o); }
};

bool is_leap_year(int year);
int days_in_month(int year, int month);  // 0 for a month outside 1..12
bool is_valid_date(const Ymd &d);

// Days since 1970-01-01 and back (any valid date of years 1..9999).
int64_t days_from_civil(const Ymd &d);
Ymd civil_from_days(int64_t days);
Ymd add_days(const Ymd &d, int64_t n);
// ISO weekday: 1 = Monday .. 7 = Sunday.
int iso_weekday(const Ymd &d);

// "YYYY-MM-DD" (exactly that shape and a real day), else nothing.
std::optional<Ymd> parse_iso_date(std::string_view s);
std::string format_iso_date(const Ymd &d);

// The value of a digit of a number as printed: ASCII and full-width digits,
// Chinese numerals 〇零一二三四五六七八九 (and 两, and the financial
// forms 壹貳參肆伍陸柒捌玖), -1 for anything else.
int digit_value(char32_t c);
// Is c one of the multiplier numerals 十 拾 廿 卅 (and 百)?
bool is_numeral_unit(char32_t c);
// A number of at most 4 digits written in Arabic or Chinese digits: "28",
// "二十八", "廿八", "卅一", "十五", "二〇二四" (digit by digit). -1 when the
// text is not such a number.
int parse_number(std::u32string_view s);

// The Gregorian day of day `day` of lunar month `month` (1..12, `leap` for
// the intercalary month) of the Chinese lunar year that begins in Gregorian
// year `year` (ICU's Chinese calendar). Nothing when there is no such day.
std::optional<Ymd> lunar_to_gregorian(int year, int month, int day, bool leap = false);
// The cycle position (1 = 甲子 .. 60 = 癸亥) of the lunar year that begins in
// Gregorian year `year`.
int sexagenary_of_year(int year);

}  // namespace bm::detail
