#include "core/lines/column_order.h"

#include <algorithm>
#include <array>
#include <map>
#include <unordered_map>

#include "core/common/punct.h"
#include "core/common/utf8.h"
#include "core/common/word_join.h"

namespace bm::detail {

namespace {
// Readings kept after each row. Runs of the test pages were read the same
// with 16 as with 300; a run is one story's columns, so few readings differ
// by more than a line or two.
constexpr size_t k_beam = 32;
// Costs of a reading (lower is better).
constexpr double k_lap_cost = 1.0;             // per column lapped (see the loop in assign_columns)
constexpr double k_subhead_continues = 3.0;    // a subhead after a line cut mid-sentence
constexpr double k_word_spans_bonus = 2.0;     // a word runs across the join of two lines
constexpr double k_column_ends_cost = 2.0;     // a column stops giving lines
constexpr double k_column_resumes_cost = 6.0;  // ... and gives one again after all
constexpr double k_quote_continues = 1.0;      // a line cut mid-sentence continued by one
                                               // that opens a quote (more often a paragraph's start)
constexpr double k_recent_cost = 0.1;          // per running column whose last line came
                                               // before this column's (a tie goes to the
                                               // column silent longest, as the rhythm has it)
constexpr double k_particle_opens = 2.0;       // a paragraph or subhead followed by a line
                                               // that opens with a particle (is_closing_particle)
// A line narrower than this (percent of the column) with no clause or
// sentence mark is a subhead (`居民的事居民商量`).
constexpr int k_subhead_share_percent = 80;

struct Facts {
  bool unfinished = false;  // a full line that ends no sentence: its column's next line continues it
  bool subhead = false;
  bool opens_quote = false;     // “ ‘ 「 『
  bool opens_particle = false;  // a particle that never opens a sentence: the line continues one
  bool ends_paragraph = false;  // a line short of the column's edge that ends a sentence
};

// Particles that close a word or a clause and never open a sentence
// (的 了 们 吗 呢 吧): a line that opens with one is the rest of a line
// cut at the column's edge.
bool is_closing_particle(char32_t c) {
  return c == U'的' || c == U'了' || c == U'们' || c == U'吗' || c == U'呢' || c == U'吧';
}

// Space may follow the line (a subhead's, a paragraph's end): its column's
// next line may come late.
bool breathes(const Facts &f) { return f.subhead || f.ends_paragraph; }

Facts facts_of(std::string_view t, int column_width) {
  Facts f;
  const int w = layout_width(t);
  bool marks = false;
  for (size_t i = 0; i < t.size() && !marks;) {
    const char32_t c = next_cp(t, i);
    marks = is_clause_mark(c) || c == U'。' || c == U'！' || c == U'？';
  }
  f.subhead = !marks && w * 100 < column_width * k_subhead_share_percent;
  f.unfinished = w >= column_width - k_full_line_slack_cells && !ends_sentence(t) && !f.subhead;
  f.ends_paragraph = w < column_width - k_full_line_slack_cells && ends_sentence(t);
  size_t i = 0;
  const char32_t first = t.empty() ? 0 : next_cp(t, i);
  f.opens_quote = first == U'“' || first == U'‘' || first == U'「' || first == U'『';
  f.opens_particle = is_closing_particle(first);
  return f;
}

// One way of reading the rows so far.
struct Reading {
  double cost = 0;
  int node = -1;                                  // its last choice in the arena
  std::array<uint32_t, k_max_merged_columns> last_row{};  // row + 1 of each column's last line, 0: none yet
  std::array<int32_t, k_max_merged_columns> last_part{};  // flat index of that line, -1: none
  uint8_t ended = 0;                                   // columns that gave their last line
};

// A choice for one row, kept for reading the path back.
struct Node {
  int parent;
  uint8_t mask;  // the columns of the row's parts
};

// What tells two readings apart for what follows: the order of the columns'
// last lines, which have ended, and their last lines.
using Key = std::array<int32_t, 2 * k_max_merged_columns + 1>;

Key key_of(const Reading &r, size_t columns) {
  Key k{};
  for (size_t c = 0; c < columns; ++c) {
    int32_t rank = 0;
    for (size_t d = 0; d < columns; ++d) rank += r.last_row[d] < r.last_row[c];
    k[c] = rank;
    k[k_max_merged_columns + c] = r.last_part[c];
  }
  k[2 * k_max_merged_columns] = r.ended;
  return k;
}

// Column sets of `n` of `columns`, as bit masks, in lexicographic order of
// their members (the first reading found wins a tie: the left columns first).
void masks_of(size_t columns, size_t n, size_t from, uint8_t mask, std::vector<uint8_t> &out) {
  if (n == 0) {
    out.push_back(mask);
    return;
  }
  for (size_t c = from; c + n <= columns; ++c) masks_of(columns, n - 1, c + 1, mask | uint8_t(1u << c), out);
}
}  // namespace

std::vector<std::vector<uint8_t>> assign_columns(const std::vector<RowParts> &rows, size_t columns,
                                                 int column_width, WordJoin &words) {
  columns = std::min(columns, k_max_merged_columns);
  std::vector<std::string_view> parts;
  std::vector<Facts> facts;
  std::vector<size_t> first_part;
  for (const RowParts &row : rows) {
    first_part.push_back(parts.size());
    for (std::string_view p : row) {
      parts.push_back(p);
      facts.push_back(facts_of(p, column_width));
    }
  }
  std::unordered_map<uint64_t, bool> spans;
  auto word_spans = [&](int32_t before, size_t after) {
    const uint64_t k = (uint64_t(uint32_t(before)) << 32) | after;
    auto it = spans.find(k);
    if (it == spans.end()) it = spans.emplace(k, words.spans(parts[size_t(before)], parts[after])).first;
    return it->second;
  };

  std::vector<Node> arena;
  Reading start;
  start.last_part.fill(-1);
  std::vector<Reading> beam{start};
  for (size_t r = 0; r < rows.size(); ++r) {
    const size_t n = std::min(rows[r].size(), columns);
    std::vector<uint8_t> masks;
    masks_of(columns, n, 0, 0, masks);
    std::vector<Reading> next;
    std::map<Key, size_t> seen;
    for (const Reading &from : beam) {
      for (uint8_t mask : masks) {
        // Either no column ends here, or one that has given a line and is
        // not in this row.
        for (int end = -1; end < static_cast<int>(columns); ++end) {
          if (end >= 0 && ((from.ended >> end) & 1 || (mask >> end) & 1 || from.last_row[size_t(end)] == 0))
            continue;
          Reading to = from;
          if (end >= 0) to.ended |= uint8_t(1u << end), to.cost += k_column_ends_cost;
          size_t k = 0;
          for (size_t c = 0; c < columns; ++c) {
            if (!((mask >> c) & 1)) continue;
            const size_t p = first_part[r] + k++;
            if ((to.ended >> c) & 1) to.ended &= uint8_t(~(1u << c)), to.cost += k_column_resumes_cost;
            const int32_t q = from.last_part[c];
            if (q >= 0 && facts[size_t(q)].unfinished) {
              if (facts[p].subhead) to.cost += k_subhead_continues;
              if (facts[p].opens_quote) to.cost += k_quote_continues;
              if (word_spans(q, p)) to.cost -= k_word_spans_bonus;
            } else if (q >= 0 && facts[p].opens_particle) {
              to.cost += k_particle_opens;
            }
            // Lapped: a running column not in this row whose last line came
            // before this column's last line. A column whose last line is a
            // subhead or ends a paragraph is not: space may follow either.
            for (size_t d = 0; d < columns; ++d) {
              if (d == c || (mask >> d) & 1 || (to.ended >> d) & 1 || from.last_row[d] >= from.last_row[c]) continue;
              to.cost += k_recent_cost;
              if (from.last_part[d] >= 0 && breathes(facts[size_t(from.last_part[d])])) continue;
              to.cost += k_lap_cost;
            }
          }
          for (size_t c = 0, kk = 0; c < columns; ++c)
            if ((mask >> c) & 1) {
              to.last_row[c] = static_cast<uint32_t>(r + 1);
              to.last_part[c] = static_cast<int32_t>(first_part[r] + kk++);
            }
          const Key key = key_of(to, columns);
          auto it = seen.find(key);
          if (it != seen.end() && next[it->second].cost <= to.cost) continue;
          arena.push_back({from.node, mask});
          to.node = static_cast<int>(arena.size() - 1);
          if (it != seen.end()) {
            next[it->second] = to;
          } else {
            seen.emplace(key, next.size());
            next.push_back(to);
          }
        }
      }
    }
    std::stable_sort(next.begin(), next.end(), [](const Reading &a, const Reading &b) { return a.cost < b.cost; });
    if (next.size() > k_beam) next.resize(k_beam);
    beam = std::move(next);
  }

  std::vector<std::vector<uint8_t>> out(rows.size());
  int node = beam.empty() ? -1 : beam.front().node;
  for (size_t r = rows.size(); r-- > 0 && node >= 0;) {
    const uint8_t mask = arena[size_t(node)].mask;
    for (size_t c = 0; c < columns && out[r].size() < rows[r].size(); ++c)
      if ((mask >> c) & 1) out[r].push_back(static_cast<uint8_t>(c));
    node = arena[size_t(node)].parent;
  }
  // Parts beyond the run's columns (never more than columns.cpp allows) go
  // to the last column.
  for (size_t r = 0; r < rows.size(); ++r)
    while (out[r].size() < rows[r].size()) out[r].push_back(static_cast<uint8_t>(columns - 1));
  return out;
}

}  // namespace bm::detail
