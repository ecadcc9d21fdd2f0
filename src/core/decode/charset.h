// ICU side of decoding: opening converters by name, converting to UTF-8 with
// counted U+FFFD substitution, and guessing the charset of non-UTF-8 bytes.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace bm::detail {

struct Converted {
  std::string utf8;
  size_t replacements = 0;
  int64_t first_invalid = -1;  // offset in the converted bytes
};

// Canonical name for a user-given encoding, or "" when ICU does not know it.
// "utf8", "UTF-8" -> "UTF-8"; "gbk" -> "GBK"; "big5" -> "Big5".
std::string canonical_encoding(const std::string &name);

// Converts with the named ICU converter. Invalid sequences become U+FFFD
// (counted) or, when strict, raise Error(BM_E_ENCODING) at the first one.
// `base_offset` is added to reported offsets (bytes skipped before, e.g. a BOM).
Converted convert_to_utf8(std::string_view bytes, const std::string &encoding, bool strict,
                          size_t base_offset);

// Guess for bytes that are not UTF-8: "UTF-16LE", "UTF-16BE", "GB18030" or
// "Big5" (the candidates that make sense for Chinese text). Never fails:
// without a confident answer it returns "GB18030", the superset of GB2312/GBK
// that mainland pages use.
std::string detect_chinese_charset(std::string_view bytes);

// "UTF-16LE" or "UTF-16BE" when the bytes read as plausible UTF-16 without a
// BOM (nearly every code unit CJK, punctuation or printable ASCII, and the
// other byte order much less so), else "". The first test of both detections.
std::string detect_utf16_without_bom(std::string_view bytes);

}  // namespace bm::detail
