#include "core/geometry/reading_order.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "core/common/utf8.h"

namespace bm::detail {

namespace {

// A band of white space across a region cuts it when it is at least this
// share of the region's typical line height: taller than the leading
// between the lines of one column (a column set line after line leaves
// 0.2-0.6 of a line between them, at the same heights in every column of a
// grid: cutting there would read the page across the columns), lower than
// the space between stories.
constexpr double k_row_gap_lines = 0.9;
// A header row holds at most this many cells of at most this many code points.
constexpr size_t k_header_cells_max = 5;
constexpr size_t k_header_cell_max_cps = 24;
// A gutter cuts when it is at least this share of the typical line height
// wide (column gutters are about one character wide; the characters of one
// line are never in different lines here).
constexpr double k_gutter_lines = 0.3;

double typical_height(const std::vector<PositionedLine> &lines, const std::vector<size_t> &idx) {
  std::vector<double> h;
  h.reserve(idx.size());
  for (size_t i : idx) h.push_back(lines[i].box.height());
  std::nth_element(h.begin(), h.begin() + h.size() / 2, h.end());
  return h[h.size() / 2];
}

// Splits idx where a gap of at least `gap` separates everything before from
// everything after along one axis (lo/hi: a line's extent on it). Returns the
// parts in axis order (one part when there is no such gap).
template <class Lo, class Hi>
std::vector<std::vector<size_t>> split_at_gaps(const std::vector<size_t> &idx, double gap, Lo lo, Hi hi) {
  std::vector<size_t> sorted = idx;
  std::sort(sorted.begin(), sorted.end(), [&](size_t a, size_t b) { return lo(a) != lo(b) ? lo(a) < lo(b) : a < b; });
  std::vector<std::vector<size_t>> parts(1);
  double reach = hi(sorted[0]);
  for (size_t k = 0; k < sorted.size(); ++k) {
    const size_t i = sorted[k];
    if (k > 0 && lo(i) - reach >= gap) parts.emplace_back();
    parts.back().push_back(i);
    reach = std::max(reach, hi(i));
  }
  return parts;
}

// One column: top to bottom; lines at one height (their boxes overlap by
// half a line) left to right.
std::vector<size_t> read_column(const std::vector<PositionedLine> &lines, std::vector<size_t> idx) {
  std::sort(idx.begin(), idx.end(), [&](size_t a, size_t b) {
    return lines[a].box.y0 != lines[b].box.y0 ? lines[a].box.y0 < lines[b].box.y0 : a < b;
  });
  std::vector<size_t> out;
  out.reserve(idx.size());
  for (size_t k = 0; k < idx.size();) {
    const Box &first = lines[idx[k]].box;
    size_t e = k + 1;
    while (e < idx.size()) {
      const Box &q = lines[idx[e]].box;
      if (!on_one_row(first, q)) break;
      ++e;
    }
    std::sort(idx.begin() + static_cast<std::ptrdiff_t>(k), idx.begin() + static_cast<std::ptrdiff_t>(e),
              [&](size_t a, size_t b) { return lines[a].box.x0 != lines[b].box.x0 ? lines[a].box.x0 < lines[b].box.x0 : a < b; });
    out.insert(out.end(), idx.begin() + static_cast<std::ptrdiff_t>(k), idx.begin() + static_cast<std::ptrdiff_t>(e));
    k = e;
  }
  return out;
}

// A region with neither a wide band across nor a gutter down it may still be
// columns under (or over) a few lines that span them, set closer than a
// band: a headline and its byline over the body's columns. Cut at the first
// narrow band from the top (or the bottom) below which (above which) the
// rest has a gutter; only the first k_peel_tries bands each way are tried.
constexpr size_t k_peel_tries = 8;
constexpr double k_narrow_band_lines = 0.25;

// The free x intervals of a region (no line covers them), sorted, the
// space left and right of all lines included (as +-infinity).
using Intervals = std::vector<std::pair<double, double>>;
constexpr double k_far = 1e300;

Intervals free_space(const std::vector<PositionedLine> &lines, const std::vector<size_t> &idx) {
  Intervals spans;
  spans.reserve(idx.size());
  for (size_t i : idx) spans.emplace_back(lines[i].box.x0, lines[i].box.x1);
  std::sort(spans.begin(), spans.end());
  Intervals out;
  if (spans.empty()) return {{-k_far, k_far}};
  out.emplace_back(-k_far, spans[0].first);
  double reach = spans[0].second;
  for (size_t k = 1; k < spans.size(); ++k) {
    if (spans[k].first > reach) out.emplace_back(reach, spans[k].first);
    reach = std::max(reach, spans[k].second);
  }
  out.emplace_back(reach, k_far);
  return out;
}

// The free space of two regions together: what both leave free.
Intervals intersect(const Intervals &a, const Intervals &b) {
  Intervals out;
  for (size_t i = 0, j = 0; i < a.size() && j < b.size();) {
    const double lo = std::max(a[i].first, b[j].first), hi = std::min(a[i].second, b[j].second);
    if (hi > lo) out.emplace_back(lo, hi);
    (a[i].second < b[j].second ? i : j)++;
  }
  return out;
}

// Gutters: the free intervals between lines (not the outside) at least
// k_gutter_lines * h wide.
Intervals gutters_of(const Intervals &free, double h) {
  Intervals out;
  for (const auto &f : free)
    if (f.first > -k_far && f.second < k_far && f.second - f.first >= k_gutter_lines * h) out.push_back(f);
  return out;
}

bool has_gutter(const std::vector<PositionedLine> &lines, const std::vector<size_t> &idx, double h) {
  return !gutters_of(free_space(lines, idx), h).empty();
}

// Two regions, one over the other, are parts of the same columns when a
// gutter of one overlaps a gutter of the other: the band between them runs
// through a multi-column flow (paragraph gaps, subheads at one height in
// every column), and the columns must be read whole.
bool share_gutter(const Intervals &free_a, const Intervals &free_b, double h) {
  const Intervals ga = gutters_of(free_a, h), gb = gutters_of(free_b, h);
  for (size_t i = 0, j = 0; i < ga.size() && j < gb.size();) {
    if (std::min(ga[i].second, gb[j].second) > std::max(ga[i].first, gb[j].first)) return true;
    (ga[i].second < gb[j].second ? i : j)++;
  }
  return false;
}

bool share_gutter(const std::vector<PositionedLine> &lines, const std::vector<size_t> &a,
                  const std::vector<size_t> &b, double h) {
  return share_gutter(free_space(lines, a), free_space(lines, b), h);
}

// Whether the row below continues the columns of the region above it, so
// that the band between them must not be cut: a gutter of each nearly the
// same (one flow of columns with a gap across it: paragraph gaps or subheads
// at one height in every column; unless the row below opens with a
// headline: new stories on the same grid), or a gutter of the row below lying in a
// gap between lines of the region above (side-by-side stories whose
// headlines stand on one row, over their columns). Not the other way round:
// a box or footer under columns often has a gap where their gutter is.
bool continues_columns(const Intervals &above_free, const Intervals &below_free, bool below_opens_with_headline,
                       double h) {
  const Intervals ga = gutters_of(above_free, h), gb = gutters_of(below_free, h);
  for (const auto &x : ga)
    for (const auto &y : gb) {
      const double overlap = std::min(x.second, y.second) - std::max(x.first, y.first);
      if (overlap >= 0.5 * std::max(x.second - x.first, y.second - y.first) && !below_opens_with_headline) return true;
      if (x.first <= y.first && y.second <= x.second) return true;
    }
  return false;
}

// Whether every gutter of `columns` lies in a free interval of `row`.
bool holds_gutters(const Intervals &row, const Intervals &columns, double h) {
  const Intervals g = gutters_of(columns, h);
  if (g.empty()) return false;
  for (const auto &x : g) {
    bool in = false;
    for (const auto &f : row) in = in || (f.first <= x.first && x.second <= f.second);
    if (!in) return false;
  }
  return true;
}

// Rows of a region, without cutting through columns (continues_columns);
// the free space of the merged rows kept as they grow: linear in the rows.
std::vector<std::vector<size_t>> rows_of(const std::vector<PositionedLine> &lines, const std::vector<size_t> &idx,
                                         double gap, double h) {
  auto rows = split_at_gaps(
      idx, gap, [&](size_t i) { return lines[i].box.y0; }, [&](size_t i) { return lines[i].box.y1; });
  std::vector<double> sizes;
  for (size_t i : idx) sizes.push_back(size_of(lines[i]));
  std::nth_element(sizes.begin(), sizes.begin() + sizes.size() / 2, sizes.end());
  const double body = sizes[sizes.size() / 2];
  auto opens_with_headline = [&](const std::vector<size_t> &r) {
    double top = k_far;
    for (size_t i : r) top = std::min(top, lines[i].box.y0);
    for (size_t i : r)
      if (lines[i].box.y0 < top + h && size_of(lines[i]) >= k_headline_size * body) return true;
    return false;
  };
  std::vector<std::vector<size_t>> out;
  Intervals last_free;
  std::vector<Intervals> frees;
  frees.reserve(rows.size());
  for (const auto &r : rows) frees.push_back(free_space(lines, r));
  // A header row (a page's cells: the section's name, the page number, the
  // paper and date) is a row of its own, though its wide gaps hold the
  // gutters of the columns under it: a few short lines in mixed fonts, some
  // at the body's size (side-by-side headlines are all in headline fonts).
  auto header_row = [&](const std::vector<size_t> &r) {
    if (r.size() < 2 || r.size() > k_header_cells_max) return false;
    bool body_size = false, other_size = false;
    for (size_t i : r) {
      if (cp_count(lines[i].text) > k_header_cell_max_cps) return false;
      (same_size(size_of(lines[i]), body) ? body_size : other_size) = true;
    }
    return body_size && other_size;
  };
  for (size_t k = 0; k < rows.size(); ++k) {
    bool merge = !out.empty() && !(k == 1 && out.size() == 1 && header_row(out[0])) &&
                 continues_columns(last_free, frees[k], opens_with_headline(rows[k]), h);
    // Subheads at one height in every column, with white round them: a row
    // whose gaps hold the columns' gutters, between two rows of the same
    // columns.
    if (!merge && !out.empty() && k + 1 < rows.size() && !opens_with_headline(rows[k]) &&
        !opens_with_headline(rows[k + 1]) &&
        holds_gutters(frees[k], last_free, h) && continues_columns(last_free, frees[k + 1], false, h)) {
      merge = true;
    }
    if (merge) {
      out.back().insert(out.back().end(), rows[k].begin(), rows[k].end());
      last_free = intersect(last_free, frees[k]);
    } else {
      out.push_back(std::move(rows[k]));
      last_free = frees[k];
    }
  }
  return out;
}

std::vector<std::vector<size_t>> peel_spanning_rows(const std::vector<PositionedLine> &lines,
                                                    const std::vector<size_t> &idx, double h) {
  auto rows = split_at_gaps(
      idx, k_narrow_band_lines * h, [&](size_t i) { return lines[i].box.y0; }, [&](size_t i) { return lines[i].box.y1; });
  if (rows.size() < 2) return {idx};
  auto join = [&](size_t from, size_t to) {
    std::vector<size_t> v;
    for (size_t r = from; r < to; ++r) v.insert(v.end(), rows[r].begin(), rows[r].end());
    return v;
  };
  for (size_t k = 1; k < rows.size() && k <= k_peel_tries; ++k) {
    std::vector<size_t> below = join(k, rows.size()), above = join(0, k);
    if (has_gutter(lines, below, h) && !share_gutter(lines, above, below, h)) return {std::move(above), std::move(below)};
  }
  for (size_t k = rows.size() - 1; k > 0 && rows.size() - k <= k_peel_tries; --k) {
    std::vector<size_t> above = join(0, k), below = join(k, rows.size());
    if (has_gutter(lines, above, h) && !share_gutter(lines, above, below, h)) return {std::move(above), std::move(below)};
  }
  return {idx};
}

// A headline centred over the columns of its story, narrower than one of
// them, lets the columns be cut apart with the headline on top of the middle
// one (which would then be read after the first column). When the columns
// part the region but start at different heights, and what lies above the
// last column's start is no body text (no line of the region's body font as
// wide as its body lines: a headline, its byline) and has no gutter of its
// own (side-by-side stories have one), that is cut off first.
constexpr double k_body_line_share = 0.8;

std::vector<std::vector<size_t>> heading_over_columns(const std::vector<PositionedLine> &lines,
                                                      const std::vector<size_t> &idx,
                                                      const std::vector<std::vector<size_t>> &cols, double h) {
  double start = -1e300;  // where the last column starts
  for (const auto &c : cols) {
    double top = 1e300;
    for (size_t i : c) top = std::min(top, lines[i].box.y0);
    start = std::max(start, top);
  }
  std::vector<size_t> above, below;
  for (size_t i : idx) (lines[i].box.y0 < start - k_narrow_band_lines * h ? above : below).push_back(i);
  if (above.empty()) return {};
  for (size_t i : above)
    if (lines[i].box.y1 > start) return {};  // a line reaches across the cut
  // The region's body: the font most characters are in, and the width of its lines.
  std::vector<double> sizes;
  for (size_t i : idx) sizes.push_back(size_of(lines[i]));
  std::nth_element(sizes.begin(), sizes.begin() + sizes.size() / 2, sizes.end());
  const double body = sizes[sizes.size() / 2];
  std::vector<double> widths;
  for (size_t i : idx) {
    const double sz = size_of(lines[i]);
    if (same_size(sz, body)) widths.push_back(lines[i].box.width());
  }
  std::nth_element(widths.begin(), widths.begin() + widths.size() / 2, widths.end());
  const double body_width = widths.empty() ? 0 : widths[widths.size() / 2];
  for (size_t i : above) {
    const double sz = size_of(lines[i]);
    if (same_size(sz, body) && lines[i].box.width() >= k_body_line_share * body_width)
      return {};
  }
  if (above.size() > 1 && has_gutter(lines, above, h)) return {};
  return {std::move(above), std::move(below)};
}

// The X-Y cut, with an explicit stack (a staircase of lines would nest one
// level per line). Work is bounded: once the regions cut have held
// k_work_per_line times as many lines as the page, what remains is read as
// columns.
constexpr size_t k_work_per_line = 64;

void cut_page(const std::vector<PositionedLine> &lines, const std::vector<size_t> &page,
              std::vector<std::vector<size_t>> &leaves) {
  std::vector<std::vector<size_t>> stack{page};
  size_t work = 0;
  while (!stack.empty()) {
    std::vector<size_t> idx = std::move(stack.back());
    stack.pop_back();
    if (idx.empty()) continue;
    work += idx.size();
    if (idx.size() > 1 && work <= k_work_per_line * page.size()) {
      const double h = std::max(typical_height(lines, idx), 1e-6);
      // Rows first (stories stack in rows; a story's headline row spans
      // its columns), but never a band through a flow of columns.
      auto parts = rows_of(lines, idx, k_row_gap_lines * h, h);
      if (parts.size() == 1) {
        parts = split_at_gaps(
            idx, k_gutter_lines * h, [&](size_t i) { return lines[i].box.x0; }, [&](size_t i) { return lines[i].box.x1; });
        if (parts.size() > 1) {
          auto heading = heading_over_columns(lines, idx, parts, h);
          if (!heading.empty()) parts = std::move(heading);
        }
      }
      if (parts.size() == 1) parts = peel_spanning_rows(lines, idx, h);
      if (parts.size() > 1) {
        for (size_t k = parts.size(); k-- > 0;) stack.push_back(std::move(parts[k]));
        continue;
      }
    }
    leaves.push_back(read_column(lines, std::move(idx)));
  }
}

}  // namespace

std::vector<std::vector<size_t>> reading_order(const std::vector<PositionedLine> &lines) {
  std::map<uint32_t, std::vector<size_t>> by_page;
  for (size_t i = 0; i < lines.size(); ++i) by_page[lines[i].page].push_back(i);
  std::vector<std::vector<size_t>> leaves;
  for (const auto &[page, idx] : by_page) cut_page(lines, idx, leaves);
  return leaves;
}

}  // namespace bm::detail
