// Running lexicon patterns under limits (lexicon.h: first_match, RegexReport).
// A regex section is normally tried as one combined alternation; when that
// hits the limit, the page falls back to its patterns one by one, each under
// the limit, and those that hit it are skipped for the rest of the page and
// reported once. The first pattern in list order that matches still wins.
#include <algorithm>

#include "core/common/utf8.h"
#include "core/lexicon/lexicon.h"

namespace bm::detail {

namespace {
thread_local RegexReport *t_report = nullptr;

template <class T>
bool contains(const std::vector<T> &v, const T &x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

// Whether patterns with these edges can match a text that is empty, or that
// starts with `first` (and, for a whole-text match, ends with `last`). Known
// edges are of patterns that cannot match the empty text.
bool edges_admit(const MatchEdges &e, bool empty, char32_t first, char32_t last, bool whole) {
  if (empty) return !e.first_known() && !(whole && e.last_known());
  return e.may_start_with(first) && (!whole || e.may_end_with(last));
}
}  // namespace

RegexReport::RegexReport() : previous_(t_report) { t_report = this; }
RegexReport::~RegexReport() { t_report = previous_; }
RegexReport *RegexReport::current() { return t_report; }

int Lexicon::attempt(const icu::RegexPattern &p, const icu::UnicodeString &u, bool whole, RegexReport *report,
                     RegexMatch &out) {
  UErrorCode st = U_ZERO_ERROR;
  std::unique_ptr<icu::RegexMatcher> made;
  icu::RegexMatcher *m = nullptr;
  if (report) {
    std::unique_ptr<icu::RegexMatcher> &kept = report->matchers[&p];
    if (kept) {
      kept->reset(u);  // also restarts the time limit's count
    } else {
      kept.reset(p.matcher(u, st));
      if (U_FAILURE(st) || !kept) return kept.reset(), 0;
      kept->setTimeLimit(k_regex_time_limit, st);
      kept->setStackLimit(k_regex_stack_limit_bytes, st);
      if (U_FAILURE(st)) return kept.reset(), 0;
    }
    m = kept.get();
  } else {
    made.reset(p.matcher(u, st));
    if (U_FAILURE(st) || !made) return 0;
    made->setTimeLimit(k_regex_time_limit, st);
    made->setStackLimit(k_regex_stack_limit_bytes, st);
    if (U_FAILURE(st)) return 0;
    m = made.get();
  }
  const bool hit = whole ? m->matches(st) : m->lookingAt(st);
  if (st == U_REGEX_TIME_OUT || st == U_REGEX_STACK_OVERFLOW || st == U_REGEX_STOPPED_BY_CALLER) return -1;
  if (U_FAILURE(st) || !hit) return 0;
  out.pattern = &p;
  out.matcher = m;
  out.owned = std::move(made);
  return 1;
}

bool Lexicon::may_start_with(const std::string &section, char32_t c) const {
  const auto it = edges_.find(section);
  return it == edges_.end() || it->second.may_start_with(c);
}

bool Lexicon::may_end_with(const std::string &section, char32_t c) const {
  const auto it = edges_.find(section);
  return it == edges_.end() || it->second.may_end_with(c);
}

bool Lexicon::may_match(const std::string &section, std::string_view text, bool whole) const {
  const auto it = edges_.find(section);
  if (it == edges_.end()) return true;
  size_t i = 0, j = text.size();
  return edges_admit(it->second, text.empty(), text.empty() ? 0 : next_cp(text, i),
                     text.empty() ? 0 : prev_cp(text, j), whole);
}

bool Lexicon::first_match(const std::string &section, const icu::UnicodeString &u, bool whole,
                          RegexMatch &out) const {
  RegexReport *report = t_report;
  if (const auto e = edges_.find(section);
      e != edges_.end() && !edges_admit(e->second, u.isEmpty(), static_cast<char32_t>(u.char32At(0)),
                                        static_cast<char32_t>(u.char32At(u.length() - 1)), whole))
    return false;
  auto it = search_.find(section);
  if (it == search_.end() || it->second.empty()) return false;
  const auto combined = combined_.find(section);
  const bool split = report && contains(report->split, section);
  if (combined != combined_.end() && !split) {
    const int r = attempt(*combined->second, u, whole, report, out);
    if (r >= 0) return r == 1;
    if (report) report->split.push_back(section);  // this page: one by one from now on
  }
  const auto &list = compiled_.at(section);
  const auto &where = where_.at(section);
  const auto &src = sections_.at(section);
  for (size_t i = 0; i < list.size(); ++i) {
    if (report && contains(report->skipped, std::make_pair(section, i))) continue;
    const int r = attempt(*list[i], u, whole, report, out);
    if (r == 1) return true;
    if (r < 0 && report) {
      report->skipped.emplace_back(section, i);
      report->warnings.push_back(where[i] + ": [" + section + "] pattern '" + src[i] +
                                 "' hit the match limit and was skipped");
    }
  }
  return false;
}

}  // namespace bm::detail
