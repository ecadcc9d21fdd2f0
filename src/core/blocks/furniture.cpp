#include "core/blocks/furniture.h"

#include <algorithm>
#include <iterator>

#include "core/classify/cues.h"
#include "core/common/calendar.h"
#include "core/common/utf8.h"
#include "core/lexicon/lexicon.h"

namespace bm::detail {

namespace {

// A header line is short.
constexpr size_t k_furniture_line_max_cps = 30;
// A block of furniture is a few lines (the header's parts); a longer block
// of short lines is something else (a table, a list).
constexpr size_t k_furniture_block_max_pieces = 3;
// A block is mid-page when at least this many lines of text stand before it
// (a story's headline, byline, first line): a section name or a letter-spaced
// page title over the header (`评 论`) leaves it the page's own header.
constexpr size_t k_text_pieces_before = 3;
// A page number: at most this many digits.
constexpr size_t k_page_number_max_digits = 3;

bool all_digits(std::string_view t, size_t max_digits) {
  size_t n = 0;
  for (size_t i = 0; i < t.size();) {
    if (digit_value(next_cp(t, i)) < 0) return false;
    ++n;
  }
  return n > 0 && n <= max_digits;
}

// 2025年7月17日, 7月17日, 2025年7月: digits with 年/月/日 after them, nothing else.
bool is_date_token(std::string_view t) {
  static const char32_t units[] = {U'年', U'月', U'日'};
  size_t i = 0, units_seen = 0, digits = 0;
  while (i < t.size()) {
    const char32_t c = next_cp(t, i);
    if (digit_value(c) >= 0 && c < 0x3007) {  // Arabic digits (full or half width)
      ++digits;
      continue;
    }
    if (!digits || std::find(std::begin(units), std::end(units), c) == std::end(units)) return false;
    digits = 0;
    ++units_seen;
  }
  return units_seen >= 2 && digits == 0;
}

// Is every part of the line furniture (see is_furniture_line)? `named`:
// whether one names the page.
bool furniture_parts_only(std::string_view text, const Lexicon &lex, bool &named) {
  const std::string_view t = trim(text);
  named = false;
  if (t.empty() || cp_count(t) > k_furniture_line_max_cps) return false;
  size_t pos = 0;
  while (pos < t.size()) {
    size_t sp = pos;
    while (sp < t.size()) {  // the next space (ASCII or ideographic)
      size_t j = sp;
      if (is_space_cp(next_cp(t, j))) break;
      sp = j;
    }
    const std::string_view tok = t.substr(pos, sp - pos);
    pos = sp;
    while (pos < t.size()) {
      size_t j = pos;
      if (!is_space_cp(next_cp(t, j))) break;
      pos = j;
    }
    if (tok.empty()) continue;
    // A masthead word of the lexicon or an edition names the page; a word
    // in capitals (`CITY DAILY`) may stand beside one, but alone it is as
    // likely a brand in an ad.
    const bool edition = is_edition_line(tok, lex);
    if (edition || ends_with_any(tok, lex.words(Section::masthead))) {
      named = true;
      continue;
    }
    if (is_masthead_line(tok, lex, edition)) continue;  // capitals (the edition is known: no second regex)
    if (all_digits(tok, k_page_number_max_digits) || is_date_token(tok) || is_weekday_word(tok, lex) ||
        lex.has_word(Section::page_section, tok))  // the page's section (社会, 经济)
      continue;
    return false;
  }
  return true;
}

}  // namespace

bool is_furniture_line(std::string_view text, const Lexicon &lex) {
  bool named = false;
  return furniture_parts_only(text, lex, named) && named;
}

size_t lift_page_furniture(std::vector<Piece> &pieces, const Lexicon &lex) {
  // Blocks: runs of whole lines between blank lines. Only pages with blank
  // lines between blocks are read so (an extractor that gives none, pdfium,
  // keeps its header at the top anyway).
  std::vector<std::pair<size_t, size_t>> lifted;  // [begin, end) piece ranges
  // The header runs until the first block that is not furniture (a date line
  // without the paper's name is still the header's: 人民日报 / 2025年1月8日
  // 星期三 / 第4版); the text pieces after it are counted.
  bool in_header = true;
  size_t text_pieces = 0;  // pieces before block b that are not the header's
  for (size_t b = 0; b < pieces.size();) {
    size_t e = b + 1;
    while (e < pieces.size() && pieces[e].blanks_before == 0) ++e;
    // A block that is moved names the page in one of its lines at least
    // (人民日报 / 2025年3月20日 星期四).
    bool furniture = e - b <= k_furniture_block_max_pieces && pieces[b].first_in_line, named = false;
    for (size_t k = b; k < e && furniture; ++k) {
      bool line_named = false;
      furniture = pieces[k].first_in_line && pieces[k].last_in_line &&
                  furniture_parts_only(pieces[k].text, lex, line_named);
      named = named || line_named;
    }
    in_header = in_header && furniture;
    furniture = furniture && named;
    // Mid-page: set apart by blank lines on both sides, after some text.
    if (furniture && text_pieces >= k_text_pieces_before && pieces[b].blanks_before > 0 && e < pieces.size())
      lifted.push_back({b, e});
    if (!furniture && !in_header) text_pieces += e - b;
    b = e;
  }
  if (lifted.empty()) return 0;
  // Only the moved pieces are copied out (a page of many such blocks must
  // not hold its pieces twice); the others close up in place and the moved
  // ones go in front (within the vector's capacity: no reallocation).
  std::vector<Piece> moved;
  size_t write = 0, next = 0;
  for (size_t k = 0; k < pieces.size(); ++k) {
    if (next < lifted.size() && k == lifted[next].first) {
      // The text after the block keeps the separation the block had.
      const int gap = pieces[k].blanks_before;
      for (; k < lifted[next].second; ++k) moved.push_back(std::move(pieces[k]));
      --k;
      ++next;
      if (k + 1 < pieces.size()) pieces[k + 1].blanks_before = std::max(pieces[k + 1].blanks_before, gap);
      continue;
    }
    if (write != k) pieces[write] = std::move(pieces[k]);
    ++write;
  }
  pieces.resize(write);
  moved.front().blanks_before = pieces.front().blanks_before;
  pieces.front().blanks_before = std::max(pieces.front().blanks_before, 1);
  pieces.insert(pieces.begin(), std::make_move_iterator(moved.begin()), std::make_move_iterator(moved.end()));
  return moved.size();
}

}  // namespace bm::detail
