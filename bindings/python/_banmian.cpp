// banmian._banmian: the private extension under the pure-Python `banmian`
// package. It calls only the public C API (include/banmian/banmian.h):
// every status becomes a banmian.Error subclass (built by banmian._errors),
// parsing runs with the GIL released, and parse_many parses in C++ threads
// on one shared, immutable bm_parser.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <memory>
#include <numeric>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "banmian/banmian.h"

namespace py = pybind11;

namespace {

// What bm_last_error() said, copied on the thread that made the failing call.
struct ErrorInfo {
  int code = BM_OK;
  std::string message;
  int64_t byte_offset = -1;
};

ErrorInfo capture_error(bm_status status) {
  const bm_error *e = bm_last_error();
  ErrorInfo info;
  info.code = (e && e->code != BM_OK) ? e->code : status;
  info.message = (e && e->message && *e->message) ? e->message : bm_status_string(status);
  info.byte_offset = e ? e->byte_offset : -1;
  return info;
}

py::str utf8_to_str(const char *data, size_t len, const char *errors = "strict") {
  PyObject *o = PyUnicode_DecodeUTF8(data, static_cast<Py_ssize_t>(len), errors);
  if (!o) throw py::error_already_set();
  return py::reinterpret_steal<py::str>(o);
}

// Builds the exception in Python (banmian._errors._from_status) and raises it.
[[noreturn]] void raise_error(const ErrorInfo &info, Py_ssize_t index = -1) {
  py::object factory = py::module_::import("banmian._errors").attr("_from_status");
  py::object exc = factory(info.code, utf8_to_str(info.message.data(), info.message.size(), "replace"),
                           info.byte_offset);
  if (index >= 0) exc.attr("index") = index;
  PyErr_SetObject(reinterpret_cast<PyObject *>(Py_TYPE(exc.ptr())), exc.ptr());
  throw py::error_already_set();
}

struct Input {
  const char *data = nullptr;
  size_t len = 0;
};

Input bytes_view(const py::bytes &b) {
  char *data = nullptr;
  Py_ssize_t len = 0;
  if (PyBytes_AsStringAndSize(b.ptr(), &data, &len) != 0) throw py::error_already_set();
  return {data, static_cast<size_t>(len)};
}

// A parsed page: owns the bm_page and the compact JSON made with it.
class Page {
 public:
  Page(bm_page *page, char *json, size_t json_len) : page_(page), json_(json), json_len_(json_len) {}
  ~Page() {
    bm_string_free(json_);
    bm_page_free(page_);
  }
  Page(const Page &) = delete;
  Page &operator=(const Page &) = delete;

  py::str json(bool pretty) const {
    if (!pretty) return utf8_to_str(json_, json_len_);
    char *out = nullptr;
    size_t len = 0;
    if (bm_page_to_json(page_, BM_JSON_PRETTY, &out, &len) != BM_OK) raise_error(capture_error(BM_E_INTERNAL));
    std::unique_ptr<char, void (*)(char *)> guard(out, bm_string_free);
    return utf8_to_str(out, len);
  }

  py::bytes json_bytes() const { return py::bytes(json_, json_len_); }

  py::str text() const {
    size_t len = 0;
    const char *t = bm_page_text(page_, &len);
    return utf8_to_str(t ? t : "", t ? len : 0);
  }

  size_t text_bytes() const {
    size_t len = 0;
    bm_page_text(page_, &len);
    return len;
  }

  uint32_t flags() const { return bm_page_flags(page_); }
  size_t replacements() const { return bm_page_replacements(page_); }

  // Byte offsets into the decoded UTF-8 text -> code-point offsets, in one pass.
  std::vector<size_t> char_offsets(const std::vector<size_t> &bytes) const {
    size_t len = 0;
    const char *t = bm_page_text(page_, &len);
    std::vector<size_t> order(bytes.size());
    std::iota(order.begin(), order.end(), size_t{0});
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return bytes[a] < bytes[b]; });
    std::vector<size_t> out(bytes.size());
    size_t pos = 0, cp = 0;
    for (size_t i : order) {
      const size_t target = std::min(bytes[i], len);
      for (; pos < target; ++pos)
        if ((static_cast<unsigned char>(t[pos]) & 0xC0) != 0x80) ++cp;
      out[i] = cp;
    }
    return out;
  }

 private:
  bm_page *page_;
  char *json_;
  size_t json_len_;
};

