// Small UTF-8 helpers shared by every stage. Input to these is always valid
// UTF-8 (decode/ guarantees it); they never read past the end regardless.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace bm::detail {

// Decodes the code point at s[i] and advances i. Invalid bytes yield U+FFFD
// and advance by one byte, so loops always terminate.
// (Inline: it is the innermost loop of every stage.)
inline char32_t next_cp(std::string_view s, size_t &i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) {
    ++i;
    return b0;
  }
  int len = b0 >= 0xF0 ? 4 : b0 >= 0xE0 ? 3 : b0 >= 0xC0 ? 2 : 0;
  if (len == 0 || i + len > s.size()) {
    ++i;
    return 0xFFFD;
  }
  char32_t cp = b0 & (0x7F >> len);
  for (int k = 1; k < len; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) {
      ++i;
      return 0xFFFD;
    }
    cp = (cp << 6) | (b & 0x3F);
  }
  i += len;
  return cp;
}


// Decodes the code point that ends at s[i-1] and moves i back to its start.
// At i == 0 (nothing before) it returns U+FFFD and leaves i unchanged.
char32_t prev_cp(std::string_view s, size_t &i);

void append_cp(std::string &out, char32_t cp);

// Number of code points.
size_t cp_count(std::string_view s);

// Display width: East Asian Wide/Fullwidth (and Ambiguous CJK punctuation such
// as “ ” …) count 2, everything else 1, combining marks 0 (ICU properties).
int cp_width(char32_t cp);
int display_width(std::string_view s);

// Width as a justified Chinese column sets it: like display_width, except
// that punctuation (，。、“” 《》 …) counts 1, because typesetters squeeze it
// to fill lines. Used for layout (column width, lost indent), not display.
int layout_width(std::string_view s);

// ASCII space, tab, U+3000 and other Zs. (Inline: called per character.)
inline bool is_space_cp(char32_t cp) {
  return cp == ' ' || cp == '\t' || cp == 0x3000 || cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200A) ||
         cp == 0x202F || cp == 0x205F;
}

// A decimal digit, ASCII or full width (０-９). (Inline: called per character.)
inline bool is_digit_cp(char32_t cp) { return (cp >= U'0' && cp <= U'9') || (cp >= 0xFF10 && cp <= 0xFF19); }

// Trims spaces (is_space_cp) at both ends.
std::string_view trim(std::string_view s);

// Number of code points that are not spaces (is_space_cp): a line's length
// with justification and letter-spacing taken out.
size_t cps_without_spaces(std::string_view s);

// Does `s` start (end) with one of `words` (lexicon words; empty ones never match)?
bool starts_with_any(std::string_view s, const std::vector<std::string> &words);
bool ends_with_any(std::string_view s, const std::vector<std::string> &words);

}  // namespace bm::detail
