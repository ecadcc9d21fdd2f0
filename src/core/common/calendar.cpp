#include "core/common/calendar.h"

#include <cmath>
#include <memory>

#include <unicode/calendar.h>
#include <unicode/locid.h>

namespace bm::detail {

bool is_leap_year(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m) {
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12) return 0;
  return m == 2 && is_leap_year(y) ? 29 : days[m - 1];
}

bool is_valid_date(const Ymd &d) {
  return d.year >= 1 && d.year <= 9999 && d.day >= 1 && d.day <= days_in_month(d.year, d.month);
}

// Howard Hinnant's days_from_civil / civil_from_days.
int64_t days_from_civil(const Ymd &d) {
  const int64_t y = d.year - (d.month <= 2 ? 1 : 0);
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t mp = (d.month + 9) % 12;
  const int64_t doy = (153 * mp + 2) / 5 + d.day - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Ymd civil_from_days(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  const int y = static_cast<int>(yoe + era * 400 + (m <= 2 ? 1 : 0));
  return {y, m, d};
}

Ymd add_days(const Ymd &d, int64_t n) { return civil_from_days(days_from_civil(d) + n); }

int iso_weekday(const Ymd &d) {
  const int64_t z = days_from_civil(d);  // 1970-01-01 was a Thursday (4)
  int64_t w = (z + 3) % 7;
  if (w < 0) w += 7;
  return static_cast<int>(w) + 1;
}

std::optional<Ymd> parse_iso_date(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  int v[3] = {0, 0, 0};
  const size_t at[3][2] = {{0, 4}, {5, 2}, {8, 2}};
  for (int k = 0; k < 3; ++k)
    for (size_t i = at[k][0]; i < at[k][0] + at[k][1]; ++i) {
      if (s[i] < '0' || s[i] > '9') return std::nullopt;
      v[k] = v[k] * 10 + (s[i] - '0');
    }
  const Ymd d{v[0], v[1], v[2]};
  if (!is_valid_date(d)) return std::nullopt;
  return d;
}

std::string format_iso_date(const Ymd &d) {
  char buf[16];
  std::string out;
  auto put = [&](int v, int width) {
    int n = 0;
    for (int k = 0; k < width; ++k, v /= 10) buf[n++] = static_cast<char>('0' + v % 10);
    while (n > 0) out.push_back(buf[--n]);
  };
  put(d.year, 4);
  out.push_back('-');
  put(d.month, 2);
  out.push_back('-');
  put(d.day, 2);
  return out;
}

int digit_value(char32_t c) {
  if (c >= U'0' && c <= U'9') return static_cast<int>(c - U'0');
  if (c >= 0xFF10 && c <= 0xFF19) return static_cast<int>(c - 0xFF10);
  switch (c) {
    case U'〇': case U'零': case U'○': return 0;
    case U'一': case U'壹': return 1;
    case U'二': case U'两': case U'兩': case U'貳': case U'贰': return 2;
    case U'三': case U'參': case U'叁': return 3;
    case U'四': case U'肆': return 4;
    case U'五': case U'伍': return 5;
    case U'六': case U'陸': case U'陆': return 6;
    case U'七': case U'柒': return 7;
    case U'八': case U'捌': return 8;
    case U'九': case U'玖': return 9;
    default: return -1;
  }
}

bool is_numeral_unit(char32_t c) { return c == U'十' || c == U'拾' || c == U'廿' || c == U'卅' || c == U'百'; }

int parse_number(std::u32string_view s) {
  if (s.empty() || s.size() > 6) return -1;
  bool units = false;
  for (char32_t c : s) units = units || is_numeral_unit(c);
  if (!units) {  // digit by digit: 28, ２８, 二〇二四
    if (s.size() > 4) return -1;
    int v = 0;
    for (char32_t c : s) {
      const int d = digit_value(c);
      if (d < 0) return -1;
      v = v * 10 + d;
    }
    return v;
  }
  // 十五, 二十八, 廿八, 卅一, 一百二十 (positional with units)
  int total = 0, pending = -1;
  bool hundreds_seen = false;
  for (char32_t c : s) {
    const int d = digit_value(c);
    if (d >= 0) {
      if (pending >= 0) return -1;  // two digits without a unit between
      pending = d;
      continue;
    }
    int unit = 0;
    switch (c) {
      case U'十': case U'拾': unit = 10; break;
      case U'廿': unit = 20; break;
      case U'卅': unit = 30; break;
      case U'百': unit = 100; break;
      default: return -1;
    }
    if (unit == 100) {
      if (hundreds_seen || total > 0) return -1;
      hundreds_seen = true;
      total += (pending < 0 ? 1 : pending) * 100;
    } else if (unit == 10) {
      if (total % 100 != 0 && total > 0 && !hundreds_seen) return -1;
      total += (pending < 0 ? 1 : pending) * 10;
    } else {
      if (pending >= 0) return -1;  // 二廿 is not a number
      total += unit;
    }
    pending = -1;
  }
  if (pending >= 0) total += pending;
  return total;
}

namespace {
std::unique_ptr<icu::Calendar> chinese_calendar() {
  UErrorCode st = U_ZERO_ERROR;
  std::unique_ptr<icu::Calendar> cal(icu::Calendar::createInstance(icu::TimeZone::getGMT()->clone(),
                                                                    icu::Locale("zh_CN@calendar=chinese"), st));
  if (U_FAILURE(st)) return nullptr;
  return cal;
}
}  // namespace

std::optional<Ymd> lunar_to_gregorian(int year, int month, int day, bool leap) {
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > 30) return std::nullopt;
  std::unique_ptr<icu::Calendar> cal = chinese_calendar();
  if (!cal) return std::nullopt;
  UErrorCode st = U_ZERO_ERROR;
  cal->clear();
  cal->setLenient(false);
  cal->set(UCAL_EXTENDED_YEAR, year + 2637);  // ICU counts Chinese years from 2637 BCE
  cal->set(UCAL_MONTH, month - 1);
  cal->set(UCAL_IS_LEAP_MONTH, leap ? 1 : 0);
  cal->set(UCAL_DATE, day);
  const UDate t = cal->getTime(st);
  if (U_FAILURE(st)) return std::nullopt;
  const Ymd g = civil_from_days(static_cast<int64_t>(std::floor(t / U_MILLIS_PER_DAY)));
  if (!is_valid_date(g)) return std::nullopt;
  return g;
}

int sexagenary_of_year(int year) {
  int n = (year - 4) % 60;  // 1984 was 甲子 (position 1)
  if (n < 0) n += 60;
  return n + 1;
}

}  // namespace bm::detail