struct ParseSettings {
  std::string encoding;
  bool strict = false;
  std::string issue_date;  // "" = none; else YYYY-MM-DD (checked by the library)
  int script = BM_SCRIPT_KEEP;  // a BM_SCRIPT_* value (checked by the library)
};

// One parse plus its JSON, on whatever thread calls it (no Python objects touched).
bool parse_one(const bm_parser *parser, Input in, const ParseSettings &s, const char *source,
               std::unique_ptr<Page> *out, ErrorInfo *err) {
  bm_parse_options opts;
  bm_status st = bm_parse_options_init(&opts, BM_PARSE_OPTIONS_VERSION);
  if (st != BM_OK) {
    *err = capture_error(st);
    return false;
  }
  opts.encoding = s.encoding.c_str();
  opts.source = source;
  if (s.strict) opts.flags |= BM_PARSE_STRICT_DECODING;
  if (!s.issue_date.empty()) opts.issue_date = s.issue_date.c_str();
  opts.script = s.script;
  bm_page *page = nullptr;
  st = bm_parse(parser, in.data, in.len, &opts, &page);
  if (st != BM_OK) {
    *err = capture_error(st);
    return false;
  }
  char *json = nullptr;
  size_t len = 0;
  st = bm_page_to_json(page, 0, &json, &len);
  if (st != BM_OK) {
    *err = capture_error(st);
    bm_page_free(page);
    return false;
  }
  try {
    out->reset(new Page(page, json, len));
  } catch (...) {  // bad_alloc: never let an exception leave a worker thread
    bm_string_free(json);
    bm_page_free(page);
    *err = ErrorInfo{BM_E_NOMEM, "out of memory", -1};
    return false;
  }
  return true;
}

class Parser {
 public:
  Parser(std::optional<std::string> lexicon_path, std::optional<std::string> lexicon_text, bool replace_lexicon,
         size_t max_input_bytes) {
    bm_parser_options opts;
    if (bm_status st0 = bm_parser_options_init(&opts, BM_PARSER_OPTIONS_VERSION)) raise_error(capture_error(st0));
    if (lexicon_path) opts.lexicon_path = lexicon_path->c_str();
    if (lexicon_text) {
      opts.lexicon_text = lexicon_text->data();
      opts.lexicon_len = lexicon_text->size();
    }
    if (replace_lexicon) opts.flags |= BM_PARSER_LEXICON_REPLACE;
    opts.max_input_bytes = max_input_bytes;
    bm_status st;
    ErrorInfo err;
    {
      py::gil_scoped_release nogil;
      st = bm_parser_new(&opts, &parser_);
      if (st != BM_OK) err = capture_error(st);
    }
    if (st != BM_OK) raise_error(err);
  }
  ~Parser() { bm_parser_free(parser_); }
  Parser(const Parser &) = delete;
  Parser &operator=(const Parser &) = delete;

  std::unique_ptr<Page> parse(const py::bytes &data, const std::string &encoding, std::optional<std::string> source,
                              bool strict, const std::string &issue_date, int script) const {
    const Input in = bytes_view(data);
    const ParseSettings s{encoding, strict, issue_date, script};
    std::unique_ptr<Page> page;
    ErrorInfo err;
    bool ok;
    {
      py::gil_scoped_release nogil;
      ok = parse_one(parser_, in, s, source ? source->c_str() : nullptr, &page, &err);
    }
    if (!ok) raise_error(err);
    return page;
  }

