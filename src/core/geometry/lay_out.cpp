#include "core/geometry/lay_out.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "core/common/utf8.h"
#include "core/normalize/inline_text.h"

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
// A headline line set alone (its own leaf) wrapped when it ends within this
// many of its characters of the right edge of the text below it; that text is
// looked for in the next few leaves, at most this many lines of the headline
// below it.
constexpr double k_wrapped_headline_room_chars = 1.5;
constexpr size_t k_wrap_lookahead_leaves = 4;
constexpr double k_wrap_lookdown_lines = 6;
// A centred line is inset from both edges by at least this many characters,
// by amounts within this many characters of each other.
constexpr double k_centred_min_inset_chars = 0.5;
constexpr double k_centred_slack_chars = 0.6;
// Header cells stacked beside a row (a page number over a date) are at most
// this many lines.
constexpr size_t k_stacked_cells_max_lines = 3;
// The page's header band: this many body sizes under the top of its text.
constexpr double k_header_band_lines = 3;
// A kicker or subtitle set between the body's font and a headline's: at least
// this many times the body's size, alone on its line, and closer to the
// headline line above or below it than this many of the larger line heights.
constexpr double k_headline_part_size = 1.1;
constexpr double k_headline_part_gap_lines = 1.0;
// What is drawn on the page (BM_LINE_DRAWN): a rule is at most this share of
// the body's size thick; anything thicker is a frame. At most this many
// frames per page are read (a page drawn as hatching is no page of boxes).
constexpr double k_rule_max_thickness = 0.35;
constexpr size_t k_max_drawn_per_page = 500;
// Rules read per page, each way, to find frames drawn as four rules (the
// search is cubic in them).
constexpr size_t k_max_rules_per_page = 100;
// A small frame (a label, a notice, a correction, not a boxed story) holds at
// most this many lines of at most this many code points in all.
constexpr size_t k_small_frame_lines = 6;
constexpr size_t k_small_frame_cps = 160;
// A picture is a drawn frame at least this many body sizes wide and high;
// its caption's first line starts within this many of its line heights under it.
constexpr double k_picture_min_lines = 3;
constexpr double k_caption_gap_lines = 1.5;
// A headline line farther than this many of its line heights from the line
// before (or beside it, not under it) starts an item of its own: the line
// before cannot be its kicker.
constexpr double k_item_gap_lines = 1.5;

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

bool has_han(std::string_view t) {
  for (size_t i = 0; i < t.size();)
    if (is_han(next_cp(t, i))) return true;
  return false;
}

bool overlap_x(const Box &a, const Box &b) { return std::min(a.x1, b.x1) > std::max(a.x0, b.x0); }

// Whether the centre of `b` lies inside `f`.
bool holds_centre(const Box &f, const Box &b) {
  const double cx = (b.x0 + b.x1) / 2, cy = (b.y0 + b.y1) / 2;
  return cx > f.x0 && cx < f.x1 && cy > f.y0 && cy < f.y1;
}

// A kicker's or subtitle's size: a little larger than the body, not its font.
bool headline_part_size(double size, double body) {
  return size >= k_headline_part_size * body && !same_size(size, body);
}

// `upper` stands right over `lower`, overlapping it across.
bool close_over(const Box &upper, const Box &lower) {
  const double gap = lower.y0 - upper.y1;
  return overlap_x(upper, lower) && gap >= 0 &&
         gap < k_headline_part_gap_lines * std::max(upper.height(), lower.height());
}

// The lines of each page, by index.
std::map<uint32_t, std::vector<size_t>> lines_by_page(const std::vector<PositionedLine> &lines) {
  std::map<uint32_t, std::vector<size_t>> on_page;
  for (size_t i = 0; i < lines.size(); ++i) on_page[lines[i].page].push_back(i);
  return on_page;
}

// A line centred in its column (a notice's lines, a box's title): not a
// paragraph's line, whatever its width.
bool centred(const PositionedLine &l, const Column &col, double size) {
  const double left = l.box.x0 - col.x0, right = col.x1 - l.box.x1;
  return left >= k_indent_chars * size && right >= k_centred_min_inset_chars * size &&
         std::fabs(left - right) <= k_centred_slack_chars * size;
}

