// Stage 2b: lines in which a PDF extractor merged neighbouring columns.
// With a narrow gutter, poppler's pdftotext reads two or three columns as one
// line each (`…在城北林场启动。参加 负责人介绍，今年…`): the text of
// each column is there, but interleaved line by line, and the order of whole
// passages cannot be recovered from the text alone. Such lines are marked so
// that the items holding them say so (flag `columns_interleaved`) instead of
// passing the jumble off as a paragraph.
#pragma once
#include <string_view>
#include <vector>

#include "core/lines/lines.h"

namespace bm::detail {

// Sets Line::merged_columns: a line is merged when it holds two long runs of
// text side by side, parted by a space, and the page has several such lines
// (one alone is a headline with a gap).
void mark_merged_columns(std::string_view text, std::vector<Line> &lines);

}  // namespace bm::detail
