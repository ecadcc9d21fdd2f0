/*
 * SWIG interface of banmian for Java and Go (sentencepiece is the model).
 *
 * What is wrapped is the small C++ layer in banmian_swig.hpp, which calls
 * only the public C API (include/banmian/banmian.h):
 *
 *   Parser  - loaded lexicons; parse(bytes) -> Page, normalize(bytes) -> text
 *   Page    - one parsed page: JSON, text, encoding, mastheads, articles
 *   Article - a view of one article of an open page
 *
 * Errors: every failing call (a negative bm_status from the C API, a closed
 * object, an index out of range) throws bmswig::Error in C++, and one
 * %exception per language turns it into the native error:
 *   Java: org.banmian.BanmianException (code, message, byte offset)
 *   Go:   the wrapper records it; the `bm_status` typemap of takeError() hands
 *         it to Go as an `error` (*Error), see go/banmian_go.i.
 *
 * Strings: real UTF-8 both ways (Java through byte[] and
 * StandardCharsets.UTF_8, never JNI's modified UTF-8).
 *
 * The wrappers are generated at build time (bindings/swig/CMakeLists.txt).
 */
%module Banmian

%{
#include <new>
#include <stdexcept>
#include "banmian_swig.hpp"
%}

%include <stdint.i>

#if defined(SWIGJAVA)
%include "java/banmian_java.i"
#elif defined(SWIGGO)
%include "go/banmian_go.i"
#else
#error "banmian.i supports Java and Go"
#endif

/* Pages come from Parser::parse, article views from Page::article. */
%nodefaultctor bmswig::Page;
%nodefaultctor bmswig::Article;
%newobject bmswig::Parser::parse;
%newobject bmswig::Page::article;

/* The declarations SWIG wraps (a subset of banmian_swig.hpp). */
namespace bmswig {

struct OptString; /* typemaps in java/ and go/: String or null, Go string */

std::string version();
int versionNumber();
std::string statusString(int status);

class Article {
 public:
  int index() const;
  int kind() const;
  std::string kindName() const;
  int headlineCount() const;
  std::string headline(int i) const;
  OptString kicker() const;
  OptString title() const;
  OptString subtitle() const;
  OptString dateline() const;
  OptString editorNote() const;
  int bylineCount() const;
  std::string bylineRole(int i) const;
  std::string bylineName(int i) const;
  int paragraphCount() const;
  std::string paragraph(int i) const;
  unsigned int flags() const;
  int flagCount() const;
  std::string flagName(int i) const;
  int64_t spanStart() const;
  int64_t spanEnd() const;
  double confidence() const;
  bool hasDatelineInfo() const;
  OptString datelineSource() const;
  OptString datelinePlace() const;
  int datelineMonth() const;
  int datelineDay() const;
  OptString datelineDate() const;
  int dateCount() const;
  std::string dateText(int i) const;
  OptString dateValue(int i) const;
  int64_t dateSpanStart(int i) const;
  int64_t dateSpanEnd(int i) const;
  bool hasSpans() const;
  int64_t headlineSpanStart(int i) const;
  int64_t headlineSpanEnd(int i) const;
  int64_t datelineSpanStart() const;
  int64_t datelineSpanEnd() const;
  int64_t bylineSpanStart(int i) const;
  int64_t bylineSpanEnd(int i) const;
  int64_t paragraphSpanStart(int i) const;
  int64_t paragraphSpanEnd(int i) const;
};

class Page {
 public:
  ~Page();
  void close();
  bool isClosed() const;
  std::string toJson(bool pretty) const;
  std::string text() const;
  std::string encoding() const;
  OptString source() const;
  OptString edition() const;
  OptString paper() const;
  OptString issueDate() const;
  OptString pageNumber() const;
  OptString section() const;
  unsigned int flags() const;
  int64_t replacements() const;
  int mastheadCount() const;
  std::string masthead(int i) const;
  int articleCount() const;
  Article *article(int i) const;
};

class Parser {
 public:
  Parser();
  Parser(const std::string &lexiconText, bool replaceLexicon, const std::string &lexiconPath = std::string(),
         int64_t maxInputBytes = 0);
  ~Parser();
  void close();
  bool isClosed() const;
  Page *parse(const char *data, size_t len, const std::string &encoding, const std::string &source,
              bool strict, const std::string &issueDate, int script) const;
  std::string normalize(const char *data, size_t len, const std::string &encoding, bool strict, int script) const;
};

}  // namespace bmswig
