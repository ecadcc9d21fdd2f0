// Stage 1 (decode): BOMs, UTF-8 repair by maximal subparts, named ICU
// encodings, charset detection, limits, line ends and control characters.
// Byte strings below were produced with Python 3 (str.encode, and
// bytes.decode('utf-8', 'replace') for the expected repairs).
#include <gtest/gtest.h>
#include <sys/mman.h>

#include <cstring>
#include <string>

#include "core/common/error.h"
#include "core/decode/decode.h"

using namespace bm::detail;

namespace {

std::string B(const char *s, size_t n) { return std::string(s, n); }
#define BYTES(lit) B(lit, sizeof(lit) - 1)

DecodedText dec(const std::string &bytes, const std::string &enc = "auto", bool strict = false,
                size_t max = 64u << 20) {
  DecodeOptions o;
  o.encoding = enc;
  o.strict = strict;
  o.max_bytes = max;
  return decode(bytes, o);
}

// Runs decode and returns the Error it throws (code BM_OK when it does not throw).
Error dec_error(const std::string &bytes, const std::string &enc = "auto", bool strict = false,
                size_t max = 64u << 20) {
  try {
    dec(bytes, enc, strict, max);
  } catch (const Error &e) {
    return e;
  }
  return Error(BM_OK, "no error");
}

// Python-generated texts (see the comment at the top).
const char kGbText[] = "\xE6\x9C\xAC\xE6\x8A\xA5\xE8\xAE\xAF\x20\xE8\xAE\xB0\xE8\x80\x85\xE4\xBB\x8E\xE6\x9C\x89\xE5\x85" "\xB3\xE9\x83\xA8\xE9\x97\xA8\xE4\xBA\x86\xE8\xA7\xA3\xE5\x88\xB0\xEF\xBC\x8C\xE4\xBB\x8A\xE5\xB9" "\xB4\xE4\xB8\x8A\xE5\x8D\x8A\xE5\xB9\xB4\xEF\xBC\x8C\xE5\xB9\xB3\xE6\xB9\x96\xE5\xB8\x82\xE8\xA7" "\x84\xE4\xB8\x8A\xE5\xB7\xA5\xE4\xB8\x9A\xE5\xA2\x9E\xE5\x8A\xA0\xE5\x80\xBC\xE8\x83\xBD\xE8\x80" "\x97\xE6\x8C\x87\xE6\xA0\x87\xE6\x8C\x81\xE7\xBB\xAD\xE4\xBF\x9D\xE6\x8C\x81\xE5\x98\x89\xE5\x85" "\xB4\xE7\xAC\xAC\xE4\xB8\x80\xE3\x80\x82\x0A\xE6\x8E\xA8\xE5\x8A\xA8\xE4\xBA\xA7\xE4\xB8\x9A\xE5" "\x8F\x91\xE5\xB1\x95\xE8\xB4\xA8\xE9\x87\x8F\xE5\x8F\x98\xE9\x9D\xA9\xE3\x80\x81\xE6\x95\x88\xE7" "\x8E\x87\xE5\x8F\x98\xE9\x9D\xA9\xE5\x92\x8C\xE5\x8A\xA8\xE5\x8A\x9B\xE5\x8F\x98\xE9\x9D\xA9\xE7" "\x9A\x84\xE9\x87\x8D\xE8\xA6\x81\xE4\xBE\x9D\xE6\x89\x98\xE3\x80\x82\xE5\xB8\x82\xE5\xA7\x94\xE5" "\xB8\xB8\xE5\xA7\x94\xE4\xBC\x9A\xE5\x8F\xAC\xE5\xBC\x80\xE4\xBC\x9A\xE8\xAE\xAE\xEF\xBC\x8C\xE7" "\xA0\x94\xE7\xA9\xB6\xE9\x83\xA8\xE7\xBD\xB2\xE4\xB8\x8B\xE5\x8D\x8A\xE5\xB9\xB4\xE7\xBB\x8F\xE6" "\xB5\x8E\xE5\xB7\xA5\xE4\xBD\x9C\xEF\xBC\x8C\xE5\xBC\xBA\xE8\xB0\x83\xE8\xA6\x81\xE5\x9D\x9A\xE6" "\x8C\x81\xE7\xA8\xB3\xE4\xB8\xAD\xE6\xB1\x82\xE8\xBF\x9B\xE3\x80\x82\x0A";
const char kGb18030[] = "\xB1\xBE\xB1\xA8\xD1\xB6\x20\xBC\xC7\xD5\xDF\xB4\xD3\xD3\xD0\xB9\xD8\xB2\xBF\xC3\xC5\xC1\xCB\xBD" "\xE2\xB5\xBD\xA3\xAC\xBD\xF1\xC4\xEA\xC9\xCF\xB0\xEB\xC4\xEA\xA3\xAC\xC6\xBD\xBA\xFE\xCA\xD0\xB9" "\xE6\xC9\xCF\xB9\xA4\xD2\xB5\xD4\xF6\xBC\xD3\xD6\xB5\xC4\xDC\xBA\xC4\xD6\xB8\xB1\xEA\xB3\xD6\xD0" "\xF8\xB1\xA3\xB3\xD6\xBC\xCE\xD0\xCB\xB5\xDA\xD2\xBB\xA1\xA3\x0A\xCD\xC6\xB6\xAF\xB2\xFA\xD2\xB5" "\xB7\xA2\xD5\xB9\xD6\xCA\xC1\xBF\xB1\xE4\xB8\xEF\xA1\xA2\xD0\xA7\xC2\xCA\xB1\xE4\xB8\xEF\xBA\xCD" "\xB6\xAF\xC1\xA6\xB1\xE4\xB8\xEF\xB5\xC4\xD6\xD8\xD2\xAA\xD2\xC0\xCD\xD0\xA1\xA3\xCA\xD0\xCE\xAF" "\xB3\xA3\xCE\xAF\xBB\xE1\xD5\xD9\xBF\xAA\xBB\xE1\xD2\xE9\xA3\xAC\xD1\xD0\xBE\xBF\xB2\xBF\xCA\xF0" "\xCF\xC2\xB0\xEB\xC4\xEA\xBE\xAD\xBC\xC3\xB9\xA4\xD7\xF7\xA3\xAC\xC7\xBF\xB5\xF7\xD2\xAA\xBC\xE1" "\xB3\xD6\xCE\xC8\xD6\xD0\xC7\xF3\xBD\xF8\xA1\xA3\x0A";
const char kGbk[] = "\xB1\xBE\xB1\xA8\xD1\xB6\x20\xBC\xC7\xD5\xDF\xB4\xD3\xD3\xD0\xB9\xD8\xB2\xBF\xC3\xC5\xC1\xCB\xBD" "\xE2\xB5\xBD\xA3\xAC\xBD\xF1\xC4\xEA\xC9\xCF\xB0\xEB\xC4\xEA\xA3\xAC\xC6\xBD\xBA\xFE\xCA\xD0\xB9" "\xE6\xC9\xCF\xB9\xA4\xD2\xB5\xD4\xF6\xBC\xD3\xD6\xB5\xC4\xDC\xBA\xC4\xD6\xB8\xB1\xEA\xB3\xD6\xD0" "\xF8\xB1\xA3\xB3\xD6\xBC\xCE\xD0\xCB\xB5\xDA\xD2\xBB\xA1\xA3\x0A\xCD\xC6\xB6\xAF\xB2\xFA\xD2\xB5" "\xB7\xA2\xD5\xB9\xD6\xCA\xC1\xBF\xB1\xE4\xB8\xEF\xA1\xA2\xD0\xA7\xC2\xCA\xB1\xE4\xB8\xEF\xBA\xCD" "\xB6\xAF\xC1\xA6\xB1\xE4\xB8\xEF\xB5\xC4\xD6\xD8\xD2\xAA\xD2\xC0\xCD\xD0\xA1\xA3\xCA\xD0\xCE\xAF" "\xB3\xA3\xCE\xAF\xBB\xE1\xD5\xD9\xBF\xAA\xBB\xE1\xD2\xE9\xA3\xAC\xD1\xD0\xBE\xBF\xB2\xBF\xCA\xF0" "\xCF\xC2\xB0\xEB\xC4\xEA\xBE\xAD\xBC\xC3\xB9\xA4\xD7\xF7\xA3\xAC\xC7\xBF\xB5\xF7\xD2\xAA\xBC\xE1" "\xB3\xD6\xCE\xC8\xD6\xD0\xC7\xF3\xBD\xF8\xA1\xA3\x0A";
const char kBig5Text[] = "\xE6\x9C\xAC\xE5\xA0\xB1\xE8\xA8\x8A\x20\xE8\xA8\x98\xE8\x80\x85\xE5\xBE\x9E\xE6\x9C\x89\xE9\x97" "\x9C\xE9\x83\xA8\xE9\x96\x80\xE4\xBA\x86\xE8\xA7\xA3\xE5\x88\xB0\xEF\xBC\x8C\xE4\xBB\x8A\xE5\xB9" "\xB4\xE4\xB8\x8A\xE5\x8D\x8A\xE5\xB9\xB4\xEF\xBC\x8C\xE5\xB9\xB3\xE6\xB9\x96\xE5\xB8\x82\xE8\xA6" "\x8F\xE4\xB8\x8A\xE5\xB7\xA5\xE6\xA5\xAD\xE5\xA2\x9E\xE5\x8A\xA0\xE5\x80\xBC\xE8\x83\xBD\xE8\x80" "\x97\xE6\x8C\x87\xE6\xA8\x99\xE6\x8C\x81\xE7\xBA\x8C\xE4\xBF\x9D\xE6\x8C\x81\xE5\x98\x89\xE8\x88" "\x88\xE7\xAC\xAC\xE4\xB8\x80\xE3\x80\x82\x0A\xE6\x8E\xA8\xE5\x8B\x95\xE7\x94\xA2\xE6\xA5\xAD\xE7" "\x99\xBC\xE5\xB1\x95\xE8\xB3\xAA\xE9\x87\x8F\xE8\xAE\x8A\xE9\x9D\xA9\xE3\x80\x81\xE6\x95\x88\xE7" "\x8E\x87\xE8\xAE\x8A\xE9\x9D\xA9\xE5\x92\x8C\xE5\x8B\x95\xE5\x8A\x9B\xE8\xAE\x8A\xE9\x9D\xA9\xE7" "\x9A\x84\xE9\x87\x8D\xE8\xA6\x81\xE4\xBE\x9D\xE8\xA8\x97\xE3\x80\x82\xE5\xB8\x82\xE5\xA7\x94\xE5" "\xB8\xB8\xE5\xA7\x94\xE6\x9C\x83\xE5\x8F\xAC\xE9\x96\x8B\xE6\x9C\x83\xE8\xAD\xB0\xEF\xBC\x8C\xE7" "\xA0\x94\xE7\xA9\xB6\xE9\x83\xA8\xE7\xBD\xB2\xE4\xB8\x8B\xE5\x8D\x8A\xE5\xB9\xB4\xE7\xB6\x93\xE6" "\xBF\x9F\xE5\xB7\xA5\xE4\xBD\x9C\xEF\xBC\x8C\xE5\xBC\xB7\xE8\xAA\xBF\xE8\xA6\x81\xE5\xA0\x85\xE6" "\x8C\x81\xE7\xA9\xA9\xE4\xB8\xAD\xE6\xB1\x82\xE9\x80\xB2\xE3\x80\x82\x0A";
const char kBig5[] = "\xA5\xBB\xB3\xF8\xB0\x54\x20\xB0\x4F\xAA\xCC\xB1\x71\xA6\xB3\xC3\xF6\xB3\xA1\xAA\xF9\xA4\x46\xB8" "\xD1\xA8\xEC\xA1\x41\xA4\xB5\xA6\x7E\xA4\x57\xA5\x62\xA6\x7E\xA1\x41\xA5\xAD\xB4\xF2\xA5\xAB\xB3" "\x57\xA4\x57\xA4\x75\xB7\x7E\xBC\x57\xA5\x5B\xAD\xC8\xAF\xE0\xAF\xD3\xAB\xFC\xBC\xD0\xAB\xF9\xC4" "\xF2\xAB\x4F\xAB\xF9\xB9\xC5\xBF\xB3\xB2\xC4\xA4\x40\xA1\x43\x0A\xB1\xC0\xB0\xCA\xB2\xA3\xB7\x7E" "\xB5\x6F\xAE\x69\xBD\xE8\xB6\x71\xC5\xDC\xAD\xB2\xA1\x42\xAE\xC4\xB2\x76\xC5\xDC\xAD\xB2\xA9\x4D" "\xB0\xCA\xA4\x4F\xC5\xDC\xAD\xB2\xAA\xBA\xAD\xAB\xAD\x6E\xA8\xCC\xB0\x55\xA1\x43\xA5\xAB\xA9\x65" "\xB1\x60\xA9\x65\xB7\x7C\xA5\x6C\xB6\x7D\xB7\x7C\xC4\xB3\xA1\x41\xAC\xE3\xA8\x73\xB3\xA1\xB8\x70" "\xA4\x55\xA5\x62\xA6\x7E\xB8\x67\xC0\xD9\xA4\x75\xA7\x40\xA1\x41\xB1\x6A\xBD\xD5\xAD\x6E\xB0\xED" "\xAB\xF9\xC3\xAD\xA4\xA4\xA8\x44\xB6\x69\xA1\x43\x0A";
const char kUtf16le[] = "\x2C\x67\xA5\x62\xAF\x8B\x20\x00\xB0\x8B\x05\x80\xCE\x4E\x09\x67\x73\x51\xE8\x90\xE8\x95\x86\x4E" "\xE3\x89\x30\x52\x0C\xFF\xCA\x4E\x74\x5E\x0A\x4E\x4A\x53\x74\x5E\x0C\xFF\x73\x5E\x56\x6E\x02\x5E" "\xC4\x89\x0A\x4E\xE5\x5D\x1A\x4E\x9E\x58\xA0\x52\x3C\x50\xFD\x80\x17\x80\x07\x63\x07\x68\x01\x63" "\xED\x7E\xDD\x4F\x01\x63\x09\x56\x74\x51\x2C\x7B\x00\x4E\x02\x30\x0A\x00\xA8\x63\xA8\x52\xA7\x4E" "\x1A\x4E\xD1\x53\x55\x5C\x28\x8D\xCF\x91\xD8\x53\x69\x97\x01\x30\x48\x65\x87\x73\xD8\x53\x69\x97" "\x8C\x54\xA8\x52\x9B\x52\xD8\x53\x69\x97\x84\x76\xCD\x91\x81\x89\x9D\x4F\x58\x62\x02\x30\x02\x5E" "\xD4\x59\x38\x5E\xD4\x59\x1A\x4F\xEC\x53\x00\x5F\x1A\x4F\xAE\x8B\x0C\xFF\x14\x78\x76\x7A\xE8\x90" "\x72\x7F\x0B\x4E\x4A\x53\x74\x5E\xCF\x7E\x4E\x6D\xE5\x5D\x5C\x4F\x0C\xFF\x3A\x5F\x03\x8C\x81\x89" "\x5A\x57\x01\x63\x33\x7A\x2D\x4E\x42\x6C\xDB\x8F\x02\x30\x0A\x00";
const char kUtf16be[] = "\x67\x2C\x62\xA5\x8B\xAF\x00\x20\x8B\xB0\x80\x05\x4E\xCE\x67\x09\x51\x73\x90\xE8\x95\xE8\x4E\x86" "\x89\xE3\x52\x30\xFF\x0C\x4E\xCA\x5E\x74\x4E\x0A\x53\x4A\x5E\x74\xFF\x0C\x5E\x73\x6E\x56\x5E\x02" "\x89\xC4\x4E\x0A\x5D\xE5\x4E\x1A\x58\x9E\x52\xA0\x50\x3C\x80\xFD\x80\x17\x63\x07\x68\x07\x63\x01" "\x7E\xED\x4F\xDD\x63\x01\x56\x09\x51\x74\x7B\x2C\x4E\x00\x30\x02\x00\x0A\x63\xA8\x52\xA8\x4E\xA7" "\x4E\x1A\x53\xD1\x5C\x55\x8D\x28\x91\xCF\x53\xD8\x97\x69\x30\x01\x65\x48\x73\x87\x53\xD8\x97\x69" "\x54\x8C\x52\xA8\x52\x9B\x53\xD8\x97\x69\x76\x84\x91\xCD\x89\x81\x4F\x9D\x62\x58\x30\x02\x5E\x02" "\x59\xD4\x5E\x38\x59\xD4\x4F\x1A\x53\xEC\x5F\x00\x4F\x1A\x8B\xAE\xFF\x0C\x78\x14\x7A\x76\x90\xE8" "\x7F\x72\x4E\x0B\x53\x4A\x5E\x74\x7E\xCF\x6D\x4E\x5D\xE5\x4F\x5C\xFF\x0C\x5F\x3A\x8C\x03\x89\x81" "\x57\x5A\x63\x01\x7A\x33\x4E\x2D\x6C\x42\x8F\xDB\x30\x02\x00\x0A";
const char kGbFourByteText[] = "\xC3\xA9\xF0\x9F\x98\x80\xE2\x82\xAC";
const char kGbFourByte[] = "\xA8\xA6\x94\x39\xFC\x36\xA2\xE3";

struct SubpartCase {
  const char *in;
  size_t len;
  const char *python;  // bytes.decode('utf-8', 'replace').encode('utf-8')
  size_t fffd;         // U+FFFD in Python's result
  int64_t first;       // UnicodeDecodeError.start, or -1
};

const SubpartCase kSubparts[] = {
    {"\x80", 1, "\xEF\xBF\xBD", 1, 0},
    {"\xBF", 1, "\xEF\xBF\xBD", 1, 0},
    {"\x80\x80\x80", 3, "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD", 3, 0},
    {"\x61\x80\x62", 3, "\x61\xEF\xBF\xBD\x62", 1, 1},
    {"\xC0\x80", 2, "\xEF\xBF\xBD\xEF\xBF\xBD", 2, 0},
    {"\xC1\xBF", 2, "\xEF\xBF\xBD\xEF\xBF\xBD", 2, 0},
    {"\xE0\x80\x80", 3, "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD", 3, 0},
    {"\xE0\x9F\xBF", 3, "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD", 3, 0},
    {"\xF0\x80\x80\x80", 4, "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD", 4, 0},
    {"\xF0\x8F\xBF\xBF", 4, "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD", 4, 0},
    {"\xED\xA0\x80", 3, "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD", 3, 0},
    {"\xED\xBF\xBF", 3, "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD", 3, 0},
    {"\xED\xA0\x80\xED\xB0\x80", 6, "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD", 6, 0},
    {"\xF4\x90\x80\x80", 4, "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD", 4, 0},
    {"\xF4\x90", 2, "\xEF\xBF\xBD\xEF\xBF\xBD", 2, 0},
    {"\xF5\x80\x80\x80", 4, "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD", 4, 0},
    {"\xF8\x88\x80\x80\x80", 5, "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD", 5, 0},
    {"\xFC\x84\x80\x80\x80\x80", 6, "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD", 6, 0},
    {"\xFE", 1, "\xEF\xBF\xBD", 1, 0},
    {"\xFF", 1, "\xEF\xBF\xBD", 1, 0},
    {"\xFE\xFE", 2, "\xEF\xBF\xBD\xEF\xBF\xBD", 2, 0},
    {"\x61\xFE\xFF", 3, "\x61\xEF\xBF\xBD\xEF\xBF\xBD", 2, 1},
    {"\xC3", 1, "\xEF\xBF\xBD", 1, 0},
    {"\xE4\xB8", 2, "\xEF\xBF\xBD", 1, 0},
    {"\xF0\x9F\x98", 3, "\xEF\xBF\xBD", 1, 0},
    {"\xE4\xB8\x61", 3, "\xEF\xBF\xBD\x61", 1, 0},
    {"\xF0\x9F\x98\x61", 4, "\xEF\xBF\xBD\x61", 1, 0},
    {"\xE4\xB8\xE4\xB8\xAD", 5, "\xEF\xBF\xBD\xE4\xB8\xAD", 1, 0},
    {"\xC3\xC3\xA9", 3, "\xEF\xBF\xBD\xC3\xA9", 1, 0},
    {"\xE4\x80", 2, "\xEF\xBF\xBD", 1, 0},
    {"\xE4\xB8\xAD\xFF\xE6\x96\x87", 7, "\xE4\xB8\xAD\xEF\xBF\xBD\xE6\x96\x87", 1, 3},
    {"\xF0\x9F\x98\x80", 4, "\xF0\x9F\x98\x80", 0, -1},
    {"\xF4\x8F\xBF\xBF", 4, "\xF4\x8F\xBF\xBF", 0, -1},
    {"\xEF\xBF\xBF", 3, "\xEF\xBF\xBF", 0, -1},
    {"\xE0\xA0\x80", 3, "\xE0\xA0\x80", 0, -1},
    {"\xF0\x90\x80\x80", 4, "\xF0\x90\x80\x80", 0, -1},
    {"\xE1\x80\xE2\xF0\x91\x92\xF1\xBF\x41", 9, "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\x41", 4, 0},
    {"\xC2\x41\x42", 3, "\xEF\xBF\xBD\x41\x42", 1, 0},
    {"\xE0\xA0\xC0", 3, "\xEF\xBF\xBD\xEF\xBF\xBD", 2, 0},
    {"\xF1\x80\x80\xC0", 4, "\xEF\xBF\xBD\xEF\xBF\xBD", 2, 0},
    {"\xF4\x8F\xBF\xC0", 4, "\xEF\xBF\xBD\xEF\xBF\xBD", 2, 0},
    {"\x61\xF1\x80\x80\xE1\x80\xC2\x62\x80\x63\x80\xBF\x64", 13, "\x61\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\x62\xEF\xBF\xBD\x63\xEF\xBF\xBD\xEF\xBF\xBD\x64", 6, 1},
    {"\xED\x9F\xBF\xED\xA0", 5, "\xED\x9F\xBF\xEF\xBF\xBD\xEF\xBF\xBD", 2, 3},
    {"\xE0\xA0\xE0\xA0", 4, "\xEF\xBF\xBD\xEF\xBF\xBD", 2, 0},
    {"\xF0\x90\x80\xF0\x90\x80\x80", 7, "\xEF\xBF\xBD\xF0\x90\x80\x80", 1, 0},
};

}  // namespace

