// Stage 8 of a parse from positioned lines: each article and each of its
// headline parts and paragraphs gets the box on the page of the lines its
// text came from (the union of their boxes), through the spans into the
// laid-out text and the record of which line gave which bytes.
#pragma once
#include <vector>

#include "core/common/model.h"
#include "core/geometry/lay_out.h"
#include "core/geometry/positioned.h"

namespace bm::detail {

void attach_boxes(const LaidOutText &laid, const std::vector<PositionedLine> &lines, Page &page);

}  // namespace bm::detail
