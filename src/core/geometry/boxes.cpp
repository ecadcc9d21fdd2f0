#include "core/geometry/boxes.h"

#include <algorithm>

namespace bm::detail {

namespace {

// The union of the boxes of the lines that gave bytes of [b, e), on the page
// of the first of them (an article split over two pages keeps its first).
std::optional<PageBox> box_of(const LaidOutText &laid, const std::vector<PositionedLine> &lines, size_t b, size_t e) {
  auto it = std::upper_bound(laid.from.begin(), laid.from.end(), b,
                             [](size_t pos, const LaidOutText::From &f) { return pos < f.end; });
  std::optional<PageBox> out;
  for (; it != laid.from.end() && it->begin < e; ++it) {
    const PositionedLine &l = lines[it->line];
    if (!out) {
      out = PageBox{l.page, l.box};
    } else if (l.page == out->page) {
      out->box.extend(l.box);
    }
  }
  return out;
}

}  // namespace

void attach_boxes(const LaidOutText &laid, const std::vector<PositionedLine> &lines, Page &page) {
  for (Article &a : page.articles) {
    a.bbox = box_of(laid, lines, a.span_begin, a.span_end);
    if (!a.spans) continue;
    FieldBoxes f;
    for (const Span &s : a.spans->headline) f.headline.push_back(box_of(laid, lines, s.begin, s.end));
    for (const Span &s : a.spans->paragraphs) f.paragraphs.push_back(box_of(laid, lines, s.begin, s.end));
    a.boxes = std::move(f);
  }
}

}  // namespace bm::detail
