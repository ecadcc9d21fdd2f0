// Stage 0b: the page text of positioned lines, in the convention the text
// pipeline reads best (one paragraph or headline part per line, a blank line
// after each): lines are read in reading_order(), and a line continues the
// paragraph before it when it has the same font, follows it closely, is not
// indented and the line before ran to the column's edge (also across the
// foot of one column and the head of the next) and neither is centred;
// big-font lines (headlines) join only when the line before ran to the right
// edge of the text under it (a wrapped title). Header cells on one row
// (also a page number stacked over the date) are one line; a line a little
// larger than the body right over or under a headline is a headline part
// (a kicker, a subtitle); a headline far from the line before it is set
// apart as an item's start. With the page's drawing (BM_LINE_DRAWN): the
// lines of a small frame of furniture are boxed, and an item opens at such a
// frame's edge and at a caption under a picture (unless the picture's title
// is the line before).
// Records which bytes of the text each line gave (boxes.h maps articles
// back onto the page with it).
#pragma once
#include <cstddef>
#include <string>
#include <vector>

#include "core/geometry/positioned.h"
#include "core/lines/lines.h"

namespace bm::detail {

struct LaidOutText {
  struct From {
    size_t begin = 0, end = 0;  // bytes of `text`
    size_t line = 0;            // index into the input lines
    Face face = Face::Unknown;  // of the text line these bytes are in
    bool continues = false;     // on the text line of the entry before (a wrapped line)
    bool item_break = false;   // the geometry says an item opens here: a small frame's edge
                               // or a picture stands between it and the line before, or
                               // it is a worded headline set apart
  };
  std::string text;
  std::vector<From> from;  // in text order, non-overlapping
};

// `drawn`: the rules and frames drawn on the page (BM_LINE_DRAWN), if known.
LaidOutText lay_out(const std::vector<PositionedLine> &lines, const std::vector<std::vector<size_t>> &leaves,
                    const std::vector<PageBox> &drawn = {});

// Each line of the laid-out text (split_lines of laid.text) gets the face
// (and item_break) of the bytes it starts with.
void set_faces(const LaidOutText &laid, std::vector<Line> &lines);

}  // namespace bm::detail
