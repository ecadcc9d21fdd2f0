// Fuzz target: bm_normalize (encoding auto).
// Invariants: status OK; output valid UTF-8, without U+0000/CR, empty or
// ending in '\n'; output is NFC; no half-width , ; : ? ! right
// next to a Han character (rule 2 of docs/normalization.md); and
// normalize(normalize(x)) == normalize(x) (normalize.idempotent; a second
// pass that only cuts repeated text out of lines is normalize.idempotent-repeats).
#include <unicode/normalizer2.h>
#include <unicode/uscript.h>
#include <unicode/unistr.h>

#include <string_view>
#include <vector>

#include "fuzz_common.h"

using namespace bmfuzz;

namespace {

bool is_han(char32_t cp) {
  UErrorCode err = U_ZERO_ERROR;
  return uscript_getScript(static_cast<UChar32>(cp), &err) == USCRIPT_HAN && U_SUCCESS(err);
}

std::string normalize(const std::string &in) {
  char *out = nullptr;
  size_t n = 0;
  const bm_status st = bm_normalize(default_parser(), in.data(), in.size(), nullptr, &out, &n);
  BMF_CHECK(st == BM_OK && out, "bm_normalize returned %d for %zu bytes", st, in.size());
  BMF_CHECK(out[n] == '\0', "normalized text not NUL-terminated");
  std::string s(out, n);
  bm_string_free(out);
  return s;
}

// Has `b` the lines of `a`, each the same, with text cut out of it, or cut
// out altogether (a line all repeat), in order?
bool only_cuts(const std::string &a, const std::string &b) {
  auto lines = [](const std::string &s) {
    std::vector<std::string_view> v;
    for (size_t i = 0; i < s.size();) {
      size_t e = s.find('\n', i);
      if (e == std::string::npos) e = s.size();
      v.emplace_back(s.data() + i, e - i);
      i = e + 1;
    }
    return v;
  };
  auto subsequence = [](std::string_view x, std::string_view y) {  // x in y, in order
    size_t k = 0;
    for (char c : y)
      if (k < x.size() && x[k] == c) ++k;
    return k == x.size();
  };
  const std::vector<std::string_view> la = lines(a), lb = lines(b);
  size_t i = 0;
  for (std::string_view l : lb) {
    while (i < la.size() && !subsequence(l, la[i])) ++i;
    if (i == la.size()) return false;
    ++i;
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const std::string in(reinterpret_cast<const char *>(data), size);
  const std::string once = normalize(in);
  size_t bad = 0;
  BMF_CHECK(utf8_valid(once, &bad), "normalized text is not valid UTF-8 at %zu", bad);
  BMF_CHECK(once.find('\0') == std::string::npos, "normalized text contains U+0000");
  BMF_CHECK(once.find('\r') == std::string::npos, "normalized text contains CR");
  BMF_CHECK(once.empty() || once.back() == '\n', "normalized text does not end with a newline");

  // NFC
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2 *nfc = icu::Normalizer2::getNFCInstance(err);
  BMF_CHECK(U_SUCCESS(err), "ICU NFC instance");
  const icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(once.data(), static_cast<int32_t>(once.size())));
  const UBool isnfc = nfc->isNormalized(u, err);
  BMF_CHECK(U_SUCCESS(err) && isnfc, "normalized text is not NFC");

  // Rule 2: no half-width , ; : ? ! next to a Han character.
  const std::u32string cps = to_u32(once);
  for (size_t i = 0; i < cps.size(); ++i) {
    const char32_t c = cps[i];
    if (c != ',' && c != ';' && c != ':' && c != '?' && c != '!') continue;
    const bool han_before = i > 0 && is_han(cps[i - 1]);
    const bool han_after = i + 1 < cps.size() && is_han(cps[i + 1]);
    BMF_CHECK(!han_before && !han_after, "half-width '%c' next to a Han character at code point %zu",
              static_cast<char>(c), i);
  }

  // Idempotence. A second pass that only cuts text out of lines (the
  // repeated-text remover finding, on normalized text, a repeat that the raw
  // text hid) is told apart from one that reads the lines another way.
  const std::string twice = normalize(once);
  if (twice != once && !known(only_cuts(once, twice) ? "normalize.idempotent-repeats" : "normalize.idempotent")) {
    size_t k = 0;
    while (k < once.size() && k < twice.size() && once[k] == twice[k]) ++k;
    fail("normalize is not idempotent",
         fmt("first difference at byte %zu (%zu vs %zu bytes)", k, once.size(), twice.size()));
  }
  return 0;
}
