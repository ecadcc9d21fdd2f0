#include "core/decode/decode.h"

#include <algorithm>
#include <cctype>

#include "core/common/error.h"
#include "core/common/utf8.h"
#include "core/decode/charset.h"
#include "core/decode/plausible.h"
#include "core/decode/utf8_repair.h"

namespace bm::detail {

namespace {

bool is_auto(const std::string &name) {
  std::string l = name;
  std::transform(l.begin(), l.end(), l.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return l.empty() || l == "auto";
}

// "Nearly valid" UTF-8: a few stray bad bytes in text that is otherwise
// clearly UTF-8. Bytes of GB18030/Big5 text almost never form well-formed
// multi-byte UTF-8 sequences, so many good sequences per bad one is a strong
// sign; under 1% bad bytes is the spec's rule of thumb for longer input.
// Only the tie-breaker of most_plausible_encoding: the readings decide first.
bool nearly_utf8(const Utf8Scan &scan, size_t size) {
  if (scan.invalid_subparts == 0) return true;
  if (scan.invalid_bytes * 100 <= size && scan.multibyte_ok >= scan.invalid_subparts) return true;
  return scan.multibyte_ok >= 2 && scan.multibyte_ok >= 2 * scan.invalid_subparts &&
         scan.invalid_bytes * 20 <= size + 20;
}

// Line ends and control characters (docs/errors.md):
//  CRLF and lone CR -> LF; form feed and U+2028/U+2029 -> LF (page/line breaks);
//  NUL -> U+FFFD (flagged, counted); tab kept (a space for later stages);
//  other C0, DEL and C1 controls removed (flagged, counted).
void clean_controls(DecodedText &t) {
  std::string &s = t.utf8;
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      if (c == '\r') {
        out.push_back('\n');
        if (i < s.size() && s[i] == '\n') ++i;
      } else if (c == '\n' || c == '\t' || (c >= 0x20 && c < 0x7F)) {
        out.push_back(static_cast<char>(c));
      } else if (c == '\f' || c == '\v') {
        out.push_back('\n');
      } else if (c == 0) {
        out.append("\xEF\xBF\xBD");
        t.flags |= BM_TEXT_NUL_REPLACED;
        ++t.replacements;
      } else {
        t.flags |= BM_TEXT_CONTROLS_REMOVED;
        ++t.controls_removed;
      }
      continue;
    }
    const size_t start = i;
    const char32_t cp = next_cp(s, i);
    if (cp >= 0x80 && cp <= 0x9F) {
      t.flags |= BM_TEXT_CONTROLS_REMOVED;
      ++t.controls_removed;
    } else if (cp == 0x2028 || cp == 0x2029) {
      out.push_back('\n');
    } else if (cp == 0xFEFF) {
      // U+FEFF is a byte-order mark (doubled BOMs occur) or the deprecated
      // zero-width no-break space: invisible either way, removed and counted.
      t.flags |= BM_TEXT_CONTROLS_REMOVED;
      ++t.controls_removed;
    } else {
      out.append(s, start, i - start);
    }
  }
  s.swap(out);
}

void from_utf8(std::string_view bytes, size_t base, bool strict, DecodedText &t) {
  const Utf8Scan scan = scan_utf8(bytes);
  if (scan.invalid_subparts == 0) {
    t.utf8.assign(bytes.data(), bytes.size());
    return;
  }
  const int64_t first = scan.first_invalid + static_cast<int64_t>(base);
  if (strict)
    throw Error(BM_E_ENCODING, "invalid UTF-8 at byte " + std::to_string(first), first);
  repair_utf8(bytes, t.utf8);
  t.flags |= BM_TEXT_INVALID_REPLACED;
  t.replacements += scan.invalid_subparts;
  t.first_invalid = first;
}

void from_charset(std::string_view bytes, size_t base, const std::string &encoding, bool strict,
                  DecodedText &t) {
  Converted c = convert_to_utf8(bytes, encoding, strict, base);
  t.utf8 = std::move(c.utf8);
  if (c.replacements > 0) {
    t.flags |= BM_TEXT_INVALID_REPLACED;
    t.replacements += c.replacements;
    t.first_invalid = c.first_invalid;
  }
}

}  // namespace

DecodedText decode(std::string_view bytes, const DecodeOptions &options) {
  // ICU and utf8proc count in 32-bit signed lengths: whatever the caller
  // allows, no input reaches them at 2^31 bytes or more.
  const size_t limit = std::min(options.max_bytes, k_hard_max_input_bytes);
  if (bytes.size() > limit)
    throw Error(BM_E_TOO_LARGE, "input of " + std::to_string(bytes.size()) + " bytes exceeds the limit of " +
                                    std::to_string(limit) + " bytes (max_input_bytes)");
  DecodedText t;
  const auto *u = reinterpret_cast<const unsigned char *>(bytes.data());
  std::string encoding;
  size_t skip = 0;
  // 1. A byte-order mark decides, whatever the caller named.
  if (bytes.size() >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
    encoding = "UTF-8";
    skip = 3;
  } else if (bytes.size() >= 2 && u[0] == 0xFF && u[1] == 0xFE) {
    encoding = "UTF-16LE";
    skip = 2;
  } else if (bytes.size() >= 2 && u[0] == 0xFE && u[1] == 0xFF) {
    encoding = "UTF-16BE";
    skip = 2;
  }
  if (skip > 0) {
    t.flags |= BM_TEXT_HAD_BOM;
  } else if (!is_auto(options.encoding)) {
    // 2. The caller's encoding.
    encoding = canonical_encoding(options.encoding);
    if (encoding.empty())
      throw Error(BM_E_UNKNOWN_ENCODING,
                  "unknown encoding '" + options.encoding + "' (use auto, UTF-8, GB18030, GBK, Big5, UTF-16LE, "
                  "UTF-16BE or another ICU converter name)");
  } else {
    // 3. auto: UTF-8 when it is; else the most plausible reading of UTF-8
    //    (with U+FFFD), GB18030 and Big5, after a test for UTF-16.
    const Utf8Scan scan = scan_utf8(bytes);
    if (scan.invalid_subparts == 0) {
      encoding = "UTF-8";
    } else {
      encoding = most_plausible_encoding(bytes, scan, nearly_utf8(scan, bytes.size()));
      if (encoding != "UTF-8") t.flags |= BM_TEXT_ENCODING_DETECTED;
    }
  }
  const std::string_view body = bytes.substr(skip);
  if (encoding == "UTF-8")
    from_utf8(body, skip, options.strict, t);
  else
    from_charset(body, skip, encoding, options.strict, t);
  t.encoding = encoding;
  clean_controls(t);
  return t;
}

}  // namespace bm::detail
