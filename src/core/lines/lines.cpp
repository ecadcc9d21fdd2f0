#include "core/lines/lines.h"

#include <algorithm>
#include <cstdint>
#include <stdexcept>

#include "core/lines/columns.h"
#include "core/lines/grid.h"

#include "core/common/punct.h"
#include "core/common/utf8.h"
#include "core/lexicon/lexicon.h"

namespace bm::detail {

namespace {

// At least as many records as split_lines makes, counted by bytes: lines
// with any byte between their breaks, and runs of empty ones (a line of
// spaces counts as a line: an overestimate, never short, so no regrowth).
size_t record_estimate(std::string_view text) {
  size_t records = 1;
  bool empty_run = false;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\n') continue;
    const bool empty = i == 0 || text[i - 1] == '\n';
    records += !empty || !empty_run;
    empty_run = empty;
  }
  return records;
}

}  // namespace

std::vector<Line> split_lines(std::string_view text) {
  // Unreachable through the API (the input limit is 1 GiB); a caller of this
  // stage that skips it gets an error, not wrapped offsets.
  if (text.size() > UINT32_MAX) throw std::length_error("split_lines: text over 4 GiB");
  if (std::vector<Line> grid = read_layout_grid(text); !grid.empty()) return grid;
  std::vector<Line> lines;
  lines.reserve(record_estimate(text));
  size_t pos = 0;
  for (;;) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    // The empty tail after a final '\n' is not a line.
    if (nl == text.size() && pos == text.size() && !text.empty()) break;
    std::string_view t = trim(text.substr(pos, nl - pos));
    if (t.empty() && !lines.empty() && lines.back().blank) {
      ++lines.back().lines;  // one more blank line of the run
    } else {
      Line line;
      line.begin = static_cast<uint32_t>(t.empty() ? pos : static_cast<size_t>(t.data() - text.data()));
      line.end = static_cast<uint32_t>(line.begin + t.size());
      line.blank = t.empty();
      line.width = layout_width(t);
      lines.push_back(line);
    }
    if (nl == text.size()) break;
    pos = nl + 1;
  }
  unmerge_columns(text, lines);
  return lines;
}

namespace {

// A photo credit after the caption's last sentence, on its line
// (`…共120株。 张  伟  李小红摄`): a short run of names that ends in a
// photographer's role word and holds no punctuation, perhaps with its
// source in brackets after it (`李小红摄（新华社发）`).
constexpr size_t k_inline_credit_max_cps = 24;

bool is_inline_credit(std::string_view tail, const Lexicon &lex) {
  std::string_view t = trim(tail);
  t = trim(t.substr(0, trailing_bracket_note(t)));  // 张伟摄（新华社发）: the credit before its source
  if (t.empty() || cp_count(t) > k_inline_credit_max_cps || !ends_with_any(t, lex.words(Section::role_photographer)))
    return false;
  for (size_t i = 0; i < t.size();) {
    const char32_t c = next_cp(t, i);
    if ((c >= 0x3000 && c <= 0x303F && c != 0x3000) || (c >= 0xFF01 && c <= 0xFF1F) || c == U',' || c == U'.')
      return false;
  }
  return true;
}

// A photo credit in brackets closing the caption's line, straight after its
// last sentence (`…晾晒紫菜。（本报记者 赵 阳摄）`): the bracket holds an inline
// credit and nothing follows it.
bool is_bracketed_credit(std::string_view tail, const Lexicon &lex) {
  const std::string_view t = trim(tail);
  size_t i = 0, end = t.size();
  if (t.empty()) return false;
  const char32_t open = next_cp(t, i);
  const char32_t close = prev_cp(t, end);
  if (!((open == 0xFF08 && close == 0xFF09) || (open == U'(' && close == U')')) || end <= i) return false;
  return is_inline_credit(t.substr(i, end - i), lex);
}

// Byte offsets where a new piece starts inside `s`: a byline mark that follows
// a space (or sentence-final punctuation) and is not at the start; a photo
// credit after sentence-final punctuation and a space, or in brackets straight
// after it.
// Fills cuts (cleared first: one vector serves every line of the page).
void cut_points(std::string_view s, const Lexicon &lex, std::vector<size_t> &cuts) {
  cuts.clear();
  const auto &marks = lex.words(Section::byline_marker);
  size_t i = 0;
  bool prev_gap = false, after_sentence = false;
  char32_t prev = 0;
  while (i < s.size()) {
    size_t j = i;
    char32_t cp = next_cp(s, j);
    if (i > 0 && prev_gap && starts_with_any(s.substr(i), marks)) cuts.push_back(i);
    if (after_sentence && !is_space_cp(cp) && is_space_cp(prev) && is_inline_credit(s.substr(i), lex)) {
      cuts.push_back(i);
      break;  // the credit runs to the end of the line
    }
    if (after_sentence && (cp == 0xFF08 || cp == U'(') && is_bracketed_credit(s.substr(i), lex)) {
      cuts.push_back(i);
      break;
    }
    const bool final_punct = cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F || cp == 0x201D;
    after_sentence = final_punct || (after_sentence && is_space_cp(cp));
    prev_gap = is_space_cp(cp) || final_punct;
    prev = cp;
    i = j;
  }
}

}  // namespace

std::vector<Piece> split_pieces(std::string_view text, const std::vector<Line> &lines, const Lexicon &lex,
                                TextStore &edits) {
  std::vector<Piece> pieces;
  // A piece per non-blank line, and more only where a line holds a byline
  // mark: room for one each up front, so that growing never holds two
  // copies of the page's pieces (the peak on pages of many short lines).
  pieces.reserve(static_cast<size_t>(std::count_if(lines.begin(), lines.end(), [](const Line &l) { return !l.blank; })));
  int blanks = 0;
  std::vector<size_t> cuts;  // where a line is cut into pieces (reused line by line)
  for (size_t li = 0; li < lines.size(); ++li) {
    const Line &line = lines[li];
    if (line.blank) {
      blanks += static_cast<int>(line.lines);
      continue;
    }
    std::string_view s = text.substr(line.begin, line.end - line.begin);
    // A line of nothing but closing punctuation (`，`, `。」`) is the end of
    // the line before, carried over by vertical print or a narrow column.
    if (!pieces.empty() && is_closing_punct_only(s)) {
      Piece &prev = pieces.back();
      const std::string_view part = trim(s);
      prev.text = edits.keep(std::string(prev.text) += part);  // the two are not adjacent in the text
      // The range grows to the mark's end (where merged columns were put in
      // column order, the piece before may stand after it in the text).
      prev.end = std::max<uint32_t>(prev.end, static_cast<uint32_t>(part.data() - text.data() + part.size()));
      blanks = 0;
      continue;
    }
    cut_points(s, lex, cuts);
    cuts.push_back(s.size());
    size_t start = 0;
    for (size_t k = 0; k < cuts.size(); ++k) {
      std::string_view part = trim(s.substr(start, cuts[k] - start));
      if (!part.empty()) {
        Piece p;
        p.line = li;
        p.begin = static_cast<size_t>(part.data() - text.data());
        p.end = p.begin + part.size();
        p.text = part;
        p.width = line.width;
        p.face = line.face;
        p.item_break = line.item_break && start == 0;
        p.blanks_before = blanks;
        p.first_in_line = start == 0;
        p.last_in_line = k + 1 == cuts.size();
        blanks = 0;
        pieces.push_back(std::move(p));
      }
      start = cuts[k];
    }
  }
  return pieces;
}

}  // namespace bm::detail
