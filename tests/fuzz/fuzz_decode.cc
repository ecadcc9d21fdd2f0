// Fuzz target: bm_decode. The first byte selects the encoding (utf-8, gb18030,
// big5, auto, and a strict bit); the rest is the input.
// Invariants: status OK (or BM_E_ENCODING only in strict mode); output valid
// UTF-8 without U+0000 and without CR; the flags agree with the counts; and
// decoding the output again as UTF-8 (and as auto) changes nothing.
#include "fuzz_common.h"

using namespace bmfuzz;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size < 1) return 0;
  static const char *const k_enc[] = {"UTF-8", "GB18030", "Big5", "auto"};
  const uint8_t sel = data[0];
  const char *enc = k_enc[sel & 3];
  const bool strict = (sel & 4) != 0;
  const char *bytes = reinterpret_cast<const char *>(data + 1);
  const size_t len = size - 1;

  bm_parse_options po;
  bm_parse_options_init(&po, BM_PARSE_OPTIONS_VERSION);
  po.encoding = enc;
  po.flags = strict ? BM_PARSE_STRICT_DECODING : 0;
  bm_text *t = nullptr;
  const bm_status st = bm_decode(default_parser(), bytes, len, &po, &t);
  if (st != BM_OK) {
    BMF_CHECK(t == nullptr, "out not NULL after failure");
    BMF_CHECK(strict && st == BM_E_ENCODING, "bm_decode(%s, strict=%d) returned %d", enc, strict, st);
    const bm_error *e = bm_last_error();
    BMF_CHECK(e && e->code == st && e->message && e->message[0], "last error not set");
    BMF_CHECK(e->byte_offset >= 0 && static_cast<size_t>(e->byte_offset) < len,
              "strict error offset %lld outside the input (%zu bytes)", static_cast<long long>(e->byte_offset), len);
    return 0;
  }
  BMF_CHECK(t != nullptr, "BM_OK without a text");
  size_t n = 0;
  const char *out = bm_text_data(t, &n);
  BMF_CHECK(out && out[n] == '\0', "decoded text not NUL-terminated");
  size_t bad = 0;
  BMF_CHECK(utf8_valid(out, n, &bad), "decoded text (%s) is not valid UTF-8 at byte %zu", enc, bad);
  BMF_CHECK(std::memchr(out, '\0', n) == nullptr, "decoded text contains U+0000");
  BMF_CHECK(std::memchr(out, '\r', n) == nullptr, "decoded text contains CR (line ends must be LF)");
  const uint32_t flags = bm_text_flags(t);
  const size_t reps = bm_text_replacements(t);
  const int64_t first_bad = bm_text_first_invalid_offset(t);
  BMF_CHECK(((flags & (BM_TEXT_INVALID_REPLACED | BM_TEXT_NUL_REPLACED)) != 0) == (reps > 0),
            "flags 0x%x disagree with %zu replacements", flags, reps);
  if (flags & BM_TEXT_INVALID_REPLACED) {
    BMF_CHECK(!strict, "strict decoding replaced bytes");
    BMF_CHECK(first_bad >= 0 && static_cast<size_t>(first_bad) < len, "first invalid offset %lld outside input %zu",
              static_cast<long long>(first_bad), len);
  } else {
    BMF_CHECK(first_bad == -1, "first invalid offset %lld without INVALID_REPLACED", static_cast<long long>(first_bad));
  }
  const char *tenc = bm_text_encoding(t);
  BMF_CHECK(tenc && tenc[0], "empty encoding name");

  // Decoding the output again changes nothing (explicit UTF-8 and auto).
  std::string once(out, n);
  // Open bug (known-issues.txt): a U+FEFF left at the start of the output is
  // taken for a BOM by the next decode.
  if (known("decode.leading-feff") && once.rfind("\xEF\xBB\xBF", 0) == 0) {
    bm_text_free(t);
    return 0;
  }
  for (const char *enc2 : {"UTF-8", "auto"}) {
    bm_parse_options po2;
    bm_parse_options_init(&po2, BM_PARSE_OPTIONS_VERSION);
    po2.encoding = enc2;
    bm_text *t2 = nullptr;
    BMF_CHECK(bm_decode(default_parser(), once.data(), once.size(), &po2, &t2) == BM_OK, "re-decode failed");
    size_t n2 = 0;
    const char *out2 = bm_text_data(t2, &n2);
    BMF_CHECK(n2 == once.size() && std::memcmp(out2, once.data(), n2) == 0,
              "decode is not idempotent (%s then %s): %zu bytes became %zu", enc, enc2, once.size(), n2);
    BMF_CHECK(bm_text_replacements(t2) == 0, "re-decoding valid output replaced something");
    BMF_CHECK(std::string(bm_text_encoding(t2)) == "UTF-8", "re-decoding valid UTF-8 gave %s", bm_text_encoding(t2));
    bm_text_free(t2);
  }
  bm_text_free(t);
  return 0;
}
