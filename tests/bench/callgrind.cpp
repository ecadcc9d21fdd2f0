// One operation over the five dev pages, for callgrind (scripts/bench.sh --callgrind).
// Run under `valgrind --tool=callgrind --collect-atstart=no`: only the second
// pass over the pages is collected (the first warms lazy ICU data and caches),
// so the total Ir divided by the bytes printed is instructions per input byte.
//   bm_callgrind decode|normalize|parse|parse_json|icu_nfc|create [DIR]
#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <valgrind/callgrind.h>

#include <cstdio>
#include <cstdlib>
#include <string>

#include "banmian/banmian.h"
#include "corpus.h"

namespace {

void check(bm_status st, const char *what) {
  if (st != BM_OK) {
    std::fprintf(stderr, "%s failed: %s (%s)\n", what, bm_status_string(st), bm_last_error()->message);
    std::exit(1);
  }
}

}  // namespace

int main(int argc, char **argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: bm_callgrind decode|normalize|parse|parse_json|icu_nfc|create [DIR]\n");
    return 2;
  }
  const std::string op = argv[1];
  const auto dev = bench::read_dev_pages(argc > 2 ? argv[2] : BM_DEV_PAGES_DIR);
  bm_parser *parser = nullptr;
  check(bm_parser_new(nullptr, &parser), "bm_parser_new");
  UErrorCode uerr = U_ZERO_ERROR;
  const icu::Normalizer2 *nfc = icu::Normalizer2::getNFCInstance(uerr);

  auto run = [&](const std::string &p) {
    if (op == "decode") {
      bm_text *t = nullptr;
      check(bm_decode(parser, p.data(), p.size(), nullptr, &t), "bm_decode");
      bm_text_free(t);
    } else if (op == "normalize") {
      char *out = nullptr;
      size_t n = 0;
      check(bm_normalize(parser, p.data(), p.size(), nullptr, &out, &n), "bm_normalize");
      bm_string_free(out);
    } else if (op == "parse" || op == "parse_json") {
      bm_page *pg = nullptr;
      check(bm_parse(parser, p.data(), p.size(), nullptr, &pg), "bm_parse");
      if (op == "parse_json") {
        char *json = nullptr;
        size_t n = 0;
        check(bm_page_to_json(pg, 0, &json, &n), "bm_page_to_json");
        bm_string_free(json);
      }
      bm_page_free(pg);
    } else if (op == "icu_nfc") {
      std::string out;
      out.reserve(p.size());
      icu::StringByteSink<std::string> sink(&out);
      UErrorCode e = U_ZERO_ERROR;
      nfc->normalizeUTF8(0, icu::StringPiece(p.data(), static_cast<int32_t>(p.size())), sink, nullptr, e);
    } else if (op == "create") {
      bm_parser *q = nullptr;
      check(bm_parser_new(nullptr, &q), "bm_parser_new");
      bm_parser_free(q);
    } else {
      std::fprintf(stderr, "unknown operation %s\n", op.c_str());
      std::exit(2);
    }
  };

  size_t bytes = 0;
  for (const auto &d : dev) {
    run(d.bytes);  // warm-up, not collected
    bytes += d.bytes.size();
  }
  CALLGRIND_TOGGLE_COLLECT;
  if (op == "create")
    run(std::string());  // once
  else
    for (const auto &d : dev) run(d.bytes);
  CALLGRIND_TOGGLE_COLLECT;
  std::printf("bytes %zu pages %zu\n", op == "create" ? size_t{0} : bytes, dev.size());
  bm_parser_free(parser);
  return 0;
}
