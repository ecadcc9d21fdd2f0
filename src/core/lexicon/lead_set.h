// The code points a regular expression's match can start with, read from the
// pattern's own text, so that a text whose first character is not among them
// is rejected without running ICU's matcher (most pieces of a page open with
// no dateline marker). The reading is conservative: any construct it does not
// model (a property such as \p{Han}, a range in a class, a look-around, an
// inline flag, a pattern that can match nothing) makes the set unknown, and
// an unknown set rejects nothing. A user's patterns stay correct whatever
// they hold; they are only not sped up.
#pragma once

#include <string_view>
#include <vector>

namespace bm::detail {

class LeadSet {
 public:
  // Unknown: admits every code point.
  LeadSet() = default;
  // The set of one pattern (ICU syntax, UTF-8, compiled with no flags).
  static LeadSet of_pattern(std::string_view pattern);
  // The set of patterns tried together (an alternation): unknown when one is.
  static LeadSet of_patterns(const std::vector<std::string_view> &patterns);

  bool known() const { return known_; }
  // Whether a match can start with code point c.
  bool admits(char32_t c) const;
  const std::vector<char32_t> &code_points() const { return cps_; }

 private:
  bool known_ = false;
  std::vector<char32_t> cps_;  // sorted, unique; meaningful only when known_
};

}  // namespace bm::detail
