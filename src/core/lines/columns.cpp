#include "core/lines/columns.h"

#include "core/common/utf8.h"

namespace bm::detail {

namespace {
// A column's run: at least this many code points without a space. Headlines
// and decks with a gap between phrases (`一个个镜头 传递温暖情谊`) have
// shorter runs; justified spaces (`平湖有 2个`) stand next to a digit or a
// Latin letter, which never makes both sides this long.
constexpr size_t k_column_run_cps = 10;
// Lines that must look merged before any is believed to be.
constexpr size_t k_min_merged_lines = 3;

bool is_cjk(char32_t c) { return c >= 0x2E80; }

// Two long runs of mostly CJK text next to each other, parted by spaces?
bool two_runs_side_by_side(std::string_view t) {
  size_t run = 0, cjk = 0;
  bool prev_was_long = false;
  auto close_run = [&](bool &found) {
    const bool is_long = run >= k_column_run_cps && cjk * 10 >= run * 7;
    if (is_long && prev_was_long) found = true;
    prev_was_long = is_long;
    run = cjk = 0;
  };
  bool found = false;
  for (size_t i = 0; i < t.size();) {
    const char32_t c = next_cp(t, i);
    if (is_space_cp(c)) {
      if (run) close_run(found);
      continue;
    }
    ++run;
    cjk += is_cjk(c);
  }
  if (run) close_run(found);
  return found;
}
}  // namespace

void mark_merged_columns(std::string_view text, std::vector<Line> &lines) {
  size_t count = 0;
  for (Line &l : lines) {
    l.merged_columns = !l.blank && two_runs_side_by_side(text.substr(l.begin, l.end - l.begin));
    count += l.merged_columns;
  }
  if (count < k_min_merged_lines)
    for (Line &l : lines) l.merged_columns = false;
}

}  // namespace bm::detail
