#include "core/lines/grid.h"

#include <algorithm>
#include <cstdint>

#include "core/common/utf8.h"

namespace bm::detail {

namespace {

// A grid page pads its lines: at least this share of its lines (in tenths)
// hold a run of this many spaces between two pieces of text. Text from a
// reading-order extractor (pdfium, pdftotext without -layout) or a typed page
// has none: a justified line's gaps are one space wide.
constexpr size_t k_padding_spaces = 3;
constexpr size_t k_padded_tenths = 1;
// A gutter has text on both sides on at least this many lines of its region
// (and on a quarter of them): a region's margin or a centred title's sides
// are not gutters. A padded page with no gutter at all is read line by line.
constexpr size_t k_gutter_min_rows = 3;
// How far a gutter may wander from line to line (character positions).
constexpr int k_gutter_wander = 1;
// A column's line beside a gutter: at least this many cells of text without a
// space (a heading's words, a table's cells, a name are shorter).
constexpr int32_t k_column_text_cells = 6;
// Bounds on the work: a page is at most this large, in bytes and in cells
// of its rows times its widest row (a newspaper page's text is some 100 KB
// and 300 by 150 cells; larger text is read line by line), and regions are
// cut at most this deep.
constexpr size_t k_grid_max_bytes = size_t{8} << 20;
constexpr size_t k_grid_max_area = size_t{8} << 20;
constexpr int k_max_depth = 48;
// Blank rows that end a band of columns (one is a paragraph's space).
constexpr size_t k_band_gap_rows = 2;
constexpr int32_t k_far = INT32_MAX / 2;  // "no text from here on"

bool blank_cp(char32_t c) { return c == U' ' || c == 0x3000 || c == U'\t' || c == U'\r' || c == U'\f' || c == U'\v'; }

// What decides whether a page is read as a grid, found in one pass over its
// text before any cell is stored: does it pad its lines (a run of spaces
// between two pieces of text on a tenth of its lines), and its area (rows
// times the widest row's cells: what a scan for gutters reads). Rows and
// cells as Grid counts them.
struct PageShape {
  bool padded = false;
  size_t area = 0;
};

PageShape shape_of(std::string_view text) {
  size_t rows = 0, widest = 0, text_rows = 0, padded_rows = 0;
  size_t pos = 0;
  for (;;) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    if (nl == text.size() && pos == text.size() && !text.empty()) break;  // the empty tail after a final '\n'
    ++rows;
    size_t cells = 0, run = 0;
    bool seen_text = false, wide = false;
    for (size_t i = pos; i < nl; ++cells) {
      if (!blank_cp(next_cp(text, i))) {
        wide = wide || (seen_text && run >= k_padding_spaces);
        seen_text = true;
        run = 0;
      } else {
        ++run;
      }
    }
    widest = std::max(widest, cells);
    text_rows += seen_text;
    padded_rows += wide;
    if (nl == text.size()) break;
    pos = nl + 1;
  }
  return {text_rows > 0 && padded_rows * 10 >= text_rows * k_padded_tenths, widest * rows};
}

// The page's lines as cells (one character a cell, as the grid prints them),
// with, for every cell, where the run of blank cells around it starts and
// ends (a text cell: its own position), so that each question below is asked
// in constant time.
class Grid {
 public:
  explicit Grid(std::string_view text) : text_(text) {
    size_t pos = 0;
    for (;;) {
      size_t nl = text.find('\n', pos);
      if (nl == std::string_view::npos) nl = text.size();
      if (nl == text.size() && pos == text.size() && !text.empty()) break;  // the empty tail after a final '\n'
      add_row(pos, nl);
      if (nl == text.size()) break;
      pos = nl + 1;
    }
    row_first_.push_back(offset_.size());  // the end of the last row
  }

  size_t rows() const { return row_first_.size() - 1; }
  int32_t cells(size_t r) const { return static_cast<int32_t>(row_first_[r + 1] - row_first_[r] - 1); }
  size_t row_begin(size_t r) const { return offset_[row_first_[r]]; }
  bool blank(size_t r, int32_t c) const { return c < 0 || c >= cells(r) || is_blank_[row_first_[r] + c]; }
  // The first text cell at or after c (k_far when none), the last at or before c (-1 when none).
  int32_t next_text(size_t r, int32_t c) const {
    if (c < 0) c = 0;
    if (c >= cells(r)) return k_far;
    return next_text_[row_first_[r] + c];
  }
  int32_t prev_text(size_t r, int32_t c) const {
    if (c < 0) return -1;
    if (c >= cells(r)) c = cells(r) - 1;
    return c < 0 ? -1 : prev_text_[row_first_[r] + c];
  }
  // Byte offset of cell c of row r (c == cells(r): the row's end).
  size_t offset(size_t r, int32_t c) const { return offset_[row_first_[r] + c]; }
  std::string_view text() const { return text_; }