// --- BOMs -----------------------------------------------------------------

TEST(DecodeBom, Utf8BomIsRemovedAndDecides) {
  const DecodedText t = dec(BYTES("\xEF\xBB\xBF\xE4\xB8\xAD\xE6\x96\x87"));
  EXPECT_EQ(t.utf8, "中文");
  EXPECT_EQ(t.encoding, "UTF-8");
  EXPECT_EQ(t.flags, static_cast<uint32_t>(BM_TEXT_HAD_BOM));
}

TEST(DecodeBom, Utf16LeBom) {
  // "\ufeff中文\r\nA".encode('utf-16-le')
  const DecodedText t = dec(BYTES("\xFF\xFE\x2D\x4E\x87\x65\x0D\x00\x0A\x00\x41\x00"));
  EXPECT_EQ(t.utf8, "中文\nA");
  EXPECT_EQ(t.encoding, "UTF-16LE");
  EXPECT_TRUE(t.flags & BM_TEXT_HAD_BOM);
  EXPECT_EQ(t.replacements, 0u);
}

TEST(DecodeBom, Utf16BeBom) {
  const DecodedText t = dec(BYTES("\xFE\xFF\x4E\x2D\x65\x87\x00\x0A\x00\x41"));
  EXPECT_EQ(t.utf8, "中文\nA");
  EXPECT_EQ(t.encoding, "UTF-16BE");
  EXPECT_TRUE(t.flags & BM_TEXT_HAD_BOM);
}

