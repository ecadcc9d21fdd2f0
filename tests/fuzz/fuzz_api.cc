// Fuzz target: sequences of public bm_* calls, including misuse (NULL
// handles, NULL out-parameters, NULL bytes with a length, unknown flags,
// wrong option versions, unknown encodings, out-of-range indices, tiny
// max_input_bytes, bad lexicons). Each byte of the input picks an operation;
// following bytes are its arguments. Invariants: misuse returns a documented
// error status, never crashes; failure leaves *out NULL and bm_last_error()
// describing it (code == returned status, message never NULL); success
// returns an object and clears the error; accessors of NULL or out-of-range
// return NULL/0.
#include <algorithm>
#include <limits>
#include <vector>

#include "fuzz_common.h"

using namespace bmfuzz;

namespace {

struct Reader {
  const uint8_t *d;
  size_t n, i = 0;
  bool more() const { return i < n; }
  uint8_t byte() { return i < n ? d[i++] : 0; }
  size_t small(size_t mod) { return mod ? byte() % mod : 0; }
  // A slice of the remaining input, of up to `max` bytes, as text.
  std::string slice(size_t max) {
    size_t len = byte();
    len = (len * 37) % (max + 1);
    if (len > n - i) len = n - i;
    std::string s(reinterpret_cast<const char *>(d + i), len);
    i += len;
    return s;
  }
};

const char *const k_lexicons[] = {
    "[role.reporter]\n特约撰稿\n",
    "[ad]\n招商热线\n",
    "[dateline]\n^新华社.{1,8}电\n",
    "[dateline]\n(unclosed\n",          // bad regex -> BM_E_LEXICON
    "[no.such.section\n",                // bad header
    "[role.reporter]\n!记者\n",          // removal
    "",
    "#only a comment\n",
};
const char *const k_encodings[] = {nullptr, "auto", "UTF-8", "GB18030", "Big5", "UTF-16LE", "utf-16be", "GBK",
                                   "no-such-encoding", "", "ISO-8859-1", "x-\xff\xfe"};

bool documented(bm_status st) {
  return st == BM_OK || st == BM_E_INVALID_ARGUMENT || st == BM_E_NOMEM || st == BM_E_ENCODING ||
         st == BM_E_UNKNOWN_ENCODING || st == BM_E_TOO_LARGE || st == BM_E_LEXICON || st == BM_E_IO ||
         st == BM_E_VERSION || st == BM_E_RANGE;
}

void after_call(bm_status st, const char *what) {
  BMF_CHECK(documented(st), "%s returned undocumented status %d", what, st);
  const bm_error *e = bm_last_error();
  BMF_CHECK(e != nullptr && e->message != nullptr, "%s: bm_last_error NULL or message NULL", what);
  BMF_CHECK(e->code == st, "%s returned %d but bm_last_error says %d", what, st, e->code);
  if (st == BM_OK) BMF_CHECK(e->message[0] == '\0', "%s: message not empty after success", what);
  else BMF_CHECK(e->message[0] != '\0', "%s: empty message after failure %d", what, st);
  const char *s = bm_status_string(st);
  BMF_CHECK(s && s[0], "bm_status_string");
}

void touch_page(const bm_page *p, Reader &r) {
  size_t len = 0;
  const char *t = bm_page_text(p, &len);
  if (!p) { BMF_CHECK(t == nullptr && len == 0, "text of NULL page"); }
  bm_page_encoding(p);
  bm_page_source(p);
  bm_page_edition(p);
  bm_page_flags(p);
  bm_page_replacements(p);
  const size_t mc = bm_page_masthead_count(p);
  BMF_CHECK(bm_page_masthead(p, mc) == nullptr, "masthead[count]");
  BMF_CHECK(bm_page_masthead(p, SIZE_MAX) == nullptr, "masthead[SIZE_MAX]");
  const size_t n = bm_page_article_count(p);
  BMF_CHECK(bm_page_article(p, n) == nullptr && bm_page_article(p, SIZE_MAX) == nullptr, "article out of range");
  const size_t idx = n ? r.small(n + 1) : 0;
  const bm_article *a = bm_page_article(p, idx);  // may be NULL (idx == n): exercises NULL article
  bm_article_get_kind(a);
  bm_article_kind_name(a);
  const size_t hc = bm_article_headline_count(a);
  for (size_t k = 0; k <= hc; ++k) {
    const char *h = bm_article_headline(a, k);
    BMF_CHECK((k < hc) == (h != nullptr), "headline[%zu] of %zu", k, hc);
  }
  bm_article_kicker(a); bm_article_title(a); bm_article_subtitle(a); bm_article_dateline(a); bm_article_editor_note(a);
  const size_t bc = bm_article_byline_count(a);
  BMF_CHECK(bm_article_byline_role(a, bc) == nullptr && bm_article_byline_name(a, bc) == nullptr, "byline[count]");
  for (size_t k = 0; k < bc; ++k) BMF_CHECK(bm_article_byline_role(a, k) && bm_article_byline_name(a, k), "byline[k]");
  const size_t pc = bm_article_paragraph_count(a);
  BMF_CHECK(bm_article_paragraph(a, pc) == nullptr && bm_article_paragraph(a, SIZE_MAX) == nullptr, "paragraph[count]");
  bm_article_flags(a);
  const size_t fc = bm_article_flag_count(a);
  BMF_CHECK(bm_article_flag(a, fc) == nullptr, "flag[count]");
  size_t s0 = 1, s1 = 1;
  bm_article_span(a, &s0, &s1);
  bm_article_span(a, nullptr, nullptr);
  if (p && a) BMF_CHECK(s0 <= s1 && s1 <= len, "span");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  Reader r{data, size};
  bm_parser *parsers[2] = {nullptr, nullptr};
  bm_page *pages[3] = {nullptr, nullptr, nullptr};
  bm_text *texts[2] = {nullptr, nullptr};
  int steps = 0;
  while (r.more() && steps++ < 64) {
    const uint8_t op = r.byte() % 13;
    switch (op) {
      case 0: {  // bm_parser_new with fuzzed options (or NULL opts / NULL out)
        const size_t slot = r.small(2);
        if (parsers[slot]) break;
        const uint8_t how = r.byte();
        if ((how & 7) == 7) {
          const bm_status st = bm_parser_new(nullptr, nullptr);
          after_call(st, "bm_parser_new(NULL out)");
          BMF_CHECK(st == BM_E_INVALID_ARGUMENT, "NULL out must be invalid argument");
          break;
        }
        bm_parser_options o;
        bm_parser_options_init(&o, BM_PARSER_OPTIONS_VERSION);
        if (how & 1) o.version = r.small(3);  // 0, 1, 2
        if (how & 2) o.flags = r.byte() & 3;
        if (how & 4) o.max_input_bytes = (how & 0x80) ? (BM_LIMIT_MAX_INPUT_BYTES + r.small(2)) : r.small(64);
        if (how & 8) { o.lexicon_text = k_lexicons[r.small(8)]; o.lexicon_len = std::strlen(o.lexicon_text); }
        if (how & 16) { o.lexicon_text = nullptr; o.lexicon_len = 1 + r.small(4); }  // length without text
        if (how & 32) o.lexicon_path = (how & 64) ? "/nonexistent/banmian.lex" : BMF_DEFAULT_LEX;
        bm_parser *p = reinterpret_cast<bm_parser *>(0x1);
        const bm_status st = bm_parser_new(&o, &p);
        after_call(st, "bm_parser_new");
        if ((how & 16) || (how & 1 && (o.version == 0 || o.version > BM_PARSER_OPTIONS_VERSION)))
          BMF_CHECK(st == BM_E_INVALID_ARGUMENT || st == BM_E_VERSION, "bad parser options returned %d", st);
        if (st == BM_OK) BMF_CHECK(p != nullptr, "parser NULL after OK");
        else BMF_CHECK(p == nullptr, "parser not NULL after failure %d", st);
        parsers[slot] = p;
        break;
      }
      case 1: {  // free a parser (and everything made from it first: documented rule)
        const size_t slot = r.small(2);
        bm_parser_free(parsers[slot]);
        parsers[slot] = nullptr;
        break;
      }
      case 2: case 3: {  // bm_parse
        const size_t ps = r.small(3);
        const bm_parser *p = ps < 2 ? parsers[ps] : default_parser();
        const size_t slot = r.small(3);
        const uint8_t how = r.byte();
        const std::string input = r.slice(4096);
        bm_parse_options po;
        bm_parse_options_init(&po, BM_PARSE_OPTIONS_VERSION);
        if (how & 1) po.version = r.small(3);
        if (how & 2) po.flags = r.byte() & 3;
        if (how & 4) po.encoding = k_encodings[r.small(12)];
        if (how & 8) po.source = "src";
        const bool null_opts = (how & 16) != 0;
        const bool null_bytes = (how & 32) != 0;
        const bool null_out = (how & 64) != 0;
        bm_page_free(pages[slot]);
        pages[slot] = nullptr;
        bm_page *pg = reinterpret_cast<bm_page *>(0x1);
        const bm_status st = bm_parse(p, null_bytes ? nullptr : input.data(), input.size(), null_opts ? nullptr : &po,
                                      null_out ? nullptr : &pg);
        after_call(st, "bm_parse");
        if (null_out || !p || (null_bytes && !input.empty()))
          BMF_CHECK(st == BM_E_INVALID_ARGUMENT, "bm_parse misuse returned %d", st);
        if (null_out) break;
        if (st == BM_OK) {
          BMF_CHECK(pg != nullptr, "page NULL after OK");
          pages[slot] = pg;
          if (how & 128) check_page(pg, input.size(), nullptr);
        } else {
          BMF_CHECK(pg == nullptr, "page not NULL after failure");
        }
        break;
      }
      case 4: {  // bm_decode
        const size_t ps = r.small(3);
        const bm_parser *p = ps < 2 ? parsers[ps] : default_parser();
        const size_t slot = r.small(2);
        const uint8_t how = r.byte();
        const std::string input = r.slice(1024);
        bm_parse_options po;
        bm_parse_options_init(&po, BM_PARSE_OPTIONS_VERSION);
        if (how & 1) po.version = r.small(3);
        if (how & 2) po.flags = r.byte() & 3;
        if (how & 4) po.encoding = k_encodings[r.small(12)];
        bm_text_free(texts[slot]);
        texts[slot] = nullptr;
        bm_text *t = reinterpret_cast<bm_text *>(0x1);
        const bm_status st = bm_decode(p, (how & 32) ? nullptr : input.data(), input.size(), &po, (how & 64) ? nullptr : &t);
        after_call(st, "bm_decode");
        if (how & 64) { BMF_CHECK(st == BM_E_INVALID_ARGUMENT, "NULL out"); break; }
        if (st == BM_OK) {
          BMF_CHECK(t != nullptr, "text NULL after OK");
          size_t n = 0;
          const char *d = bm_text_data(t, &n);
          BMF_CHECK(d && utf8_valid(d, n), "decoded text invalid");
          texts[slot] = t;
        } else {
          BMF_CHECK(t == nullptr, "text not NULL after failure");
        }
        break;
      }
      case 5: {  // bm_normalize
        const size_t ps = r.small(3);
        const bm_parser *p = ps < 2 ? parsers[ps] : default_parser();
        const uint8_t how = r.byte();
        const std::string input = r.slice(1024);
        char *out = reinterpret_cast<char *>(0x1);
        size_t n = 77;
        const bm_status st = bm_normalize(p, (how & 32) ? nullptr : input.data(), input.size(), (how & 1) ? nullptr : nullptr,
                                          (how & 64) ? nullptr : &out, (how & 2) ? nullptr : &n);
        after_call(st, "bm_normalize");
        if (how & 64) { BMF_CHECK(st == BM_E_INVALID_ARGUMENT, "NULL out"); break; }
        if (st == BM_OK) {
          BMF_CHECK(out != nullptr && (how & 2 || n == std::strlen(out)), "normalize out");
          bm_string_free(out);
        } else {
          BMF_CHECK(out == nullptr, "normalize out not NULL after failure");
          if (!(how & 2)) BMF_CHECK(n == 0, "out_len not 0 after failure");
        }
        break;
      }
      case 6: {  // bm_page_to_json with fuzzed flags, maybe NULL page / NULL out
        const size_t slot = r.small(4);
        const bm_page *pg = slot < 3 ? pages[slot] : nullptr;
        const uint32_t flags = (r.byte() & 0x80) ? 0x80000000u : (r.byte() & 1);
        const bool null_out = (r.byte() & 7) == 0;
        char *out = reinterpret_cast<char *>(0x1);
        size_t n = 5;
        const bm_status st = bm_page_to_json(pg, flags, null_out ? nullptr : &out, &n);
        after_call(st, "bm_page_to_json");
        if (!pg || null_out || (flags & ~BM_JSON_PRETTY))
          BMF_CHECK(st == BM_E_INVALID_ARGUMENT, "to_json misuse returned %d", st);
        if (null_out) break;
        if (st == BM_OK) {
          BMF_CHECK(out && std::strlen(out) == n, "json out");
          bm_string_free(out);
        } else {
          BMF_CHECK(out == nullptr && n == 0, "json out after failure");
        }
        break;
      }
      case 7: {  // page and article accessors, including NULL page
        const size_t slot = r.small(4);
        touch_page(slot < 3 ? pages[slot] : nullptr, r);
        break;
      }
      case 8: {  // free a page (twice is impossible through the API: the slot is cleared)
        const size_t slot = r.small(3);
        bm_page_free(pages[slot]);
        pages[slot] = nullptr;
        bm_page_free(nullptr);
        break;
      }
      case 9: {  // text accessors, including NULL
        const size_t slot = r.small(3);
        const bm_text *t = slot < 2 ? texts[slot] : nullptr;
        size_t n = 3;
        const char *d = bm_text_data(t, &n);
        if (!t) BMF_CHECK(d == nullptr && n == 0, "NULL text data");
        bm_text_data(t, nullptr);
        bm_text_encoding(t);
        bm_text_flags(t);
        bm_text_replacements(t);
        const int64_t fi = bm_text_first_invalid_offset(t);
        if (!t) BMF_CHECK(fi == -1, "NULL text first invalid");
        bm_text_free(nullptr);
        break;
      }
      case 10: {  // option init with NULL, version/status strings, string_free(NULL)
        {
          bm_status st = bm_parser_options_init(nullptr, BM_PARSER_OPTIONS_VERSION);
          after_call(st, "bm_parser_options_init(NULL)");
          BMF_CHECK(st == BM_E_INVALID_ARGUMENT, "init NULL returned %d", st);
          st = bm_parse_options_init(nullptr, BM_PARSE_OPTIONS_VERSION);
          after_call(st, "bm_parse_options_init(NULL)");
          BMF_CHECK(st == BM_E_INVALID_ARGUMENT, "init NULL returned %d", st);
          // any version: known ones fill the struct, the others write nothing
          const unsigned v = r.small(4);  // 0 .. 3
          bm_parse_options po;
          std::memset(&po, 0x5A, sizeof po);
          st = bm_parse_options_init(&po, v);
          after_call(st, "bm_parse_options_init");
          if (v >= 1 && v <= BM_PARSE_OPTIONS_VERSION)
            BMF_CHECK(st == BM_OK && po.version == v && po.flags == 0, "init version %u returned %d", v, st);
          else
            BMF_CHECK(st == BM_E_VERSION && po.version == 0x5A5A5A5Au, "init version %u returned %d", v, st);
        }
        bm_string_free(nullptr);
        BMF_CHECK(bm_version() && bm_version_number() == BM_VERSION_NUMBER, "version");
        const int code = -static_cast<int>(r.byte());
        BMF_CHECK(bm_status_string(code) != nullptr, "status string of %d", code);
        break;
      }
      case 11: {  // bm_parse_lines over fuzzed positioned lines, sometimes malformed
        const size_t ps = r.small(3);
        const bm_parser *p = ps < 2 ? parsers[ps] : default_parser();
        const size_t slot = r.small(3);
        const uint8_t how = r.byte();
        const size_t n = r.small(48);
        std::vector<std::string> texts_of(n);
        std::vector<bm_line> lines(n);
        bool malformed = false;
        for (size_t k = 0; k < n; ++k) {
          texts_of[k] = r.slice(96);
          bm_line l = BM_LINE_INIT;
          l.text = texts_of[k].data();
          l.text_len = texts_of[k].size();
          // A grid of columns and rows, so that real layouts come up often.
          const double col = r.small(4) * 150.0, row = r.small(64) * 14.0;
          l.x0 = col + r.small(20);
          l.y0 = row + r.small(3);
          l.x1 = l.x0 + 10 + r.small(140);
          l.y1 = l.y0 + 8 + r.small(20);
          l.font_size = r.small(5) == 0 ? 0.0 : 8 + r.small(30);
          l.flags = r.small(4);
          l.page_index = r.small(8) == 0 ? 1 : 0;
          if (r.small(6) == 0) {  // a drawn element: a rule, a frame, a picture
            texts_of[k].clear();
            l.text = texts_of[k].data();
            l.text_len = 0;
            l.flags = BM_LINE_DRAWN;
            l.font_size = r.small(2) ? 0.0 : std::numeric_limits<double>::quiet_NaN();  // not read
            l.x1 = l.x0 + r.small(400);
            l.y1 = l.y0 + (r.small(2) ? 0.5 : r.small(300));
          }
          if ((how & 1) && r.small(16) == 0) {  // one malformed field
            malformed = true;
            switch (r.small(6)) {
              case 0: l.x1 = l.x0 - 1; break;
              case 1: l.y0 = std::numeric_limits<double>::quiet_NaN(); break;
              case 2: l.font_size = -1; break;
              case 3: l.flags = r.small(2) ? 0x80 : BM_LINE_DRAWN | (l.text_len ? 0 : 0x80); break;  // unknown bit, or drawn with text
              case 4: l.x0 = 1e300; break;
              default: l.version = k ? 7u : 1u; break;  // differs from line 0's (or line 0's is fine)
            }
          }
          lines[k] = l;
        }
        bm_page_free(pages[slot]);
        pages[slot] = nullptr;
        bm_page *pg = reinterpret_cast<bm_page *>(0x1);
        const bm_status st = bm_parse_lines(p, (how & 32) ? nullptr : lines.data(), n, (how & 16) ? nullptr : nullptr,
                                            (how & 64) ? nullptr : &pg);
        after_call(st, "bm_parse_lines");
        if ((how & 64) || !p || ((how & 32) && n)) {
          BMF_CHECK(st == BM_E_INVALID_ARGUMENT, "bm_parse_lines misuse returned %d", st);
          break;
        }
        if (st != BM_OK) {
          BMF_CHECK(malformed || st == BM_E_TOO_LARGE, "bm_parse_lines failed (%d) on well-formed lines", st);
          BMF_CHECK(pg == nullptr, "page not NULL after failure");
          break;
        }
        BMF_CHECK(pg != nullptr, "page NULL after OK");
        pages[slot] = pg;
        size_t in_len = n;  // what the output bound counts: the lines' text and a line end each
        for (const std::string &t : texts_of) in_len += t.size();
        check_page(pg, in_len, nullptr);
        // Boxes: finite, ordered, inside the union of the lines' boxes.
        double ux0 = 1e300, uy0 = 1e300, ux1 = -1e300, uy1 = -1e300;
        for (const bm_line &l : lines) {
          ux0 = std::min(ux0, l.x0); uy0 = std::min(uy0, l.y0);
          ux1 = std::max(ux1, l.x1); uy1 = std::max(uy1, l.y1);
        }
        for (size_t a = 0; a < bm_page_article_count(pg); ++a) {
          double b[4];
          uint32_t page = 9;
          if (!bm_article_bbox(bm_page_article(pg, a), &page, b)) continue;
          BMF_CHECK(b[0] <= b[2] && b[1] <= b[3], "bbox inverted");
          BMF_CHECK(b[0] >= ux0 && b[1] >= uy0 && b[2] <= ux1 && b[3] <= uy1, "bbox outside the lines");
          BMF_CHECK(page <= 1, "bbox page %u", page);
        }
        break;
      }
      default: {  // free a text
        const size_t slot = r.small(2);
        bm_text_free(texts[slot]);
        texts[slot] = nullptr;
        break;
      }
    }
  }
  for (bm_page *p : pages) bm_page_free(p);
  for (bm_text *t : texts) bm_text_free(t);
  for (bm_parser *p : parsers) bm_parser_free(p);
  return 0;
}
