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
// The same in characters, spaces aside (what the layout shares count:
// normalizing removes spaces and narrows full-width letters, which would
// make a long line short on the second pass).
constexpr size_t k_long_line_cps = 40;
// Share of the text (percent, by weight) in such lines that marks a page as
// one paragraph per line (the corpora: 85% and more on such pages, 33% and
// less on hard-wrapped ones, where a PDF extractor ran two columns together).
constexpr size_t k_long_text_percent = 60;
// Share of the text (percent, by weight) in lines that run on, at or above
// which a page is hard-wrapped (the corpora: 77% and more on hard-wrapped
// pages, 40% and less on one-paragraph-per-line ones).
constexpr size_t k_run_on_percent = 60;
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
// A line this many cells short of its column stops short: on an unindented
// page, or with a blank line after it, it ends its paragraph whatever its
// last character (a word too long to fit, 2026, leaves less).
constexpr int k_short_line_cells = 6;

// How much text a line holds: its code points, spaces aside. Normalization
// keeps them (it removes spaces, changes the width of punctuation and
// letters, and joins lines), so a share of the page counted in them reads
// the same on the normalized text.
size_t text_weight(std::string_view t) {
  size_t n = 0;
  for (size_t i = 0; i < t.size();) n += !is_space_cp(next_cp(t, i));
  return n;
}
bool starts_section_tag(std::string_view s);
}  // namespace

LayoutInfo detect_layout(std::string_view text, const std::vector<Line> &lines) {
  std::vector<LayoutLine> nonblank;
  for (size_t i = 0; i < lines.size(); ++i)
    if (!lines[i].blank) nonblank.push_back({text.substr(lines[i].begin, lines[i].end - lines[i].begin), lines[i].width, i});
  return detect_layout(nonblank, lines.size());
}

LayoutInfo detect_layout(const std::vector<LayoutLine> &lines, size_t line_count) {
  LayoutInfo info;
  info.column.assign(line_count, 0);
  if (lines.empty()) return info;
  std::vector<int> widths;
  widths.reserve(lines.size());
  for (const LayoutLine &l : lines) widths.push_back(l.width);
  // The layout is read from two shares of the page's text (weights, not
  // line counts: the normalized text, one paragraph per line, is the same
  // text in fewer lines and must read the same way, or normalizing twice
  // would join what the first pass kept apart):
  //  - text in long lines. Hard-wrapped columns almost never hold a line
  //    that long; in one-paragraph-per-line text every paragraph of more
  //    than a sentence or two is one. Joining lines only adds to it.
  //  - text in lines that run on: lines that end no sentence and have a
  //    next line that could continue them (no separator, no section tag).
  //    Wrapped column lines mostly stop mid-sentence; paragraphs, bylines
  //    and headlines read line by line mostly end a sentence or are short.
  //    Joining lines only takes from it: a joined line runs on only when
  //    its last part did, and the parts before it ran on (a column break)
  //    or were glued to closing punctuation that did (below).
  // A page is hard-wrapped when most of its text runs on and little of it
  // is in long lines. Its normalized text then holds paragraphs that end a
  // sentence (or stop at a separator or section tag), which run on no more,
  // and a page read line by line keeps, normalized, no more running-on text
  // and no less long-line text: both read line by line again.
  // A line followed by one that opens with closing punctuation is joined
  // with it whatever its end (no paragraph opens with closing punctuation),
  // and the joined line runs on when its last part does: so the line runs
  // on when the next one does, even after a full stop (好！ then ；…).
  // Read the other way, the normalized text would hold more running-on
  // text than the lines it came from.
  size_t total = 0, long_weight = 0, run_on = 0;
  bool next_runs = false;  // lines read from the last: does line k + 1 run on?
  for (size_t k = lines.size(); k-- > 0;) {
    const std::string_view t = lines[k].text;
    const size_t w = text_weight(t);
    total += w;
    if (w >= k_long_line_cps) long_weight += w;
    if (k + 1 == lines.size()) continue;  // the last line runs into nothing
    const std::string_view next = lines[k + 1].text;
    bool runs = !ends_sentence(t) && !is_separator_line(t) && !is_separator_line(next) && !starts_section_tag(next);
    runs = runs || (next_runs && starts_with_closing_punct(next));
    if (runs) run_on += w;
    next_runs = runs;
  }
  const bool long_ok = long_weight * 100 >= total * k_long_text_percent;
  const bool runs_on = run_on * 100 >= total * k_run_on_percent;
  info.layout = runs_on && !long_ok ? Layout::HardWrapped : Layout::OneParagraphPerLine;
  // Column width of each line: the median width of its neighbours, ignoring
  // very short lines (last lines of paragraphs, bylines).
  std::vector<int> votes;
  for (size_t k = 0; k < lines.size(); ++k) {
    votes.clear();
    size_t lo = k > k_window ? k - k_window : 0, hi = std::min(lines.size(), k + k_window + 1);
    for (size_t j = lo; j < hi; ++j)
      if (widths[j] >= k_min_column_cells && widths[j] < k_long_line) votes.push_back(widths[j]);
    int col = widths[k];
    if (!votes.empty()) {
      std::nth_element(votes.begin(), votes.begin() + votes.size() / 2, votes.end());
      col = votes[votes.size() / 2];
    }
    info.column[lines[k].line] = col;
  }
  // Indents: the lines after a short line that ends a sentence open
  // paragraphs. Set at the full column width, they show that the page has no
  // indent; narrower by an indent, that it has one (a one-line paragraph
  // can be either width, so only a clear majority counts).
  if (info.layout == Layout::HardWrapped) {
    size_t full = 0, indented = 0;
    for (size_t k = 1; k + 1 < lines.size(); ++k) {
      const LayoutLine &prev = lines[k - 1], &cur = lines[k];
      if (prev.width >= info.column[prev.line] - 2 || !ends_sentence(prev.text)) continue;
      const int col = info.column[cur.line];
      full += cur.width >= col - 2;
      indented += cur.width <= col - k_indent_min_cells && cur.width >= col - k_indent_max_cells;
    }
    const size_t blanks = line_count - lines.size();
    info.unindented = full >= k_unindented_min_full_starts && full >= 2 * indented &&
                      blanks * 100 <= line_count * k_unindented_max_blank_percent;
  }
  return info;
}

