#include "core/lines/columns.h"

#include <algorithm>
#include <cstdlib>

#include "core/common/utf8.h"

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
constexpr int k_column_width_slack_cells = 2;
// ... and as wide as this share (percent) of the median width of the page's
// other lines.
constexpr int k_column_share_percent = 80;

bool is_cjk(char32_t c) { return c >= 0x2E80; }

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

void mark_merged_columns(std::string_view text, std::vector<Line> &lines) {
  std::vector<int> left(lines.size(), -1);
  std::vector<int> widths;
  for (size_t i = 0; i < lines.size(); ++i) {
    lines[i].merged_columns = false;
    if (lines[i].blank) continue;
    left[i] = left_run_width(text.substr(lines[i].begin, lines[i].end - lines[i].begin));
    if (left[i] >= 0) widths.push_back(left[i]);
  }
  if (widths.size() < k_min_merged_lines) return;
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
  for (int &w : left)
    if (w < floor_width) w = -1;
  widths.erase(std::remove_if(widths.begin(), widths.end(), [floor_width](int w) { return w < floor_width; }),
               widths.end());
  if (widths.size() < k_min_merged_lines) return;
  // The column width: the left width most lines share (within the slack),
  // the first such in page order. Counted by binary search in a sorted copy:
  // a page can hold a line like this on every line.
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
  if (best_count < k_min_merged_lines) return;
  for (size_t i = 0; i < lines.size(); ++i)
    lines[i].merged_columns = left[i] >= 0 && std::abs(left[i] - best) <= k_column_width_slack_cells;
}

}  // namespace bm::detail
