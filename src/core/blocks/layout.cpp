#include "core/blocks/layout.h"

#include <algorithm>
#include <cctype>

#include "core/common/punct.h"
#include "core/common/utf8.h"
#include "core/normalize/inline_text.h"

namespace bm::detail {

namespace {
// Lines at least this wide (display cells) only occur in one-paragraph-per-line text.
constexpr int k_long_line = 80;
// Share of such lines (percent of non-blank lines) that marks a page as one
// paragraph per line (the dev pages: about 50% versus 0%).
constexpr size_t k_long_line_percent = 20;
// Below this share (percent) of lines set directly under another line, a page
// is one paragraph per line even without long lines.
constexpr size_t k_stacked_percent = 25;
// At or above this share (percent) of lines ending a sentence, likewise
// (hard-wrapped dev pages: about 15%).
constexpr size_t k_sentence_end_percent = 60;
// The narrowest line that can be a column's width, in cells (6 Han characters).
constexpr int k_min_column_cells = 12;
// Neighbouring non-blank lines that vote on a line's column width.
constexpr size_t k_window = 8;
// An in-body subhead: this many characters, no punctuation.
constexpr size_t k_subhead_min_cps = 4;
constexpr size_t k_subhead_max_cps = 24;
// The lost indent of a paragraph's first line, in layout cells.
constexpr int k_indent_min_cells = 3;
constexpr int k_indent_max_cells = 7;
// Paragraph starts at a full column width a page needs before it can be
// called unindented (and at least twice as many as indented starts).
constexpr size_t k_unindented_min_full_starts = 2;
// ... and hardly a blank line (percent of lines): where blank lines part
// paragraphs, a short line may be a transcriber's line end, not a paragraph's.
constexpr size_t k_unindented_max_blank_percent = 2;
// On an unindented page, a line this many cells short of its column ends its
// paragraph whatever its last character (a word too long to fit, 2026, leaves
// less).
constexpr int k_unindented_short_cells = 6;

bool is_final_punct(char32_t c) {
  return c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == 0x2026 || c == U'!' || c == U'?' || c == U'.';
}
bool is_closer(char32_t c) {
  return c == 0x201D || c == 0x2019 || c == 0xFF09 || c == 0x300B || c == 0x300D || c == 0x300F ||
         c == U')' || c == U'"' || c == U'\'' || c == 0x3011;
}
}  // namespace

bool ends_sentence(std::string_view text) {
  std::string_view t = trim(text);
  size_t i = t.size();
  while (i > 0) {
    char32_t c = prev_cp(t, i);
    if (is_final_punct(c)) return true;
    if (c == 0xFF09 || c == U')') {
      // A closing bracketed note after the sentence, "…300个。（完）": look before it.
      const std::string_view opener = c == U')' ? "(" : "\xEF\xBC\x88";
      const size_t open = t.substr(0, i).rfind(opener);
      if (open != std::string_view::npos && open > 0 && i - open <= 90) {
        size_t j = open;
        if (is_final_punct(prev_cp(t, j))) return true;
      }
      return false;
    }
    if (!is_closer(c)) return false;
  }
  return false;
}

LayoutInfo detect_layout(std::string_view text, const std::vector<Line> &lines) {
  auto text_of = [text](const Line &l) { return text.substr(l.begin, l.end - l.begin); };
  LayoutInfo info;
  std::vector<size_t> idx;  // non-blank lines
  for (size_t i = 0; i < lines.size(); ++i)
    if (!lines[i].blank) idx.push_back(i);
  info.column.assign(lines.size(), 0);
  if (idx.empty()) return info;
  std::vector<int> widths;
  for (size_t i : idx) widths.push_back(lines[i].width);
  // Hard-wrapped columns almost never hold a line that long; in one-paragraph-
  // per-line text every paragraph of more than a sentence or two is one.
  // Short pages of short paragraphs have no long lines; there the other sign
  // decides: wrapped columns put most lines straight under the previous one,
  // paragraph-per-line text separates nearly every line by a blank.
  size_t long_lines = 0, stacked = 0;
  for (int w : widths) long_lines += w >= k_long_line;
  for (size_t k = 1; k < idx.size(); ++k) stacked += idx[k] == idx[k - 1] + 1;
  const bool long_ok = long_lines * 100 >= widths.size() * k_long_line_percent;
  const bool mostly_separated = stacked * 100 < widths.size() * k_stacked_percent;
  // Wrapped column lines mostly stop mid-sentence; when most lines end a
  // sentence, every line is a paragraph (normalized output is such text).
  size_t sentence_ends = 0;
  for (size_t i : idx) sentence_ends += ends_sentence(text_of(lines[i]));
  const bool mostly_sentences = sentence_ends * 100 >= widths.size() * k_sentence_end_percent;
  // A wrapped column needs lines of a column's width; text with none (short
  // lines only, such as normalized short paragraphs) is read line by line.
  const bool no_column = std::none_of(widths.begin(), widths.end(), [](int w) { return w >= k_min_column_cells; });
  info.layout = long_ok || mostly_separated || mostly_sentences || no_column ? Layout::OneParagraphPerLine
                                                                             : Layout::HardWrapped;
  // Column width of each line: the median width of its neighbours, ignoring
  // very short lines (last lines of paragraphs, bylines).
  std::vector<int> votes;
  for (size_t k = 0; k < idx.size(); ++k) {
    votes.clear();
    size_t lo = k > k_window ? k - k_window : 0, hi = std::min(idx.size(), k + k_window + 1);
    for (size_t j = lo; j < hi; ++j)
      if (widths[j] >= k_min_column_cells && widths[j] < k_long_line) votes.push_back(widths[j]);
    int col = widths[k];
    if (!votes.empty()) {
      std::nth_element(votes.begin(), votes.begin() + votes.size() / 2, votes.end());
      col = votes[votes.size() / 2];
    }
    info.column[idx[k]] = col;
  }
  // Indents: the lines after a short line that ends a sentence open
  // paragraphs. Set at the full column width, they show that the page has no
  // indent; narrower by an indent, that it has one (a one-line paragraph
  // can be either width, so only a clear majority counts).
  if (info.layout == Layout::HardWrapped) {
    size_t full = 0, indented = 0;
    for (size_t k = 1; k + 1 < idx.size(); ++k) {
      const Line &prev = lines[idx[k - 1]], &cur = lines[idx[k]];
      if (prev.width >= info.column[idx[k - 1]] - 2 || !ends_sentence(text_of(prev))) continue;
      const int col = info.column[idx[k]];
      full += cur.width >= col - 2;
      indented += cur.width <= col - k_indent_min_cells && cur.width >= col - k_indent_max_cells;
    }
    const size_t blanks = lines.size() - idx.size();
    info.unindented = full >= k_unindented_min_full_starts && full >= 2 * indented &&
                      blanks * 100 <= lines.size() * k_unindented_max_blank_percent;
  }
  return info;
}

namespace {

// A subhead: a short line with no punctuation at all (quotes aside).
bool looks_like_subhead(std::string_view text) {
  std::string_view t = trim(text);
  size_t cps = 0;
  for (size_t i = 0; i < t.size();) {
    const char32_t c = next_cp(t, i);
    if (is_space_cp(c)) continue;
    ++cps;
    const bool quote = c == 0x201C || c == 0x201D || c == 0x2018 || c == 0x2019 || c == 0x300A || c == 0x300B;
    const bool letter = c >= 0x3400 || (c < 0x80 && std::isalnum(static_cast<int>(c)));
    if (!quote && (!letter || (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFF0F) ||
                   (c >= 0xFF1A && c <= 0xFF20)))
      return false;
  }
  return cps >= k_subhead_min_cps && cps <= k_subhead_max_cps;
}

bool starts_section_tag(std::string_view s) {
  size_t i = 0;
  std::string_view t = trim(s);
  return !t.empty() && next_cp(t, i) == 0x3010;  // 【
}

}  // namespace

bool paragraph_break(const Piece &a, const Piece &b, const LayoutInfo &layout, Subheads subheads) {
  if (starts_section_tag(b.text)) return true;
  if (a.ends_paragraph) return true;
  // No paragraph opens with closing punctuation: a narrow column carried it over.
  if (starts_with_closing_punct(b.text)) return false;
  // A separator between the notes of a column (×　×　×) stands alone.
  if (is_separator_line(a.text) || is_separator_line(b.text)) return true;
  // An in-body subhead (推动产业提质增效) is a paragraph of its own,
  // though it ends no sentence: set off by a blank line, or followed by an
  // indented first line.
  if (subheads == Subheads::AreParagraphs && looks_like_subhead(a.text) && a.last_in_line) {
    if (layout.layout == Layout::OneParagraphPerLine) return true;
    // Hard-wrapped: a full line without punctuation is text running on; a
    // subhead is narrower than its column and the next line starts afresh.
    const int col_a = layout.column[a.line], col_b = layout.column[b.line];
    const bool b_indented = b.width <= col_b - k_indent_min_cells && b.width >= col_b - k_indent_max_cells;
    if (a.width < col_a - k_indent_min_cells && (b.blanks_before > 0 || b_indented)) return true;
  }
  // One paragraph per line: a line straight under another is a new paragraph;
  // only a blank line after an unfinished sentence is a column break.
  if (layout.layout == Layout::OneParagraphPerLine && b.blanks_before == 0 && b.first_in_line) return true;
  if (layout.layout == Layout::HardWrapped && layout.unindented && a.last_in_line && b.first_in_line &&
      b.blanks_before == 0 && a.width < layout.column[a.line] - k_unindented_short_cells)
    return true;  // an unindented column: the short line is the paragraph's last
  if (!ends_sentence(a.text)) return false;  // a sentence runs on: column break
  if (layout.layout == Layout::OneParagraphPerLine) return true;
  // Hard-wrapped: a short last line ends the paragraph; after a full line that
  // happens to end a sentence, only an indented (narrower) line starts a new one.
  const int col_a = layout.column[a.line], col_b = layout.column[b.line];
  if (a.width < col_a - 2 || !a.last_in_line) return true;
  return b.width <= col_b - 3;
}

std::vector<RawParagraph> reflow(const std::vector<const Piece *> &pieces, const LayoutInfo &layout,
                                 Subheads subheads) {
  std::vector<RawParagraph> out;
  std::vector<std::string_view> parts;
  size_t first = 0;
  auto flush = [&] {
    if (parts.empty()) return;
    RawParagraph rp;
    rp.text = join_lines(parts, &rp.parts);
    rp.first_piece = first;
    for (JoinedLine &j : rp.parts) j.line += first;  // index into `pieces`
    out.push_back(std::move(rp));
    parts.clear();
  };
  for (size_t k = 0; k < pieces.size(); ++k) {
    if (k > 0 && paragraph_break(*pieces[k - 1], *pieces[k], layout, subheads)) flush();
    if (parts.empty()) first = k;
    parts.push_back(pieces[k]->text);
  }
  flush();
  return out;
}

}  // namespace bm::detail
