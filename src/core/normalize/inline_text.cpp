#include "core/normalize/inline_text.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/unorm2.h>
#include <unicode/utf16.h>
#include <utf8proc.h>

#include <cstdlib>
#include <memory>

#include "core/common/utf8.h"

namespace bm::detail {

bool is_han(char32_t cp) {
  if (cp >= 0x4E00 && cp <= 0x9FFF) return true;  // the common case, no lookup
  if (cp < 0x2E80) return false;
  UErrorCode err = U_ZERO_ERROR;
  return uscript_getScript(static_cast<UChar32>(cp), &err) == USCRIPT_HAN && U_SUCCESS(err);
}

bool is_chinese_punct(char32_t cp) {
  return (cp >= 0x3001 && cp <= 0x303F) ||   // 、。〈〉《》「」『』【】〔〕…
         (cp >= 0xFE10 && cp <= 0xFE1F) ||   // vertical forms
         (cp >= 0xFE30 && cp <= 0xFE4F) ||   // CJK compatibility forms
         (cp >= 0xFF01 && cp <= 0xFF0F) ||   // ！＂＃＄％＆＇（）＊＋，－．／
         (cp >= 0xFF1A && cp <= 0xFF20) ||   // ：；＜＝＞？＠
         (cp >= 0xFF3B && cp <= 0xFF40) || (cp >= 0xFF5B && cp <= 0xFF65) ||
         cp == 0x2014 || cp == 0x2026;       // —— and …… as used in Chinese text
}

namespace {

bool is_chinese(char32_t cp) { return is_han(cp) || is_chinese_punct(cp); }
bool is_ascii_digit(char32_t cp) { return cp >= '0' && cp <= '9'; }

bool is_latin_letter(char32_t cp) {
  if ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') return true;
  if (cp < 0xC0) return false;
  UErrorCode err = U_ZERO_ERROR;
  return u_isalpha(static_cast<UChar32>(cp)) && uscript_getScript(static_cast<UChar32>(cp), &err) == USCRIPT_LATIN;
}

// Is the code point left alone by NFC whatever surrounds it? Han, kana, CJK
// punctuation and ASCII are; anything else is asked of ICU's quick check.
bool nfc_stable(char32_t cp) {
  if (cp < 0x300 || (cp >= 0x3000 && cp <= 0x9FFF)) return true;
  return u_getIntPropertyValue(static_cast<UChar32>(cp), UCHAR_NFC_QUICK_CHECK) == UNORM_YES &&
         u_getCombiningClass(static_cast<UChar32>(cp)) == 0;
}

// Does any code point need NFC work?
bool needs_nfc(std::string_view s) {
  for (size_t i = 0; i < s.size();)
    if (!nfc_stable(next_cp(s, i))) return true;
  return false;
}

// Non-starters at the start and at the end of the NFKD form of cp (UAX #15,
// Stream-Safe Text Format). A code point that is all non-starters has
// leading == trailing == the length of its decomposition.
struct NonStarters {
  int leading = 0;
  int trailing = 0;
  bool all = false;
};

NonStarters non_starters(char32_t cp, const UNormalizer2 *nfkd) {
  NonStarters ns;
  if (cp < 0xA0) return ns;  // ASCII and C1: starters without decomposition
  UChar buf[32];
  UErrorCode err = U_ZERO_ERROR;
  const int32_t n = nfkd ? unorm2_getDecomposition(nfkd, static_cast<UChar32>(cp), buf, 32, &err) : -1;
  if (n < 0 || U_FAILURE(err)) {  // no decomposition: the code point itself
    ns.all = u_getCombiningClass(static_cast<UChar32>(cp)) != 0;
    ns.leading = ns.trailing = ns.all ? 1 : 0;
    return ns;
  }
  // Walk the decomposition's code points (it may hold surrogate pairs).
  std::u32string cps;
  for (int32_t k = 0; k < n;) {
    UChar32 c;
    U16_NEXT(buf, k, n, c);
    cps.push_back(static_cast<char32_t>(c));
  }
  size_t lead = 0;
  while (lead < cps.size() && u_getCombiningClass(static_cast<UChar32>(cps[lead])) != 0) ++lead;
  size_t trail = 0;
  while (trail < cps.size() && u_getCombiningClass(static_cast<UChar32>(cps[cps.size() - 1 - trail])) != 0) ++trail;
  ns.all = lead == cps.size();
  ns.leading = static_cast<int>(lead);
  ns.trailing = static_cast<int>(trail);
  return ns;
}

}  // namespace

// UAX #15 Stream-Safe Text Format: U+034F COMBINING GRAPHEME JOINER after
// every 30 consecutive non-starters, so that canonical reordering and
// composition never see an unbounded run (which makes NFC quadratic).
std::string stream_safe(std::string_view text) {
  static const UNormalizer2 *nfkd = [] {
    UErrorCode err = U_ZERO_ERROR;
    const UNormalizer2 *n = unorm2_getNFKDInstance(&err);
    return U_SUCCESS(err) ? n : nullptr;
  }();
  std::string out;
  out.reserve(text.size() + text.size() / 16);
  int run = 0;
  size_t i = 0;
  while (i < text.size()) {
    const size_t start = i;
    const char32_t cp = next_cp(text, i);
    const NonStarters ns = non_starters(cp, nfkd);
    if (run + ns.leading > 30) {
      out.append("\xCD\x8F");  // U+034F
      run = 0;
    }
    run = ns.all ? run + ns.leading : ns.trailing;
    out.append(text.data() + start, i - start);
  }
  return out;
}

namespace {

bool is_fullwidth_alnum(char32_t cp) {
  return (cp >= 0xFF10 && cp <= 0xFF19) || (cp >= 0xFF21 && cp <= 0xFF3A) || (cp >= 0xFF41 && cp <= 0xFF5A);
}

// Full-width letters and digits to ASCII (Ａ１ -> A1), the rest as it is.
std::string fold_fullwidth_alnum(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    const size_t start = i;
    const char32_t cp = next_cp(text, i);
    if (is_fullwidth_alnum(cp))
      out.push_back(static_cast<char>(cp - 0xFEE0));
    else
      out.append(text.data() + start, i - start);
  }
  return out;
}

// Rule 1: NFC (utf8proc, on stream-safe text), full-width ASCII letters and
// digits to half-width, U+3000 and the other space separators (and tab) to ' '.
// The letters are folded before composing: folded after, Ａ and a combining
// acute would become A and the acute, which NFC composes (Á), and the output
// would not be NFC.
std::u32string rule1(std::string_view text) {
  std::string nfc_storage;
  if (needs_nfc(text)) {
    const std::string safe = stream_safe(fold_fullwidth_alnum(text));
    utf8proc_uint8_t *dst = nullptr;
    const utf8proc_ssize_t n =
        utf8proc_map(reinterpret_cast<const utf8proc_uint8_t *>(safe.data()), static_cast<utf8proc_ssize_t>(safe.size()),
                     &dst, static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
    if (n >= 0 && dst) {
      nfc_storage.assign(reinterpret_cast<const char *>(dst), static_cast<size_t>(n));
      text = nfc_storage;
    }
    std::free(dst);  // utf8proc allocates with malloc
  }
  std::u32string out;
  out.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) {
    char32_t cp = next_cp(text, i);
    if (is_fullwidth_alnum(cp))
      cp -= 0xFEE0;  // Ａ１ -> A1 (text that needed no NFC)
    else if (cp == 0xFF05)
      cp = '%';  // ％ stays half-width by rule 2
    else if (is_space_cp(cp))
      cp = ' ';
    out.push_back(cp);
  }
  return out;
}

// Nearest non-space neighbours of position i, or 0 at the ends.
char32_t prev_visible(const std::u32string &s, size_t i) {
  while (i > 0) {
    if (s[--i] != ' ') return s[i];
  }
  return 0;
}
char32_t next_visible(const std::u32string &s, size_t i) {
  while (++i < s.size()) {
    if (s[i] != ' ') return s[i];
  }
  return 0;
}

// Rules 2 and 3 together, so that the result is a fixed point (normalizing
// it again changes nothing) in linear time:
//  - rule 2: , ; : ? ! in Chinese context become full-width; `,` and `:`
//    between two digits stay (26,000, 8:30); `.` % - + / are never touched;
//  - rule 3: a pair of parentheses becomes （ ） when its content holds a Han
//    character or the character before it is Chinese; unpaired ones follow
//    their neighbour.
// Each decision can depend on a neighbour's decision ("平(x)?!" : `?` becomes
// Chinese only once `)` has), so they are made in one left-to-right pass
// (where everything on the left is final) and a right-to-left pass for the
// chains anchored on the right ("!?平").
bool is_rule2_punct(char32_t c) { return c == ',' || c == ';' || c == ':' || c == '?' || c == '!'; }

void rule2_at(std::u32string &s, size_t i) {
  const char32_t c = s[i];
  if ((c == ',' || c == ':') && i > 0 && i + 1 < s.size() && is_ascii_digit(s[i - 1]) && is_ascii_digit(s[i + 1]))
    return;
  if (!is_chinese(prev_visible(s, i)) && !is_chinese(next_visible(s, i))) return;
  s[i] = c + 0xFEE0;  // ， ； ： ？ ！ are U+FF0C, U+FF1B, U+FF1A, U+FF1F, U+FF01
}

void rules2and3(std::u32string &s) {
  constexpr size_t none = static_cast<size_t>(-1);
  // Pair the parentheses; a pair whose content holds Han (or that is already
  // full-width) is Chinese whatever its neighbours.
  std::vector<size_t> match(s.size(), none);
  std::vector<size_t> open;
  std::vector<size_t> han_at_open;
  size_t han_seen = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    const char32_t c = s[i];
    if (is_han(c)) ++han_seen;
    if (c == '(' || c == 0xFF08) {
      open.push_back(i);
      han_at_open.push_back(han_seen);
    } else if ((c == ')' || c == 0xFF09) && !open.empty()) {
      const size_t o = open.back();
      const bool fixed = han_seen > han_at_open.back() || s[o] == 0xFF08 || c == 0xFF09;
      open.pop_back();
      han_at_open.pop_back();
      match[o] = i;
      match[i] = o;
      if (fixed) {
        s[o] = 0xFF08;
        s[i] = 0xFF09;
      }
    }
  }
  // Left to right: everything before i is final.
  for (size_t i = 0; i < s.size(); ++i) {
    const char32_t c = s[i];
    if (is_rule2_punct(c)) {
      rule2_at(s, i);
    } else if (c == '(' && match[i] != none) {
      if (is_chinese(prev_visible(s, i))) {
        s[i] = 0xFF08;
        s[match[i]] = 0xFF09;
      }
    } else if (c == '(') {
      if (is_chinese(prev_visible(s, i)) || is_chinese(next_visible(s, i))) s[i] = 0xFF08;
    } else if (c == ')' && match[i] == none) {
      if (is_chinese(prev_visible(s, i))) s[i] = 0xFF09;
    }
  }
  // Right to left: chains that start from a Chinese character on the right.
  for (size_t i = s.size(); i-- > 0;) {
    const char32_t c = s[i];
    if (is_rule2_punct(c)) {
      rule2_at(s, i);
    } else if (c == '(' && match[i] == none) {
      if (is_chinese(next_visible(s, i))) s[i] = 0xFF08;
    }
  }
}

