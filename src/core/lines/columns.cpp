#include "core/lines/columns.h"

#include <algorithm>
#include <cstdlib>
#include <optional>

#include "core/common/punct.h"
#include "core/common/utf8.h"
#include "core/common/word_join.h"
#include "core/lines/column_order.h"

namespace bm::detail {

namespace {
// A column's run: at least this many code points without a space. Headlines
// and decks with a gap between phrases (`一道道风景 记录城市变迁`) have
// shorter runs.
constexpr size_t k_column_run_cps = 10;
// Lines that must look merged, with left runs of one width, before any is
// believed to be: a merged column is cut at its column's width every line,
// while a dateline and its text parted by a space (`本报合肥5月12日电
// 记者从…`) stop wherever the dateline does.
constexpr size_t k_min_merged_lines = 3;
// How far a full column line's width may stray from the column's: layout
// widths count a closing mark as one cell, and a line holds from none to
// five of them, so full lines of one column measure some four cells apart
// (a run read with less slack broke at every line with more punctuation,
// and the lines of one run were read in column order piecemeal).
constexpr int k_column_width_slack_cells = 4;
// ... and as wide as this share (percent) of the median width of the page's
// other lines.
constexpr int k_column_share_percent = 80;
// Lines before a run's first merged line that are read as column lines too,
// per column, when they are about a column wide: a row whose column lines
// were not merged (the right one opens a paragraph, the left one is short).
constexpr size_t k_head_lines_per_column = 1;
// A paragraph's last line beside another on one line of a run: at least
// this many code points (a lone mark or a digit and a full stop is no line).
constexpr size_t k_paragraph_end_min_cps = 3;

bool is_cjk(char32_t c) { return c >= 0x2E80; }

// Where the run of spaces that starts at byte `i` of `t` ends.
size_t end_of_spaces(std::string_view t, size_t i) {
  while (i < t.size()) {
    size_t k = i;
    if (!is_space_cp(next_cp(t, k))) break;
    i = k;
  }
  return i;
}

// The layout width of the left run of the first pair of long, mostly CJK
// runs parted by spaces between two CJK characters (justified spaces stand
// next to a digit or a Latin letter), or -1 when the line has none.
int left_run_width(std::string_view t) {
  size_t run = 0, cjk = 0, start = 0;
  bool prev_long = false;
  size_t prev_start = 0, prev_end = 0;
  char32_t last = 0;
  bool cjk_gap = false;  // the gap before the current run lies between CJK characters
  for (size_t i = 0; i <= t.size();) {
    const size_t here = i;
    const char32_t c = i < t.size() ? next_cp(t, i) : U' ';
    if (!is_space_cp(c)) {
      if (run == 0) {
        start = here;
        cjk_gap = cjk_gap && is_cjk(c);
      }
      ++run;
      cjk += is_cjk(c);
      last = c;
      if (here == t.size()) break;
      continue;
    }
    if (run) {
      const bool is_long = run >= k_column_run_cps && cjk * 10 >= run * 7;
      if (is_long && prev_long && cjk_gap) return layout_width(t.substr(prev_start, prev_end - prev_start));
      prev_long = is_long;
      prev_start = start;
      prev_end = here;
      cjk_gap = is_cjk(last);
      run = cjk = 0;
    }
    if (here == t.size()) break;
  }
  return -1;
}
}  // namespace

namespace {

// The column width of the page's merged lines in cells, or -1 when the page
// has none: the left width most lines with two long runs share (within the
// slack), the first such in page order, on at least k_min_merged_lines lines.
int merged_column_width(std::string_view text, const std::vector<Line> &lines) {
  std::vector<int> left(lines.size(), -1);
  std::vector<int> widths;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].blank) continue;
    left[i] = left_run_width(text.substr(lines[i].begin, lines[i].end - lines[i].begin));
    if (left[i] >= 0) widths.push_back(left[i]);
  }
  if (widths.size() < k_min_merged_lines) return -1;
  // A merged line's left run is a whole column line: about as wide as the
  // page's other lines (a dateline parted from its text by a space is not).
  std::vector<int> others;
  for (size_t i = 0; i < lines.size(); ++i)
    if (!lines[i].blank && left[i] < 0) others.push_back(lines[i].width);
  int floor_width = 0;
  if (!others.empty()) {
    std::nth_element(others.begin(), others.begin() + others.size() / 2, others.end());
    floor_width = others[others.size() / 2] * k_column_share_percent / 100;
  }
  widths.erase(std::remove_if(widths.begin(), widths.end(), [floor_width](int w) { return w < floor_width; }),
               widths.end());
  if (widths.size() < k_min_merged_lines) return -1;
  // Counted by binary search in a sorted copy: a page can hold a line like
  // this on every line.
  std::vector<int> sorted = widths;
  std::sort(sorted.begin(), sorted.end());
  int best = -1;
  size_t best_count = 0;
  for (int w : widths) {
    const auto lo = std::lower_bound(sorted.begin(), sorted.end(), w - k_column_width_slack_cells);
    const auto hi = std::upper_bound(sorted.begin(), sorted.end(), w + k_column_width_slack_cells);
    const size_t c = static_cast<size_t>(hi - lo);
    if (c > best_count) best = w, best_count = c;
  }
  return best_count >= k_min_merged_lines ? best : -1;
}

