#include "core/decode/charset.h"

#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>
#include <unicode/ucsdet.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <memory>
#include <vector>

#include "core/common/error.h"
#include "core/common/utf8.h"

namespace bm::detail {

namespace {

struct ConverterCloser {
  void operator()(UConverter *c) const { ucnv_close(c); }
};
using ConverterPtr = std::unique_ptr<UConverter, ConverterCloser>;

struct DetectorCloser {
  void operator()(UCharsetDetector *d) const { ucsdet_close(d); }
};

// State shared with the to-Unicode error callback.
struct CallbackState {
  const char *base = nullptr;  // start of the input buffer
  size_t count = 0;
  int64_t first = -1;
  bool strict = false;
};

// Every illegal/unassigned sequence becomes one U+FFFD (ICU's stock
// substitution may write U+001A for some converters), counted with its offset.
void U_CALLCONV on_invalid(const void *context, UConverterToUnicodeArgs *args, const char *code_units,
                           int32_t length, UConverterCallbackReason reason, UErrorCode *err) {
  if (reason > UCNV_IRREGULAR) return;  // RESET, CLOSE, CLONE: nothing to do
  auto *state = static_cast<CallbackState *>(const_cast<void *>(context));
  if (state->first < 0) {
    // args->source points just past the offending code units.
    state->first = static_cast<int64_t>(args->source - state->base) - length;
    if (state->first < 0) state->first = 0;
  }
  ++state->count;
  (void)code_units;
  if (state->strict) return;  // leave *err set: conversion stops with an error
  *err = U_ZERO_ERROR;
  const UChar fffd = 0xFFFD;
  ucnv_cbToUWriteUChars(args, &fffd, 1, 0, err);
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

// Share of UTF-16 code units that are plausible in Chinese text: CJK
// ideographs, CJK and full-width punctuation, printable ASCII and line ends.
double utf16_plausibility(std::string_view b, bool little_endian) {
  const size_t units = b.size() / 2;
  if (units == 0) return 0;
  size_t good = 0;
  for (size_t i = 0; i + 1 < b.size(); i += 2) {
    const auto lo = static_cast<unsigned char>(b[i + (little_endian ? 0 : 1)]);
    const auto hi = static_cast<unsigned char>(b[i + (little_endian ? 1 : 0)]);
    const unsigned u = (hi << 8) | lo;
    if ((u >= 0x20 && u < 0x7F) || u == '\n' || u == '\r' || u == '\t' || (u >= 0x3000 && u <= 0x303F) ||
        (u >= 0x3400 && u <= 0x9FFF) || (u >= 0xFF00 && u <= 0xFFEF) || (u >= 0x2000 && u <= 0x206F))
      ++good;
  }
  return static_cast<double>(good) / static_cast<double>(units);
}

}  // namespace

std::string canonical_encoding(const std::string &name) {
  // ICU takes converter names NUL-terminated: a name with an embedded NUL (or
  // an absurdly long one) would be read as something else.
  if (name.empty() || name.size() > 64 || name.find('\0') != std::string::npos) return "";
  const std::string l = lower(name);
  if (l == "utf-8" || l == "utf8") return "UTF-8";
  if (l == "utf-16le" || l == "utf16le") return "UTF-16LE";
  if (l == "utf-16be" || l == "utf16be") return "UTF-16BE";
  if (l == "gb18030") return "GB18030";
  if (l == "big5") return "Big5";
  if (l == "gbk" || l == "cp936") return "GBK";
  if (l == "gb2312" || l == "euc-cn") return "GB2312";
  UErrorCode err = U_ZERO_ERROR;
  ConverterPtr cnv(ucnv_open(name.c_str(), &err));
  if (U_FAILURE(err) || !cnv) return "";
  err = U_ZERO_ERROR;
  const char *internal = ucnv_getName(cnv.get(), &err);
  if (U_FAILURE(err) || !internal) return name;
  err = U_ZERO_ERROR;
  const char *iana = ucnv_getStandardName(internal, "IANA", &err);
  return (U_SUCCESS(err) && iana) ? iana : internal;
}

Converted convert_to_utf8(std::string_view bytes, const std::string &encoding, bool strict,
                          size_t base_offset) {
  // ICU keeps offsets in int32_t: decode() caps inputs below 2^31 bytes.
  if (bytes.size() > static_cast<size_t>(INT32_MAX))
    throw Error(BM_E_TOO_LARGE, "input too large for conversion (2 GiB hard limit)");
  UErrorCode err = U_ZERO_ERROR;
  ConverterPtr cnv(ucnv_open(encoding.c_str(), &err));
  if (U_FAILURE(err) || !cnv)
    throw Error(BM_E_UNKNOWN_ENCODING, "unknown encoding '" + encoding + "' (not an ICU converter name)");
  CallbackState state;
  state.base = bytes.data();
  state.strict = strict;
  err = U_ZERO_ERROR;
  ucnv_setToUCallBack(cnv.get(), on_invalid, &state, nullptr, nullptr, &err);
  if (U_FAILURE(err)) throw Error(BM_E_INTERNAL, std::string("ucnv_setToUCallBack: ") + u_errorName(err));
  // In multi-byte Chinese/CJK charsets the single bytes 0x80 and 0xFF are
  // never characters, yet ICU's tables map them silently (Big5: 0x80 -> U+0080,
  // 0xFF -> U+F8F8; GB2312: 0x80 -> U+0080): they are treated as invalid.
  const bool check_single_bytes = ucnv_getType(cnv.get()) == UCNV_MBCS || ucnv_getType(cnv.get()) == UCNV_DBCS;

  // ICU converts to UTF-16; collect it whole (at most 2 units per input
  // byte), then write UTF-8 in one pass so no surrogate pair is ever split.
  std::u16string utf16;
  std::vector<UChar> buffer(64 * 1024);
  std::vector<int32_t> offsets(buffer.size());
  const char *src = bytes.data();
  const char *src_end = src + bytes.size();
  size_t bogus = 0;
  int64_t first_bogus = -1;
  do {
    UChar *target = buffer.data();
    const char *chunk = src;
    err = U_ZERO_ERROR;
    ucnv_toUnicode(cnv.get(), &target, buffer.data() + buffer.size(), &src, src_end, offsets.data(), true, &err);
    const size_t produced = static_cast<size_t>(target - buffer.data());
    if (check_single_bytes) {
      for (size_t k = 0; k < produced; ++k) {
        const UChar u = buffer[k];
        if (offsets[k] < 0 || !((u >= 0x80 && u <= 0x9F) || (u >= 0xE000 && u <= 0xF8FF) || u == 0x1A)) continue;
        const size_t at = static_cast<size_t>(chunk - bytes.data()) + static_cast<size_t>(offsets[k]);
        const auto b = static_cast<unsigned char>(bytes[at]);
        if (b != 0x80 && b != 0xFF) continue;
        buffer[k] = 0xFFFD;
        ++bogus;
        if (first_bogus < 0) first_bogus = static_cast<int64_t>(at);
      }
    }
    utf16.append(reinterpret_cast<const char16_t *>(buffer.data()), produced);
  } while (err == U_BUFFER_OVERFLOW_ERROR);
  if (bogus > 0 && (state.first < 0 || first_bogus < state.first)) state.first = first_bogus;
  if (strict && bogus > 0 && U_SUCCESS(err))
    throw Error(BM_E_ENCODING, "invalid " + encoding + " byte sequence",
                state.first + static_cast<int64_t>(base_offset));
  Converted out;
  out.utf8.reserve(utf16.size() * 3 / 2 + 16);
  for (size_t k = 0; k < utf16.size();) {
    char32_t c = utf16[k++];
    if (c >= 0xD800 && c <= 0xDBFF && k < utf16.size() && utf16[k] >= 0xDC00 && utf16[k] <= 0xDFFF) {
      c = 0x10000 + ((c - 0xD800) << 10) + (utf16[k++] - 0xDC00);
    } else if (c >= 0xD800 && c <= 0xDFFF) {
      c = 0xFFFD;  // unpaired surrogate (only from UTF-16 input)
      ++bogus;
    }
    append_cp(out.utf8, c);
  }
  if (U_FAILURE(err)) {
    if (strict && state.count > 0)
      throw Error(BM_E_ENCODING, "invalid " + encoding + " byte sequence",
                  state.first < 0 ? -1 : state.first + static_cast<int64_t>(base_offset));
    throw Error(BM_E_ENCODING, std::string("conversion from ") + encoding + " failed: " + u_errorName(err));
  }
  out.replacements = state.count + bogus;
  out.first_invalid = state.first < 0 ? -1 : state.first + static_cast<int64_t>(base_offset);
  return out;
}

std::string detect_utf16_without_bom(std::string_view bytes) {
  // ICU's detector only trusts a BOM, so look at the code units ourselves.
  // Chinese text in the wrong byte order or in a multi-byte charset read as
  // UTF-16 is far from plausible.
  if (bytes.size() >= 4 && bytes.size() % 2 == 0) {
    const double le = utf16_plausibility(bytes, true);
    const double be = utf16_plausibility(bytes, false);
    if (le >= 0.9 && le > be) return "UTF-16LE";
    if (be >= 0.9 && be > le) return "UTF-16BE";
  }
  return "";
}

std::string detect_chinese_charset(std::string_view bytes) {
  std::string utf16 = detect_utf16_without_bom(bytes);
  if (!utf16.empty()) return utf16;
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, DetectorCloser> det(ucsdet_open(&err));
  if (U_FAILURE(err)) return "GB18030";
  const int32_t len = static_cast<int32_t>(std::min<size_t>(bytes.size(), 1u << 20));
  ucsdet_setText(det.get(), bytes.data(), len, &err);
  int32_t found = 0;
  const UCharsetMatch **matches = ucsdet_detectAll(det.get(), &found, &err);
  if (U_FAILURE(err) || !matches) return "GB18030";
  for (int32_t i = 0; i < found; ++i) {
    UErrorCode e = U_ZERO_ERROR;
    const char *name = ucsdet_getName(matches[i], &e);
    if (U_FAILURE(e) || !name) continue;
    if (std::strcmp(name, "GB18030") == 0) return "GB18030";
    if (std::strcmp(name, "Big5") == 0) return "Big5";
    // UTF-16 without a BOM was decided above by our own test; ICU's guess
    // for it on random bytes is not evidence.
  }
  return "GB18030";
}

}  // namespace bm::detail
