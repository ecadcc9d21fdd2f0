// Shared helpers of the libFuzzer targets: invariant checks that abort with a
// message (so libFuzzer records the input), a strict UTF-8 validator, a small
// strict JSON parser (RFC 8259) and the page-JSON invariants.
//
// Everything here goes through the public C API only.
#pragma once
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "banmian/banmian.h"

namespace bmfuzz {

[[noreturn]] inline void fail(const char *what, const std::string &detail = std::string()) {
  std::fprintf(stderr, "\n*** banmian invariant violated: %s\n", what);
  if (!detail.empty()) std::fprintf(stderr, "    %s\n", detail.c_str());
  const bm_error *e = bm_last_error();
  if (e) std::fprintf(stderr, "    last error: code %d, %s\n", e->code, e->message ? e->message : "(null)");
  std::fflush(stderr);
  std::abort();
}

#define BMF_CHECK(cond, ...)                                       \
  do {                                                             \
    if (!(cond)) ::bmfuzz::fail(#cond, ::bmfuzz::fmt(__VA_ARGS__)); \
  } while (0)

inline std::string fmt() { return std::string(); }
inline std::string fmt(const char *f) { return f; }
template <class... A>
std::string fmt(const char *f, A... a) {
  char buf[512];
  std::snprintf(buf, sizeof buf, f, a...);
  return buf;
}

// Invariants of open, already reported bugs can be skipped while fuzzing for
// new ones: BM_FUZZ_KNOWN="normalize.idempotent,decode.idempotent" (ids are
// the first argument of known()). tests/fuzz/known-issues.txt lists the open ones.
inline bool known(const char *id) {
  static const std::string list = [] {
    const char *e = std::getenv("BM_FUZZ_KNOWN");
    return "," + std::string(e ? e : "") + ",";
  }();
  return list.find("," + std::string(id) + ",") != std::string::npos;
}

// One shared default parser per process (creating one compiles the lexicon).
inline bm_parser *default_parser() {
  static bm_parser *p = [] {
    bm_parser *q = nullptr;
    if (bm_parser_new(nullptr, &q) != BM_OK || !q) fail("bm_parser_new(NULL) failed");
    return q;
  }();
  return p;
}

// Strict UTF-8 (no overlongs, no surrogates, <= U+10FFFF). On failure *bad
// receives the offset of the first bad byte.
inline bool utf8_valid(const char *s, size_t n, size_t *bad = nullptr) {
  const auto *u = reinterpret_cast<const unsigned char *>(s);
  size_t i = 0;
  while (i < n) {
    const unsigned c = u[i];
    size_t len = 0;
    uint32_t cp = 0, min = 0;
    if (c < 0x80) { ++i; continue; }
    if (c >= 0xC2 && c <= 0xDF) { len = 2; cp = c & 0x1F; min = 0x80; }
    else if (c >= 0xE0 && c <= 0xEF) { len = 3; cp = c & 0x0F; min = 0x800; }
    else if (c >= 0xF0 && c <= 0xF4) { len = 4; cp = c & 0x07; min = 0x10000; }
    else { if (bad) *bad = i; return false; }
    if (i + len > n) { if (bad) *bad = i; return false; }
    for (size_t k = 1; k < len; ++k) {
      if ((u[i + k] & 0xC0) != 0x80) { if (bad) *bad = i; return false; }
      cp = (cp << 6) | (u[i + k] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) { if (bad) *bad = i; return false; }
    i += len;
  }
  return true;
}

inline bool utf8_valid(std::string_view s, size_t *bad = nullptr) { return utf8_valid(s.data(), s.size(), bad); }

// Decodes valid UTF-8 (caller checked) into code points.
inline std::u32string to_u32(std::string_view s) {
  std::u32string out;
  const auto *u = reinterpret_cast<const unsigned char *>(s.data());
  for (size_t i = 0; i < s.size();) {
    const unsigned c = u[i];
    if (c < 0x80) { out.push_back(c); ++i; continue; }
    size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    char32_t cp = c & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07);
    for (size_t k = 1; k < len && i + k < s.size(); ++k) cp = (cp << 6) | (u[i + k] & 0x3F);
    out.push_back(cp);
    i += len;
  }
  return out;
}

// Replaces every maximal invalid subpart by U+FFFD (used to feed valid UTF-8
// to targets that need it).
inline std::string make_valid_utf8(const uint8_t *d, size_t n) {
  std::string out;
  out.reserve(n);
  size_t i = 0;
  while (i < n) {
    size_t bad = 0;
    // find the longest valid prefix from i
    if (utf8_valid(reinterpret_cast<const char *>(d + i), n - i, &bad)) {
      out.append(reinterpret_cast<const char *>(d + i), n - i);
      break;
    }
    out.append(reinterpret_cast<const char *>(d + i), bad);
    i += bad;
    // skip a maximal invalid subpart (at least one byte)
    const unsigned c = d[i];
    size_t skip = 1;
    size_t len = (c >= 0xC2 && c <= 0xDF) ? 2 : (c >= 0xE0 && c <= 0xEF) ? 3 : (c >= 0xF0 && c <= 0xF4) ? 4 : 1;
    for (size_t k = 1; k < len && i + k < n; ++k) {
      const unsigned b = d[i + k];
      unsigned lo = 0x80, hi = 0xBF;
      if (k == 1) {
        if (c == 0xE0) lo = 0xA0;
        if (c == 0xED) hi = 0x9F;
        if (c == 0xF0) lo = 0x90;
        if (c == 0xF4) hi = 0x8F;
      }
      if (b < lo || b > hi) break;
      skip = k + 1;
    }
    i += skip;
    out.append("\xEF\xBF\xBD");
  }
  return out;
}

// ---------------------------------------------------------------------------
// A small strict JSON parser (iterative depth limit; our documents are shallow).
struct JValue {
  enum Type { Null, Bool, Number, String, Array, Object } type = Null;
  bool b = false;
  std::string str;     // String: the decoded value; Number: the literal
  std::vector<JValue> arr;
  std::vector<std::pair<std::string, JValue>> obj;
  const JValue *get(const char *key) const {
    for (const auto &kv : obj)
      if (kv.first == key) return &kv.second;
    return nullptr;
  }
};

class JsonParser {
 public:
  JsonParser(const char *s, size_t n) : s_(s), n_(n) {}
  bool parse(JValue &out, std::string &err) {
    ws();
    if (!value(out, 0)) { err = err_ + fmt(" at %zu", i_); return false; }
    ws();
    if (i_ != n_) { err = fmt("trailing bytes at %zu", i_); return false; }
    return true;
  }

 private:
  bool bad(const char *e) { err_ = e; return false; }
  void ws() {
    while (i_ < n_ && (s_[i_] == ' ' || s_[i_] == '\n' || s_[i_] == '\r' || s_[i_] == '\t')) ++i_;
  }
  bool lit(const char *w) {
    const size_t l = std::strlen(w);
    if (n_ - i_ < l || std::memcmp(s_ + i_, w, l) != 0) return false;
    i_ += l;
    return true;
  }
  static void put(std::string &o, uint32_t cp) {
    if (cp < 0x80) o.push_back(static_cast<char>(cp));
    else if (cp < 0x800) { o.push_back(static_cast<char>(0xC0 | (cp >> 6))); o.push_back(static_cast<char>(0x80 | (cp & 0x3F))); }
    else if (cp < 0x10000) { o.push_back(static_cast<char>(0xE0 | (cp >> 12))); o.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F))); o.push_back(static_cast<char>(0x80 | (cp & 0x3F))); }
    else { o.push_back(static_cast<char>(0xF0 | (cp >> 18))); o.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F))); o.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F))); o.push_back(static_cast<char>(0x80 | (cp & 0x3F))); }
  }
  bool hex4(uint32_t &v) {
    if (n_ - i_ < 4) return false;
    v = 0;
    for (int k = 0; k < 4; ++k) {
      const char c = s_[i_++];
      v <<= 4;
      if (c >= '0' && c <= '9') v |= c - '0';
      else if (c >= 'a' && c <= 'f') v |= c - 'a' + 10;
      else if (c >= 'A' && c <= 'F') v |= c - 'A' + 10;
      else return false;
    }
    return true;
  }
  bool string(std::string &o) {
    if (i_ >= n_ || s_[i_] != '"') return bad("expected string");
    ++i_;
    const size_t start = i_;
    while (i_ < n_) {
      const unsigned char c = static_cast<unsigned char>(s_[i_]);
      if (c == '"') {
        ++i_;
        size_t badpos = 0;
        if (!utf8_valid(o, &badpos)) return bad("string is not valid UTF-8");
        (void)start;
        return true;
      }
      if (c < 0x20) return bad("raw control character in string");
      if (c == '\\') {
        ++i_;
        if (i_ >= n_) return bad("truncated escape");
        const char e = s_[i_++];
        switch (e) {
          case '"': o.push_back('"'); break;
          case '\\': o.push_back('\\'); break;
          case '/': o.push_back('/'); break;
          case 'b': o.push_back('\b'); break;
          case 'f': o.push_back('\f'); break;
          case 'n': o.push_back('\n'); break;
          case 'r': o.push_back('\r'); break;
          case 't': o.push_back('\t'); break;
          case 'u': {
            uint32_t v;
            if (!hex4(v)) return bad("bad \\u escape");
            if (v >= 0xD800 && v <= 0xDBFF) {
              uint32_t lo;
              if (!lit("\\u") || !hex4(lo) || lo < 0xDC00 || lo > 0xDFFF) return bad("lone high surrogate escape");
              v = 0x10000 + ((v - 0xD800) << 10) + (lo - 0xDC00);
            } else if (v >= 0xDC00 && v <= 0xDFFF) {
              return bad("lone low surrogate escape");
            }
            put(o, v);
            break;
          }
          default: return bad("bad escape");
        }
        continue;
      }
      o.push_back(static_cast<char>(c));
      ++i_;
    }
    return bad("unterminated string");
  }
  bool number(std::string &o) {
    const size_t st = i_;
    if (i_ < n_ && s_[i_] == '-') ++i_;
    if (i_ >= n_) return bad("bad number");
    if (s_[i_] == '0') ++i_;
    else if (s_[i_] >= '1' && s_[i_] <= '9') { while (i_ < n_ && s_[i_] >= '0' && s_[i_] <= '9') ++i_; }
    else return bad("bad number");
    if (i_ < n_ && s_[i_] == '.') {
      ++i_;
      if (i_ >= n_ || s_[i_] < '0' || s_[i_] > '9') return bad("bad fraction");
      while (i_ < n_ && s_[i_] >= '0' && s_[i_] <= '9') ++i_;
    }
    if (i_ < n_ && (s_[i_] == 'e' || s_[i_] == 'E')) {
      ++i_;
      if (i_ < n_ && (s_[i_] == '+' || s_[i_] == '-')) ++i_;
      if (i_ >= n_ || s_[i_] < '0' || s_[i_] > '9') return bad("bad exponent");
      while (i_ < n_ && s_[i_] >= '0' && s_[i_] <= '9') ++i_;
    }
    o.assign(s_ + st, i_ - st);
    return true;
  }
  bool value(JValue &v, int depth) {
    if (depth > 64) return bad("too deep");
    if (i_ >= n_) return bad("unexpected end");
    const char c = s_[i_];
    if (c == '{') {
      v.type = JValue::Object;
      ++i_;
      ws();
      if (i_ < n_ && s_[i_] == '}') { ++i_; return true; }
      for (;;) {
        std::string k;
        ws();
        if (!string(k)) return false;
        ws();
        if (i_ >= n_ || s_[i_] != ':') return bad("expected ':'");
        ++i_;
        ws();
        v.obj.emplace_back(std::move(k), JValue());
        if (!value(v.obj.back().second, depth + 1)) return false;
        ws();
        if (i_ < n_ && s_[i_] == ',') { ++i_; continue; }
        if (i_ < n_ && s_[i_] == '}') { ++i_; return true; }
        return bad("expected ',' or '}'");
      }
    }
    if (c == '[') {
      v.type = JValue::Array;
      ++i_;
      ws();
      if (i_ < n_ && s_[i_] == ']') { ++i_; return true; }
      for (;;) {
        ws();
        v.arr.emplace_back();
        if (!value(v.arr.back(), depth + 1)) return false;
        ws();
        if (i_ < n_ && s_[i_] == ',') { ++i_; continue; }
        if (i_ < n_ && s_[i_] == ']') { ++i_; return true; }
        return bad("expected ',' or ']'");
      }
    }
    if (c == '"') { v.type = JValue::String; return string(v.str); }
    if (lit("null")) { v.type = JValue::Null; return true; }
    if (lit("true")) { v.type = JValue::Bool; v.b = true; return true; }
    if (lit("false")) { v.type = JValue::Bool; v.b = false; return true; }
    v.type = JValue::Number;
    return number(v.str);
  }

  const char *s_;
  size_t n_;
  size_t i_ = 0;
  std::string err_;
};

