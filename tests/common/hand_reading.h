// A decoder's reading set by hand, one piece per line, run through
// build_drafts (assemble/): for tests of the rules that read the drafts of a
// whole page, apart from the model's weights.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "common/core_fixtures.h"
#include "core/assemble/assemble.h"
#include "core/classify/classify.h"
#include "core/segment/grammar.h"

namespace bm_test {

struct ReadRow {
  const char *text;
  bm::detail::State state;
  int blanks_before;  // blank lines before it
  int width = 0;      // display cells of its line (hard-wrapped pages)
};

// One piece per row, read as the rows' states say. `column` > 0: a
// hard-wrapped page of that column width (display cells); 0: one paragraph
// per line. `classified`: each piece's class is classify/'s (its byline,
// headline shape, cues), else the default (body text, no evidence).
inline bm::detail::Assembly hand_reading(const std::vector<ReadRow> &rows, int column = 0, bool classified = false) {
  using namespace bm::detail;
  Assembly a;
  if (column > 0) {
    a.layout.layout = Layout::HardWrapped;
    a.layout.column.assign(rows.size(), column);
  }
  uint32_t at = 0;
  for (size_t i = 0; i < rows.size(); ++i) {
    Piece p;
    p.text = rows[i].text;
    p.line = static_cast<uint32_t>(i);
    p.begin = at;
    p.end = at + static_cast<uint32_t>(p.text.size());
    at = p.end + 1;
    p.blanks_before = rows[i].blanks_before;
    p.width = rows[i].width;
    a.pieces.push_back(p);
    a.classes.emplace_back();
    a.states.push_back(rows[i].state);
    a.probability.push_back(0.9);
  }
  if (classified) {
    Classified c = classify_pieces(a.pieces, builtin_lexicon(), a.edits);
    if (c.pieces.size() == a.pieces.size()) a.classes = std::move(c.classes);  // else a row glued: left as is
  }
  build_drafts(a, builtin_lexicon());
  return a;
}

// The rows of several parts of a page, one after another.
inline std::vector<ReadRow> page_of(const std::vector<std::vector<ReadRow>> &parts) {
  std::vector<ReadRow> out;
  for (const auto &p : parts) out.insert(out.end(), p.begin(), p.end());
  return out;
}

// The texts of some pieces of a reading.
inline std::vector<std::string> piece_texts(const bm::detail::Assembly &a, const std::vector<size_t> &pieces) {
  std::vector<std::string> out;
  for (size_t k : pieces) out.emplace_back(a.pieces[k].text);
  return out;
}

}  // namespace bm_test
