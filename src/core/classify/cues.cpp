#include "core/classify/cues.h"

#include <unicode/regex.h>
#include <unicode/ustring.h>

#include "core/common/utf8.h"
#include "core/lexicon/lexicon.h"

namespace bm::detail {

int count_cues(std::string_view text, const Lexicon &lex, Cue cue) {
  return lex.count_words_in(text, cue_section(cue), /*first_only=*/false);
}

bool has_cue(std::string_view text, const Lexicon &lex, Cue cue) {
  return lex.count_words_in(text, cue_section(cue), /*first_only=*/true) > 0;
}

bool has_phone_number(std::string_view text) {
  int run = 0;
  for (char c : text) {
    run = (c >= '0' && c <= '9') ? run + 1 : (c == '-' && run > 0 ? run : 0);
    if (run >= 7) return true;
  }
  return false;
}

bool weather_box(std::string_view text, const Lexicon &lex) {
  return weather_box(lex.cues_in(text), [&] { return text; }, lex);
}

int ad_evidence(std::string_view text, const Lexicon &lex) {
  return ad_evidence(lex.cues_in(text), has_phone_number(text), [&] { return text; }, lex);
}

namespace {
bool ends_with(std::string_view s, std::string_view w) {
  return s.size() >= w.size() && s.substr(s.size() - w.size()) == w;
}
bool upper_latin(std::string_view s) {
  for (char c : s)
    if (!(c >= 'A' && c <= 'Z')) return false;
  return !s.empty();
}
}  // namespace

bool is_masthead_line(std::string_view text, const Lexicon &lex, std::optional<bool> whole_is_edition) {
  std::string_view t = trim(text);
  if (t.empty() || cp_count(t) > 30) return false;
  size_t pos = 0;
  bool any = false;
  while (pos < t.size()) {
    size_t sp = t.find(' ', pos);
    if (sp == std::string_view::npos) sp = t.size();
    std::string_view tok = trim(t.substr(pos, sp - pos));
    pos = sp + 1;
    if (tok.empty()) continue;
    const bool whole = tok.size() == t.size() && whole_is_edition.has_value();
    bool ok = upper_latin(tok) || (whole ? *whole_is_edition : is_edition_line(tok, lex));
    for (const auto &w : lex.words(Section::masthead)) ok = ok || ends_with(tok, w);
    if (!ok) return false;
    any = true;
  }
  return any;
}

// An edition line is short (第10版, 要闻·二版): longer text is not asked.
constexpr size_t k_edition_max_bytes = 60;

bool is_edition_line(std::string_view text, const Lexicon &lex) {
  std::string_view t = trim(text);
  if (t.empty() || t.size() > k_edition_max_bytes) return false;
  if (!lex.may_match("edition", t, /*whole=*/true)) return false;
  // The matcher's UTF-16 input in a buffer on the stack (a line this short
  // fits: at most one unit per byte), aliased, not copied to the heap.
  UChar units[k_edition_max_bytes];
  int32_t n = 0;
  UErrorCode st = U_ZERO_ERROR;
  u_strFromUTF8(units, static_cast<int32_t>(k_edition_max_bytes), &n, t.data(), static_cast<int32_t>(t.size()), &st);
  if (U_FAILURE(st)) return false;  // the text is valid UTF-8 (decoded): not reached
  const icu::UnicodeString u(false, units, n);
  RegexMatch found;
  return lex.first_match("edition", u, /*whole=*/true, found);
}

}  // namespace bm::detail