  // Parses every item on `threads` C++ threads sharing this parser; the GIL is
  // released for the whole batch. Raises the error of the first failing item
  // (with .index set) after all threads have finished.
  std::vector<std::unique_ptr<Page>> parse_many(const py::list &items, const std::vector<std::optional<std::string>> &sources,
                                                const std::vector<std::string> &encodings, bool strict,
                                                size_t threads, const std::string &issue_date, int script) const {
    const size_t n = items.size();
    if (!sources.empty() && sources.size() != n) throw py::value_error("sources must be empty or as long as items");
    if (encodings.size() != n) throw py::value_error("encodings must be as long as items");
    std::vector<Input> inputs;
    inputs.reserve(n);
    for (const py::handle &h : items) {
      if (!PyBytes_Check(h.ptr())) throw py::type_error("parse_many: every item must be bytes");
      inputs.push_back(bytes_view(py::reinterpret_borrow<py::bytes>(h)));
    }
    std::vector<ParseSettings> settings(n);
    for (size_t i = 0; i < n; ++i) settings[i] = ParseSettings{encodings[i], strict, issue_date, script};
    std::vector<std::unique_ptr<Page>> pages(n);
    std::vector<ErrorInfo> errors(n);
    std::vector<char> failed(n, 0);
    {
      py::gil_scoped_release nogil;
      std::atomic<size_t> next{0};
      auto work = [&]() {
        for (size_t i; (i = next.fetch_add(1, std::memory_order_relaxed)) < n;) {
          const char *src = (!sources.empty() && sources[i]) ? sources[i]->c_str() : nullptr;
          if (!parse_one(parser_, inputs[i], settings[i], src, &pages[i], &errors[i])) failed[i] = 1;
        }
      };
      const size_t nthreads = std::max<size_t>(1, std::min(threads, n));
      if (nthreads == 1) {
        work();
      } else {
        std::vector<std::thread> pool;
        pool.reserve(nthreads);
        for (size_t t = 0; t < nthreads; ++t) pool.emplace_back(work);
        for (std::thread &t : pool) t.join();
      }
    }
    for (size_t i = 0; i < n; ++i)
      if (failed[i]) raise_error(errors[i], static_cast<Py_ssize_t>(i));
    return pages;
  }

  // Positioned lines: (text, x0, y0, x1, y1, font_size, flags, page_index)
  // tuples (banmian.pdf builds them); the GIL is released for the parse.
  std::unique_ptr<Page> parse_lines(const py::list &items, std::optional<std::string> source, bool strict,
                                    const std::string &issue_date, int script) const {
    std::vector<std::string> texts;
    std::vector<bm_line> lines;
    texts.reserve(items.size());
    lines.reserve(items.size());
    for (const py::handle &h : items) {
      const py::tuple t = py::reinterpret_borrow<py::tuple>(h);
      if (!PyTuple_Check(h.ptr()) || t.size() != 8)
        throw py::type_error("parse_lines: every line must be a tuple (text, x0, y0, x1, y1, font_size, flags, page_index)");
      texts.push_back(t[0].cast<std::string>());
      bm_line l = BM_LINE_INIT;
      l.x0 = t[1].cast<double>();
      l.y0 = t[2].cast<double>();
      l.x1 = t[3].cast<double>();
      l.y1 = t[4].cast<double>();
      l.font_size = t[5].cast<double>();
      l.flags = t[6].cast<uint32_t>();
      l.page_index = t[7].cast<uint32_t>();
      lines.push_back(l);
    }
    for (size_t i = 0; i < lines.size(); ++i) {
      lines[i].text = texts[i].data();
      lines[i].text_len = texts[i].size();
    }
    bm_parse_options opts;
    if (bm_status st0 = bm_parse_options_init(&opts, BM_PARSE_OPTIONS_VERSION)) raise_error(capture_error(st0));
    opts.source = source ? source->c_str() : nullptr;
    if (strict) opts.flags |= BM_PARSE_STRICT_DECODING;
    if (!issue_date.empty()) opts.issue_date = issue_date.c_str();
    opts.script = script;
    bm_page *page = nullptr;
    char *json = nullptr;
    size_t len = 0;
    bm_status st;
    ErrorInfo err;
    {
      py::gil_scoped_release nogil;
      st = bm_parse_lines(parser_, lines.data(), lines.size(), &opts, &page);
      if (st == BM_OK) {
        st = bm_page_to_json(page, 0, &json, &len);
        if (st != BM_OK) bm_page_free(page);
      }
      if (st != BM_OK) err = capture_error(st);
    }
    if (st != BM_OK) raise_error(err);
    return std::make_unique<Page>(page, json, len);
  }

  py::str normalize(const py::bytes &data, const std::string &encoding, bool strict, int script) const {
    const Input in = bytes_view(data);
    bm_parse_options opts;
    if (bm_status st0 = bm_parse_options_init(&opts, BM_PARSE_OPTIONS_VERSION)) raise_error(capture_error(st0));
    opts.encoding = encoding.c_str();
    if (strict) opts.flags |= BM_PARSE_STRICT_DECODING;
    opts.script = script;
    char *out = nullptr;
    size_t len = 0;
    bm_status st;
    ErrorInfo err;
    {
      py::gil_scoped_release nogil;
      st = bm_normalize(parser_, in.data, in.len, &opts, &out, &len);
      if (st != BM_OK) err = capture_error(st);
    }
    if (st != BM_OK) raise_error(err);
    std::unique_ptr<char, void (*)(char *)> guard(out, bm_string_free);
    return utf8_to_str(out, len);
  }