TEST(DecodeBom, BomWinsOverTheNamedEncoding) {
  const DecodedText t = dec(BYTES("\xEF\xBB\xBF\xE4\xB8\xAD"), "GB18030");
  EXPECT_EQ(t.utf8, "中");
  EXPECT_EQ(t.encoding, "UTF-8");
}

TEST(DecodeBom, BomOnlyInputIsEmptyText) {
  EXPECT_EQ(dec(BYTES("\xEF\xBB\xBF")).utf8, "");
  EXPECT_EQ(dec(BYTES("\xFF\xFE")).utf8, "");
  EXPECT_EQ(dec("").utf8, "");
  EXPECT_EQ(dec("").encoding, "UTF-8");
}

TEST(DecodeBom, ASecondBomRightAfterTheFirstIsDropped) {
  EXPECT_EQ(dec(BYTES("\xEF\xBB\xBF\xEF\xBB\xBF" "ab")).utf8, "ab");
  // U+FEFF inside the text (a stray BOM or the deprecated ZWNBSP) is
  // invisible: removed and counted like a control character.
  const DecodedText t = dec(BYTES("a\xEF\xBB\xBF" "b"));
  EXPECT_EQ(t.utf8, "ab");
  EXPECT_EQ(t.controls_removed, 1u);
  EXPECT_TRUE(t.flags & BM_TEXT_CONTROLS_REMOVED);
}