// The right edge of the text under a headline line: the lines not in a
// headline's font of this leaf and the next few below it (close under it,
// overlapping it across), or -inf.
double right_edge_below(const std::vector<PositionedLine> &lines, const std::vector<std::vector<size_t>> &leaves,
                        size_t from_leaf, const PositionedLine &head, double body) {
  double right = -1e300;
  const double reach = head.box.y1 + k_wrap_lookdown_lines * head.box.height();
  for (size_t j = from_leaf; j < leaves.size() && j < from_leaf + k_wrap_lookahead_leaves; ++j)
    for (size_t i : leaves[j]) {
      const PositionedLine &l = lines[i];
      if (l.page == head.page && size_of(l) < k_headline_size * body && l.box.y0 >= head.box.y1 &&
          l.box.y0 <= reach && overlap_x(l.box, head.box))
        right = std::max(right, l.box.x1);
    }
  return right;
}

// The page's drawing: the frames (boxes: a border or a background) on it.
// An item does not run across the edge of a small frame of furniture
// (small_frames). Frames are kept by page, smallest first, so that all the
// work is within one page.
class Drawing {
 public:
  Drawing(const std::vector<PageBox> &drawn, double body) {
    std::map<uint32_t, std::vector<Box>> by_page;
    std::map<uint32_t, std::vector<Box>> across, down;  // rules, by page
    const double thin = k_rule_max_thickness * body;
    for (const PageBox &d : drawn) {
      // A rule alone (a thin line across or down: between stories, between
      // columns) parts nothing: a rule also sets off a lead or a quote
      // inside a story, and the text does not say which. Four rules meeting
      // at the corners are a frame.
      if (d.box.height() <= thin || d.box.width() <= thin) {
        auto &rules = d.box.height() <= thin ? across[d.page] : down[d.page];
        if (rules.size() < k_max_rules_per_page) rules.push_back(d.box);
        continue;
      }
      std::vector<Box> &on_page = by_page[d.page];
      if (on_page.size() < k_max_drawn_per_page) on_page.push_back(d.box);
    }
    for (auto &[page, tops] : across) {
      const std::vector<Box> &sides = down[page];
      const double tol = 2 * thin;
      const auto near = [tol](double a, double b) { return std::fabs(a - b) <= tol; };
      // A side rule down from the top rule to the bottom one at x.
      const auto side_at = [&](double x, double y0, double y1) {
        for (const Box &v : sides)
          if (near(v.x0, x) && v.y0 <= y0 + tol && v.y1 >= y1 - tol) return true;
        return false;
      };
      for (const Box &top : tops) {
        const Box *bottom = nullptr;  // the nearest rule under it of the same width, with sides
        for (const Box &b : tops)
          if (b.y0 > top.y1 && near(b.x0, top.x0) && near(b.x1, top.x1) && (!bottom || b.y0 < bottom->y0) &&
              side_at(top.x0, top.y0, b.y1) && side_at(top.x1, top.y0, b.y1))
            bottom = &b;
        std::vector<Box> &on_page = by_page[page];
        if (bottom && on_page.size() < k_max_drawn_per_page) on_page.push_back({top.x0, top.y0, top.x1, bottom->y1});
      }
    }
    for (auto &[page, boxes] : by_page) {
      // Smallest first: a line's frame is the innermost one holding it.
      std::stable_sort(boxes.begin(), boxes.end(),
                       [](const Box &a, const Box &b) { return a.width() * a.height() < b.width() * b.height(); });
      // A frame around another (a photo and its caption, framed together)
      // is a picture's, not a box of text: its caption belongs with the
      // title over it. Smallest first: only frames before one can be in it.
      const size_t begin = frames_.size();
      for (size_t i = 0; i < boxes.size(); ++i) {
        bool holds_frame = false;
        for (size_t j = 0; j < i && !holds_frame; ++j) holds_frame = inside(boxes[j], boxes[i]);
        if (!holds_frame) frames_.push_back({page, boxes[i]});
      }
      pages_[page] = {begin, frames_.size()};
    }
  }
  // 1 + the index of the innermost frame holding the line's centre; 0 for none.
  size_t frame_of(const PositionedLine &l) const {
    const auto range = pages_.find(l.page);
    if (range == pages_.end()) return 0;
    for (size_t i = range->second.first; i < range->second.second; ++i)
      if (holds_centre(frames_[i].box, l.box)) return i + 1;
    return 0;
  }
  const PageBox &frame(size_t id) const { return frames_[id - 1]; }

