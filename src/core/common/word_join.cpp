#include "core/common/word_join.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include "core/common/utf8.h"

namespace bm::detail {

namespace {
// Code points read on each side of the join: a Chinese dictionary word is
// seldom longer, and the breaker needs some context to choose between two
// ways of cutting a run.
constexpr int k_context_cps = 6;

std::string_view last_cps(std::string_view s, int n) {
  size_t i = s.size();
  for (int k = 0; k < n && i > 0; ++k) prev_cp(s, i);
  return s.substr(i);
}

std::string_view first_cps(std::string_view s, int n) {
  size_t i = 0;
  for (int k = 0; k < n && i < s.size(); ++k) next_cp(s, i);
  return s.substr(0, i);
}
}  // namespace

WordJoin::WordJoin() {
  UErrorCode status = U_ZERO_ERROR;
  words_.reset(icu::BreakIterator::createWordInstance(icu::Locale::getChinese(), status));
  if (U_FAILURE(status)) words_.reset();
}

WordJoin::~WordJoin() = default;

bool WordJoin::spans(std::string_view before, std::string_view after) {
  if (!words_ || before.empty() || after.empty()) return false;
  const icu::UnicodeString head = icu::UnicodeString::fromUTF8(last_cps(before, k_context_cps));
  const icu::UnicodeString text = head + icu::UnicodeString::fromUTF8(first_cps(after, k_context_cps));
  words_->setText(text);
  return !words_->isBoundary(head.length());
}

}  // namespace bm::detail
