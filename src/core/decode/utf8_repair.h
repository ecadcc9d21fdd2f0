// UTF-8 validation with the Unicode "maximal subpart" replacement practice:
// each maximal invalid subpart of the input becomes exactly one U+FFFD
// (Unicode 15, section 3.9, U+FFFD Substitution of Maximal Subparts).
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace bm::detail {

struct Utf8Scan {
  size_t invalid_subparts = 0;  // number of U+FFFD a repair would insert
  size_t invalid_bytes = 0;     // bytes inside those subparts
  size_t multibyte_ok = 0;      // well-formed sequences of 2-4 bytes
  int64_t first_invalid = -1;   // offset of the first invalid byte
};

// Length of the well-formed sequence at s[i] (1-4), or 0 when it is invalid;
// then *subpart receives the length of the maximal invalid subpart (>= 1).
size_t utf8_sequence_length(std::string_view s, size_t i, size_t *subpart);

Utf8Scan scan_utf8(std::string_view s);

// Copies s to out, each maximal invalid subpart replaced by U+FFFD.
void repair_utf8(std::string_view s, std::string &out);

}  // namespace bm::detail