 private:
  static bool inside(const Box &a, const Box &b) { return a.x0 >= b.x0 && a.x1 <= b.x1 && a.y0 >= b.y0 && a.y1 <= b.y1; }
  std::vector<PageBox> frames_;
  std::map<uint32_t, std::pair<size_t, size_t>> pages_;  // page: its range of frames_
};

// The frame (1 + its index in the drawing, 0 for none) each line is in,
// kept only for small frames of furniture: a label, a notice, a correction,
// the weather. A frame with body text close under it (a quote boxed inside
// a story, the story running on below) holds part of that story, and a
// frame of many lines is a boxed story: neither parts anything.
std::vector<size_t> small_frames(const std::vector<PositionedLine> &lines,
                                 const std::map<uint32_t, std::vector<size_t>> &on_page, const Drawing &drawing,
                                 double body) {
  std::vector<size_t> frame(lines.size(), 0);
  std::map<size_t, std::pair<size_t, size_t>> held;  // frame: lines, code points
  for (size_t i = 0; i < lines.size(); ++i)
    if ((frame[i] = drawing.frame_of(lines[i]))) {
      auto &h = held[frame[i]];
      h.first += 1;
      h.second += cp_count(lines[i].text);
    }
  std::map<size_t, bool> keep;
  for (const auto &[f, h] : held) {
    bool small = h.first <= k_small_frame_lines && h.second <= k_small_frame_cps;
    const PageBox &b = drawing.frame(f);
    // The nearest line under the frame, across from it (only small frames
    // look: at most a few hundred per page).
    const PositionedLine *under = nullptr;
    if (small)
      for (size_t i : on_page.at(b.page)) {  // the frame holds a line of its page
        const PositionedLine &l = lines[i];
        if (frame[i] == f || l.box.y0 < b.box.y1 || !overlap_x(l.box, b.box)) continue;
        if (!under || l.box.y0 < under->box.y0) under = &l;
      }
    if (small && under && size_of(*under) < k_headline_size * body &&
        under->box.y0 - b.box.y1 < k_item_gap_lines * under->box.height())
      small = false;
    keep[f] = small;
  }
  for (size_t &f : frame)
    if (f && !keep[f]) f = 0;
  return frame;
}

// The lines right under a picture (a drawn frame holding no text, at least a
// few lines high: a photo, a chart): a caption's first line. A caption opens
// an item of its own unless the line before it is the picture's title.
std::vector<bool> under_pictures(const std::vector<PositionedLine> &lines,
                                 const std::map<uint32_t, std::vector<size_t>> &on_page,
                                 const std::vector<PageBox> &drawn, double body) {
  std::vector<bool> under(lines.size(), false);
  std::map<uint32_t, size_t> seen;
  for (const PageBox &d : drawn) {
    if (d.box.width() < k_picture_min_lines * body || d.box.height() < k_picture_min_lines * body) continue;
    if (seen[d.page]++ >= k_max_drawn_per_page) continue;
    const auto it = on_page.find(d.page);
    if (it == on_page.end()) continue;
    bool holds_text = false;
    double top = 1e300;  // the first row under it
    for (size_t i : it->second) {
      const Box &b = lines[i].box;
      holds_text = holds_text || holds_centre(d.box, b);
      if (b.y0 >= d.box.y1 && b.y0 - d.box.y1 < k_caption_gap_lines * b.height() && overlap_x(b, d.box))
        top = std::min(top, b.y0);
    }
    if (holds_text || top == 1e300) continue;
    for (size_t i : it->second) {
      const Box &b = lines[i].box;
      if (b.y0 >= d.box.y1 && b.y0 < top + 0.5 * b.height() && overlap_x(b, d.box)) under[i] = true;
    }
  }
  return under;
}

