// The code points a regular expression's match can start with and end with,
// read from the pattern's own text, so that a text whose first character (for
// a match at its start) or whose last character too (for a match of the whole
// text) is not among them is rejected without running ICU's matcher: most
// pieces of a page open with no dateline marker, and few end like an edition
// line. Classes and properties (\p{Han}, \d, [A-Z]) are ICU UnicodeSets. The
// reading is conservative: any construct it does not model (\w, a set
// operation, a look-around, an inline flag, a pattern that can match
// nothing) makes that edge unknown, and an
// unknown edge rejects nothing. A user's patterns stay correct whatever they
// hold; they are only not sped up.
#pragma once

#include <string_view>
#include <vector>

#include <unicode/uniset.h>

namespace bm::detail {

class MatchEdges {
 public:
  // Both edges unknown: admits every code point.
  MatchEdges() = default;
  // The edges of one pattern (ICU syntax, UTF-8, compiled with no flags).
  static MatchEdges of_pattern(std::string_view pattern);
  // The edges of patterns tried together (an alternation): an edge is
  // unknown when it is unknown for one of them.
  static MatchEdges of_patterns(const std::vector<std::string_view> &patterns);

  bool first_known() const { return first_known_; }
  bool last_known() const { return last_known_; }
  // Whether a match can start (end) with code point c.
  bool may_start_with(char32_t c) const;
  bool may_end_with(char32_t c) const;
  const icu::UnicodeSet &first() const { return first_; }  // empty when unknown
  const icu::UnicodeSet &last() const { return last_; }

 private:
  bool first_known_ = false, last_known_ = false;
  icu::UnicodeSet first_, last_;  // frozen
};

}  // namespace bm::detail