namespace {

// A subhead: a short line with no punctuation at all (quotes aside, and a
// dash at its end: a section's kicker leading into its subhead, 城东——).
bool looks_like_subhead(std::string_view text) {
  std::string_view t = trim(text);
  size_t cps = 0;
  while (!t.empty()) {  // the kicker's dash counts as characters, not as punctuation
    size_t end = t.size();
    if (prev_cp(t, end) != 0x2014) break;
    t = t.substr(0, end);
    ++cps;
  }
  if (t.empty()) return false;  // dashes alone: a rule, no kicker
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
  // No paragraph opens with closing punctuation: a narrow column carried it
  // over. Not even after text lost to a repeat (ends_paragraph): the break
  // would not survive normalizing, which keeps no trace of the cut.
  if (starts_with_closing_punct(b.text)) return false;
  if (a.ends_paragraph) return true;
  // Lines read as something else lie between the two (a title and byline an
  // extractor printed inside the story, a box, page furniture, a repeat
  // taken out): a sentence or a subhead that ends there ends its paragraph
  // (the text after it is a new run of lines); a sentence that runs on
  // continues.
  const bool text_between = b.first_in_line && a.last_in_line && b.line > a.line + 1 + static_cast<size_t>(b.blanks_before);
  if (text_between && (ends_sentence(a.text) || looks_like_subhead(a.text))) return true;
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
  // Hard-wrapped: a line that stops short of its column is a paragraph's
  // last whatever its last mark, in an unindented column, and wherever a
  // blank line follows it: a column runs full to its foot, so its break is
  // no short line (historic text ends its sentences with 、; a paragraph may
  // end with a colon).
  if (layout.layout == Layout::HardWrapped && (layout.unindented || b.blanks_before > 0) && a.last_in_line &&
      b.first_in_line && a.width < layout.column[a.line] - k_short_line_cells)
    return true;
  if (!ends_sentence(a.text)) return false;  // a sentence runs on: column break
  if (layout.layout == Layout::OneParagraphPerLine) return true;
  // Hard-wrapped: a short last line ends the paragraph; after a full line that
  // happens to end a sentence, only an indented (narrower) line starts a new one.
  const int col_a = layout.column[a.line], col_b = layout.column[b.line];
  if (a.width < col_a - 2 || !a.last_in_line) return true;
  return b.width <= col_b - 3;
}

namespace {

// An in-body subhead in a hard-wrapped column with no blank lines between
// paragraphs (the text a PDF extractor gives): a line well short of its
// column, with no punctuation, straight under a line that ends a sentence and
// straight over the next line. It ends its paragraph though the next line
// may not look indented: an indent measured in display cells is blurred by
// the punctuation a full line holds. (After a blank line such a line is no
// evidence: a page with blank lines between paragraphs opens one with it.)
bool subhead_between(const Piece &before, const Piece &a, const Piece &b, const LayoutInfo &layout) {
  return layout.layout == Layout::HardWrapped && a.first_in_line && a.last_in_line && b.first_in_line &&
         before.last_in_line && a.blanks_before == 0 && b.blanks_before == 0 && looks_like_subhead(a.text) &&
         a.width < layout.column[a.line] - k_short_line_cells && ends_sentence(before.text);
}

}  // namespace

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
    if (k > 0 && (paragraph_break(*pieces[k - 1], *pieces[k], layout, subheads) ||
                  (subheads == Subheads::AreParagraphs && k > 1 &&
                   subhead_between(*pieces[k - 2], *pieces[k - 1], *pieces[k], layout))))
      flush();
    if (parts.empty()) first = k;
    parts.push_back(pieces[k]->text);
  }
  flush();
  return out;
}

}  // namespace bm::detail
