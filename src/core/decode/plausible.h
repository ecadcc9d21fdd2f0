// Choosing the encoding of input that is not valid UTF-8 ("auto"): each
// candidate (UTF-8 with U+FFFD for its invalid bytes, GB18030, Big5) reads the
// bytes, and the reading that is most plausible as Chinese text wins. A short
// UTF-8 text with one broken character is then UTF-8 with one U+FFFD, not
// GB18030 mojibake, and a short GB18030 or Big5 text is not taken for the
// other (issue 14, "Decoding short texts").
#pragma once
#include <string>
#include <string_view>

#include "core/decode/utf8_repair.h"

namespace bm::detail {

// Log-likelihood (natural log) of a UTF-8 text under a coarse unigram model of
// Chinese newspaper text: common Han characters (data/han/common_han.txt, by
// rank), CJK and ASCII punctuation, letters and digits are likely; rare Han,
// kana, Hangul, private use, Latin-1 letters, symbols and U+FFFD are not.
// Readings of the same bytes compare by it: mojibake has more characters and
// rarer ones. Valid UTF-8 in, any length.
double reading_log_likelihood(std::string_view utf8);

// Rank of a Han character in data/han/common_han.txt (0 = most frequent), or
// -1 when it is not in the list (also for anything that is not Han).
int common_han_rank(char32_t cp);

// The encoding of `bytes` (not valid UTF-8: scan.invalid_subparts > 0) as
// "UTF-8", "UTF-16LE", "UTF-16BE", "GB18030" or "Big5". The readings are
// compared on a window of at most k_plausible_sample_bytes around the first
// invalid UTF-8 byte; UTF-16 without a BOM competes (on the first bytes) only
// when its own test (detect_utf16_without_bom) finds it plausible. When they are equally plausible (ASCII around a
// lone bad byte, bytes that are invalid everywhere), `nearly_utf8` says
// UTF-8 or ICU's detector chooses, as before.
std::string most_plausible_encoding(std::string_view bytes, const Utf8Scan &scan, bool nearly_utf8);

constexpr size_t k_plausible_sample_bytes = 64 * 1024;

}  // namespace bm::detail
