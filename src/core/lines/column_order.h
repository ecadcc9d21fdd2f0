// Stage 2b, part two: which column each part of a run of merged lines
// belongs to. poppler prints a row of text per baseline: where the columns'
// lines stand level, one line holds a part of each; where a column is set
// lower (after a subhead, after a paragraph's space), its lines come alone,
// before or after the others'. Read from the top, every column gives one
// line a line pitch, in an order that holds until a column shifts.
//
// The reading kept is the one that best fits three things: the rhythm (a
// column gives no second line while another, still running, has given none
// since its first), the text (a line cut mid-sentence at the column's edge
// is continued by the next line of its column, never by a subhead) and the
// words (ICU's dictionary finds a word across the join of a line and its
// true next line far more often than across a wrong one: common/word_join).
// A column may end before the run does (its text goes on elsewhere).
#pragma once
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace bm::detail {

class WordJoin;

// More columns than this side by side are not read apart.
constexpr size_t k_max_merged_columns = 4;
// A full column line (or a column part of a merged line) is at most this
// much narrower than the column: a paragraph's first line lost its indent of
// two characters, and punctuation at a line's end may be set half width.
constexpr int k_full_line_slack_cells = 8;

// Parts of one printed line, left to right.
using RowParts = std::vector<std::string_view>;

// The column (0-based, increasing along a row) of every part of every row,
// for a run of `columns` columns `column_width` layout cells wide. `words`
// is the page's word breaker (made once per page: a run is read with it).
std::vector<std::vector<uint8_t>> assign_columns(const std::vector<RowParts> &rows, size_t columns,
                                                 int column_width, WordJoin &words);

}  // namespace bm::detail
