#include "core/decode/plausible.h"

#include <algorithm>
#include <cstdint>
#include <vector>

#include "core/common/utf8.h"
#include "core/decode/charset.h"

namespace bm::detail {

// data/han/common_han.txt, embedded at build time (src/CMakeLists.txt).
extern const std::string_view k_common_han;

namespace {

// The Han blocks the list covers: CJK Extension A and the Unified Ideographs.
constexpr char32_t k_han_first = 0x3400;
constexpr char32_t k_han_last = 0x9FFF;

// Rank tiers of the list (it holds simplified and traditional forms alike,
// so each tier holds about half as many characters of one script).
constexpr int k_rank_top = 500;      // the particles, numbers and everyday words
constexpr int k_rank_common = 1500;  // the common vocabulary of news text

// Log-probabilities of one character (natural log), coarse on purpose: only
// the order of magnitude matters when two readings of the same bytes compete.
constexpr double k_ll_han_top = -6.0;
constexpr double k_ll_han_common = -7.5;
constexpr double k_ll_han_listed = -9.0;
constexpr double k_ll_han_rare = -12.0;        // other Han: rare, or mojibake
constexpr double k_ll_compat_han = -13.0;      // CJK compatibility ideographs
constexpr double k_ll_punct = -4.5;            // CJK, full-width and general punctuation
constexpr double k_ll_ascii = -4.0;            // letters, digits, ASCII punctuation
constexpr double k_ll_space = -3.0;            // space, tab, line end
constexpr double k_ll_replacement = -10.0;     // U+FFFD: bytes the reading could not read (between listed and rare Han)
constexpr double k_ll_other = -14.0;           // kana, Hangul, private use, Latin-1, symbols, ...

const std::vector<int16_t> &rank_table() {
  static const std::vector<int16_t> table = [] {
    std::vector<int16_t> t(k_han_last - k_han_first + 1, -1);
    const std::string_view text = k_common_han;
    int rank = 0;
    size_t i = 0;
    while (i < text.size()) {
      const size_t end = text.find('\n', i) == std::string_view::npos ? text.size() : text.find('\n', i);
      const std::string_view line = text.substr(i, end - i);
      i = end + 1;
      if (line.empty() || line[0] == '#') continue;
      for (size_t k = 0; k < line.size();) {
        const char32_t cp = next_cp(line, k);
        if (cp >= k_han_first && cp <= k_han_last && t[cp - k_han_first] < 0)
          t[cp - k_han_first] = static_cast<int16_t>(rank++);
      }
    }
    return t;
  }();
  return table;
}

bool is_punct(char32_t c) {
  return (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF01 && c <= 0xFF5E) || (c >= 0x2010 && c <= 0x2027) ||
         (c >= 0x2030 && c <= 0x203B) || c == 0x00B7;
}

double char_log_likelihood(char32_t c) {
  if (c == '\n' || c == '\t' || c == ' ') return k_ll_space;
  if (c > 0x20 && c < 0x7F) return k_ll_ascii;
  if (c >= k_han_first && c <= k_han_last) {
    const int r = rank_table()[c - k_han_first];
    if (r < 0) return k_ll_han_rare;
    return r < k_rank_top ? k_ll_han_top : r < k_rank_common ? k_ll_han_common : k_ll_han_listed;
  }
  if (c >= 0x20000 && c <= 0x3FFFF) return k_ll_han_rare;
  if (c >= 0xF900 && c <= 0xFAFF) return k_ll_compat_han;
  if (is_punct(c)) return k_ll_punct;
  if (c == 0xFFFD) return k_ll_replacement;
  return k_ll_other;
}

// At most k_plausible_sample_bytes of `bytes` around the first invalid UTF-8
// byte, from the start of a line when one starts near enough: '\n' is one byte
// in UTF-8, GB18030 and Big5 and never inside one of their characters, so
// every reading starts in step.
std::string_view sample_of(std::string_view bytes, size_t first_invalid) {
  if (bytes.size() <= k_plausible_sample_bytes) return bytes;
  size_t begin = 0;
  if (first_invalid > k_plausible_sample_bytes / 2) {
    begin = first_invalid - k_plausible_sample_bytes / 2;
    const size_t nl = bytes.find('\n', begin);
    if (nl != std::string_view::npos && nl < first_invalid) begin = nl + 1;
  }
  size_t end = std::min(bytes.size(), begin + k_plausible_sample_bytes);
  if (end < bytes.size()) {
    const size_t nl = bytes.rfind('\n', end - 1);
    if (nl != std::string_view::npos && nl > first_invalid) end = nl + 1;
  }
  return bytes.substr(begin, end - begin);
}

}  // namespace

int common_han_rank(char32_t cp) {
  if (cp < k_han_first || cp > k_han_last) return -1;
  return rank_table()[cp - k_han_first];
}

double reading_log_likelihood(std::string_view utf8) {
  double sum = 0;
  for (size_t i = 0; i < utf8.size();) sum += char_log_likelihood(next_cp(utf8, i));
  return sum;
}

std::string most_plausible_encoding(std::string_view bytes, const Utf8Scan &scan, bool nearly_utf8) {
  // UTF-16 when its own test says so (nearly every code unit plausible) and
  // no other reading is more plausible: a few bytes of GB18030 or Big5 can
  // pass that test. Its window is the start (code units from an even offset).
  const std::string utf16 = detect_utf16_without_bom(bytes);
  const std::string_view sample =
      !utf16.empty() ? bytes.substr(0, std::min(bytes.size(), k_plausible_sample_bytes) & ~size_t{1})
                     : sample_of(bytes, scan.first_invalid < 0 ? 0 : static_cast<size_t>(scan.first_invalid));
  std::string repaired;
  repair_utf8(sample, repaired);
  const double utf8 = reading_log_likelihood(repaired);
  const double gb = reading_log_likelihood(convert_to_utf8(sample, "GB18030", false, 0).utf8);
  const double big5 = reading_log_likelihood(convert_to_utf8(sample, "Big5", false, 0).utf8);
  const double charset = std::max(gb, big5);
  if (!utf16.empty() &&
      reading_log_likelihood(convert_to_utf8(sample, utf16, false, 0).utf8) >= std::max(utf8, charset))
    return utf16;
  if (utf8 > charset) return "UTF-8";
  if (charset > utf8) {
    if (gb > big5) return "GB18030";
    if (big5 > gb) return "Big5";
    return detect_chinese_charset(bytes);
  }
  // Equally plausible (the readings differ only where every one has U+FFFD).
  return nearly_utf8 ? "UTF-8" : detect_chinese_charset(bytes);
}

}  // namespace bm::detail
