#include "core/classify/cues.h"

#include <algorithm>

#include <unicode/regex.h>
#include <unicode/ustring.h>

#include "core/common/utf8.h"
#include "core/lexicon/lexicon.h"
#include "core/normalize/inline_text.h"

namespace bm::detail {

int count_cues(std::string_view text, const Lexicon &lex, Cue cue) {
  return lex.count_words_in(text, cue_section(cue), /*first_only=*/false);
}

bool has_cue(std::string_view text, const Lexicon &lex, Cue cue) {
  return lex.count_words_in(text, cue_section(cue), /*first_only=*/true) > 0;
}

bool has_phone_number(std::string_view text) {
  int run = 0;
  for (char c : text) {
    run = (c >= '0' && c <= '9') ? run + 1 : (c == '-' && run > 0 ? run : 0);
    if (run >= 7) return true;
  }
  return false;
}

bool weather_box(std::string_view text, const Lexicon &lex) {
  return weather_box(lex.cues_in(text), [&] { return text; }, lex);
}

int ad_evidence(std::string_view text, const Lexicon &lex) {
  return ad_evidence(lex.cues_in(text), has_phone_number(text), [&] { return text; }, lex);
}

namespace {
bool ends_with(std::string_view s, std::string_view w) {
  return s.size() >= w.size() && s.substr(s.size() - w.size()) == w;
}
bool upper_latin(std::string_view s) {
  for (char c : s)
    if (!(c >= 'A' && c <= 'Z')) return false;
  return !s.empty();
}
// A date as a folio prints it: digits (ASCII, full-width or Chinese), 年,
// digits, 月, digits, 日 (2026年4月16日, 二〇二六年四月十六日).
bool is_folio_date(std::string_view tok) {
  static constexpr char32_t k_marks[] = {U'年', U'月', U'日'};
  size_t i = 0, mark = 0, digits = 0;
  while (i < tok.size() && mark < 3) {
    const char32_t c = next_cp(tok, i);
    const bool digit = is_digit_cp(c) ||
                       std::u32string_view(U"〇零一二三四五六七八九十").find(c) != std::u32string_view::npos;
    if (digit) {
      ++digits;
    } else if (c == k_marks[mark] && digits > 0) {
      ++mark;
      digits = 0;
    } else {
      return false;
    }
  }
  return mark == 3 && i == tok.size();
}

}  // namespace

bool is_weekday_word(std::string_view tok, const Lexicon &lex) {
  for (const std::string &entry : lex.words(Section::date_weekday))
    if (trim(std::string_view(entry).substr(0, entry.find(' '))) == tok) return true;
  return false;
}

bool is_masthead_line(std::string_view text, const Lexicon &lex, std::optional<bool> whole_is_edition) {
  std::string_view t = trim(text);
  if (t.empty() || cp_count(t) > 30) return false;
  size_t pos = 0;
  bool any = false;
  // Every word is a masthead name, an edition, or (beside at least one of
  // those) the date and weekday: the folio line 江南晨报 2026年4月16日 星期四.
  while (pos < t.size()) {
    size_t sp = t.find(' ', pos);
    if (sp == std::string_view::npos) sp = t.size();
    std::string_view tok = trim(t.substr(pos, sp - pos));
    pos = sp + 1;
    if (tok.empty()) continue;
    const bool whole = tok.size() == t.size() && whole_is_edition.has_value();
    bool ok = upper_latin(tok) || (whole ? *whole_is_edition : is_edition_line(tok, lex));
    for (const auto &w : lex.words(Section::masthead)) ok = ok || ends_with(tok, w);
    if (!ok && (is_folio_date(tok) || is_weekday_word(tok, lex))) continue;
    if (!ok) return false;
    any = true;
  }
  return any;
}

// An edition line is short (第10版, 要闻·二版): longer text is not asked.
constexpr size_t k_edition_max_bytes = 60;

bool is_edition_line(std::string_view text, const Lexicon &lex) {
  std::string_view t = trim(text);
  if (t.empty() || t.size() > k_edition_max_bytes) return false;
  if (!lex.may_match("edition", t, /*whole=*/true)) return false;
  // The matcher's UTF-16 input in a buffer on the stack (a line this short
  // fits: at most one unit per byte), aliased, not copied to the heap.
  UChar units[k_edition_max_bytes];
  int32_t n = 0;
  UErrorCode st = U_ZERO_ERROR;
  u_strFromUTF8(units, static_cast<int32_t>(k_edition_max_bytes), &n, t.data(), static_cast<int32_t>(t.size()), &st);
  if (U_FAILURE(st)) return false;  // the text is valid UTF-8 (decoded): not reached
  const icu::UnicodeString u(false, units, n);
  RegexMatch found;
  return lex.first_match("edition", u, /*whole=*/true, found);
}

constexpr size_t k_cut_tail_max_cps = 2;
constexpr size_t k_cut_line_min_cps = 10;
// A quantity the width cut off: digits and their unit (300万辆, 10亿元).
constexpr size_t k_cut_quantity_max_cps = 6;

namespace {

// `next` is the short tail of a cut line: one or two Han characters, or a
// quantity with its unit (digits first, a decimal point or more digits, then
// Han units or a per cent sign). A bare number is no tail: it is cut off
// from its unit, not from a title.
bool cut_tail(std::string_view next) {
  size_t cps = 0, han = 0;
  bool quantity = false, unit = false;
  for (size_t i = 0; i < next.size(); ++cps) {
    const char32_t c = next_cp(next, i);
    if (cps == 0) quantity = is_digit_cp(c);
    const bool unit_char = is_han(c) || c == U'%' || c == 0xFF05;
    if (unit_char) {
      han += is_han(c);
      unit = true;
      continue;
    }
    if (!quantity || unit || !(is_digit_cp(c) || c == U'.')) return false;  // a digit after the unit: text
  }
  if (quantity) return unit && cps <= k_cut_quantity_max_cps;
  return han >= 1 && han <= k_cut_tail_max_cps;
}

}  // namespace

bool finishes_cut_headline(std::string_view line, std::string_view next) {
  const std::string_view t = trim(line);
  if (cps_without_spaces(t) < k_cut_line_min_cps) return false;
  size_t end = t.size();
  const char32_t last = prev_cp(t, end);
  if (!is_han(last) && last != U'\u201D' && last != U'\u300D') return false;  // or a closing ” 」
  return cut_tail(trim(next));
}

bool opens_with_page_credit(std::string_view text, const Lexicon &lex) {
  return starts_with_any(trim(text), lex.words(Section::other_page_credit));
}

bool is_sponsor_line(std::string_view text, const Lexicon &lex) {
  const std::string_view t = trim(text);
  size_t i = t.size();
  while (i > 0) {  // back to the space before the last word
    size_t j = i;
    if (is_space_cp(prev_cp(t, j))) break;
    i = j;
  }
  const std::string_view sponsor = trim(t.substr(0, i)), word = t.substr(i);
  if (i == 0 || cps_without_spaces(sponsor) < 2) return false;
  return lex.has_word(Section::ad_sponsor, word);
}

bool opens_story_caption(std::string_view text, const Lexicon &lex) {
  return starts_with_any(trim(text), lex.words(Section::photo_in_story));
}

bool is_sidebar_label(std::string_view text, const Lexicon &lex) {
  std::string word;
  for (size_t i = 0; i < text.size();) {
    const size_t at = i;
    const char32_t c = next_cp(text, i);
    if (is_space_cp(c)) continue;
    // Ornaments around a label: ■□●◆◇▲★☆ and the lenticular brackets.
    const bool ornament = (c >= 0x25A0 && c <= 0x25FF) || (c >= 0x2605 && c <= 0x2606) || c == 0x3010 ||
                          c == 0x3011 || c == U'[' || c == U']';
    if (!ornament) word.append(text.substr(at, i - at));
  }
  return !word.empty() && lex.has_word(Section::story_sidebar, word);
}

namespace {

// The value of a run of one to `max_digits` Arabic or full-width digits at
// text[i] (i moves past it), or -1.
int read_digits(std::string_view text, size_t &i, int max_digits) {
  int value = 0, n = 0;
  while (i < text.size() && n <= max_digits) {
    size_t j = i;
    const char32_t c = next_cp(text, j);
    int d = -1;
    if (c >= U'0' && c <= U'9') d = static_cast<int>(c - U'0');
    if (c >= 0xFF10 && c <= 0xFF19) d = static_cast<int>(c - 0xFF10);
    if (d < 0) break;
    value = value * 10 + d;
    ++n;
    i = j;
  }
  return n >= 1 && n <= max_digits ? value : -1;
}

// Is the code point at text[i] `want` (i moves past it)?
bool read_cp(std::string_view text, size_t &i, char32_t want) {
  if (i >= text.size()) return false;
  size_t j = i;
  if (next_cp(text, j) != want) return false;
  i = j;
  return true;
}

}  // namespace

bool opens_with_day(std::string_view text) {
  const std::string_view t = trim(text);
  size_t i = 0;
  int n = read_digits(t, i, 4);
  if (n >= 1000 && read_cp(t, i, U'年')) n = read_digits(t, i, 2);  // a year first
  if (n < 1 || n > 12 || !read_cp(t, i, U'月')) return false;
  const int day = read_digits(t, i, 2);
  if (day < 1 || day > 31 || !read_cp(t, i, U'日')) return false;
  return read_cp(t, i, 0xFF0C) || read_cp(t, i, U',');
}

}  // namespace bm::detail