 private:
  void add_row(size_t begin, size_t end) {
    row_first_.push_back(offset_.size());
    const size_t first = offset_.size();
    for (size_t i = begin; i < end;) {
      offset_.push_back(i);
      is_blank_.push_back(blank_cp(next_cp(text_, i)));
    }
    offset_.push_back(end);
    is_blank_.push_back(true);  // the row's end: a sentinel cell
    const size_t n = offset_.size() - first - 1;
    next_text_.resize(offset_.size());
    prev_text_.resize(offset_.size());
    int32_t last = -1;
    for (size_t c = 0; c < n; ++c) {
      if (!is_blank_[first + c]) last = static_cast<int32_t>(c);
      prev_text_[first + c] = last;
    }
    int32_t next = k_far;
    for (size_t c = n; c-- > 0;) {
      if (!is_blank_[first + c]) next = static_cast<int32_t>(c);
      next_text_[first + c] = next;
    }
  }

  std::string_view text_;
  std::vector<size_t> row_first_;  // index of each row's first cell; one more: the end
  std::vector<size_t> offset_;     // byte offset of each cell, and of each row's end
  std::vector<bool> is_blank_;
  std::vector<int32_t> next_text_, prev_text_;
};

// A region: rows [r0, r1), and on each row the cells [lo, hi) that are its.
struct Region {
  size_t r0 = 0;
  std::vector<int32_t> lo, hi;
  size_t size() const { return lo.size(); }
};

// The gap a gutter at cell b leaves on one row of a region: cells [begin,
// end) blank, the row's text (if any) before and after it.
struct Gap {
  bool found = false;
  int32_t begin = 0, end = 0;
};

class GridReader {
 public:
  explicit GridReader(const Grid &g) : g_(g) {}

  std::vector<Line> read() {
    Region whole;
    for (size_t r = 0; r < g_.rows(); ++r) {
      whole.lo.push_back(0);
      whole.hi.push_back(g_.cells(r));
    }
    read(whole, 0);
    if (!found_gutter_) return {};  // no gutter: no columns to read apart
    return std::move(out_);
  }

 private:
  bool has_text(const Region &x, size_t i) const { return first_text(x, i) < x.hi[i]; }
  int32_t first_text(const Region &x, size_t i) const {
    const int32_t c = g_.next_text(x.r0 + i, x.lo[i]);
    return c < x.hi[i] ? c : k_far;
  }
  int32_t last_text(const Region &x, size_t i) const {
    const int32_t c = g_.prev_text(x.r0 + i, x.hi[i] - 1);
    return c >= x.lo[i] ? c : -1;
  }
  // Row i has text on both sides of gap g.
  bool text_both_sides(const Region &x, size_t i, const Gap &g) const {
    return g.found && first_text(x, i) < g.begin && last_text(x, i) >= g.end;
  }
  // The cells a gutter may stand between: from the first text cell of the
  // region's rows to the last.
  std::pair<int32_t, int32_t> text_cells(const Region &x) const {
    int32_t from = k_far, to = 0;
    for (size_t i = 0; i < x.size(); ++i) {
      if (!has_text(x, i)) continue;
      from = std::min(from, first_text(x, i));
      to = std::max(to, last_text(x, i));
    }
    return {from, to};
  }

  // The blank run of row i of the region that a gutter at cell b crosses:
  // the blank cell at b, or the nearest one at most k_gutter_wander cells
  // away (a gutter wanders), the left one first.
  Gap gap_at(const Region &x, size_t i, int32_t b) const {
    const size_t r = x.r0 + i;
    Gap g;
    for (int32_t step = 0; step <= 2 * k_gutter_wander; ++step) {
      const int32_t c = b + (step % 2 ? -(step + 1) / 2 : step / 2);
      if (c < x.lo[i] || c >= x.hi[i] || !g_.blank(r, c)) continue;
      g.found = true;
      g.begin = std::max(x.lo[i], g_.prev_text(r, c) + 1);
      g.end = std::min(x.hi[i], g_.next_text(r, c));
      return g;
    }
    // A row whose text ends before b or starts after it: the whole side is blank.
    const int32_t first = first_text(x, i), last = last_text(x, i);
    if (first == k_far || b > last + k_gutter_wander) {
      g.found = true;
      g.begin = last + 1 > x.lo[i] ? last + 1 : x.lo[i];
      g.end = x.hi[i];
    } else if (b < first - k_gutter_wander) {
      g.found = true;
      g.begin = x.lo[i];
      g.end = first;
    }
    return g;
  }

