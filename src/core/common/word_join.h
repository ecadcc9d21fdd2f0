// Does one line's text run on into another's? ICU's word breaker (its
// dictionary of Chinese words) is asked whether a word spans the join: in
// `…今年全市新增城市绿` + `化面积三百公顷…` the word 绿化 does; a line that ends a
// clause or a paragraph and a line that opens another seldom make one. The
// answer is evidence, not proof: two lines that do belong together meet
// between two words as often as not.
#pragma once
#include <memory>
#include <string_view>

#include <unicode/uversion.h>

U_NAMESPACE_BEGIN
class BreakIterator;
U_NAMESPACE_END

namespace bm::detail {

class WordJoin {
 public:
  WordJoin();  // a breaker that cannot be made (no ICU data) answers no
  ~WordJoin();
  WordJoin(const WordJoin &) = delete;
  WordJoin &operator=(const WordJoin &) = delete;

  // True when a word runs across the end of `before` into `after`.
  bool spans(std::string_view before, std::string_view after);

 private:
  std::unique_ptr<icu::BreakIterator> words_;
};

}  // namespace bm::detail