TEST(DecodeBom, Utf16BomWithOddLengthEndsInReplacement) {
  const DecodedText t = dec(BYTES("\xFF\xFE\x2D\x4E\x41"));
  EXPECT_EQ(t.utf8, "中\xEF\xBF\xBD");
  EXPECT_EQ(t.replacements, 1u);
  EXPECT_EQ(t.first_invalid, 4);
}

TEST(DecodeBom, Utf16UnpairedSurrogateIsReplaced) {
  // U+D800 followed by 'A' (LE), then a lone low surrogate U+DC00.
  const DecodedText t = dec(BYTES("\xFF\xFE\x00\xD8\x41\x00\x00\xDC\x42\x00"));
  EXPECT_EQ(t.utf8, "\xEF\xBF\xBD" "A\xEF\xBF\xBD" "B");
  EXPECT_EQ(t.replacements, 2u);
  EXPECT_TRUE(t.flags & BM_TEXT_INVALID_REPLACED);
}

// --- UTF-8 ----------------------------------------------------------------

TEST(DecodeUtf8, ValidTextPassesUnchanged) {
  const std::string s = std::string(kGbText) + "emoji 😀, é, \t tab";
  const DecodedText t = dec(s);
  EXPECT_EQ(t.utf8, s);
  EXPECT_EQ(t.encoding, "UTF-8");
  EXPECT_EQ(t.flags, 0u);
  EXPECT_EQ(t.replacements, 0u);
  EXPECT_EQ(t.first_invalid, -1);
}

