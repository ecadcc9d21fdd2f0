// Stage 0 of a parse from positioned lines (bm_parse_lines): the lines a PDF
// library or an OCR engine gives, each with its box on the page and its
// font. geometry/ turns them into the page text the text pipeline reads
// (reading_order, lay_out) and maps the articles back onto the page
// (boxes). Coordinates are points, origin at the top left, y growing down.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace bm::detail {

struct Box {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  double width() const { return x1 - x0; }
  double height() const { return y1 - y0; }
  void extend(const Box &b) {
    if (b.x0 < x0) x0 = b.x0;
    if (b.y0 < y0) y0 = b.y0;
    if (b.x1 > x1) x1 = b.x1;
    if (b.y1 > y1) y1 = b.y1;
  }
};

struct PositionedLine {
  std::string text;        // UTF-8, cleaned (no line ends, no control characters)
  Box box;
  double font_size = 0;    // points; 0 = unknown
  bool bold = false, italic = false;
  uint32_t page = 0;       // index of the page (of a multi-page source) the line is on
};

// What the page's geometry says of a line's type, when the text was laid out
// from positioned lines (lay_out.h); Unknown for a text page.
//   Body    set in the body's font (or near it)
//   Large   set in a headline's font (well above the body's)
//   Banner  a short line alone in a box of its own over a headline (a column
//           or series name)
//   Boxed   a line in a small frame drawn on the page (a label, a notice, a
//           correction): page furniture, not part of a story
enum class Face : uint8_t { Unknown, Body, Large, Banner, Boxed };

// The line's font size, or its box height when the source gave none.
inline double size_of(const PositionedLine &l) { return l.font_size > 0 ? l.font_size : l.box.height(); }

// Font sizes within this share of each other are one font.
constexpr double k_same_size = 0.12;
inline bool same_size(double a, double b) { return (a > b ? a - b : b - a) <= k_same_size * (a > b ? a : b); }

// A line is in a headline's font when its size is this many times the body's.
constexpr double k_headline_size = 1.25;

// Two lines stand on one row when their boxes overlap vertically by more
// than half the lower one's height.
inline bool on_one_row(const Box &a, const Box &b) {
  const double overlap = (a.y1 < b.y1 ? a.y1 : b.y1) - (a.y0 > b.y0 ? a.y0 : b.y0);
  return overlap > 0.5 * (a.height() < b.height() ? a.height() : b.height());
}

// A box on one page of the source.
struct PageBox {
  uint32_t page = 0;
  Box box;
};

}  // namespace bm::detail
