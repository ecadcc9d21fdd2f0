#include "core/extract/dates.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>

#include "core/common/utf8.h"
#include "core/lexicon/lexicon.h"

namespace bm::detail {

namespace {

// Widest numbers read: a year of 4 digits, a month or day of 3 (二十八, 廿八).
constexpr size_t k_year_max_cps = 4;
constexpr size_t k_day_max_cps = 3;

std::u32string to32(std::string_view s) {
  std::u32string out;
  for (size_t i = 0; i < s.size();) out.push_back(next_cp(s, i));
  return out;
}

// "word" or "word value" (one space) -> ValuedWord; value 0 when absent.
std::vector<ValuedWord> valued(const Lexicon &lex, const char *section) {
  std::vector<ValuedWord> out;
  for (const std::string &e : lex.words(section)) {
    const size_t sp = e.rfind(' ');
    ValuedWord w;
    if (sp != std::string::npos) {
      w.word = to32(trim(std::string_view(e).substr(0, sp)));
      w.value = std::atoi(e.c_str() + sp + 1);
    } else {
      w.word = to32(e);
    }
    if (!w.word.empty()) out.push_back(std::move(w));
  }
  // Longest first, so 上个月 wins over 上月 and 星期日 over 星期.
  std::stable_sort(out.begin(), out.end(), [](const ValuedWord &a, const ValuedWord &b) { return a.word.size() > b.word.size(); });
  return out;
}

std::vector<std::u32string> plain(const Lexicon &lex, const char *section) {
  std::vector<std::u32string> out;
  for (const std::string &e : lex.words(section))
    if (!e.empty()) out.push_back(to32(e));
  std::stable_sort(out.begin(), out.end(), [](const std::u32string &a, const std::u32string &b) { return a.size() > b.size(); });
  return out;
}

constexpr std::u32string_view k_stems = U"甲乙丙丁戊己庚辛壬癸";  // the heavenly stems
constexpr std::u32string_view k_leap = U"闰閏";                 // a leap month's mark

bool is_stem(char32_t c) { return k_stems.find(c) != std::u32string_view::npos; }
bool is_branch(char32_t c) { return std::u32string_view(U"子丑寅卯辰巳午未申酉戌亥").find(c) != std::u32string_view::npos; }
// Position 1..60 of a stem-branch pair in the sexagenary cycle, or 0.
int sexagenary(char32_t stem, char32_t branch) {
  const int s = static_cast<int>(k_stems.find(stem));
  const int b = static_cast<int>(std::u32string_view(U"子丑寅卯辰巳午未申酉戌亥").find(branch));
  for (int n = 0; n < 60; ++n)
    if (n % 10 == s && n % 12 == b) return n + 1;
  return 0;
}

bool is_number_cp(char32_t c) { return digit_value(c) >= 0 || is_numeral_unit(c); }

// Can a date open with c (starts: the words' first code points, sorted;
// empty = any code point may)?
bool opens_date(char32_t c, const std::vector<char32_t> &starts) {
  if (starts.empty() || is_number_cp(c) || is_stem(c) || k_leap.find(c) != std::u32string_view::npos) return true;
  return std::binary_search(starts.begin(), starts.end(), c);
}

class Scanner {
 public:
  Scanner(std::string_view text, const DateWords &w, const std::optional<Ymd> &issue, DatePlacement placement,
          DateScratch &scratch)
      : w_(w), issue_(issue), placement_(placement), cps_(scratch.cps), off_(scratch.off) {
    cps_.clear();
    off_.clear();
    // Sized once (no regrowth: a page of one long line is the peak), byte
    // offsets in 32 bits (the text is under 4 GiB: split_lines checks it).
    const size_t n = cp_count(text);
    cps_.reserve(n);
    off_.reserve(n + 1);
    for (size_t i = 0; i < text.size();) {
      off_.push_back(static_cast<uint32_t>(i));
      cps_.push_back(next_cp(text, i));
    }
    off_.push_back(static_cast<uint32_t>(text.size()));
  }

  std::vector<DayMention> run() {
    for (size_t i = 0; i < cps_.size();) {
      if (!may_start(cps_[i])) {
        ++i;
        continue;
      }
      const size_t next = at(i);
      i = next > i ? next : i + 1;
    }
    return std::move(out_);
  }

 private:
  // Whether any shape of at() can open with c: a word of the lists, a
  // numeral (absolute dates), a heavenly stem (a cycle year) or 闰 (a leap
  // month). Anything else: at() would match nothing there.
  bool may_start(char32_t c) const {
    if (c < 0x10000 && !w_.opens.empty()) return w_.opens[c >> 6] >> (c & 63) & 1;
    return opens_date(c, w_.starts);
  }