TEST(DecodeUtf8, MaximalSubpartsMatchPython) {
  for (const SubpartCase &c : kSubparts) {
    const std::string in(c.in, c.len);
    const DecodedText t = dec(in, "UTF-8");
    EXPECT_EQ(t.utf8, std::string(c.python)) << "input " << ::testing::PrintToString(in);
    EXPECT_EQ(t.replacements, c.fffd) << ::testing::PrintToString(in);
    EXPECT_EQ(t.first_invalid, c.first) << ::testing::PrintToString(in);
    EXPECT_EQ((t.flags & BM_TEXT_INVALID_REPLACED) != 0, c.fffd > 0) << ::testing::PrintToString(in);
  }
}

TEST(DecodeUtf8, UnlikePythonABomDecidesEvenWhenUtf8IsNamed) {
  // Python decodes b"\xfe\xff" as UTF-8 to two U+FFFD; the policy is that a
  // BOM decides whatever the caller named, so this is empty UTF-16BE text.
  const DecodedText t = dec(BYTES("\xFE\xFF"), "UTF-8");
  EXPECT_EQ(t.utf8, "");
  EXPECT_EQ(t.encoding, "UTF-16BE");
}

TEST(DecodeUtf8, SurrogatesAndOutOfRangeAreOneReplacementPerByte) {
  EXPECT_EQ(dec(BYTES("\xED\xA0\x80"), "UTF-8").replacements, 3u);
  EXPECT_EQ(dec(BYTES("\xF4\x90\x80\x80"), "UTF-8").replacements, 4u);
  EXPECT_EQ(dec(BYTES("\xF4\x90"), "UTF-8").replacements, 2u);
  // A truncated sequence is one subpart.
  EXPECT_EQ(dec(BYTES("\xF0\x9F\x98"), "UTF-8").replacements, 1u);
}