inline bool is_str_or_null(const JValue *v) { return v && (v->type == JValue::String || v->type == JValue::Null); }
inline bool is_str_array(const JValue *v) {
  if (!v || v->type != JValue::Array) return false;
  for (const auto &e : v->arr)
    if (e.type != JValue::String) return false;
  return true;
}
inline bool cstr_eq(const char *a, const JValue *v) {
  if (!a) return v && v->type == JValue::Null;
  return v && v->type == JValue::String && v->str == a;
}

// Checks one parsed page: JSON well-formed, schema right, every string valid
// UTF-8, spans in range / on character boundaries / ordered, accessors agree
// with the JSON, and the size bound JSON <= 8 x input + 64 KiB.
inline void check_page(const bm_page *page, size_t input_len, const char *expect_source) {
  BMF_CHECK(page != nullptr, "page is NULL after BM_OK");
  size_t tlen = 0;
  const char *text = bm_page_text(page, &tlen);
  BMF_CHECK(text != nullptr, "bm_page_text NULL");
  BMF_CHECK(text[tlen] == '\0', "page text not NUL-terminated");
  BMF_CHECK(utf8_valid(text, tlen), "page text is not valid UTF-8");
  BMF_CHECK(std::memchr(text, '\0', tlen) == nullptr, "page text contains U+0000");
  BMF_CHECK(std::memchr(text, '\r', tlen) == nullptr, "page text contains CR");

  for (uint32_t pretty = 0; pretty <= 1; ++pretty) {
    char *json = nullptr;
    size_t jlen = 0;
    const bm_status st = bm_page_to_json(page, pretty ? BM_JSON_PRETTY : 0, &json, &jlen);
    BMF_CHECK(st == BM_OK && json, "bm_page_to_json failed: %d", st);
    BMF_CHECK(json[jlen] == '\0' && std::strlen(json) == jlen, "JSON length/NUL mismatch");
    if (!pretty)
      BMF_CHECK(jlen <= 8 * input_len + 65536, "JSON amplification: %zu bytes of JSON for %zu bytes of input", jlen,
                input_len);
    JValue root;
    std::string err;
    JsonParser jp(json, jlen);
    if (!jp.parse(root, err)) fail("JSON does not parse", err);
    bm_string_free(json);

    BMF_CHECK(root.type == JValue::Object, "JSON root not an object");
    const JValue *schema = root.get("schema");
    BMF_CHECK(schema && schema->type == JValue::String && schema->str == "banmian.page/1", "schema field wrong");
    BMF_CHECK(is_str_or_null(root.get("source")), "source");
    if (expect_source) BMF_CHECK(cstr_eq(expect_source, root.get("source")), "source not echoed");
    const JValue *enc = root.get("encoding");
    BMF_CHECK(enc && enc->type == JValue::String && !enc->str.empty(), "encoding");
    BMF_CHECK(cstr_eq(bm_page_encoding(page), enc), "encoding JSON vs accessor");
    const JValue *rep = root.get("replacements");
    BMF_CHECK(rep && rep->type == JValue::Number && rep->str == std::to_string(bm_page_replacements(page)),
              "replacements");
    BMF_CHECK(is_str_or_null(root.get("edition")) && cstr_eq(bm_page_edition(page), root.get("edition")), "edition");
    const JValue *mast = root.get("masthead");
    BMF_CHECK(is_str_array(mast) && mast->arr.size() == bm_page_masthead_count(page), "masthead");
    for (size_t i = 0; i < mast->arr.size(); ++i) BMF_CHECK(cstr_eq(bm_page_masthead(page, i), &mast->arr[i]), "masthead[%zu]", i);
    BMF_CHECK(bm_page_masthead(page, mast->arr.size()) == nullptr, "masthead out of range not NULL");
    const JValue *arts = root.get("articles");
    BMF_CHECK(arts && arts->type == JValue::Array, "articles");
    const size_t n = bm_page_article_count(page);
    BMF_CHECK(arts->arr.size() == n, "article count JSON %zu vs accessor %zu", arts->arr.size(), n);
    BMF_CHECK(bm_page_article(page, n) == nullptr, "article out of range not NULL");
    size_t prev_start = 0;
    for (size_t i = 0; i < n; ++i) {
      const JValue &a = arts->arr[i];
      const bm_article *art = bm_page_article(page, i);
      BMF_CHECK(art && a.type == JValue::Object, "article %zu", i);
      const JValue *kind = a.get("kind");
      BMF_CHECK(kind && kind->type == JValue::String, "kind");
      BMF_CHECK(kind->str == "news" || kind->str == "photo" || kind->str == "ad" || kind->str == "weather" ||
                    kind->str == "other",
                "unknown kind %s", kind->str.c_str());
      BMF_CHECK(cstr_eq(bm_article_kind_name(art), kind), "kind accessor");
      const JValue *hl = a.get("headline");
      BMF_CHECK(is_str_array(hl) && hl->arr.size() == bm_article_headline_count(art), "headline");
      for (size_t k = 0; k < hl->arr.size(); ++k) BMF_CHECK(cstr_eq(bm_article_headline(art, k), &hl->arr[k]), "headline[%zu]", k);
      BMF_CHECK(is_str_or_null(a.get("kicker")) && cstr_eq(bm_article_kicker(art), a.get("kicker")), "kicker");
      BMF_CHECK(is_str_or_null(a.get("title")) && cstr_eq(bm_article_title(art), a.get("title")), "title");
      BMF_CHECK(is_str_or_null(a.get("subtitle")) && cstr_eq(bm_article_subtitle(art), a.get("subtitle")), "subtitle");
      BMF_CHECK(is_str_or_null(a.get("dateline")) && cstr_eq(bm_article_dateline(art), a.get("dateline")), "dateline");
      BMF_CHECK(is_str_or_null(a.get("editor_note")) && cstr_eq(bm_article_editor_note(art), a.get("editor_note")),
                "editor_note");
      const JValue *by = a.get("bylines");
      BMF_CHECK(by && by->type == JValue::Array && by->arr.size() == bm_article_byline_count(art), "bylines");
      for (size_t k = 0; k < by->arr.size(); ++k) {
        BMF_CHECK(cstr_eq(bm_article_byline_role(art, k), by->arr[k].get("role")), "byline role");
        BMF_CHECK(cstr_eq(bm_article_byline_name(art, k), by->arr[k].get("name")), "byline name");
        const std::string &role = by->arr[k].get("role")->str;
        BMF_CHECK(role == "reporter" || role == "correspondent" || role == "photographer" || role == "editor" ||
                      role == "intern" || role == "author",
                  "undocumented byline role '%s'", role.c_str());
      }
      const JValue *paras = a.get("paragraphs");
      BMF_CHECK(is_str_array(paras) && paras->arr.size() == bm_article_paragraph_count(art), "paragraphs");
      for (size_t k = 0; k < paras->arr.size(); ++k)
        BMF_CHECK(cstr_eq(bm_article_paragraph(art, k), &paras->arr[k]), "paragraph[%zu]", k);
      BMF_CHECK(bm_article_paragraph(art, paras->arr.size()) == nullptr, "paragraph out of range");
      const JValue *flags = a.get("flags");
      BMF_CHECK(is_str_array(flags) && flags->arr.size() == bm_article_flag_count(art), "flags");
      for (size_t k = 0; k < flags->arr.size(); ++k) BMF_CHECK(cstr_eq(bm_article_flag(art, k), &flags->arr[k]), "flag[%zu]", k);
      const JValue *span = a.get("span");
      BMF_CHECK(span && span->type == JValue::Array && span->arr.size() == 2 && span->arr[0].type == JValue::Number &&
                    span->arr[1].type == JValue::Number,
                "span shape");
      size_t s0 = 0, s1 = 0;
      bm_article_span(art, &s0, &s1);
      BMF_CHECK(span->arr[0].str == std::to_string(s0) && span->arr[1].str == std::to_string(s1), "span JSON vs accessor");
      BMF_CHECK(s0 <= s1 && s1 <= tlen, "article %zu span [%zu,%zu) out of range (text %zu bytes)", i, s0, s1, tlen);
      BMF_CHECK(s0 == tlen || (static_cast<unsigned char>(text[s0]) & 0xC0) != 0x80 || known("parse.span-boundary"),
                "span start %zu not on a character", s0);
      BMF_CHECK(s1 == tlen || (static_cast<unsigned char>(text[s1]) & 0xC0) != 0x80 || known("parse.span-boundary"),
                "span end %zu not on a character", s1);
      BMF_CHECK(i == 0 || s0 >= prev_start || known("parse.span-order"), "article %zu starts at %zu, before article %zu (%zu)",
                i, s0, i - 1, prev_start);
      prev_start = s0;
      // The optional field spans: the accessors give the JSON's numbers, each
      // span on characters inside the article's span.
      const JValue *fs = a.get("spans");
      BMF_CHECK((fs != nullptr) == (bm_article_has_spans(art) == 1), "spans JSON vs bm_article_has_spans");
      if (fs) {
        auto check_span = [&](const JValue *v, int found, size_t b, size_t e, const char *what, size_t k) {
          BMF_CHECK(found == 1 && v && v->type == JValue::Array && v->arr.size() == 2 &&
                        v->arr[0].str == std::to_string(b) && v->arr[1].str == std::to_string(e),
                    "spans.%s[%zu] JSON vs accessor", what, k);
          BMF_CHECK(s0 <= b && b <= e && e <= s1, "spans.%s[%zu] [%zu,%zu) outside the article [%zu,%zu)", what, k, b, e,
                    s0, s1);
          BMF_CHECK((b == tlen || (static_cast<unsigned char>(text[b]) & 0xC0) != 0x80) &&
                        (e == tlen || (static_cast<unsigned char>(text[e]) & 0xC0) != 0x80),
                    "spans.%s[%zu] not on characters", what, k);
        };
        size_t b = 0, e = 0;
        const struct {
          const char *name;
          size_t count;
          int (*get)(const bm_article *, size_t, size_t *, size_t *);
        } lists[] = {{"headline", bm_article_headline_count(art), bm_article_headline_span},
                     {"bylines", bm_article_byline_count(art), bm_article_byline_span},
                     {"paragraphs", bm_article_paragraph_count(art), bm_article_paragraph_span}};
        for (const auto &l : lists) {
          const JValue *arr = fs->get(l.name);
          BMF_CHECK(arr && arr->type == JValue::Array && arr->arr.size() == l.count, "spans.%s count", l.name);
          if (!arr || arr->type != JValue::Array) continue;
          for (size_t k = 0; k < arr->arr.size() && k < l.count; ++k) {
            const int found = l.get(art, k, &b, &e);
            check_span(&arr->arr[k], found, b, e, l.name, k);
          }
          BMF_CHECK(l.get(art, l.count, &b, &e) == 0 && b == 0 && e == 0, "spans.%s[count]", l.name);
        }
        const JValue *dl = fs->get("dateline");
        const int found = bm_article_dateline_span(art, &b, &e);
        BMF_CHECK((dl && dl->type == JValue::Array) == (bm_article_dateline(art) != nullptr), "spans.dateline vs dateline");
        if (dl && dl->type == JValue::Array) check_span(dl, found, b, e, "dateline", 0);
      }
    }
  }
}

}  // namespace bmfuzz
