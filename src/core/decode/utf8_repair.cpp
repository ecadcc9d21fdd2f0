#include "core/decode/utf8_repair.h"

namespace bm::detail {

namespace {

// Table 3-7 of the Unicode standard: the range allowed for the second byte
// depends on the lead byte; later bytes are always 80..BF.
bool second_byte_ok(unsigned char lead, unsigned char b) {
  switch (lead) {
    case 0xE0: return b >= 0xA0 && b <= 0xBF;
    case 0xED: return b >= 0x80 && b <= 0x9F;
    case 0xF0: return b >= 0x90 && b <= 0xBF;
    case 0xF4: return b >= 0x80 && b <= 0x8F;
    default: return b >= 0x80 && b <= 0xBF;
  }
}

}  // namespace

size_t utf8_sequence_length(std::string_view s, size_t i, size_t *subpart) {
  const auto lead = static_cast<unsigned char>(s[i]);
  if (lead < 0x80) return 1;
  size_t need = 0;
  if (lead >= 0xC2 && lead <= 0xDF) need = 2;
  else if (lead >= 0xE0 && lead <= 0xEF) need = 3;
  else if (lead >= 0xF0 && lead <= 0xF4) need = 4;
  if (need == 0) {  // 80..C1, F5..FF can never start a sequence
    *subpart = 1;
    return 0;
  }
  size_t k = 1;
  for (; k < need; ++k) {
    if (i + k >= s.size()) break;
    const auto b = static_cast<unsigned char>(s[i + k]);
    const bool ok = k == 1 ? second_byte_ok(lead, b) : (b >= 0x80 && b <= 0xBF);
    if (!ok) break;
  }
  if (k == need) return need;
  *subpart = k;  // the lead plus the continuation bytes that were still valid
  return 0;
}

Utf8Scan scan_utf8(std::string_view s) {
  Utf8Scan scan;
  size_t i = 0;
  while (i < s.size()) {
    size_t bad = 0;
    const size_t n = utf8_sequence_length(s, i, &bad);
    if (n > 0) {
      scan.multibyte_ok += n > 1;
      i += n;
      continue;
    }
    if (scan.first_invalid < 0) scan.first_invalid = static_cast<int64_t>(i);
    ++scan.invalid_subparts;
    scan.invalid_bytes += bad;
    i += bad;
  }
  return scan;
}

void repair_utf8(std::string_view s, std::string &out) {
  out.reserve(out.size() + s.size());
  size_t i = 0;
  while (i < s.size()) {
    size_t bad = 0;
    const size_t n = utf8_sequence_length(s, i, &bad);
    if (n > 0) {
      out.append(s.data() + i, n);
      i += n;
    } else {
      out.append("\xEF\xBF\xBD");
      i += bad;
    }
  }
}

}  // namespace bm::detail
