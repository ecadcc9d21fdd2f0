// Writes the seed corpus of the fuzz targets (made at run time, not committed):
//   OUT/text/    each page as UTF-8, GB18030, UTF-8+BOM, UTF-16LE+BOM, Big5
//                (lossy: '?' for characters Big5 lacks), plus 2 KiB and 64-byte
//                instances of every pathological generator
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
  for (const auto &g : bmpath::generators()) {
    both(out, std::string("path_") + g.name + ".2k", g.gen(2048), 3);
    both(out, std::string("path_") + g.name + ".64", g.gen(64), 3);
  }
  return 0;
}
