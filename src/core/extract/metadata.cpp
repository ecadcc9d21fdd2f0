#include "core/extract/metadata.h"

#include <algorithm>

#include <unicode/regex.h>
#include <unicode/unistr.h>

#include "core/common/utf8.h"
#include "core/extract/dates.h"
#include "core/extract/source_map.h"
#include "core/lexicon/lexicon.h"
#include "core/normalize/inline_text.h"

namespace bm::detail {

namespace {

// The page prints its paper, date and page number in its first lines, each short.
constexpr size_t k_header_lines = 12;
constexpr size_t k_header_line_max_cps = 60;
// A section name printed beside the page number: a short run of Han.
constexpr size_t k_section_min_cps = 2;
constexpr size_t k_section_max_cps = 6;
// Only the first bytes of a dateline are read (as in classify/: 120).
constexpr size_t k_dateline_max_bytes = 120;

icu::UnicodeString to_u(std::string_view s) {
  return icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
}

// The text of the named group `name` of a match, or nothing (absent, empty).
std::optional<std::string> group(const RegexMatch &m, const char16_t *name) {
  UErrorCode st = U_ZERO_ERROR;
  const int32_t g = m.pattern->groupNumberFromName(icu::UnicodeString(name), st);
  if (U_FAILURE(st)) return std::nullopt;
  const icu::UnicodeString v = m.matcher->group(g, st);
  if (U_FAILURE(st) || v.isEmpty()) return std::nullopt;
  std::string out;
  v.toUTF8String(out);
  return out;
}

// `u` receives the text as UTF-16: the matcher reads it, so it must outlive `m`.
bool whole_match(const Lexicon &lex, const char *section, std::string_view text, icu::UnicodeString &u,
                 RegexMatch &m) {
  u = to_u(text);
  return !text.empty() && lex.first_match(section, u, /*whole=*/true, m);
}

bool all_han(std::string_view s) {
  for (size_t i = 0; i < s.size();)
    if (!is_han(next_cp(s, i))) return false;
  return !s.empty();
}

bool contains(const std::vector<std::string> &list, std::string_view w) {
  for (const auto &x : list)
    if (x == w) return true;
  return false;
}

// Space-separated tokens of a line (ASCII and ideographic spaces).
std::vector<std::string_view> tokens(std::string_view line) {
  std::vector<std::string_view> out;
  size_t start = 0;
  for (size_t i = 0; i < line.size();) {
    const size_t at = i;
    if (is_space_cp(next_cp(line, i))) {
      if (at > start) out.push_back(line.substr(start, at - start));
      start = i;
    }
  }
  if (start < line.size()) out.push_back(line.substr(start));
  return out;
}

void read_header(Page &page, const Lexicon &lex, const DateWords &words) {
  const std::string_view text = page.text.utf8;
  size_t seen = 0;
  for (size_t pos = 0; pos < text.size() && seen < k_header_lines;) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    const std::string_view line = trim(text.substr(pos, nl - pos));
    pos = nl + 1;
    if (line.empty()) continue;
    ++seen;
    if (cp_count(line) > k_header_line_max_cps) continue;
    bool has_page = false;
    std::vector<std::string_view> rest;
    for (std::string_view tok : tokens(line)) {
      // A whole date (year, month and day printed) is the issue date.
      const std::vector<DayMention> days = find_dates(tok, words, std::nullopt);
      if (!days.empty() && days.front().end - days.front().begin == tok.size()) {
        if (days.front().date && !page.issue_date) page.issue_date = days.front().date;
        continue;  // a date or a weekday: not a name
      }
      RegexMatch m;
      icu::UnicodeString u;
      if (whole_match(lex, "page_number", tok, u, m)) {
        has_page = true;
        if (!page.page_number) page.page_number = group(m, u"page");
      } else if (whole_match(lex, "paper", tok, u, m)) {
        if (!page.paper) page.paper = std::string(tok);
      } else if (contains(lex.words(Section::page_section), tok)) {
        if (!page.section) page.section = std::string(tok);
      } else {
        rest.push_back(tok);
      }
    }
    // Beside a page number, a short name is the section (第4版 文化遗产).
    if (has_page && !page.section)
      for (std::string_view tok : rest)
        if (all_han(tok) && cp_count(tok) >= k_section_min_cps && cp_count(tok) <= k_section_max_cps) {
          page.section = std::string(tok);
          break;
        }
  }
}

void read_dates(const Page &page, Article &art, const DateWords &words, DateScratch &scratch) {
  const std::optional<Ymd> &issue = page.issue_date;
  auto scan = [&](const std::string &field, size_t &cursor) {
    for (const DayMention &m : find_dates(field, words, issue, DatePlacement::Nearest, &scratch)) {
      DateRef r;
      r.text = field.substr(m.begin, m.end - m.begin);
      r.date = m.date;
      size_t b = 0, e = 0;
      if (find_in_source(page.text.utf8, cursor, art.span_end, r.text, b, e) ||
          find_in_source(page.text.utf8, art.span_begin, art.span_end, r.text, b, e)) {
        r.has_span = true;
        r.span_begin = b;
        r.span_end = e;
        cursor = e;
      }
      art.dates.push_back(std::move(r));
    }
  };
  size_t cursor = art.span_begin;
  for (const std::string &h : art.headline) scan(h, cursor);
  cursor = art.span_begin;
  for (const std::string &p : art.paragraphs) scan(p, cursor);
}

}  // namespace

DatelineInfo read_dateline(std::string_view dateline, const Lexicon &lex, const DateWords &words,
                           const std::optional<Ymd> &issue) {
  DatelineInfo info;
  RegexMatch m;
  icu::UnicodeString u;
  if (!whole_match(lex, "dateline.info", dateline.substr(0, std::min(dateline.size(), k_dateline_max_bytes)), u, m))
    return info;
  info.source = group(m, u"source");
  info.place = group(m, u"place");
  if (auto v = group(m, u"month")) info.month = std::max(0, parse_day_number(*v));
  if (auto v = group(m, u"day")) info.day = std::max(0, parse_day_number(*v));
  if (info.month > 12) info.month = 0;
  if (info.day > 31) info.day = 0;
  (void)words;
  if (info.day > 0) info.date = place_date(0, info.month, info.day, issue, DatePlacement::NotAfter);
  return info;
}

void annotate_page(Page &page, const Lexicon &lex, const DateWords &words, const std::optional<Ymd> &fallback_issue) {
  read_header(page, lex, words);
  if (!page.issue_date) page.issue_date = fallback_issue;
  DateScratch scratch;  // one for every field of the page
  for (Article &art : page.articles) {
    if (art.dateline) art.dateline_info = read_dateline(*art.dateline, lex, words, page.issue_date);
    read_dates(page, art, words, scratch);
  }
}

}  // namespace bm::detail
