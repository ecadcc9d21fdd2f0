// Fuzz target: encoding metamorphism. The input made valid UTF-8 (invalid
// subparts become U+FFFD), encoded to GB18030 with ICU (ucnv), must parse to
// exactly the same page JSON as the UTF-8 bytes, except the "encoding" field.
// Inputs ICU cannot round-trip through GB18030 are skipped (not our bug).
#include <cstring>

#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>
#include <unicode/unistr.h>

#include "fuzz_common.h"

using namespace bmfuzz;

namespace {

UConverter *gb18030() {
  static UConverter *c = [] {
    UErrorCode err = U_ZERO_ERROR;
    UConverter *cv = ucnv_open("GB18030", &err);
    if (U_FAILURE(err)) fail("ucnv_open(GB18030)");
    ucnv_setFromUCallBack(cv, UCNV_FROM_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &err);
    ucnv_setToUCallBack(cv, UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &err);
    return cv;
  }();
  return c;
}

// UTF-8 -> GB18030 bytes; false when ICU cannot encode or round-trip it.
bool to_gb18030(const std::string &utf8, std::string &out) {
  const icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  UErrorCode err = U_ZERO_ERROR;
  UConverter *cv = gb18030();
  ucnv_reset(cv);
  const int32_t need = ucnv_fromUChars(cv, nullptr, 0, u.getBuffer(), u.length(), &err);
  if (err != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(err)) return false;
  out.assign(static_cast<size_t>(need), '\0');
  err = U_ZERO_ERROR;
  ucnv_reset(cv);
  ucnv_fromUChars(cv, out.empty() ? nullptr : &out[0], need, u.getBuffer(), u.length(), &err);
  if (U_FAILURE(err)) return false;
  // round trip through ICU itself
  std::vector<UChar> back(out.size() + 1);
  err = U_ZERO_ERROR;
  ucnv_reset(cv);
  const int32_t bl = ucnv_toUChars(cv, back.data(), static_cast<int32_t>(back.size()), out.data(),
                                   static_cast<int32_t>(out.size()), &err);
  if (U_FAILURE(err)) return false;
  return icu::UnicodeString(back.data(), bl) == u;
}

std::string parse_json(const std::string &bytes, const char *enc, std::string *encoding) {
  bm_parse_options po;
  bm_parse_options_init(&po, BM_PARSE_OPTIONS_VERSION);
  po.encoding = enc;
  bm_page *page = nullptr;
  const bm_status st = bm_parse(default_parser(), bytes.data(), bytes.size(), &po, &page);
  BMF_CHECK(st == BM_OK && page, "bm_parse(%s) returned %d", enc, st);
  *encoding = bm_page_encoding(page);
  char *json = nullptr;
  size_t n = 0;
  BMF_CHECK(bm_page_to_json(page, 0, &json, &n) == BM_OK, "to_json");
  std::string s(json, n);
  bm_string_free(json);
  bm_page_free(page);
  // Blank out the value of the (first, top-level) "encoding" key: a key is
  // the only place an unescaped quote-delimited "encoding" can appear.
  const std::string key = "\"encoding\":\"";
  const size_t at = s.find(key);
  BMF_CHECK(at != std::string::npos, "no encoding key");
  const size_t vstart = at + key.size();
  const size_t vend = s.find('"', vstart);
  s.replace(vstart, vend - vstart, "*");
  return s;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const std::string utf8 = make_valid_utf8(data, size);
  // Open bug (known-issues.txt): U+FEFF right after a BOM / at the start is
  // dropped once in UTF-8 and kept in GB18030.
  if (known("decode.leading-feff") && utf8.rfind("\xEF\xBB\xBF", 0) == 0) return 0;
  std::string gb;
  if (!to_gb18030(utf8, gb)) return 0;
  std::string e1, e2;
  const std::string j1 = parse_json(utf8, "UTF-8", &e1);
  const std::string j2 = parse_json(gb, "GB18030", &e2);
  BMF_CHECK(e1 == "UTF-8", "UTF-8 input reported as %s", e1.c_str());
  BMF_CHECK(e2 == "GB18030", "GB18030 input reported as %s", e2.c_str());
  // The output bound (JSON <= 8 x the input's bytes + 64 KiB, docs/page-json.md)
  // is tighter for the GB18030 bytes, two per Han character against three:
  // a page whose UTF-8 JSON is over the GB18030 input's bound legitimately
  // loses optional fields (spans, day expressions) there. The GB18030 page's
  // own JSON names its encoding, "GB18030", where j1 holds "*": a page just
  // under that bound in j1 can be over it there
  // (regress/metamorphic/output-bound-edge-encoding-name).
  if (j1 != j2 && j1.size() + std::strlen("GB18030") > 8 * gb.size() + 64 * 1024) return 0;
  if (j1 != j2) {
    size_t k = 0;
    while (k < j1.size() && k < j2.size() && j1[k] == j2[k]) ++k;
    const size_t from = k > 80 ? k - 80 : 0;
    fail("UTF-8 and GB18030 inputs parse differently",
         "at JSON byte " + std::to_string(k) + ":\n    utf8:    ..." + j1.substr(from, 200) + "\n    gb18030: ..." +
             j2.substr(from, 200));
  }
  return 0;
}