  // Tries every shape at i; returns where scanning continues (i when nothing matched).
  size_t at(size_t i) {
    if (size_t n = word_at(w_.vague, i)) return i + n;
    if (const ValuedWord *r = valued_at(w_.relative, i)) {
      const size_t e = i + r->word.size();
      emit(i, e, issue_ ? std::optional<Ymd>(add_days(*issue_, r->value)) : std::nullopt);
      return e;
    }
    if (size_t e = weekday(i)) return e;
    if (size_t e = month_relative(i)) return e;
    if (size_t e = year_relative(i)) return e;
    if (size_t e = lunar(i)) return e;
    return absolute(i);
  }

  // A number of at most max_cps code points at i (the whole run of numerals
  // must fit); its length, or 0.
  size_t number(size_t i, size_t max_cps, int &value) const {
    size_t j = i;
    while (j < cps_.size() && is_number_cp(cps_[j])) ++j;
    if (j == i || j - i > max_cps) return 0;
    value = parse_number(std::u32string_view(cps_).substr(i, j - i));
    return value < 0 ? 0 : j - i;
  }
  bool is(size_t i, char32_t c) const { return i < cps_.size() && cps_[i] == c; }
  bool day_mark(size_t i) const { return is(i, U'日') || is(i, U'号') || is(i, U'號'); }
  // Is the code point before i part of a number or a word the number continues?
  bool glued_before(size_t i) const {
    if (i == 0) return false;
    const char32_t c = cps_[i - 1];
    return is_number_cp(c) || c == U'.' || c == U'/' || c == U':' || c == U'第' || c == U'-' ||
           (c < 0x80 && std::isalnum(static_cast<int>(c)));
  }

  size_t word_at(const std::vector<std::u32string> &ws, size_t i) const {
    if (i >= cps_.size()) return 0;
    // The first code point decides for most words: compare it before the rest.
    for (const auto &w : ws)
      if (w[0] == cps_[i] && std::u32string_view(cps_).substr(i, w.size()) == w) return w.size();
    return 0;
  }
  const ValuedWord *valued_at(const std::vector<ValuedWord> &ws, size_t i) const {
    if (i >= cps_.size()) return nullptr;
    for (const auto &w : ws)
      if (w.word[0] == cps_[i] && std::u32string_view(cps_).substr(i, w.word.size()) == w.word) return &w;
    return nullptr;
  }

  void emit(size_t b, size_t e, std::optional<Ymd> d) {
    if (d && !is_valid_date(*d)) d.reset();
    out_.push_back({off_[b], off_[e], d});
  }

  // [week word] weekday word: 上周五, 下星期一, 周日
  size_t weekday(size_t i) {
    int week = 0;
    size_t j = i;
    if (const ValuedWord *w = valued_at(w_.week, i)) {
      j = i + w->word.size();
      week = w->value;
    }
    const ValuedWord *d = valued_at(w_.weekday, j);
    if (!d) return 0;
    const size_t e = j + d->word.size();
    std::optional<Ymd> date;
    if (issue_) {
      const Ymd monday = add_days(*issue_, -(iso_weekday(*issue_) - 1));
      date = add_days(monday, 7 * week + (d->value - 1));
    }
    emit(i, e, date);
    return e;
  }

  // 本月3日, 上月20日
  size_t month_relative(size_t i) {
    const ValuedWord *m = valued_at(w_.month, i);
    if (!m) return 0;
    size_t j = i + m->word.size();
    int day = 0;
    const size_t n = number(j, k_day_max_cps, day);
    if (!n || !day_mark(j + n)) return 0;
    const size_t e = j + n + 1;
    std::optional<Ymd> date;
    if (issue_) {
      int y = issue_->year, mo = issue_->month + m->value;
      while (mo < 1) mo += 12, --y;
      while (mo > 12) mo -= 12, ++y;
      date = Ymd{y, mo, day};
    }
    emit(i, e, date);
    return range(e, date ? date->year : 0, date ? date->month : 0);
  }

  // 今年3月1日, 去年12月31日
  size_t year_relative(size_t i) {
    const ValuedWord *y = valued_at(w_.year, i);
    if (!y) return 0;
    const size_t j = i + y->word.size();
    int month = 0, day = 0;
    const size_t nm = number(j, k_day_max_cps, month);
    if (!nm || !is(j + nm, U'月')) return 0;
    const size_t k = j + nm + 1;
    const size_t nd = number(k, k_day_max_cps, day);
    if (!nd || !day_mark(k + nd)) return 0;
    const size_t e = k + nd + 1;
    const int year = issue_ ? issue_->year + y->value : 0;
    emit(i, e, issue_ ? std::optional<Ymd>(Ymd{year, month, day}) : std::nullopt);
    return range(e, year, month);
  }