TEST(DecodeUtf8, NearlyUtf8InAutoModeStaysUtf8) {
  const DecodedText t = dec(BYTES("\xE5\x9D\x8F\xE5\xAD\x97\xE8\x8A\x82\xFF\xE5\x9C\xA8\xE8\xBF\x99\xE9\x87\x8C"));
  EXPECT_EQ(t.encoding, "UTF-8");
  EXPECT_EQ(t.utf8, "坏字节\xEF\xBF\xBD在这里");
  EXPECT_EQ(t.replacements, 1u);
  EXPECT_EQ(t.first_invalid, 9);
  EXPECT_FALSE(t.flags & BM_TEXT_ENCODING_DETECTED);
}

TEST(DecodeUtf8, FirstInvalidCountsRawBytesIncludingTheBom) {
  EXPECT_EQ(dec(BYTES("abc\xFF" "def"), "UTF-8").first_invalid, 3);
  EXPECT_EQ(dec(BYTES("\xEF\xBB\xBF" "abc\xFF"), "UTF-8").first_invalid, 6);
  EXPECT_EQ(dec(BYTES("\xEF\xBB\xBF" "\xE4\xB8\xAD\xE4\xB8"), "auto").first_invalid, 6);
}

TEST(DecodeUtf8, StrictModeFailsWithTheOffset) {
  const Error e = dec_error(BYTES("\xE4\xB8\xAD\xE6\x96\x87\xC3"), "UTF-8", true);
  EXPECT_EQ(e.code(), BM_E_ENCODING);
  EXPECT_EQ(e.byte_offset(), 6);
  const Error bom = dec_error(BYTES("\xEF\xBB\xBF" "a\x80"), "auto", true);
  EXPECT_EQ(bom.code(), BM_E_ENCODING);
  EXPECT_EQ(bom.byte_offset(), 4);
  // Valid input is fine in strict mode.
  EXPECT_EQ(dec(kGbText, "UTF-8", true).utf8, kGbText);
}

// --- Named encodings ------------------------------------------------------

TEST(DecodeNamed, Gb18030) {
  const DecodedText t = dec(kGb18030, "GB18030");
  EXPECT_EQ(t.utf8, kGbText);
  EXPECT_EQ(t.encoding, "GB18030");
  EXPECT_EQ(t.replacements, 0u);
  EXPECT_FALSE(t.flags & BM_TEXT_ENCODING_DETECTED);
}

TEST(DecodeNamed, Gb18030FourByteSequences) {
  EXPECT_EQ(dec(kGbFourByte, "gb18030").utf8, kGbFourByteText);
}

TEST(DecodeNamed, GbkAndCaseInsensitiveNames) {
  const DecodedText t = dec(kGbk, "gbk");
  EXPECT_EQ(t.utf8, kGbText);
  EXPECT_EQ(t.encoding, "GBK");
  EXPECT_EQ(dec(kGbk, "cp936").utf8, kGbText);
}

TEST(DecodeNamed, Big5) {
  const DecodedText t = dec(kBig5, "Big5");
  EXPECT_EQ(t.utf8, kBig5Text);
  EXPECT_EQ(t.encoding, "Big5");
  EXPECT_EQ(t.replacements, 0u);
}

TEST(DecodeNamed, Utf16WithoutBom) {
  EXPECT_EQ(dec(BYTES(kUtf16le), "UTF-16LE").utf8, kGbText);
  EXPECT_EQ(dec(BYTES(kUtf16be), "utf-16be").utf8, kGbText);
  EXPECT_EQ(dec(BYTES(kUtf16be), "UTF-16BE").encoding, "UTF-16BE");
}

