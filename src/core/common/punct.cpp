#include "core/common/punct.h"

#include "core/common/utf8.h"

namespace bm::detail {

bool is_closing_punct(char32_t c) {
  switch (c) {
    case 0xFF0C: case 0x3001: case 0x3002: case 0xFF1B: case 0xFF1A: case 0xFF01: case 0xFF1F:  // ，、。；：！？
    case 0xFF09: case 0x3015: case 0x3011: case 0x300D: case 0x300F: case 0x300B: case 0x3009:  // ）〕】」』》〉
    case 0x201D: case 0x2019: case 0xFF0E:                                                          // ”’．
    case U',': case U'.': case U';': case U':': case U'!': case U'?': case U')': case U']':
      return true;
    default:
      return false;
  }
}

bool starts_with_closing_punct(std::string_view text) {
  for (size_t i = 0; i < text.size();) {
    const char32_t c = next_cp(text, i);
    if (is_space_cp(c)) continue;
    return is_closing_punct(c);
  }
  return false;
}

bool is_clause_mark(char32_t c) {
  return c == 0xFF0C || c == 0x3001 || c == 0xFF1A || c == 0xFF1B || c == U',' || c == U';' || c == U':';
}

bool has_inner_clause_mark(std::string_view text) {
  const std::string_view t = trim(text);
  size_t i = 0;
  while (i < t.size()) {
    const char32_t c = next_cp(t, i);
    if (i < t.size() && is_clause_mark(c)) return true;
  }
  return false;
}

bool is_closing_punct_only(std::string_view text) {
  bool any = false;
  for (size_t i = 0; i < text.size();) {
    const char32_t c = next_cp(text, i);
    if (is_space_cp(c)) continue;
    if (!is_closing_punct(c)) return false;
    any = true;
  }
  return any;
}

namespace {
// Ornaments a column sets between its short notes. Text punctuation (dashes,
// ellipses, brackets) is not among them: a line of it belongs to the text.
bool is_ornament(char32_t c) {
  switch (c) {
    case 0x00D7: case 0xFF0A: case U'*': case 0x25CF: case 0x25CB: case 0x25CE: case 0x25C7: case 0x25C6:  // × ＊ * ● ○ ◎ ◇ ◆
    case 0x25B3: case 0x25B2: case 0x25A1: case 0x25A0: case 0x2606: case 0x2605: case 0x203B:           // △ ▲ □ ■ ☆ ★ ※
    case 0xFF0B: case U'+': case 0xFF03: case U'#': case 0xFF5E: case U'~': case 0x00B7: case 0x2027:    // ＋ + ＃ # ～ ~ · ‧
    case 0x2022:                                                                                        // •
      return true;
    default:
      return false;
  }
}
}  // namespace

bool is_separator_line(std::string_view text) {
  size_t ornaments = 0;
  for (size_t i = 0; i < text.size();) {
    const char32_t c = next_cp(text, i);
    if (is_space_cp(c)) continue;
    if (!is_ornament(c)) return false;
    ++ornaments;
  }
  return ornaments >= 2;
}

namespace {
bool is_final_punct(char32_t c) {
  return c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == 0x2026 || c == U'!' || c == U'?' || c == U'.';
}
bool is_closer(char32_t c) {
  return c == 0x201D || c == 0x2019 || c == 0xFF09 || c == 0x300B || c == 0x300D || c == 0x300F ||
         c == U')' || c == U'"' || c == U'\'' || c == 0x3011;
}
}  // namespace

bool ends_sentence(std::string_view text) {
  std::string_view t = trim(text);
  size_t i = t.size();
  while (i > 0) {
    char32_t c = prev_cp(t, i);
    if (is_final_punct(c)) return true;
    if (c == 0xFF09 || c == U')') {
      // A closing bracketed note after the sentence, "…300个。（完）": look before it.
      const std::string_view opener = c == U')' ? "(" : "\xEF\xBC\x88";
      const size_t open = t.substr(0, i).rfind(opener);
      if (open != std::string_view::npos && open > 0 && i - open <= 90) {
        size_t j = open;
        if (is_final_punct(prev_cp(t, j))) return true;
      }
      return false;
    }
    if (!is_closer(c)) return false;
  }
  return false;
}

size_t trailing_bracket_note(std::string_view text) {
  constexpr size_t k_min_cps = 2, k_max_cps = 10;
  size_t i = text.size();
  if (i == 0) return text.size();
  const char32_t close = prev_cp(text, i);
  if (close != 0xFF09 && close != U')') return text.size();
  size_t cps = 0;
  while (i > 0) {
    const char32_t c = prev_cp(text, i);
    if (c == (close == U')' ? U'(' : 0xFF08)) {
      const bool fits = cps >= k_min_cps && !trim(text.substr(0, i)).empty();
      return fits ? i : text.size();
    }
    // Han words only: no space, no mark (a sentence in brackets is no note),
    // no letters or digits (`(A3)` says where the story goes on).
    const bool han = (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x20000 && c <= 0x2FFFF);
    if (++cps > k_max_cps || !han) return text.size();
  }
  return text.size();
}

std::optional<std::string_view> bracketed(std::string_view t) {
  size_t i = 0, j = t.size();
  if (t.empty()) return std::nullopt;
  const char32_t open = next_cp(t, i), close = prev_cp(t, j);
  if (!((open == 0xFF08 || open == U'(') && (close == 0xFF09 || close == U')')) || j < i) return std::nullopt;
  return t.substr(i, j - i);
}

}  // namespace bm::detail
