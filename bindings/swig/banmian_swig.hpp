// The C++ layer SWIG wraps: small classes over the public C API only
// (include/banmian/banmian.h). Nothing here touches the core.
//
// Lifetimes
//  - Parser and Page own their C handle through a shared_ptr that close()
//    drops (atomically). A call in progress on another thread keeps the
//    handle alive until it returns; calls after close() throw Error.
//  - Article is a view: (page state, index). It reads the page's handle on
//    every call, so after Page::close() its methods throw Error as well.
//  - Every string is copied out before a method returns: nothing handed to
//    the target language borrows from a C object.
//
// Errors: every failure throws bmswig::Error (code, message, byte offset),
// built from bm_last_error() right after the failing C call, or for a
// closed object or an index out of range. banmian.i turns it into the
// language's error in one place.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <utility>

#include "banmian/banmian.h"

namespace bmswig {

class Error {
 public:
  Error(int code, std::string message, int64_t byte_offset)
      : code_(code), message_(std::move(message)), byte_offset_(byte_offset) {}
  // The error the last bm_* call on this thread left.
  static Error last() {
    const bm_error *e = bm_last_error();
    return Error(e->code != BM_OK ? e->code : BM_E_INTERNAL, e->message ? e->message : "", e->byte_offset);
  }
  int code() const { return code_; }
  const std::string &message() const { return message_; }
  int64_t byteOffset() const { return byte_offset_; }

 private:
  int code_;
  std::string message_;
  int64_t byte_offset_;
};

// A string that may be absent (a C function returned NULL). Java: String or
// null; Go: string ("" when absent).
struct OptString {
  bool present = false;
  std::string value;
};

namespace detail {

inline OptString opt(const char *s) {
  OptString o;
  if (s) {
    o.present = true;
    o.value = s;
  }
  return o;
}
inline std::string str(const char *s) { return s ? std::string(s) : std::string(); }

inline void check(bm_status st) {
  if (st < 0) throw Error::last();
}

struct ParserHandle {
  bm_parser *p = nullptr;
  ParserHandle() = default;
  ParserHandle(const ParserHandle &) = delete;
  ParserHandle &operator=(const ParserHandle &) = delete;
  ~ParserHandle() { bm_parser_free(p); }
};

struct PageHandle {
  bm_page *p = nullptr;
  PageHandle() = default;
  PageHandle(const PageHandle &) = delete;
  PageHandle &operator=(const PageHandle &) = delete;
  ~PageHandle() { bm_page_free(p); }
};

// Shared by a Page and every Article view taken from it.
struct PageState {
  std::shared_ptr<PageHandle> handle;
};

inline std::shared_ptr<PageHandle> live(const std::shared_ptr<PageState> &state) {
  std::shared_ptr<PageHandle> h = state ? std::atomic_load(&state->handle) : nullptr;
  if (!h) throw Error(BM_E_INVALID_ARGUMENT, "banmian: the page is closed", -1);
  return h;
}

inline size_t index_in(int index, size_t count, const char *what) {
  if (index < 0 || static_cast<size_t>(index) >= count)
    throw Error(BM_E_RANGE, std::string("banmian: ") + what + " index " + std::to_string(index) +
                                " out of range (count " + std::to_string(count) + ")",
                -1);
  return static_cast<size_t>(index);
}

}  // namespace detail

inline std::string version() { return bm_version(); }
inline int versionNumber() { return bm_version_number(); }
inline std::string statusString(int status) { return bm_status_string(status); }

// One article of a page: a view that is valid while the page is open.
class Article {
 public:
  Article(std::shared_ptr<detail::PageState> state, int index) : state_(std::move(state)), index_(index) {}

  int index() const { return index_; }
  int kind() const { return static_cast<int>(bm_article_get_kind(get(h()))); }
  std::string kindName() const { auto k = h(); return detail::str(bm_article_kind_name(get(k))); }

  int headlineCount() const { auto k = h(); return static_cast<int>(bm_article_headline_count(get(k))); }
  std::string headline(int i) const {
    auto k = h();
    const bm_article *a = get(k);
    return bm_article_headline(a, detail::index_in(i, bm_article_headline_count(a), "headline"));
  }
  OptString kicker() const { auto k = h(); return detail::opt(bm_article_kicker(get(k))); }
  OptString title() const { auto k = h(); return detail::opt(bm_article_title(get(k))); }
  OptString subtitle() const { auto k = h(); return detail::opt(bm_article_subtitle(get(k))); }
  OptString dateline() const { auto k = h(); return detail::opt(bm_article_dateline(get(k))); }
  OptString editorNote() const { auto k = h(); return detail::opt(bm_article_editor_note(get(k))); }