TEST(DecodeNamed, OtherIcuConverterNames) {
  // ISO-8859-1 "caf\xe9" -> café; the reported name is ICU's IANA name.
  const DecodedText t = dec(BYTES("caf\xE9"), "latin1");
  EXPECT_EQ(t.utf8, "café");
  EXPECT_FALSE(t.encoding.empty());
}

TEST(DecodeNamed, UnknownEncoding) {
  EXPECT_EQ(dec_error("abc", "no-such-encoding").code(), BM_E_UNKNOWN_ENCODING);
  EXPECT_EQ(dec_error("abc", std::string("utf-8\0junk", 10)).code(), BM_E_UNKNOWN_ENCODING);
  EXPECT_EQ(dec_error("abc", std::string(200, 'x')).code(), BM_E_UNKNOWN_ENCODING);
  // "auto" in any case is not a converter name.
  EXPECT_EQ(dec("abc", "AUTO").utf8, "abc");
}

TEST(DecodeNamed, Gb18030InvalidAndTruncatedSequences) {
  // 中 (D6 D0), then a lead byte with a bad trail, 0xFF, and a truncated
  // four-byte sequence at the end.
  const DecodedText t = dec(BYTES("\xD6\xD0\x81\x20\xFF" "a\x81\x30"), "GB18030");
  EXPECT_EQ(t.utf8, "中\xEF\xBF\xBD \xEF\xBF\xBD" "a\xEF\xBF\xBD");
  EXPECT_EQ(t.replacements, 3u);
  EXPECT_EQ(t.first_invalid, 2);
  EXPECT_TRUE(t.flags & BM_TEXT_INVALID_REPLACED);
  const Error e = dec_error(BYTES("\xD6\xD0\xD6\xD0\xFF"), "GB18030", true);
  EXPECT_EQ(e.code(), BM_E_ENCODING);
  EXPECT_EQ(e.byte_offset(), 4);
}

TEST(DecodeNamed, Big5LoneHighBytesAreInvalid) {
  // ICU's Big5 table maps 0x80 to U+0080 and 0xFF to U+F8F8 (private use)
  // without an error; both are invalid Big5 bytes.
  const DecodedText t = dec(BYTES("\xA4\x40\x80\xA4\x40\xFF\xA4\x40"), "Big5");
  EXPECT_EQ(t.utf8, "一\xEF\xBF\xBD一\xEF\xBF\xBD一");
  EXPECT_EQ(t.replacements, 2u);
  EXPECT_EQ(t.first_invalid, 2);
  EXPECT_TRUE(t.flags & BM_TEXT_INVALID_REPLACED);
  const Error e = dec_error(BYTES("\xA4\x40\xA4\x40\xFF"), "Big5", true);
  EXPECT_EQ(e.code(), BM_E_ENCODING);
  EXPECT_EQ(e.byte_offset(), 4);
}

TEST(DecodeNamed, Big5TruncatedAndBadTrail) {
  // A lead byte at the end, and a lead followed by a byte that is no trail.
  const DecodedText t = dec(BYTES("\xA4\x40\xA4"), "Big5");
  EXPECT_EQ(t.utf8, "一\xEF\xBF\xBD");
  EXPECT_EQ(t.replacements, 1u);
  EXPECT_EQ(t.first_invalid, 2);
  const DecodedText u = dec(BYTES("\xA4\x20" "x"), "Big5");
  EXPECT_EQ(u.utf8, "\xEF\xBF\xBD x");
  EXPECT_EQ(u.replacements, 1u);
}

TEST(DecodeNamed, GbkLoneFfIsInvalidButEuroStays) {
  // cp936 maps 0x80 to the euro sign (a real character) and 0xFF to private use.
  const DecodedText t = dec(BYTES("\xD6\xD0\x80\xFF"), "GBK");
  EXPECT_EQ(t.utf8, "中€\xEF\xBF\xBD");
  EXPECT_EQ(t.replacements, 1u);
}

// --- Detection ------------------------------------------------------------

TEST(DecodeDetect, Gb18030) {
  const DecodedText t = dec(kGb18030);
  EXPECT_EQ(t.encoding, "GB18030");
  EXPECT_EQ(t.utf8, kGbText);
  EXPECT_TRUE(t.flags & BM_TEXT_ENCODING_DETECTED);
  EXPECT_EQ(t.replacements, 0u);
}

TEST(DecodeDetect, Big5) {
  const DecodedText t = dec(kBig5);
  EXPECT_EQ(t.encoding, "Big5");
  EXPECT_EQ(t.utf8, kBig5Text);
  EXPECT_TRUE(t.flags & BM_TEXT_ENCODING_DETECTED);
}

TEST(DecodeDetect, Utf16WithoutBom) {
  const DecodedText le = dec(BYTES(kUtf16le));
  EXPECT_EQ(le.encoding, "UTF-16LE");
  EXPECT_EQ(le.utf8, kGbText);
  EXPECT_TRUE(le.flags & BM_TEXT_ENCODING_DETECTED);
  const DecodedText be = dec(BYTES(kUtf16be));
  EXPECT_EQ(be.encoding, "UTF-16BE");
  EXPECT_EQ(be.utf8, kGbText);
}

TEST(DecodeDetect, ValidUtf8IsNeverDetected) {
  const DecodedText t = dec(kGbText);
  EXPECT_EQ(t.encoding, "UTF-8");
  EXPECT_FALSE(t.flags & BM_TEXT_ENCODING_DETECTED);
}

// --- Limits ---------------------------------------------------------------

