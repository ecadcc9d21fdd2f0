// Stage 2a: a page laid out as a grid of characters, as `pdftotext -layout`
// (and other extractors' "keep the layout" modes) print it: every printed
// line holds all the columns side by side, padded with spaces to where each
// column starts, so a column is the same band of character positions down
// many lines. Read line by line, such a page interleaves every column.
//
// The page is read by cutting it the way a reader's eye does (the XY cut of
// document layout analysis): across, at blank lines that run the width of a
// region (a page's bands: header, a story, the row of stories under it); and
// down, at gutters, character positions that are blank on every line of a
// region with text on both sides (its columns). A region neither cut parts
// is read line by line. Gutters may wander by a position from line to line
// (a line with half-width digits holds more characters in the same width).
#pragma once
#include <string_view>
#include <vector>

#include "core/lines/lines.h"

namespace bm::detail {

// When `text` is a page laid out as a character grid with columns side by
// side, returns its line records in reading order (each column's part of a
// printed line a record of its own, regions top to bottom, columns left to
// right); otherwise an empty vector, and the page is read line by line.
std::vector<Line> read_layout_grid(std::string_view text);

}  // namespace bm::detail