  int bylineCount() const { auto k = h(); return static_cast<int>(bm_article_byline_count(get(k))); }
  std::string bylineRole(int i) const {
    auto k = h();
    const bm_article *a = get(k);
    return bm_article_byline_role(a, detail::index_in(i, bm_article_byline_count(a), "byline"));
  }
  std::string bylineName(int i) const {
    auto k = h();
    const bm_article *a = get(k);
    return bm_article_byline_name(a, detail::index_in(i, bm_article_byline_count(a), "byline"));
  }

  int paragraphCount() const { auto k = h(); return static_cast<int>(bm_article_paragraph_count(get(k))); }
  std::string paragraph(int i) const {
    auto k = h();
    const bm_article *a = get(k);
    return bm_article_paragraph(a, detail::index_in(i, bm_article_paragraph_count(a), "paragraph"));
  }

  unsigned int flags() const { auto k = h(); return bm_article_flags(get(k)); }
  int flagCount() const { auto k = h(); return static_cast<int>(bm_article_flag_count(get(k))); }
  std::string flagName(int i) const {
    auto k = h();
    const bm_article *a = get(k);
    return bm_article_flag(a, detail::index_in(i, bm_article_flag_count(a), "flag"));
  }

  // [start, end) byte offsets of the article in Page::text().
  int64_t spanStart() const { size_t s = 0; auto k = h(); bm_article_span(get(k), &s, nullptr); return static_cast<int64_t>(s); }
  int64_t spanEnd() const { size_t e = 0; auto k = h(); bm_article_span(get(k), nullptr, &e); return static_cast<int64_t>(e); }

  // How sure the parser is of the article, in [0, 1]; negative when it did not compute one.
  double confidence() const { auto k = h(); return bm_article_confidence(get(k)); }

  // The dateline's parts (issue 14); hasDatelineInfo() is false when the
  // article has no dateline whose parts the parser read.
  bool hasDatelineInfo() const { auto k = h(); return bm_article_has_dateline_info(get(k)) != 0; }
  OptString datelineSource() const { auto k = h(); return detail::opt(bm_article_dateline_source(get(k))); }
  OptString datelinePlace() const { auto k = h(); return detail::opt(bm_article_dateline_place(get(k))); }
  // 1-12 and 1-31 as printed, 0 when not printed.
  int datelineMonth() const { auto k = h(); return bm_article_dateline_month(get(k)); }
  int datelineDay() const { auto k = h(); return bm_article_dateline_day(get(k)); }
  // "YYYY-MM-DD", resolved against the issue date; absent when it cannot be.
  OptString datelineDate() const { auto k = h(); return detail::opt(bm_article_dateline_date(get(k))); }

  // Expressions naming one day, in order: text, resolved date ("YYYY-MM-DD"
  // or absent) and byte span in Page::text() (-1, -1 when not matched).
  int dateCount() const { auto k = h(); return static_cast<int>(bm_article_date_count(get(k))); }
  std::string dateText(int i) const {
    auto k = h();
    const bm_article *a = get(k);
    return bm_article_date_text(a, detail::index_in(i, bm_article_date_count(a), "date"));
  }
  OptString dateValue(int i) const {
    auto k = h();
    const bm_article *a = get(k);
    return detail::opt(bm_article_date_value(a, detail::index_in(i, bm_article_date_count(a), "date")));
  }
  int64_t dateSpanStart(int i) const { return dateSpan(i, true); }
  int64_t dateSpanEnd(int i) const { return dateSpan(i, false); }

  // Field spans (issue 14): [start, end) byte offsets in Page::text(), -1
  // when unknown (no spans, no dateline). hasSpans(): the parser computed them.
  bool hasSpans() const { auto k = h(); return bm_article_has_spans(get(k)) != 0; }
  int64_t headlineSpanStart(int i) const { return indexedSpan(i, true, bm_article_headline_count, bm_article_headline_span, "headline"); }
  int64_t headlineSpanEnd(int i) const { return indexedSpan(i, false, bm_article_headline_count, bm_article_headline_span, "headline"); }
  int64_t datelineSpanStart() const { return datelineSpan(true); }
  int64_t datelineSpanEnd() const { return datelineSpan(false); }
  int64_t bylineSpanStart(int i) const { return indexedSpan(i, true, bm_article_byline_count, bm_article_byline_span, "byline"); }
  int64_t bylineSpanEnd(int i) const { return indexedSpan(i, false, bm_article_byline_count, bm_article_byline_span, "byline"); }
  int64_t paragraphSpanStart(int i) const { return indexedSpan(i, true, bm_article_paragraph_count, bm_article_paragraph_span, "paragraph"); }
  int64_t paragraphSpanEnd(int i) const { return indexedSpan(i, false, bm_article_paragraph_count, bm_article_paragraph_span, "paragraph"); }