// The byte offsets (into `t`) where the column parts of a merged line start,
// after the first part: cut at a space where the text since the last cut is
// about a column wide (any characters around it: a column line may end in a
// digit or open with a quote; only pages with merged lines are read so).
// Empty for a line with no such space.
std::vector<size_t> column_cuts(std::string_view t, int column) {
  std::vector<size_t> cuts;
  struct Gap {
    size_t next;        // where the text after the spaces starts
    int before, after;  // width of the line up to the spaces and up to `next`
  };
  std::vector<Gap> gaps;
  int width = 0;
  char32_t prev = 0;
  for (size_t i = 0; i < t.size();) {
    const size_t here = i;
    const char32_t c = next_cp(t, i);
    if (is_space_cp(c) && prev) {
      const int before = width;
      const size_t j = end_of_spaces(t, i);
      width += layout_width(t.substr(here, j - here));
      if (j < t.size()) gaps.push_back({j, before, width});
      i = j;
      prev = c;
      continue;
    }
    width += layout_width(t.substr(here, i - here));
    prev = c;
  }
  int part_start = 0;  // width of the line before the current part
  for (size_t g = 0; g < gaps.size() && cuts.size() + 1 < k_max_merged_columns;) {
    size_t best = gaps.size();
    for (size_t h = g; h < gaps.size(); ++h) {
      const int w = gaps[h].before - part_start;
      if (w > column + 2 * k_column_width_slack_cells) break;
      if (w >= column - k_full_line_slack_cells &&
          (best == gaps.size() || std::abs(w - column) < std::abs(gaps[best].before - part_start - column)))
        best = h;
    }
    if (best == gaps.size()) break;
    cuts.push_back(gaps[best].next);
    part_start = gaps[best].after;
    g = best + 1;
  }
  return cuts;
}

}  // namespace