 private:
  bm_parser *parser_ = nullptr;
};

}  // namespace

PYBIND11_MODULE(_banmian, m) {
  m.doc() = "Private extension of the banmian package: binds the banmian C API. Use the `banmian` package.";

  m.def("version", []() { return std::string(bm_version()); });
  m.def("version_number", []() { return bm_version_number(); });
  m.def("status_string", [](int code) { return std::string(bm_status_string(code)); });

  py::dict status;
  status["OK"] = static_cast<int>(BM_OK);
  status["INVALID_ARGUMENT"] = static_cast<int>(BM_E_INVALID_ARGUMENT);
  status["NOMEM"] = static_cast<int>(BM_E_NOMEM);
  status["ENCODING"] = static_cast<int>(BM_E_ENCODING);
  status["UNKNOWN_ENCODING"] = static_cast<int>(BM_E_UNKNOWN_ENCODING);
  status["TOO_LARGE"] = static_cast<int>(BM_E_TOO_LARGE);
  status["LEXICON"] = static_cast<int>(BM_E_LEXICON);
  status["IO"] = static_cast<int>(BM_E_IO);
  status["VERSION"] = static_cast<int>(BM_E_VERSION);
  status["RANGE"] = static_cast<int>(BM_E_RANGE);
  status["INTERNAL"] = static_cast<int>(BM_E_INTERNAL);
  m.attr("STATUS") = status;

  py::dict text_flags;
  text_flags["had_bom"] = BM_TEXT_HAD_BOM;
  text_flags["invalid_replaced"] = BM_TEXT_INVALID_REPLACED;
  text_flags["controls_removed"] = BM_TEXT_CONTROLS_REMOVED;
  text_flags["nul_replaced"] = BM_TEXT_NUL_REPLACED;
  text_flags["encoding_detected"] = BM_TEXT_ENCODING_DETECTED;
  m.attr("TEXT_FLAGS") = text_flags;
  py::dict scripts;  // the script= argument: name -> BM_SCRIPT_* value
  scripts["keep"] = static_cast<int>(BM_SCRIPT_KEEP);
  scripts["simplified"] = static_cast<int>(BM_SCRIPT_SIMPLIFIED);
  scripts["traditional"] = static_cast<int>(BM_SCRIPT_TRADITIONAL);
  m.attr("SCRIPTS") = scripts;
  m.attr("DEFAULT_MAX_INPUT_BYTES") = static_cast<size_t>(BM_DEFAULT_MAX_INPUT_BYTES);
  m.attr("LIMIT_MAX_INPUT_BYTES") = static_cast<size_t>(BM_LIMIT_MAX_INPUT_BYTES);

  py::class_<Page>(m, "NativePage")
      .def("json", &Page::json, py::arg("pretty") = false)
      .def("json_bytes", &Page::json_bytes)
      .def("text", &Page::text)
      .def("text_bytes", &Page::text_bytes)
      .def("flags", &Page::flags)
      .def("replacements", &Page::replacements)
      .def("char_offsets", &Page::char_offsets);

  py::class_<Parser>(m, "NativeParser")
      .def(py::init<std::optional<std::string>, std::optional<std::string>, bool, size_t>(),
           py::arg("lexicon_path") = py::none(), py::arg("lexicon_text") = py::none(),
           py::arg("replace_lexicon") = false, py::arg("max_input_bytes") = 0)
      .def("parse", &Parser::parse, py::arg("data"), py::arg("encoding") = "auto", py::arg("source") = py::none(),
           py::arg("strict") = false, py::arg("issue_date") = "", py::arg("script") = 0)
      .def("parse_many", &Parser::parse_many, py::arg("items"), py::arg("sources"), py::arg("encodings"),
           py::arg("strict") = false, py::arg("threads") = 1, py::arg("issue_date") = "", py::arg("script") = 0)
      .def("parse_lines", &Parser::parse_lines, py::arg("lines"), py::arg("source") = py::none(),
           py::arg("strict") = false, py::arg("issue_date") = "", py::arg("script") = 0)
      .def("normalize", &Parser::normalize, py::arg("data"), py::arg("encoding") = "auto",
           py::arg("strict") = false, py::arg("script") = 0);
}
