#include "core/common/utf8.h"

#include <unicode/uchar.h>

namespace bm::detail {

char32_t prev_cp(std::string_view s, size_t &i) {
  if (i == 0 || i > s.size()) return 0xFFFD;  // nothing before: leave i alone
  size_t start = i;
  // Step back over at most three continuation bytes.
  do {
    --start;
  } while (start > 0 && i - start < 4 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80);
  size_t j = start;
  char32_t cp = next_cp(s, j);
  if (j != i) {  // not a well-formed sequence ending at i: treat the last byte alone
    i -= 1;
    return 0xFFFD;
  }
  i = start;
  return cp;
}

void append_cp(std::string &out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

size_t cp_count(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

size_t cps_without_spaces(std::string_view s) {
  size_t n = 0;
  for (size_t i = 0; i < s.size();) n += !is_space_cp(next_cp(s, i));
  return n;
}

int cp_width(char32_t cp) {
  if (cp < 0x80) return 1;
  // CJK Unified Ideographs and Extension A, most of a Chinese page: letters
  // (gc Lo) of East Asian Width W, so 2 without asking ICU twice.
  if ((cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF)) return 2;
  const auto gc = u_charType(static_cast<UChar32>(cp));
  if (gc == U_NON_SPACING_MARK || gc == U_ENCLOSING_MARK || gc == U_FORMAT_CHAR) return 0;
  switch (u_getIntPropertyValue(static_cast<UChar32>(cp), UCHAR_EAST_ASIAN_WIDTH)) {
    case U_EA_WIDE:
    case U_EA_FULLWIDTH:
      return 2;
    case U_EA_AMBIGUOUS:
      // Curly quotes, ellipsis, middle dot and the like are set full-width in
      // Chinese type; Latin-1 letters marked Ambiguous are not.
      return cp >= 0x2000 ? 2 : 1;
    default:
      return 1;
  }
}

int display_width(std::string_view s) {
  int w = 0;
  for (size_t i = 0; i < s.size();) w += cp_width(next_cp(s, i));
  return w;
}


std::string_view trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e) {
    size_t j = b;
    if (!is_space_cp(next_cp(s, j))) break;
    b = j;
  }
  while (e > b) {
    size_t j = e;
    if (!is_space_cp(prev_cp(s, j))) break;
    e = j;
  }
  return s.substr(b, e - b);
}

}  // namespace bm::detail

namespace bm::detail {

int layout_width(std::string_view s) {
  int w = 0;
  size_t i = 0;
  while (i < s.size()) {
    const char32_t cp = next_cp(s, i);
    const bool squeezable = (cp >= 0x3001 && cp <= 0x3011) || (cp >= 0x2018 && cp <= 0x201F) ||
                            cp == 0xFF0C || cp == 0xFF1A || cp == 0xFF1B || cp == 0xFF01 || cp == 0xFF1F ||
                            cp == 0xFF08 || cp == 0xFF09;
    w += squeezable ? 1 : cp_width(cp);
  }
  return w;
}

bool starts_with_any(std::string_view s, const std::vector<std::string> &words) {
  for (const auto &w : words)
    if (!w.empty() && s.substr(0, w.size()) == w) return true;
  return false;
}

bool ends_with_any(std::string_view s, const std::vector<std::string> &words) {
  for (const auto &w : words)
    if (!w.empty() && s.size() >= w.size() && s.substr(s.size() - w.size()) == w) return true;
  return false;
}

}  // namespace bm::detail