TEST(DecodeLimit, Boundaries) {
  const size_t limit = 100;
  EXPECT_EQ(dec(std::string(limit - 1, 'a'), "auto", false, limit).utf8.size(), limit - 1);
  EXPECT_EQ(dec(std::string(limit, 'a'), "auto", false, limit).utf8.size(), limit);
  const Error e = dec_error(std::string(limit + 1, 'a'), "auto", false, limit);
  EXPECT_EQ(e.code(), BM_E_TOO_LARGE);
  EXPECT_NE(std::string(e.what()).find("101"), std::string::npos) << e.what();
}

TEST(DecodeLimit, TooLargeComesBeforeAnyOtherCheck) {
  // Unknown encoding and invalid bytes: the size is still what fails.
  EXPECT_EQ(dec_error(std::string(11, '\xFF'), "no-such-encoding", true, 10).code(), BM_E_TOO_LARGE);
}

TEST(DecodeLimit, HardCapBelowTwoGibWhateverTheOption) {
  // 2^31 bytes of address space, never touched: decode must refuse it by
  // its size alone, even with max_bytes unlimited.
  const size_t n = size_t{1} << 31;
  void *p = mmap(nullptr, n, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (p == MAP_FAILED) GTEST_SKIP() << "cannot reserve 2 GiB of address space";
  DecodeOptions o;
  o.max_bytes = SIZE_MAX;
  int code = BM_OK;
  try {
    decode(std::string_view(static_cast<const char *>(p), n), o);
  } catch (const Error &e) {
    code = e.code();
  }
  munmap(p, n);
  EXPECT_EQ(code, BM_E_TOO_LARGE);
  EXPECT_LT(k_hard_max_input_bytes, size_t{1} << 31);
}

// --- Line ends, NUL and control characters -------------------------------

TEST(DecodeControls, NulBecomesReplacementCharacter) {
  const DecodedText t = dec(BYTES("a\0b\0"));
  EXPECT_EQ(t.utf8, "a\xEF\xBF\xBD" "b\xEF\xBF\xBD");
  EXPECT_EQ(t.replacements, 2u);
  EXPECT_TRUE(t.flags & BM_TEXT_NUL_REPLACED);
  EXPECT_FALSE(t.flags & BM_TEXT_INVALID_REPLACED);
  EXPECT_EQ(t.utf8.find('\0'), std::string::npos);
}

TEST(DecodeControls, NulFromUtf16AndGb18030) {
  EXPECT_EQ(dec(BYTES("a\0b\0"), "UTF-16LE").utf8, "ab");  // no NUL code unit here
  const DecodedText t = dec(BYTES("\0\0a\0"), "UTF-16LE");
  EXPECT_EQ(t.utf8, "\xEF\xBF\xBD" "a");
  EXPECT_TRUE(t.flags & BM_TEXT_NUL_REPLACED);
  EXPECT_EQ(dec(BYTES("\xD6\xD0\0"), "GB18030").utf8, "中\xEF\xBF\xBD");
}

TEST(DecodeControls, LineEndsBecomeLf) {
  const DecodedText t = dec(BYTES("a\r\nb\rc\nd\fe\vf\r\r\ng"));
  EXPECT_EQ(t.utf8, "a\nb\nc\nd\ne\nf\n\ng");
  EXPECT_EQ(t.controls_removed, 0u);
  EXPECT_EQ(t.flags, 0u);
  // U+2028 LINE SEPARATOR and U+2029 PARAGRAPH SEPARATOR
  EXPECT_EQ(dec("a\u2028b\u2029c").utf8, "a\nb\nc");
  // A CR at the very end, and CRLF split across nothing.
  EXPECT_EQ(dec("x\r").utf8, "x\n");
  EXPECT_EQ(dec("\r\n").utf8, "\n");
}

TEST(DecodeControls, CrLfFromUtf16) {
  EXPECT_EQ(dec(BYTES("a\0\r\0\n\0b\0\r\0"), "UTF-16LE").utf8, "a\nb\n");
}

TEST(DecodeControls, C0AndC1AreRemovedAndCounted) {
  // U+0001, U+001B, U+001F, U+007F (DEL), U+0085 (NEL), U+009F; tab stays.
  const DecodedText t = dec(BYTES("\x01" "a\x1B" "b\x1F" "c\x7F" "d\xC2\x85" "e\xC2\x9F" "f\tg"));
  EXPECT_EQ(t.utf8, "abcdef\tg");
  EXPECT_EQ(t.controls_removed, 6u);
  EXPECT_EQ(t.flags, static_cast<uint32_t>(BM_TEXT_CONTROLS_REMOVED));
  EXPECT_EQ(t.replacements, 0u);
}

TEST(DecodeControls, OutputNeverHoldsControlsOtherThanTabAndLf) {
  std::string all;
  for (int c = 0; c < 0x20; ++c) all.push_back(static_cast<char>(c));
  all += "\x7F\xC2\x80\xC2\x9F";
  const DecodedText t = dec(all);
  for (unsigned char c : t.utf8) EXPECT_TRUE(c == '\t' || c == '\n' || c >= 0x20) << int(c);
  EXPECT_EQ(t.utf8.find("\xC2\x80"), std::string::npos);
  // 0x00 -> U+FFFD; \t \n kept; \v \f \r -> \n; 0x7F, U+0080, U+009F and the
  // remaining 26 C0 controls removed.
  EXPECT_EQ(t.controls_removed, 29u);
  EXPECT_EQ(t.replacements, 1u);
}
