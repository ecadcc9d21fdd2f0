// Fuzz target: the match edges of a lexicon pattern (src/core/lexicon/
// match_edges.h), which let the parser answer "no match" without running
// ICU's matcher. The input is a pattern (its first line, at most 256 bytes)
// and a text (the rest, at most 256 bytes). Invariants:
//  - reading any pattern's edges returns (no crash, no hang, no bad read),
//    whatever the bytes, as a user's lexicon may hold anything;
//  - where ICU compiles the pattern (no flags, as the lexicon does) and
//    matches the text at its start (lookingAt) or as a whole (matches), the
//    edges admit the text's first (last) code point: a known edge never
//    rejects what ICU matches.
#include <unicode/regex.h>

#include <memory>

#include "core/lexicon/match_edges.h"
#include "fuzz_common.h"

using namespace bmfuzz;

namespace {

constexpr size_t k_max_pattern = 256, k_max_text = 256;

// ICU's answer, under a time limit (a pattern may backtrack for ever): 1 =
// match, 0 = no match, -1 = no answer.
int icu_match(icu::RegexPattern &p, const icu::UnicodeString &u, bool whole) {
  UErrorCode st = U_ZERO_ERROR;
  std::unique_ptr<icu::RegexMatcher> m(p.matcher(u, st));
  if (U_FAILURE(st) || !m) return -1;
  m->setTimeLimit(20, st);
  m->setStackLimit(1 << 20, st);
  const bool hit = whole ? m->matches(st) : m->lookingAt(st);
  if (U_FAILURE(st)) return -1;
  return hit ? 1 : 0;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const std::string_view in(reinterpret_cast<const char *>(data), size);
  const size_t nl = in.find('\n');
  const std::string_view pattern = in.substr(0, std::min(nl, k_max_pattern));
  const std::string_view text = nl == std::string_view::npos ? std::string_view() : in.substr(nl + 1, k_max_text);
  const bm::detail::MatchEdges edges = bm::detail::MatchEdges::of_pattern(pattern);
  if (!edges.first_known() && !edges.last_known()) return 0;
  // The library asks the edges only of decoded text (valid UTF-8), and
  // compiles a pattern from its UTF-8 as here.
  if (!utf8_valid(text.data(), text.size()) || !utf8_valid(pattern.data(), pattern.size())) return 0;
  UErrorCode st = U_ZERO_ERROR;
  UParseError pe;
  std::unique_ptr<icu::RegexPattern> p(icu::RegexPattern::compile(
      icu::UnicodeString::fromUTF8(icu::StringPiece(pattern.data(), static_cast<int32_t>(pattern.size()))), 0, pe,
      st));
  if (U_FAILURE(st) || !p) return 0;
  const icu::UnicodeString u =
      icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  const std::string shown = std::string(pattern) + " | " + std::string(text);
  if (icu_match(*p, u, /*whole=*/false) == 1) {
    BMF_CHECK(!u.isEmpty() || !edges.first_known(), "a known first edge, yet ICU matches the empty text: %s",
              shown.c_str());
    if (!u.isEmpty())
      BMF_CHECK(edges.may_start_with(static_cast<char32_t>(u.char32At(0))),
                "ICU matches at the start, the first edge rejects: %s", shown.c_str());
  }
  if (icu_match(*p, u, /*whole=*/true) == 1) {
    BMF_CHECK(!u.isEmpty() || !edges.last_known(), "a known last edge, yet ICU matches the empty text: %s",
              shown.c_str());
    if (!u.isEmpty())
      BMF_CHECK(edges.may_end_with(static_cast<char32_t>(u.char32At(u.length() - 1))),
                "ICU matches the whole text, the last edge rejects: %s", shown.c_str());
  }
  return 0;
}