  // [农历] [庚申年] 正月初八 / 二月十五日 (a month number only after 农历 or a cycle year)
  size_t lunar(size_t i) {
    size_t j = i;
    bool marked = false;
    if (size_t n = word_at(w_.lunar_marker, j)) j += n, marked = true;
    int cycle = 0;
    if (j + 2 < cps_.size() && is_stem(cps_[j]) && is_branch(cps_[j + 1]) && cps_[j + 2] == U'年') {
      cycle = sexagenary(cps_[j], cps_[j + 1]);
      j += 3;
    }
    int month = 0;
    bool leap = false;
    if (is(j, U'闰') || is(j, U'閏')) leap = true, ++j;
    if (const ValuedWord *m = valued_at(w_.lunar_month, j)) {
      month = m->value;
      j += m->word.size();
    } else if (marked || cycle) {
      const size_t n = number(j, k_day_max_cps, month);
      if (!n || !is(j + n, U'月')) return 0;
      j += n + 1;
    } else {
      return 0;
    }
    int day = 0;
    if (is(j, U'初')) {
      const size_t n = number(j + 1, 1, day);
      if (!n && !is(j + 1, U'十')) return 0;
      if (is(j + 1, U'十')) day = 10;
      j += 2;
    } else {
      const size_t n = number(j, k_day_max_cps, day);
      if (!n) return 0;
      j += n;
    }
    if (day_mark(j)) ++j;
    if (month < 1 || month > 12 || day < 1 || day > 30) return 0;
    std::optional<Ymd> date;
    if (issue_) {
      std::optional<Ymd> best;
      int64_t best_gap = 0;
      for (int y = issue_->year - 30; y <= issue_->year + 30; ++y) {
        if (cycle ? sexagenary_of_year(y) != cycle : std::abs(y - issue_->year) > 1) continue;
        const std::optional<Ymd> g = lunar_to_gregorian(y, month, day, leap);
        if (!g) continue;
        const int64_t gap = days_from_civil(*g) - days_from_civil(*issue_);
        if (placement_ == DatePlacement::NotAfter && gap > 0 && !cycle) continue;
        if (!best || std::llabs(gap) < std::llabs(best_gap)) best = g, best_gap = gap;
      }
      date = best;
    }
    emit(i, j, date);
    return j;
  }

  // 2024年12月31日, 民國九年四月三日, 1月7日, 7日, 廿日; ranges after them.
  size_t absolute(size_t i) {
    size_t j = i;
    int year = 0;
    const ValuedWord *era = valued_at(w_.era, i);
    if (era) j += era->word.size();
    if (!era && glued_before(i)) return 0;
    {
      int y = 0;
      const size_t n = number(j, k_year_max_cps, y);
      if (n && is(j + n, U'年')) {
        if (era) year = y + era->value;
        else if (n == 4) year = y;
        else return 0;  // 24年: a count of years or a short year, not read
        j += n + 1;
      } else if (era) {
        return 0;
      }
    }
    int month = 0, day = 0;
    const size_t month_at = j;
    if (size_t n = number(j, k_day_max_cps, month); n && is(j + n, U'月')) {
      j += n + 1;
    } else {
      month = 0;
      j = month_at;
      if (year) return j;  // 2024年 alone names no day; skip it
    }
    const size_t day_at = j;
    const size_t n = number(j, k_day_max_cps, day);
    if (!n) return year || month ? j : 0;
    j += n;
    bool marked = day_mark(j);
    const bool open_range = !marked && month && word_at(w_.range, j);  // 1月7至9日
    if (!marked && !open_range) return year || month ? j : 0;
    if (!month) {  // a bare day: 7日, 廿日 (not 3日内, not 一日三餐, not 7号楼)
      const bool digits = is_digit_cp(cps_[day_at]);
      bool unit = false;
      for (size_t k = day_at; k < j; ++k) unit = unit || is_numeral_unit(cps_[k]);
      if (!is(j, U'日') || (!digits && !unit) || word_at(w_.not_day, j + 1)) return j + 1;
    }
    if (marked) ++j;
    if (day < 1 || day > 31 || month > 12) return j;
    emit(i, j, place_date(year, month, day, issue_, placement_));
    const std::optional<Ymd> &placed = out_.back().date;
    return range(j, placed ? placed->year : year, placed ? placed->month : month);
  }

