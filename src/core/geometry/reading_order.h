// Stage 0a: the order in which a page's positioned lines are read. A
// newspaper page is a grid of rectangles (a Manhattan layout): the page is
// cut recursively, across at every band of white space that runs the whole
// width of the region (rows, read top to bottom), else down every gutter
// that runs its whole height (columns, read left to right), until a region
// is one column of lines: a leaf, read top to bottom (the X-Y cut of Nagy
// and Seth). Rows before columns: a story's headline row spans the columns
// of its body, and stories stack in rows.
#pragma once
#include <cstddef>
#include <vector>

#include "core/geometry/positioned.h"

namespace bm::detail {

// Leaves in reading order, each the indices of its lines top to bottom;
// pages in order of PositionedLine::page. Every line is in exactly one leaf.
// O(n log n) per level of cutting; the depth is bounded by the number of
// lines.
std::vector<std::vector<size_t>> reading_order(const std::vector<PositionedLine> &lines);

}  // namespace bm::detail