void unmerge_columns(std::string_view text, std::vector<Line> &lines) {
  for (Line &l : lines) l.merged_columns = false;
  const int column = merged_column_width(text, lines);
  if (column < 0) return;
  // Each line's column parts: [begin, end) byte ranges into the text.
  struct Part {
    uint32_t begin, end;
  };
  auto parts_of = [&](const Line &l) {
    std::vector<Part> parts;
    const std::string_view t = text.substr(l.begin, l.end - l.begin);
    auto add = [&](std::string_view raw) {
      const std::string_view p = trim(raw);
      const auto at = static_cast<uint32_t>(l.begin + (p.data() - t.data()));
      parts.push_back({at, static_cast<uint32_t>(at + p.size())});
    };
    size_t from = 0;
    for (size_t cut : column_cuts(t, column)) {
      add(t.substr(from, cut - from));
      from = cut;
    }
    add(t.substr(from));
    return parts;
  };
  // Inside a run, a line wider than a column whose left part is short (a
  // paragraph's last line, a lone line cut short) beside a full one: cut at
  // every gap between CJK text, when that makes no more parts than a run
  // may have.
  auto parts_at_gaps = [&](const Line &l) {
    std::vector<Part> parts;
    const std::string_view t = text.substr(l.begin, l.end - l.begin);
    size_t start = 0;
    char32_t last = 0;
    for (size_t i = 0; i < t.size();) {
      const size_t here = i;
      const char32_t c = next_cp(t, i);
      if (!is_space_cp(c)) {
        last = c;
        continue;
      }
      const size_t j = end_of_spaces(t, i);
      size_t k = j;
      const char32_t after = j < t.size() ? next_cp(t, k) : 0;
      if (j < t.size() && is_cjk(last) && is_cjk(after)) {
        parts.push_back({static_cast<uint32_t>(l.begin + start), static_cast<uint32_t>(l.begin + here)});
        start = j;
      }
      i = j;
    }
    parts.push_back({static_cast<uint32_t>(l.begin + start), l.end});
    if (parts.size() > k_max_merged_columns) return std::vector<Part>{{l.begin, l.end}};
    return parts;
  };
  // Inside a run, a line no wider than a column that holds short lines side
  // by side, each ending a sentence (the last lines of paragraphs in
  // neighbouring columns: `被写进了方案。 的一条街。`), is cut at its gaps too.
  auto paragraph_ends_at_gaps = [&](const Line &l) {
    std::vector<Part> parts = parts_at_gaps(l);
    if (parts.size() < 2) return parts;  // parts_at_gaps gives one part, or no more than a run may have
    for (size_t k = 0; k + 1 < parts.size(); ++k) {
      const std::string_view part = text.substr(parts[k].begin, parts[k].end - parts[k].begin);
      if (!ends_sentence(part) || cp_count(part) < k_paragraph_end_min_cps) return std::vector<Part>{{l.begin, l.end}};
    }
    return parts;
  };
  auto column_line = [&](const Line &l) { return !l.blank && l.width <= column + 2 * k_column_width_slack_cells; };

  std::vector<Line> out;
  out.reserve(lines.size());
  auto full_column_line = [&](const Line &l) {
    return column_line(l) && l.width >= column - k_full_line_slack_cells;
  };
  bool story_ended = false;
  std::optional<WordJoin> words;  // made for the page's first run only: making one loads ICU's breaker
  for (size_t i = 0; i < lines.size();) {
    std::vector<Part> first = lines[i].blank ? std::vector<Part>{} : parts_of(lines[i]);
    if (first.size() < 2) {
      out.push_back(lines[i++]);
      if (story_ended && !out.back().blank) out.back().item_break = true, story_ended = false;
      continue;
    }
    story_ended = false;
    // A run: from this merged line over the column lines and merged lines
    // after it, up to a blank line or a wider line.
    std::vector<std::vector<Part>> run{first};
    size_t last_merged = 0, columns = first.size();
    for (size_t j = i + 1; j < lines.size() && !lines[j].blank; ++j) {
      std::vector<Part> p = parts_of(lines[j]);
      if (p.size() < 2) p = column_line(lines[j]) ? paragraph_ends_at_gaps(lines[j]) : parts_at_gaps(lines[j]);
      if (p.size() < 2 && !column_line(lines[j])) break;
      if (p.size() >= 2) last_merged = run.size(), columns = std::max(columns, p.size());
      run.push_back(std::move(p));
    }
    // ... and from the full column lines right before it (already in `out`).
    size_t head = 0;
    while (head < k_head_lines_per_column * columns && head < out.size() && full_column_line(out[out.size() - 1 - head]))
      ++head;
    std::vector<std::vector<Part>> rows;
    for (size_t k = out.size() - head; k < out.size(); ++k) rows.push_back({{out[k].begin, out[k].end}});
    out.resize(out.size() - head);
    for (std::vector<Part> &p : run) rows.push_back(std::move(p));
    // Each part to a column (column_order.h) over the rows up to the last
    // merged line. The lone lines after it are one column's: the one that
    // runs on below the others (the first, in a column layout filled from
    // the left), as long as they read as its text: a line that follows an
    // unfinished line, or a full line (a new paragraph). A short line after
    // a finished one is something else (a headline with no blank line
    // before it) and ends the run.
    std::vector<std::vector<Part>> by_column(columns);
    const size_t tail = head + last_merged + 1;
    std::vector<RowParts> texts(tail);
    for (size_t r = 0; r < tail; ++r)
      for (const Part &p : rows[r]) texts[r].push_back(text.substr(p.begin, p.end - p.begin));
    if (!words) words.emplace();
    const std::vector<std::vector<uint8_t>> column_of = assign_columns(texts, columns, column, *words);
    for (size_t r = 0; r < tail; ++r)
      for (size_t k = 0; k < rows[r].size(); ++k) by_column[column_of[r][k]].push_back(rows[r][k]);
    size_t r = tail;
    for (; r < rows.size() && !by_column[0].empty(); ++r) {
      const Part &before = by_column[0].back();
      const int width = layout_width(text.substr(rows[r][0].begin, rows[r][0].end - rows[r][0].begin));
      if (ends_sentence(text.substr(before.begin, before.end - before.begin)) && width < column - k_full_line_slack_cells)
        break;
      for (const Part &p : rows[r]) by_column[0].push_back(p);
    }
    const size_t end = i + (r - head);
    for (const std::vector<Part> &col : by_column)
      for (const Part &p : col) {
        Line l;
        l.begin = p.begin;
        l.end = p.end;
        l.width = layout_width(text.substr(p.begin, p.end - p.begin));
        l.blank = false;
        l.merged_columns = true;
        out.push_back(l);
      }
    // Columns set level to the last row: the bottom of a story set in
    // balanced columns. poppler prints the next block after a blank line;
    // text there that is no merged run opens another item (a story whose
    // headline the extractor printed elsewhere).
    story_ended = end < lines.size() && lines[end].blank && r == rows.size() && rows.back().size() == columns;
    i = end;
  }
  lines = std::move(out);
}

}  // namespace bm::detail