// Rule 4: a run of spaces next to a Chinese character goes; between other
// tokens it becomes one space. Headline mode keeps one space between two Han
// characters (the gap between two phrases); name mode drops all spaces next
// to Chinese the same way body mode does.
std::string rule4(const std::u32string &s, InlineMode mode) {
  std::string out;
  out.reserve(s.size() * 3);
  size_t i = 0;
  while (i < s.size()) {
    if (s[i] != ' ') {
      append_cp(out, s[i++]);
      continue;
    }
    size_t j = i;
    while (j < s.size() && s[j] == ' ') ++j;
    if (i > 0 && j < s.size()) {  // interior run (leading/trailing runs vanish)
      const char32_t before = s[i - 1];
      const char32_t after = s[j];
      const bool chinese = is_chinese(before) || is_chinese(after);
      if (!chinese) {
        out.push_back(' ');
      } else if (mode == InlineMode::Headline && is_han(before) && is_han(after)) {
        out.push_back(' ');
      }
    }
    i = j;
  }
  return out;
}

}  // namespace

namespace {

// Text the rules leave as it is, told in one pass over it: no space, nothing
// rule 2 or 3 rewrites (, ; : ? ! ( ) half-width), nothing rule 1 folds
// (full-width letters and digits, ％) and nothing NFC would change. Most
// paragraphs of a Chinese page are such text once their lines are joined.
bool left_as_is(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    const unsigned char b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      switch (b) {
        case ' ': case '\t': case '\n': case '\r': case ',': case ';': case ':': case '?': case '!': case '(': case ')':
          return false;
        default:
          ++i;
          continue;
      }
    }
    const char32_t cp = next_cp(s, i);
    if (is_space_cp(cp) || is_fullwidth_alnum(cp) || cp == 0xFF05 || !nfc_stable(cp)) return false;
  }
  return true;
}

}  // namespace

