// Writes the seed corpus of the fuzz targets (made at run time, not committed):
//   OUT/text/    each page as UTF-8, GB18030, UTF-8+BOM, UTF-16LE+BOM, Big5
//                (lossy: '?' for characters Big5 lacks), plus 2 KiB and 64-byte
//                instances of every pathological generator, and floods of tiny
//                items (a line unit repeated to 4 KiB, and to 20 KiB: past the
//                64 KiB slack of the output bound if an item ever costs its
//                JSON overhead again, issue 16; larger floods take seconds an
//                execution under ASan)
//   OUT/decode/  the same with the decode target's selector byte in front
// usage: bm_fuzz_make_seeds OUT PAGE.txt...
#include <sys/stat.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include <unicode/ucnv.h>
#include <unicode/unistr.h>

#include "generators.h"

namespace {

std::string convert(const std::string &utf8, const char *enc) {
  const icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  UErrorCode err = U_ZERO_ERROR;
  UConverter *cv = ucnv_open(enc, &err);
  if (U_FAILURE(err)) return std::string();
  std::string out(static_cast<size_t>(u.length()) * 4 + 16, '\0');
  const int32_t n = ucnv_fromUChars(cv, &out[0], static_cast<int32_t>(out.size()), u.getBuffer(), u.length(), &err);
  ucnv_close(cv);
  if (U_FAILURE(err)) return std::string();
  out.resize(static_cast<size_t>(n));
  return out;
}

void put(const std::string &path, const std::string &data) {
  std::ofstream(path, std::ios::binary) << data;
}

void both(const std::string &out, const std::string &name, const std::string &data, char selector) {
  put(out + "/text/" + name, data);
  put(out + "/decode/" + name, std::string(1, selector) + data);
}

}  // namespace

int main(int argc, char **argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s OUT PAGE.txt...\n", argv[0]);
    return 2;
  }
  const std::string out = argv[1];
  mkdir(out.c_str(), 0755);
  mkdir((out + "/text").c_str(), 0755);
  mkdir((out + "/decode").c_str(), 0755);
  for (int i = 2; i < argc; ++i) {
    std::ifstream in(argv[i], std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    const std::string page = ss.str();
    std::string base = argv[i];
    base = base.substr(base.find_last_of('/') + 1);
    both(out, base + ".utf8", page, 0);
    both(out, base + ".gb18030", convert(page, "GB18030"), 1);
    both(out, base + ".big5", convert(page, "Big5"), 2);
    both(out, base + ".bom", "\xEF\xBB\xBF" + page, 3);
    both(out, base + ".utf16le", "\xFF\xFE" + convert(page, "UTF-16LE"), 3);
    both(out, base + ".gb18030.strict", convert(page, "GB18030"), 5);
    // a short piece: the first 1 KiB cut at a line end
    const size_t cut = page.find('\n', 1024);
    both(out, base + ".head", page.substr(0, cut == std::string::npos ? page.size() : cut + 1), 3);
  }
  // Units that each made an item of ~200 bytes of JSON before the bound.
  static const char *const k_flood_units[] = {
      "a\n(\xE5\xAE\x8C)\n",                                          // a / (完)
      "\xE6\x9C\xAC\xE6\x8A\xA5\xE8\xAE\xAF \xE7\x94\xB2\xE3\x80\x82\n",  // 本报讯 甲。
      "\xE6\xA0\x87\xE9\xA2\x98\n\n\xE6\x9C\xAC\xE6\x8A\xA5\xE8\xAE\xAF \xE7\x94\xB2\xE3\x80\x82\n\n",  // 标题 / 本报讯 甲。
      "\xE2\x96\xA0\xE8\xAE\xB0\xE8\x80\x85 \xE7\x8E\x8B\n",   // ■记者 王
      "(\xE5\xAE\x8C)\n\xE2\x96\xA0\xE8\xAE\xB0\xE8\x80\x85 \xE7\x8E\x8B\n",  // (完) / ■记者 王
      "\xE5\x9B\xBE/\xE7\x8E\x8B\n",                                // 图/王
      "\xE7\x94\xB2\xE4\xB9\x99\n\n\xE4\xB8\x99\xEF\xBC\x8C\n\n",  // 甲乙 / 丙，
  };
  int unit = 0;
  for (const char *u : k_flood_units) {
    for (size_t size : {size_t(4) * 1024, size_t(20) * 1024}) {
      std::string flood;
      while (flood.size() + std::char_traits<char>::length(u) <= size) flood += u;
      both(out, "flood" + std::to_string(unit) + "." + std::to_string(size / 1024) + "k", flood, 3);
    }
    ++unit;
  }
  for (const auto &g : bmpath::generators()) {
    both(out, std::string("path_") + g.name + ".2k", g.gen(2048), 3);
    both(out, std::string("path_") + g.name + ".64", g.gen(64), 3);
  }
  return 0;
}