  // The gutters of a region: cells that every text row leaves blank (give or
  // take the wander), with text on both sides on enough rows. One cell per
  // gutter (the middle of a wide one).
  std::vector<int32_t> gutters(const Region &x) {
    const auto [from, to] = text_cells(x);
    size_t text_rows = 0;
    for (size_t i = 0; i < x.size(); ++i) text_rows += has_text(x, i);
    std::vector<int32_t> out;
    const size_t need = std::max(k_gutter_min_rows, text_rows / 4);
    int32_t run_first = -1;
    auto close_run = [&](int32_t b) {
      if (run_first < 0) return;
      out.push_back(run_first + (b - run_first) / 2);
      found_gutter_ = true;
      run_first = -1;
    };
    for (int32_t b = from + 1; b <= to; ++b) {
      size_t both = 0;
      bool open = true;
      for (size_t i = 0; i < x.size() && open; ++i) {
        if (!has_text(x, i)) continue;
        const Gap g = gap_at(x, i, b);
        open = g.found;
        both += text_both_sides(x, i, g);
      }
      if (open && both >= need) {
        if (run_first < 0) run_first = b;
      } else {
        close_run(b);
      }
    }
    close_run(to + 1);
    return out;
  }

  // Where a region has neither blank rows nor a gutter from top to bottom
  // (a page printed without blank lines: a title over two columns, a box
  // under them), the longest run of rows that a gutter parts, with the most
  // rows of text on both sides of it: the band of columns. Returns its rows
  // [first, second), or {0, 0} when no gutter parts enough rows.
  std::pair<size_t, size_t> band_of_columns(const Region &x) const {
    const auto [from, to] = text_cells(x);
    std::pair<size_t, size_t> best{0, 0};
    size_t best_both = 0;
    for (int32_t b = from + 1; b <= to; ++b) {
      size_t start = 0, both = 0;
      for (size_t i = 0; i <= x.size(); ++i) {
        if (i < x.size() && !has_text(x, i)) continue;  // a blank row: open
        const Gap g = i < x.size() ? gap_at(x, i, b) : Gap{};
        if (g.found) {
          both += text_both_sides(x, i, g);
          continue;
        }
        const size_t rows = i - start;
        const bool better = both > best_both || (both == best_both && rows > best.second - best.first);
        if (both >= std::max(k_gutter_min_rows, rows / 4) && better) {
          best = {start, i};
          best_both = both;
        }
        start = i + 1;
        both = 0;
      }
    }
    return best;
  }

  // Does a line of column text touch the gutter at `cut` on row i: a run
  // of text cells, unbroken, of a column line's length at least, ending at
  // the gutter's gap (left) or starting at it (right)? A heading, a byline,
  // a table's cells or a header's pieces are shorter runs, or stand apart.
  void column_text_at(const Region &x, size_t i, int32_t cut, bool &left, bool &right) const {
    const Gap g = gap_at(x, i, cut);
    if (!g.found) return;
    const size_t r = x.r0 + i;
    auto run = [&](int32_t c, int dir) {
      int32_t n = 0;
      while (n < k_column_text_cells && c >= x.lo[i] && c < x.hi[i] && !g_.blank(r, c)) ++n, c += dir;
      return n;
    };
    left = left || run(g.begin - 1, -1) >= k_column_text_cells;
    right = right || run(g.end, 1) >= k_column_text_cells;
  }