// A kicker or a subtitle set a little larger than the body (a line of its
// own right over or under a headline's line, overlapping it across) is a
// headline part, as a line in the headline's font is.
void mark_headline_parts(const std::vector<PositionedLine> &lines, double body, std::vector<LaidOutText::From> &from) {
  const auto alone = [&](size_t m) { return !from[m].continues && (m + 1 == from.size() || !from[m + 1].continues); };
  const auto next_to = [&](size_t m, size_t n) {
    const Box &a = lines[from[m].line].box, &b = lines[from[n].line].box;
    return lines[from[m].line].page == lines[from[n].line].page && (close_over(a, b) || close_over(b, a));
  };
  for (size_t m = 0; m < from.size(); ++m) {
    if (from[m].face != Face::Body || !alone(m) || !headline_part_size(size_of(lines[from[m].line]), body)) continue;
    const bool after_head = m > 0 && from[m - 1].face == Face::Large && next_to(m, m - 1);
    const bool before_head = m + 1 < from.size() && from[m + 1].face == Face::Large && next_to(m, m + 1);
    if (after_head || before_head) from[m].face = Face::Large;
  }
}

}  // namespace

LaidOutText lay_out(const std::vector<PositionedLine> &lines, const std::vector<std::vector<size_t>> &leaves,
                    const std::vector<PageBox> &drawn) {
  LaidOutText out;
  const double body = body_size(lines);
  const auto is_head = [&](const PositionedLine &l) { return size_of(l) >= k_headline_size * body; };
  const Drawing drawing(drawn, body);
  std::vector<size_t> frame(lines.size(), 0);
  std::vector<bool> caption_start(lines.size(), false);
  if (!drawn.empty()) {
    const auto on_page = lines_by_page(lines);
    frame = small_frames(lines, on_page, drawing, body);
    caption_start = under_pictures(lines, on_page, drawn, body);
  }
  const PositionedLine *prev = nullptr;
  size_t prev_index = 0;  // prev's index in lines
  Column prev_col;
  auto append = [&](size_t i, const char *sep, bool item_break = false) {
    const bool continues = prev && sep[0] != '\n';
    out.text += sep;
    const size_t b = out.text.size();
    out.text += lines[i].text;
    const Face face = is_head(lines[i]) ? Face::Large : Face::Body;
    out.from.push_back({b, out.text.size(), i, face, continues, item_break});
  };
  bool prev_single_row = false;  // the last leaf's lines all stand on one row
  Box prev_leaf_box;
  std::map<uint32_t, double> page_top;  // the top of each page's text
  for (const auto &l : lines) {
    auto it = page_top.emplace(l.page, l.box.y0).first;
    it->second = std::min(it->second, l.box.y0);
  }
  size_t prev_leaf_lines = 0;
  for (size_t leaf_i = 0; leaf_i < leaves.size(); ++leaf_i) {
    const auto &leaf = leaves[leaf_i];
    const Column col = extent(lines, leaf);
    bool single_row = true, any_head = false;
    Box leaf_box = lines[leaf[0]].box;
    for (size_t i : leaf) {
      if (lines[i].box.y0 >= lines[leaf[0]].box.y1 || lines[i].box.y1 <= lines[leaf[0]].box.y0) single_row = false;
      leaf_box.extend(lines[i].box);
      any_head = any_head || is_head(lines[i]);
    }
    // Header cells stacked beside the row before at the page's top (a page
    // number over the date, beside the section's name) are cells of that row.
    const uint32_t page = lines[leaf[0]].page;
    const bool stacked_cells = prev && prev_single_row && leaf.size() <= k_stacked_cells_max_lines && !any_head &&
                               prev->page == page && on_one_row(prev_leaf_box, leaf_box) &&
                               prev_leaf_box.y0 - page_top[page] < k_header_band_lines * body;
    for (size_t k = 0; k < leaf.size(); ++k) {
      const PositionedLine &l = lines[leaf[k]];
      if (trim(l.text).empty()) continue;
      const double size = size_of(l);
      const bool head = is_head(l);
      // The edge of a small frame between this line and the one before, or
      // a picture: a caption after anything but the picture's title.
      const bool item_break = prev && !drawn.empty() &&
                               (frame[leaf[k]] != frame[prev_index] || (caption_start[leaf[k]] && !is_head(*prev)));
      bool join = false;
      bool same_row = false;
      // A row of short cells (a masthead: page number, section, paper and
      // date; a table row) is one line, as an extractor reading across
      // would give it: the line before is the whole of its own one-row
      // column, and this one starts a column on the same row.
      // Two headlines side by side are two stories' (not cells of a row).
      const bool row_cell = !item_break && (stacked_cells || (prev && k == 0 && prev_single_row && prev->page == l.page &&
                                                               !(head && is_head(*prev)) && on_one_row(prev->box, l.box)));
      if (row_cell) {
        append(leaf[k], " ");
        prev = &l;
        prev_index = leaf[k];
        prev_col = col;
        continue;
      }
      if (prev && !item_break && prev->page == l.page && same_size(size_of(*prev), size) && prev->bold == l.bold) {
        const double h = std::max(prev->box.height(), l.box.height());
        const double gap = l.box.y0 - prev->box.y1;
        same_row = k > 0 && on_one_row(prev->box, l.box);
        if (same_row) {
          join = true;
        } else if (k > 0 && gap >= k_paragraph_gap_lines * h) {
          join = false;  // a gap: a new block
        } else if (head) {
          // A headline line wrapped when the line before ran to the right
          // edge of the text under it and this line starts under it (in
          // this leaf, or alone in the next: the reading order may give
          // each line of a headline a leaf of its own). A headline set on
          // two lines on purpose ends its first line short of that edge.
          join = (k > 0 || prev_leaf_lines == 1) && gap >= 0 && gap < k_paragraph_gap_lines * h &&
                 l.box.x0 > prev->box.x0 - size &&
                 right_edge_below(lines, leaves, leaf_i, *prev, body) - prev->box.x1 < k_wrapped_headline_room_chars * size;
        } else {
          // Body text: the line before ran to its column's edge, this one
          // starts at its column's edge (k == 0: the head of the next column).
          // Both start where the column does (the line before may be a
          // paragraph's indented first line): centred and right-aligned
          // lines (a credit, a date over a banner, a notice's lines) are
          // lines of their own.
          const bool prev_full = prev_col.x1 - prev->box.x1 < k_short_end_chars * size;
          const bool indented = std::fabs(l.box.x0 - col.x0) >= k_indent_chars * size;  // or outdented
          const double prev_in = prev->box.x0 - prev_col.x0;
          const bool prev_aligned = prev_in > -k_indent_chars * size && prev_in < k_max_indent_chars * size;
          // Across columns (k == 0) only from a column of a few lines to
          // one that starts higher up: the foot of one column to the head
          // of the next, not a header's cells or a banner.
          const bool continuation = k > 0 || (prev_leaf_lines >= 3 && l.box.y0 < prev->box.y0);
          join = prev_full && !indented && prev_aligned && continuation && !centred(*prev, prev_col, size_of(*prev));
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
        // (A kicker a little larger than the body, right over the
        // headline, is no banner: mark_headline_parts.)
        const bool kicker = headline_part_size(size_of(*prev), body) && close_over(prev->box, l.box);
        const bool banner = k == 0 && prev_leaf_lines == 1 && head && !is_head(*prev) && !kicker &&
                            cp_count(prev->text) <= k_banner_max_cps;
        if (banner) out.from.back().face = Face::Banner;
        // A headline far from the line before, or not under it, opens an
        // item: the line before (an ad's last line, a box's credit) is no
        // kicker of it.
        const bool apart = head && !is_head(*prev) &&
                           (prev->page != l.page || !overlap_x(prev->box, l.box) || l.box.y1 <= prev->box.y0 ||
                            l.box.y0 - prev->box.y1 >= k_item_gap_lines * l.box.height());
        // Set apart and worded (not a page number in a big font), it opens
        // an item whatever the text around it says.
        append(leaf[k], apart ? "\n\n\n\n" : banner ? "\n\n\n" : "\n\n", item_break || (apart && has_han(l.text)));
      }
      prev = &l;
      prev_index = leaf[k];
      prev_col = col;
    }
    prev_single_row = single_row;
    prev_leaf_box = leaf_box;
    prev_leaf_lines = leaf.size();
  }
  mark_headline_parts(lines, body, out.from);
  // The lines of a small frame are furniture, whatever their font.
  for (auto &f : out.from)
    if (frame[f.line]) f.face = Face::Boxed;
  if (!out.text.empty()) out.text += "\n";
  return out;
}

void set_faces(const LaidOutText &laid, std::vector<Line> &lines) {
  for (Line &l : lines) {
    if (l.blank) continue;
    auto it = std::upper_bound(laid.from.begin(), laid.from.end(), l.begin,
                               [](size_t pos, const LaidOutText::From &f) { return pos < f.end; });
    if (it != laid.from.end() && it->begin <= l.begin) {
      l.face = it->face;
      l.item_break = it->item_break;
    }
  }
}

}  // namespace bm::detail
