#include "core/geometry/lay_out.h"

#include <algorithm>
#include <cmath>

#include "core/common/utf8.h"

namespace bm::detail {

namespace {

// Indent that starts a paragraph, and the room at a line's end that ends
// one, in characters of the line's font.
constexpr double k_indent_chars = 0.8;
constexpr double k_short_end_chars = 1.5;
// A paragraph's first line is indented by at most this many characters.
constexpr double k_max_indent_chars = 3.5;
// Lines of one paragraph are closer than this share of a line height.
constexpr double k_paragraph_gap_lines = 0.9;
// A banner (column name, series line) is at most this many characters.
constexpr size_t k_banner_max_cps = 16;
// A wrapped headline line fills at least this share of its column.
constexpr double k_wrapped_headline_share = 0.85;

// The font size most characters are set in.
double body_size(const std::vector<PositionedLine> &lines) {
  std::vector<std::pair<double, size_t>> sizes;
  for (const auto &l : lines) sizes.emplace_back(size_of(l), cp_count(l.text));
  std::sort(sizes.begin(), sizes.end());
  size_t total = 0;
  for (const auto &s : sizes) total += s.second;
  size_t seen = 0;
  for (const auto &s : sizes) {
    seen += s.second;
    if (2 * seen >= total) return s.first;
  }
  return sizes.empty() ? 0 : sizes.back().first;
}

bool ascii_alnum(unsigned char c) { return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'); }

struct Column {
  double x0 = 0, x1 = 0;
};

Column extent(const std::vector<PositionedLine> &lines, const std::vector<size_t> &leaf) {
  // The column's main font: the size of the median line.
  std::vector<double> sizes;
  for (size_t i : leaf) sizes.push_back(size_of(lines[i]));
  std::nth_element(sizes.begin(), sizes.begin() + sizes.size() / 2, sizes.end());
  const double main = sizes[sizes.size() / 2];
  // The edges of the main font's lines: the leftmost start (a paragraph's
  // first line is indented, a credit right-aligned, a centred line further
  // in: none starts left of the column) and the rightmost end (a leaf is one
  // column: no line of it reaches across a gutter).
  double x0 = 1e300, x1 = -1e300;
  for (size_t i : leaf)
    if (same_size(size_of(lines[i]), main)) {
      x0 = std::min(x0, lines[i].box.x0);
      x1 = std::max(x1, lines[i].box.x1);
    }
  return Column{x0, x1};
}

}  // namespace

LaidOutText lay_out(const std::vector<PositionedLine> &lines, const std::vector<std::vector<size_t>> &leaves) {
  LaidOutText out;
  const double body = body_size(lines);
  const PositionedLine *prev = nullptr;
  Column prev_col;
  auto append = [&](size_t i, const char *sep) {
    out.text += sep;
    const size_t b = out.text.size();
    out.text += lines[i].text;
    const Face face = size_of(lines[i]) >= k_headline_size * body ? Face::Large : Face::Body;
    out.from.push_back({b, out.text.size(), i, face});
  };
  bool prev_single_row = false;  // the last leaf's lines all stand on one row
  size_t prev_leaf_lines = 0;
  for (const auto &leaf : leaves) {
    const Column col = extent(lines, leaf);
    bool single_row = true;
    for (size_t i : leaf)
      if (lines[i].box.y0 >= lines[leaf[0]].box.y1 || lines[i].box.y1 <= lines[leaf[0]].box.y0) single_row = false;
    for (size_t k = 0; k < leaf.size(); ++k) {
      const PositionedLine &l = lines[leaf[k]];
      if (trim(l.text).empty()) continue;
      const double size = size_of(l);
      const bool head = size >= k_headline_size * body;
      bool join = false;
      bool same_row = false;
      // A row of short cells (a masthead: page number, section, paper and
      // date; a table row) is one line, as an extractor reading across
      // would give it: the line before is the whole of its own one-row
      // column, and this one starts a column on the same row.
      // Two headlines side by side are two stories' (not cells of a row).
      const bool row_cell = prev && k == 0 && prev_single_row && prev->page == l.page &&
                            !(head && size_of(*prev) >= k_headline_size * body) && on_one_row(prev->box, l.box);
      if (row_cell) {
        append(leaf[k], " ");
        prev = &l;
        prev_col = col;
        continue;
      }
      if (prev && prev->page == l.page && same_size(size_of(*prev), size) && prev->bold == l.bold) {
        const double h = std::max(prev->box.height(), l.box.height());
        same_row = k > 0 && on_one_row(prev->box, l.box);
        if (same_row) {
          join = true;
        } else if (k > 0 && l.box.y0 - prev->box.y1 >= k_paragraph_gap_lines * h) {
          join = false;  // a gap: a new block
        } else if (head) {
          join = k > 0 && prev->box.width() >= k_wrapped_headline_share * (col.x1 - col.x0);
        } else {
          // Body text: the line before ran to its column's edge, this one
          // starts at its column's edge (k == 0: the head of the next column).
          // Both start where the column does (the line before may be a
          // paragraph's indented first line): centred and right-aligned
          // lines (a credit, a date over a banner) are lines of their own.
          const bool prev_full = prev_col.x1 - prev->box.x1 < k_short_end_chars * size;
          const bool indented = std::fabs(l.box.x0 - col.x0) >= k_indent_chars * size;  // or outdented
          const double prev_in = prev->box.x0 - prev_col.x0;
          const bool prev_aligned = prev_in > -k_indent_chars * size && prev_in < k_max_indent_chars * size;
          // Across columns (k == 0) only from a column of a few lines to
          // one that starts higher up: the foot of one column to the head
          // of the next, not a header's cells or a banner.
          const bool continuation = k > 0 || (prev_leaf_lines >= 3 && l.box.y0 < prev->box.y0);
          join = prev_full && !indented && prev_aligned && continuation;
        }
      }
      if (!prev) {
        append(leaf[k], "");
      } else if (join) {
        const unsigned char a = static_cast<unsigned char>(out.text.back());
        const std::string_view t = trim(l.text);
        const unsigned char b = t.empty() ? 0 : static_cast<unsigned char>(t.front());
        append(leaf[k], same_row || (ascii_alnum(a) && ascii_alnum(b)) ? " " : "");
      } else {
        // A banner: a short line of its own in a box of its own, not in a
        // headline's font, over a headline. Set apart by a second blank
        // line, as a text page sets apart items.
        const bool banner = k == 0 && prev_leaf_lines == 1 && head && size_of(*prev) < k_headline_size * body &&
                            cp_count(prev->text) <= k_banner_max_cps;
        if (banner) out.from.back().face = Face::Banner;
        append(leaf[k], banner ? "\n\n\n" : "\n\n");
      }
      prev = &l;
      prev_col = col;
    }
    prev_single_row = single_row;
    prev_leaf_lines = leaf.size();
  }
  if (!out.text.empty()) out.text += "\n";
  return out;
}

void set_faces(const LaidOutText &laid, std::vector<Line> &lines) {
  for (Line &l : lines) {
    if (l.blank) continue;
    auto it = std::upper_bound(laid.from.begin(), laid.from.end(), l.begin,
                               [](size_t pos, const LaidOutText::From &f) { return pos < f.end; });
    if (it != laid.from.end() && it->begin <= l.begin) l.face = it->face;
  }
}

}  // namespace bm::detail