  // The rows of a region that its gutters part into columns: from the first
  // to the last row with column text on both sides of a gutter, and on over
  // the rows next to them with column text on one side (a column that runs
  // on after its neighbour ended). Rows above (a header, headings over the
  // columns) and below (a box under them) are read apart. {0, 0}: no row has
  // column text on both sides.
  std::pair<size_t, size_t> column_extent(const Region &x, const std::vector<int32_t> &cuts) const {
    std::vector<uint8_t> sides(x.size(), 0);  // 1: column text on one side, 2: on both
    for (size_t i = 0; i < x.size(); ++i) {
      bool both = false, one = false;
      for (int32_t cut : cuts) {
        bool left = false, right = false;
        column_text_at(x, i, cut, left, right);
        both = both || (left && right);
        one = one || left || right;
      }
      sides[i] = both ? 2 : one ? 1 : 0;
    }
    size_t first = x.size(), last = 0;
    for (size_t i = 0; i < x.size(); ++i)
      if (sides[i] == 2) first = std::min(first, i), last = i + 1;
    if (first == x.size()) return {0, 0};
    while (first > 0 && sides[first - 1] > 0) --first;
    while (last < x.size() && sides[last] > 0) ++last;
    return {first, last};
  }

  void emit_text(size_t r, int32_t first, int32_t last) {
    Line l;
    l.begin = static_cast<uint32_t>(g_.offset(r, first));
    l.end = static_cast<uint32_t>(g_.offset(r, last + 1));
    l.blank = false;
    l.width = layout_width(g_.text().substr(l.begin, l.end - l.begin));
    // A part of a printed line that holds other columns' text too: the item's
    // span holds their lines (flag columns_interleaved, as for merged lines).
    l.merged_columns = g_.next_text(r, 0) < first || g_.prev_text(r, g_.cells(r) - 1) > last;
    out_.push_back(l);
  }
  void emit_blank(size_t r, uint32_t count) {
    if (count == 0) return;
    if (!out_.empty() && out_.back().blank) {
      out_.back().lines += count;
      return;
    }
    Line l;
    l.begin = l.end = static_cast<uint32_t>(g_.row_begin(r));
    l.lines = count;
    out_.push_back(l);
  }

  // A region no cut parts, row by row. Pieces of a row that a padding gap
  // parts (three spaces or more: a row of two items' lines side by side, a
  // table's cells) are records of their own, left to right. (A headline
  // whose phrases are set far apart is cut too: the decoder reads its two
  // halves as two headline lines.)
  void read_rows(const Region &x) {
    for (size_t i = 0; i < x.size(); ++i) {
      if (!has_text(x, i)) {
        emit_blank(x.r0 + i, 1);
        continue;
      }
      const size_t r = x.r0 + i;
      const int32_t last = last_text(x, i);
      int32_t from = first_text(x, i);
      while (from <= last) {
        int32_t to = from;  // the piece runs to the last text cell before a padding gap
        for (int32_t c = from; c <= last;) {
          const int32_t gap_end = g_.next_text(r, c);
          if (gap_end - c >= static_cast<int32_t>(k_padding_spaces) || gap_end > last) break;
          to = gap_end == c ? c : gap_end;
          c = gap_end == c ? c + 1 : gap_end;
        }
        emit_text(r, from, to);
        from = g_.next_text(r, to + 1);
      }
    }
  }

  static Region slice(const Region &x, size_t from, size_t to) {
    Region s;
    s.r0 = x.r0 + from;
    s.lo.assign(x.lo.begin() + static_cast<std::ptrdiff_t>(from), x.lo.begin() + static_cast<std::ptrdiff_t>(to));
    s.hi.assign(x.hi.begin() + static_cast<std::ptrdiff_t>(from), x.hi.begin() + static_cast<std::ptrdiff_t>(to));
    return s;
  }

