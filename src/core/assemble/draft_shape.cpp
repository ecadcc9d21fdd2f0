#include "core/assemble/draft_shape.h"

#include <algorithm>
#include <optional>

#include "core/blocks/furniture.h"
#include "core/classify/byline.h"
#include "core/classify/classify.h"
#include "core/classify/cues.h"
#include "core/common/punct.h"
#include "core/common/utf8.h"
#include "core/lexicon/lexicon.h"

namespace bm::detail {

constexpr int k_full_line_slack_cells = 2;
constexpr int k_min_column_cells = 20;
bool wide_column(const Piece &p, const LayoutInfo &layout) {
  return layout.layout == Layout::HardWrapped && p.line < layout.column.size() &&
         layout.column[p.line] >= k_min_column_cells;
}

bool full_line(const Piece &p, const LayoutInfo &layout) {
  return wide_column(p, layout) && p.width >= layout.column[p.line] - k_full_line_slack_cells;
}

bool headline_leads(const Draft &d) {
  return !d.headline.empty() && !d.body.empty() && d.headline.back() < d.body.front();
}

bool editors_only(const PieceClass &c) {
  if (c.people.empty()) return false;
  for (const Byline &b : c.people)
    if (b.role != BylineRole::Editor) return false;
  return true;
}

void drop_piece(std::vector<size_t> &pieces, size_t piece) {
  pieces.erase(std::remove(pieces.begin(), pieces.end(), piece), pieces.end());
}

void absorb_text(Draft &story, const Draft &d) {
  story.body.insert(story.body.end(), d.body.begin(), d.body.end());
  story.endnotes.insert(story.endnotes.end(), d.endnotes.begin(), d.endnotes.end());
  story.all.insert(story.all.end(), d.all.begin(), d.all.end());
  story.confidence = std::min(story.confidence, d.confidence);
}

void append_as_text(Draft &story, const Draft &d) {
  story.body.insert(story.body.end(), d.headline.begin(), d.headline.end());
  absorb_text(story, d);
}

bool breaks_off(const Piece &p, const LayoutInfo &layout) {
  return p.last_in_line && full_line(p, layout) && !ends_sentence(p.text);
}

bool ends_in_dash(std::string_view text) {
  const std::string_view t = trim(text);
  size_t end = t.size();
  return !t.empty() && prev_cp(t, end) == 0x2014;
}

bool ends_on_subhead(const Piece &p, const PieceClass &c) {
  return p.first_in_line && p.last_in_line && p.blanks_before == 0 && c.headline_shaped && !ends_sentence(p.text) &&
         c.cues.bits == 0;
}

}  // namespace bm::detail
