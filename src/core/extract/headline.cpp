#include "core/extract/headline.h"

#include "core/classify/cues.h"
#include "core/common/utf8.h"
#include "core/normalize/inline_text.h"

namespace bm::detail {

namespace {

// A gap inside a headline line separates two parts when both sides are long.
constexpr size_t k_part_min_cps = 10;
// Two short lines of similar length printed one under the other are one title.
constexpr size_t k_broken_title_max_cps = 12;
// A second part this long (or with clause punctuation) is a subtitle.
constexpr size_t k_subtitle_min_cps = 20;
// A column's name is a few characters (短评, 人民论坛, 一线调查); a kicker
// is a phrase, longer than this in every gold page of the project.
constexpr size_t k_column_label_max_cps = 5;


}  // namespace

std::vector<std::string> split_headline_line(std::string_view raw, std::vector<std::pair<size_t, size_t>> *ranges) {
  std::vector<std::string> words;  // space-separated runs
  std::vector<std::pair<size_t, size_t>> where;  // each word's bytes in raw
  std::string cur;
  size_t cur_begin = 0;
  for (size_t i = 0; i < raw.size();) {
    size_t j = i;
    char32_t c = next_cp(raw, j);
    if (is_space_cp(c)) {
      if (!cur.empty()) {
        words.push_back(cur);
        where.push_back({cur_begin, i});
      }
      cur.clear();
    } else {
      if (cur.empty()) cur_begin = i;
      cur.append(raw, i, j - i);
    }
    i = j;
  }
  if (!cur.empty()) {
    words.push_back(cur);
    where.push_back({cur_begin, raw.size()});
  }
  if (ranges) ranges->clear();
  if (words.size() < 2) {
    if (ranges) ranges->push_back(where.empty() ? std::make_pair<size_t, size_t>(0, raw.size()) : where.front());
    return {std::string(raw)};
  }
  // Three or more phrases of one length side by side are one line of
  // parallel phrases (学一门手艺 交几个朋友 添一份乐趣), set as one
  // kicker or title, not two parts.
  bool parallel = words.size() >= 3;
  for (const auto &w : words) parallel = parallel && cps_without_spaces(w) == cps_without_spaces(words.front());
  if (parallel) {
    if (ranges) ranges->push_back({where.front().first, where.back().second});
    return {std::string(raw)};
  }
  // Cut at every gap where both neighbouring sides (to the previous cut / to the
  // end) hold at least k_part_min_cps characters.
  std::vector<std::string> parts;
  size_t total = 0;
  for (const auto &w : words) total += cps_without_spaces(w);
  std::string part;
  size_t part_cps = 0, seen = 0, part_first = 0;
  for (size_t k = 0; k < words.size(); ++k) {
    if (part.empty()) part_first = k;
    if (!part.empty()) part += ' ';
    part += words[k];
    part_cps += cps_without_spaces(words[k]);
    seen += cps_without_spaces(words[k]);
    const bool last = k + 1 == words.size();
    if (!last && part_cps >= k_part_min_cps && total - seen >= k_part_min_cps) {
      parts.push_back(part);
      if (ranges) ranges->push_back({where[part_first].first, where[k].second});
      part.clear();
      part_cps = 0;
    }
  }
  if (!part.empty()) {
    parts.push_back(part);
    if (ranges) ranges->push_back({where[part_first].first, where.back().second});
  }
  return parts;
}

namespace {

bool has_clause_punct(const std::string &s) {
  return s.find("\xEF\xBC\x8C") != std::string::npos ||  // ，
         s.find("\xE3\x80\x81") != std::string::npos ||  // 、
         s.find("\xEF\xBC\x9A") != std::string::npos;    // ：
}

bool starts_with_dash(const std::string &s) { return s.rfind("\xE2\x80\x94", 0) == 0; }  // —

// Does line b continue the title that line a starts (one title broken over
// two lines: a short first line, a second about as long, no clause marks)?
bool continues_title(const std::string &a, const std::string &b) {
  const size_t na = cps_without_spaces(a), nb = cps_without_spaces(b);
  return na <= k_broken_title_max_cps && na + 3 >= nb && !has_clause_punct(b) && !starts_with_dash(b);
}

std::string join_title(const std::string &a, const std::string &b) {
  return a + b;  // one title broken over two lines joins without a gap
}

}  // namespace

bool is_column_label(const std::string &first, const std::string &next) {
  const size_t n = cps_without_spaces(first);
  if (n < 2 || n > k_column_label_max_cps || continues_title(first, next)) return false;
  for (size_t i = 0; i < first.size();) {
    const char32_t c = next_cp(first, i);
    if (!is_han(c) && !is_space_cp(c)) return false;
  }
  return true;
}

HeadlineRoles assign_roles(const std::vector<HeadlineLine> &lines) {
  HeadlineRoles r;
  for (const auto &l : lines) r.parts.push_back(l.text);
  if (lines.empty()) return r;
  // Units: join a title broken over two lines (consecutive, short, similar).
  std::vector<std::string> units;
  for (size_t k = 0; k < lines.size(); ++k) {
    const std::string &t = lines[k].text;
    if (!units.empty() && !lines[k].block_start && k > 0) {
      const bool prev_is_unit_start = units.back() == lines[k - 1].text;
      if ((prev_is_unit_start && continues_title(lines[k - 1].text, t)) || finishes_cut_headline(lines[k - 1].text, t)) {
        units.back() = join_title(units.back(), t);
        continue;
      }
    }
    units.push_back(t);
  }
  auto is_subtitle = [](const std::string &s) {
    return starts_with_dash(s) || has_clause_punct(s) || cps_without_spaces(s) >= k_subtitle_min_cps;
  };
  if (units.size() == 1) {
    r.title = units[0];
  } else if (units.size() == 2) {
    if (is_subtitle(units[1])) {
      r.title = units[0];
      r.subtitle = units[1];
    } else {
      r.kicker = units[0];
      r.title = units[1];
    }
  } else {
    r.kicker = units[0];
    r.title = units[1];
    std::string sub;
    for (size_t k = 2; k < units.size(); ++k) sub += units[k];
    r.subtitle = sub;
  }
  return r;
}

}  // namespace bm::detail
