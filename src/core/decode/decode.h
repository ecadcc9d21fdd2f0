// Stage 1: raw bytes -> UTF-8 text with LF line ends (policy: docs/errors.md).
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace bm::detail {

// Hard cap on any input, whatever max_bytes says: ICU lengths are int32_t.
// BM_LIMIT_MAX_INPUT_BYTES (1 GiB) of the C API is below it.
constexpr size_t k_hard_max_input_bytes = (size_t{1} << 31) - 1;

struct DecodeOptions {
  std::string encoding;          // "" or "auto", or an ICU converter name
  bool strict = false;           // invalid bytes -> Error(BM_E_ENCODING) instead of U+FFFD
  size_t max_bytes = 64u << 20;  // larger input -> Error(BM_E_TOO_LARGE) before any work
};

struct DecodedText {
  std::string utf8;            // valid UTF-8, no U+0000, LF line ends only
  std::string encoding;        // "UTF-8", "GB18030", "Big5", "UTF-16LE", ...
  uint32_t flags = 0;          // BM_TEXT_* bits
  size_t replacements = 0;     // U+FFFD inserted for invalid input (and for U+0000)
  size_t controls_removed = 0; // control characters removed
  int64_t first_invalid = -1;  // raw-input offset of the first invalid byte
};

// Throws bm::detail::Error (BM_E_TOO_LARGE, BM_E_UNKNOWN_ENCODING, BM_E_ENCODING).
DecodedText decode(std::string_view bytes, const DecodeOptions &options);

}  // namespace bm::detail