std::string normalize_inline(std::string_view text, InlineMode mode) {
  if (left_as_is(text)) return std::string(text);
  return normalize_inline_by_rules(text, mode);
}

std::string normalize_inline_by_rules(std::string_view text, InlineMode mode) {
  std::u32string s = rule1(text);
  for (char32_t &c : s) {
    if (c == '\n' || c == '\r') c = ' ';
  }
  rules2and3(s);
  return rule4(s, mode);
}

std::string join_lines(const std::vector<std::string_view> &lines, std::vector<JoinedLine> *where) {
  std::string out;
  size_t bytes = 0;  // room for every line and a space between each two: one allocation
  for (std::string_view l : lines) bytes += l.size() + 1;
  out.reserve(bytes);
  if (where) where->reserve(where->size() + lines.size());
  for (size_t k = 0; k < lines.size(); ++k) {
    const std::string_view raw = lines[k];
    const std::string_view line = trim(raw);
    if (line.empty()) continue;
    if (!out.empty()) {
      size_t a = out.size();
      const char32_t last = prev_cp(out, a);
      size_t b = 0;
      const char32_t first = next_cp(line, b);
      if (is_latin_letter(last) && is_latin_letter(first)) out.push_back(' ');
    }
    if (where) where->push_back({k, out.size(), static_cast<size_t>(line.data() - raw.data()), line.size()});
    out.append(line);
  }
  return out;
}

}  // namespace bm::detail