 private:
  std::shared_ptr<detail::PageHandle> h() const { return detail::live(state_); }
  const bm_article *get(const std::shared_ptr<detail::PageHandle> &k) const {
    const bm_article *a = bm_page_article(k->p, static_cast<size_t>(index_));
    if (!a) throw Error(BM_E_RANGE, "banmian: article index out of range", -1);
    return a;
  }

  static int64_t pick(int found, size_t s, size_t e, bool start) {
    if (!found) return -1;
    return static_cast<int64_t>(start ? s : e);
  }
  int64_t dateSpan(int i, bool start) const {
    auto k = h();
    const bm_article *a = get(k);
    size_t s = 0, e = 0;
    int found = bm_article_date_span(a, detail::index_in(i, bm_article_date_count(a), "date"), &s, &e);
    return pick(found, s, e, start);
  }
  int64_t datelineSpan(bool start) const {
    auto k = h();
    size_t s = 0, e = 0;
    int found = bm_article_dateline_span(get(k), &s, &e);
    return pick(found, s, e, start);
  }
  int64_t indexedSpan(int i, bool start, size_t (*count)(const bm_article *),
                      int (*span)(const bm_article *, size_t, size_t *, size_t *), const char *what) const {
    auto k = h();
    const bm_article *a = get(k);
    size_t s = 0, e = 0;
    int found = span(a, detail::index_in(i, count(a), what), &s, &e);
    return pick(found, s, e, start);
  }

  std::shared_ptr<detail::PageState> state_;
  int index_;
};

// One parsed page. Owns its bm_page until close() or destruction.
class Page {
 public:
  // An empty, closed page; Parser::parse makes the real ones.
  Page() : state_(std::make_shared<detail::PageState>()) {}
  ~Page() { close(); }
  Page(const Page &) = delete;
  Page &operator=(const Page &) = delete;

  void close() { std::atomic_store(&state_->handle, std::shared_ptr<detail::PageHandle>()); }
  bool isClosed() const { return !std::atomic_load(&state_->handle); }

  // The page JSON (docs/page-json.md); pretty = indented.
  std::string toJson(bool pretty) const {
    auto k = detail::live(state_);
    char *out = nullptr;
    size_t len = 0;
    detail::check(bm_page_to_json(k->p, pretty ? BM_JSON_PRETTY : 0u, &out, &len));
    std::string s(out, len);
    bm_string_free(out);
    return s;
  }
  std::string text() const {
    auto k = detail::live(state_);
    size_t len = 0;
    const char *t = bm_page_text(k->p, &len);
    return t ? std::string(t, len) : std::string();
  }
  std::string encoding() const { auto k = detail::live(state_); return detail::str(bm_page_encoding(k->p)); }
  OptString source() const { auto k = detail::live(state_); return detail::opt(bm_page_source(k->p)); }
  OptString edition() const { auto k = detail::live(state_); return detail::opt(bm_page_edition(k->p)); }
  // Page metadata (issue 14), each absent when the page does not print it.
  OptString paper() const { auto k = detail::live(state_); return detail::opt(bm_page_paper(k->p)); }
  // "YYYY-MM-DD": printed on the page, else the issueDate parse option.
  OptString issueDate() const { auto k = detail::live(state_); return detail::opt(bm_page_issue_date(k->p)); }
  OptString pageNumber() const { auto k = detail::live(state_); return detail::opt(bm_page_page_number(k->p)); }
  OptString section() const { auto k = detail::live(state_); return detail::opt(bm_page_section(k->p)); }
  unsigned int flags() const { auto k = detail::live(state_); return bm_page_flags(k->p); }
  int64_t replacements() const { auto k = detail::live(state_); return static_cast<int64_t>(bm_page_replacements(k->p)); }

  int mastheadCount() const { auto k = detail::live(state_); return static_cast<int>(bm_page_masthead_count(k->p)); }
  std::string masthead(int i) const {
    auto k = detail::live(state_);
    return bm_page_masthead(k->p, detail::index_in(i, bm_page_masthead_count(k->p), "masthead"));
  }

  int articleCount() const { auto k = detail::live(state_); return static_cast<int>(bm_page_article_count(k->p)); }
  // A new view of article i (the caller owns the view, not the article).
  Article *article(int i) const {
    auto k = detail::live(state_);
    detail::index_in(i, bm_page_article_count(k->p), "article");
    return new Article(state_, i);
  }