  // After a day ending at e: a range word and another day ([M月]D日) that
  // takes the first one's year and month.
  size_t range(size_t e, int year, int month) {
    const size_t r = word_at(w_.range, e);
    if (!r) return e;
    size_t j = e + r;
    const size_t b = j;
    int m = 0, d = 0;
    if (size_t n = number(j, k_day_max_cps, m); n && is(j + n, U'月')) j += n + 1;
    else m = 0;
    const size_t n = number(j, k_day_max_cps, d);
    if (!n || !day_mark(j + n)) return e;
    j += n + 1;
    std::optional<Ymd> date;
    if (year && (m || month)) {
      Ymd x{year, m ? m : month, d};
      if (m && m < month) ++x.year;  // 12月30日至1月2日
      date = x;
    } else if (m || month) {
      date = place_date(0, m ? m : month, d, issue_, placement_);
    }
    emit(b, j, date);
    return j;
  }

  const DateWords &w_;
  const std::optional<Ymd> &issue_;
  DatePlacement placement_;
  std::u32string &cps_;         // the text's code points (the caller's scratch)
  std::vector<uint32_t> &off_;  // each one's byte offset, and the text's end
  std::vector<DayMention> out_;
};

}  // namespace

DateWords DateWords::from(const Lexicon &lex) {
  DateWords w;
  w.relative = valued(lex, "date.relative");
  w.weekday = valued(lex, "date.weekday");
  w.week = valued(lex, "date.week");
  w.month = valued(lex, "date.month");
  w.year = valued(lex, "date.year");
  w.era = valued(lex, "date.era");
  w.lunar_month = valued(lex, "date.lunar_month");
  w.lunar_marker = plain(lex, "date.lunar");
  w.range = plain(lex, "date.range");
  w.vague = plain(lex, "date.vague");
  w.not_day = plain(lex, "date.not_day");
  w.index();
  return w;
}

void DateWords::index() {
  starts.clear();
  for (const auto *list : {&relative, &weekday, &week, &month, &year, &era, &lunar_month})
    for (const ValuedWord &v : *list)
      if (!v.word.empty()) starts.push_back(v.word[0]);
  for (const auto *list : {&lunar_marker, &vague})
    for (const std::u32string &w : *list)
      if (!w.empty()) starts.push_back(w[0]);
  std::sort(starts.begin(), starts.end());
  starts.erase(std::unique(starts.begin(), starts.end()), starts.end());
  // The bits of opens_date(c, starts), set shape by shape.
  opens.assign(0x10000 / 64, starts.empty() ? ~uint64_t{0} : 0);
  auto set = [this](char32_t c) {
    if (c < 0x10000) opens[c >> 6] |= uint64_t{1} << (c & 63);
  };
  for (char32_t c : starts) set(c);
  for (char32_t c : k_stems) set(c);
  for (char32_t c : k_leap) set(c);
  for (char32_t c = 0; c < 0x10000; ++c)
    if (is_number_cp(c)) set(c);
}

int parse_day_number(std::string_view text) {
  const std::u32string s = to32(text);
  for (char32_t c : s)
    if (!is_number_cp(c)) return -1;
  return parse_number(s);
}

std::optional<Ymd> place_date(int year, int month, int day, const std::optional<Ymd> &issue, DatePlacement placement) {
  if (year && month) {
    const Ymd d{year, month, day};
    return is_valid_date(d) ? std::optional<Ymd>(d) : std::nullopt;
  }
  if (!issue) return std::nullopt;
  std::vector<Ymd> candidates;
  if (month) {
    for (int y = issue->year - 1; y <= issue->year + 1; ++y) candidates.push_back({y, month, day});
  } else {
    for (int k = -1; k <= 1; ++k) {
      int y = issue->year, m = issue->month + k;
      if (m < 1) m += 12, --y;
      if (m > 12) m -= 12, ++y;
      candidates.push_back({y, m, day});
    }
  }
  if (month == 2 && day == 29 && placement == DatePlacement::Nearest) {
    // Feb 29 exists one year in four: the nearest leap year, up to 4 back.
    for (int y = issue->year - 4; y <= issue->year + 4; ++y) candidates.push_back({y, 2, 29});
  }
  const int64_t at = days_from_civil(*issue);
  std::optional<Ymd> best;
  int64_t best_gap = 0;
  for (const Ymd &c : candidates) {
    if (!is_valid_date(c)) continue;
    const int64_t gap = days_from_civil(c) - at;
    if (placement == DatePlacement::NotAfter) {
      if (gap > 0) continue;
      if (!best || gap > best_gap) best = c, best_gap = gap;
    } else if (!best || std::llabs(gap) < std::llabs(best_gap) || (std::llabs(gap) == std::llabs(best_gap) && gap < best_gap)) {
      best = c;
      best_gap = gap;
    }
  }
  return best;
}

std::vector<DayMention> find_dates(std::string_view text, const DateWords &words, const std::optional<Ymd> &issue,
                                   DatePlacement placement, DateScratch *scratch) {
  DateScratch own;
  return Scanner(text, words, issue, placement, scratch ? *scratch : own).run();
}

}  // namespace bm::detail
