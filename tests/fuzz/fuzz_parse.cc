// Fuzz target: bm_parse (auto encoding, or a named one / strict picked by the
// last byte when it is a selector) and the page JSON.
// Invariants: status OK, or BM_E_ENCODING in strict mode; JSON parses
// (strict RFC 8259, every string valid UTF-8, no raw controls); schema field;
// spans in range, on character boundaries and ordered; accessors agree with
// the JSON; JSON <= 8 x input + 64 KiB.
#include "fuzz_common.h"

using namespace bmfuzz;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const char *bytes = reinterpret_cast<const char *>(data);
  bm_parse_options po;
  bm_parse_options_init(&po, BM_PARSE_OPTIONS_VERSION);
  po.source = "fuzz.txt";
  // Inputs ending in 0x01..0x07 after a 0x00 byte choose options: lets the
  // fuzzer reach the named-encoding and strict paths too.
  if (size >= 2 && data[size - 2] == 0 && data[size - 1] >= 1 && data[size - 1] <= 7) {
    static const char *const k_enc[] = {"auto", "UTF-8", "GB18030", "Big5"};
    po.encoding = k_enc[data[size - 1] & 3];
    po.flags = (data[size - 1] & 4) ? BM_PARSE_STRICT_DECODING : 0;
    size -= 2;
  }
  bm_page *page = nullptr;
  const bm_status st = bm_parse(default_parser(), bytes, size, &po, &page);
  if (st != BM_OK) {
    BMF_CHECK(page == nullptr, "page set after failure");
    BMF_CHECK((po.flags & BM_PARSE_STRICT_DECODING) && st == BM_E_ENCODING, "bm_parse returned %d", st);
    BMF_CHECK(bm_last_error()->code == st, "last error code");
    return 0;
  }
  check_page(page, size, "fuzz.txt");
  bm_page_free(page);
  return 0;
}