  // Used by Parser::parse only.
  void adopt(bm_page *p) {
    auto h = std::make_shared<detail::PageHandle>();
    h->p = p;
    std::atomic_store(&state_->handle, h);
  }

 private:
  std::shared_ptr<detail::PageState> state_;
};

// Loaded lexicons and settings; immutable, usable from many threads at once.
class Parser {
 public:
  // The built-in lexicon, default limits.
  Parser() { open(nullptr); }
  // lexiconText: extra lexicon lines (docs/lexicon.md), added to the built-in
  // lexicon or, with replaceLexicon, replacing it. lexiconPath: a lexicon file
  // ("" for none). maxInputBytes: 0 for the default (64 MiB).
  Parser(const std::string &lexiconText, bool replaceLexicon, const std::string &lexiconPath = std::string(),
         int64_t maxInputBytes = 0) {
    if (maxInputBytes < 0) throw Error(BM_E_INVALID_ARGUMENT, "banmian: maxInputBytes is negative", -1);
    bm_parser_options o;
    detail::check(bm_parser_options_init(&o, BM_PARSER_OPTIONS_VERSION));
    if (replaceLexicon) o.flags |= BM_PARSER_LEXICON_REPLACE;
    o.max_input_bytes = static_cast<size_t>(maxInputBytes);
    if (!lexiconPath.empty()) o.lexicon_path = lexiconPath.c_str();
    if (!lexiconText.empty()) {
      o.lexicon_text = lexiconText.data();
      o.lexicon_len = lexiconText.size();
    }
    open(&o);
  }
  ~Parser() { close(); }
  Parser(const Parser &) = delete;
  Parser &operator=(const Parser &) = delete;

  void close() { std::atomic_store(&h_, std::shared_ptr<detail::ParserHandle>()); }
  bool isClosed() const { return !std::atomic_load(&h_); }

  // Parses raw bytes. encoding: "" or "auto" to detect, else an ICU converter
  // name; source: "" for none, else the name reported as "source" in the JSON;
  // strict: invalid bytes fail instead of becoming U+FFFD; issueDate: "" for
  // none, else "YYYY-MM-DD", used when the page prints no date; script: a
  // bm_script value (0 keep, 1 simplified, 2 traditional). Returns a new page.
  Page *parse(const char *data, size_t len, const std::string &encoding, const std::string &source,
              bool strict, const std::string &issueDate, int script) const {
    auto h = live();
    bm_parse_options o;
    detail::check(bm_parse_options_init(&o, BM_PARSE_OPTIONS_VERSION));
    if (!encoding.empty()) o.encoding = encoding.c_str();
    if (!source.empty()) o.source = source.c_str();
    if (strict) o.flags |= BM_PARSE_STRICT_DECODING;
    if (!issueDate.empty()) o.issue_date = issueDate.c_str();
    o.script = script;
    bm_page *p = nullptr;
    detail::check(bm_parse(h->p, data, len, &o, &p));
    std::unique_ptr<Page> page(new Page());
    page->adopt(p);
    return page.release();
  }

  // The normalized text: one paragraph per line.
  std::string normalize(const char *data, size_t len, const std::string &encoding, bool strict, int script) const {
    auto h = live();
    bm_parse_options o;
    detail::check(bm_parse_options_init(&o, BM_PARSE_OPTIONS_VERSION));
    if (!encoding.empty()) o.encoding = encoding.c_str();
    if (strict) o.flags |= BM_PARSE_STRICT_DECODING;
    o.script = script;
    char *out = nullptr;
    size_t n = 0;
    detail::check(bm_normalize(h->p, data, len, &o, &out, &n));
    std::string s(out, n);
    bm_string_free(out);
    return s;
  }

 private:
  void open(const bm_parser_options *o) {
    auto h = std::make_shared<detail::ParserHandle>();
    detail::check(bm_parser_new(o, &h->p));
    h_ = std::move(h);
  }
  std::shared_ptr<detail::ParserHandle> live() const {
    auto h = std::atomic_load(&h_);
    if (!h) throw Error(BM_E_INVALID_ARGUMENT, "banmian: the parser is closed", -1);
    return h;
  }

  std::shared_ptr<detail::ParserHandle> h_;
};

// Go: the error a wrapped call left on this OS thread (the Go side locks
// the goroutine to its thread around a call and this). Taking it clears it.
namespace detail {
inline std::unique_ptr<Error> &pending() {
  static thread_local std::unique_ptr<Error> e;
  return e;
}
}  // namespace detail
inline void setPending(const Error &e) { detail::pending().reset(new Error(e)); }
inline void clearPending() { detail::pending().reset(); }

}  // namespace bmswig
