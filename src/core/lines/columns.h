// Stage 2b: lines in which a PDF extractor merged neighbouring columns.
// With a narrow gutter, poppler's pdftotext reads two or three columns as one
// line each (`…在城北林场启动。参加 负责人介绍，今年…`): the text of
// each column is there, but interleaved line by line. The lines are cut back
// into column lines and put in column order (the left column's lines, then
// the next column's) as far as the rhythm of the rows and the text tell
// (column_order.h); where a column line stands on a line of its own its
// column is read from evidence, not known, so the items holding such text
// say so (flag `columns_interleaved`) instead of passing it off as clean.
#pragma once
#include <string_view>
#include <vector>

#include "core/lines/lines.h"

namespace bm::detail {

// Finds merged lines (two long runs of text side by side, parted by a space,
// the left one a column wide, on several lines of the page: one alone is a
// headline with a gap), and rewrites each run of lines that holds them: every
// merged line becomes one record per column part, and the records of the run
// are put in column order. Records of a run get Line::merged_columns; a page
// without merged lines is left as it is. After columns that end level and a
// blank line, the next line that is no merged run gets Line::item_break.
void unmerge_columns(std::string_view text, std::vector<Line> &lines);

}  // namespace bm::detail