  void read(const Region &x, int depth) {
    if (x.size() == 0) return;
    if (x.size() == 1 || depth >= k_max_depth) return read_rows(x);
    // The columns parted by gutters from top to bottom (blank rows are open
    // everywhere), if any.
    const std::vector<int32_t> cuts = gutters(x);
    // Across first: the bands parted by blank rows, top to bottom. Where
    // gutters run through the region, one blank row is no band's end: a
    // paragraph's space, or the row of a line beside the region set a little
    // higher or lower (a note, a heading in a larger font); it takes two.
    const size_t min_gap = cuts.empty() || depth == 0 ? 1 : k_band_gap_rows;
    std::vector<std::pair<size_t, size_t>> bands;
    for (size_t i = 0; i < x.size(); ++i) {
      if (!has_text(x, i)) continue;
      if (bands.empty() || i - bands.back().second >= min_gap) bands.push_back({i, i});
      bands.back().second = i + 1;
    }
    if (bands.empty()) return emit_blank(x.r0, static_cast<uint32_t>(x.size()));
    if (bands.size() > 1 || bands[0].first > 0 || bands[0].second < x.size()) {
      // Blank rows over the first band and under the last (a column set lower
      // than its neighbour, or ending higher) are kept: where one item's
      // column ends and the next item's begins, they are the only sign.
      size_t at = 0;
      for (const auto &[b0, b1] : bands) {
        emit_blank(x.r0 + at, static_cast<uint32_t>(b0 - at));
        read(slice(x, b0, b1), depth + 1);
        at = b1;
      }
      emit_blank(x.r0 + at, static_cast<uint32_t>(x.size() - at));
      return;
    }
    // Then down, the columns; across again without blank rows: above the
    // columns (a header, headings over them), the columns, below (a box).
    const auto [b0, b1] = cuts.empty() ? band_of_columns(x) : column_extent(x, cuts);
    if (b1 == b0) return read_rows(x);
    if (b0 > 0 || b1 < x.size()) {
      for (const auto &[from, to] : {std::pair{size_t{0}, b0}, std::pair{b0, b1}, std::pair{b1, x.size()}})
        if (to > from) read(slice(x, from, to), depth + 1);
      return;
    }
    if (cuts.empty()) return read_rows(x);
    // A grid's gutters run on from one item to the next one under it: the
    // columns a region's gutters give may each hold parts of several items.
    // Neighbouring columns blank on a common row, with text above it and
    // below it in each, are the columns of one stack of items (one item
    // ends, the next starts). The first such group is cut off from the
    // region's other columns, so that each of its items is read in turn.
    std::vector<Region> columns = split(x, cuts);
    for (size_t a = 0; a + 1 < columns.size(); ++a) {
      std::vector<uint8_t> shared = inner_blank_rows(columns[a]);
      size_t b = a + 1;
      for (; b < columns.size(); ++b) {
        const std::vector<uint8_t> next = inner_blank_rows(columns[b]);
        std::vector<uint8_t> both(shared.size());
        bool any = false;
        for (size_t i = 0; i < shared.size(); ++i) any = (both[i] = shared[i] && next[i]) || any;
        if (!any) break;
        shared = std::move(both);
      }
      if (b == a + 1) continue;  // no neighbour shares a blank row with column a
      if (a == 0 && b == columns.size()) break;  // all share it: one blank row across, no band's end
      std::vector<int32_t> outer;
      if (a > 0) outer.push_back(cuts[a - 1]);
      if (b < columns.size()) outer.push_back(cuts[b - 1]);
      for (const Region &part : split(x, outer)) read(part, depth + 1);
      return;
    }
    for (const Region &c : columns) read(c, depth + 1);
  }

  // The rows of a region that are blank with text above them and below them.
  std::vector<uint8_t> inner_blank_rows(const Region &x) const {
    std::vector<uint8_t> out(x.size(), 0);
    size_t first = x.size(), last = 0;
    for (size_t i = 0; i < x.size(); ++i)
      if (has_text(x, i)) first = std::min(first, i), last = i;
    for (size_t i = first; i < last; ++i) out[i] = !has_text(x, i);
    return out;
  }

  // The region cut at the gutters `cuts` (cells, left to right) into columns.
  std::vector<Region> split(const Region &x, const std::vector<int32_t> &cuts) const {
    std::vector<Region> columns(cuts.size() + 1);
    for (Region &c : columns) {
      c.r0 = x.r0;
      c.lo.resize(x.size());
      c.hi.resize(x.size());
    }
    for (size_t i = 0; i < x.size(); ++i) {
      int32_t at = x.lo[i];
      for (size_t k = 0; k < cuts.size(); ++k) {
        const Gap g = gap_at(x, i, cuts[k]);
        const int32_t begin = g.found ? std::max(at, g.begin) : at, end = g.found ? std::max(at, g.end) : at;
        columns[k].lo[i] = at;
        columns[k].hi[i] = begin;
        at = end;
      }
      columns.back().lo[i] = at;
      columns.back().hi[i] = std::max(at, x.hi[i]);
    }
    return columns;
  }

  const Grid &g_;
  std::vector<Line> out_;
  bool found_gutter_ = false;  // some region had a gutter
};

}  // namespace

std::vector<Line> read_layout_grid(std::string_view text) {
  if (text.size() > k_grid_max_bytes || text.find("   ") == std::string_view::npos) return {};
  const PageShape shape = shape_of(text);
  if (!shape.padded || shape.area > k_grid_max_area) return {};
  const Grid grid(text);
  return GridReader(grid).read();
}

}  // namespace bm::detail
