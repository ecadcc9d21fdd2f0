#include "core/output/json.h"

#include <cstdio>

namespace bm::detail {

void append_json_string(std::string &out, std::string_view s) {
  static const char hex[] = "0123456789abcdef";
  out.push_back('"');
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      default:
        if (c < 0x20 || c == 0x7F) {
          out += "\\u00";
          out.push_back(hex[c >> 4]);
          out.push_back(hex[c & 15]);
        } else {
          out.push_back(ch);
        }
    }
  }
  out.push_back('"');
}

namespace {

// A small streaming writer that knows about commas and indentation.
class Writer {
 public:
  explicit Writer(bool pretty) : pretty_(pretty) {}
  std::string take() { return std::move(out_); }

  void begin(char bracket) {
    out_.push_back(bracket);
    ++depth_;
    first_ = true;
  }
  void end(char bracket) {
    --depth_;
    if (!first_) newline();
    out_.push_back(bracket);
    first_ = false;
  }
  void key(const char *k) {
    item();
    append_json_string(out_, k);
    out_ += pretty_ ? ": " : ":";
    pending_value_ = true;
  }
  void str(std::string_view s) {
    item();
    append_json_string(out_, s);
  }
  void opt_str(const std::optional<std::string> &s) {
    if (s) str(*s); else raw("null");
  }
  void raw(const char *v) {
    item();
    out_ += v;
  }
  void opt_date(const std::optional<Ymd> &d) {
    if (d) str(format_iso_date(*d)); else raw("null");
  }
  void opt_int(int v) {  // 0 = unknown
    if (v > 0) num(static_cast<size_t>(v)); else raw("null");
  }
  void num(size_t v) {
    item();
    out_ += std::to_string(v);
  }
  // A coordinate in points with one decimal ("-12.5", "300.0"), rounded half
  // away from zero, written digit by digit (no locale). |v| < 1e7 (the C API
  // checks line boxes).
  void point(double v) {
    item();
    long long tenths = static_cast<long long>(v * 10.0 + (v < 0 ? -0.5 : 0.5));
    if (tenths < 0) {
      out_.push_back('-');
      tenths = -tenths;
    }
    out_ += std::to_string(tenths / 10);
    out_.push_back('.');
    out_.push_back(static_cast<char>('0' + tenths % 10));
  }
  void page_box(const std::optional<PageBox> &b) {
    if (!b) {
      raw("null");
      return;
    }
    begin_value('[');
    point(b->box.x0);
    point(b->box.y0);
    point(b->box.x1);
    point(b->box.y1);
    end(']');
  }
  // A number in [0, 1] with exactly 3 decimals ("0.873", "1.000"), rounded
  // half up and written digit by digit: no locale, no printf, no libm.
  void fraction3(double v) {
    item();
    const long milli = static_cast<long>(v * 1000.0 + 0.5);
    out_ += milli >= 1000 ? '1' : '0';
    out_.push_back('.');
    const long m = milli >= 1000 ? 0 : milli;
    out_.push_back(static_cast<char>('0' + m / 100));
    out_.push_back(static_cast<char>('0' + m / 10 % 10));
    out_.push_back(static_cast<char>('0' + m % 10));
  }
  void str_array(const std::vector<std::string> &v) {
    begin_value('[');
    for (const auto &s : v) str(s);
    end(']');
  }
  void span(const Span &s) {  // [begin, end]
    begin_value('[');
    num(s.begin);
    num(s.end);
    end(']');
  }
  void span_array(const std::vector<Span> &v) {
    begin_value('[');
    for (const Span &s : v) span(s);
    end(']');
  }
  void begin_value(char bracket) {
    item();
    begin(bracket);
  }

 private:
  void item() {
    if (pending_value_) {  // the value of a key: no comma, no newline
      pending_value_ = false;
      return;
    }
    if (!first_) out_.push_back(',');
    first_ = false;
    newline();
  }
  void newline() {
    if (!pretty_ || depth_ == 0) return;
    out_.push_back('\n');
    out_.append(static_cast<size_t>(depth_) * 2, ' ');
  }

  std::string out_;
  bool pretty_;
  int depth_ = 0;
  bool first_ = true;
  bool pending_value_ = false;
};

void write_article(Writer &w, const Article &a) {
  w.begin_value('{');
  w.key("kind"); w.str(kind_name(a.kind));
  w.key("headline"); w.str_array(a.headline);
  w.key("kicker"); w.opt_str(a.kicker);
  w.key("title"); w.opt_str(a.title);
  w.key("subtitle"); w.opt_str(a.subtitle);
  w.key("dateline"); w.opt_str(a.dateline);
  w.key("bylines");
  w.begin_value('[');
  for (const auto &b : a.bylines) {
    w.begin_value('{');
    w.key("role"); w.str(role_name(b.role));
    w.key("name"); w.str(b.name);
    w.end('}');
  }
  w.end(']');
  w.key("editor_note"); w.opt_str(a.editor_note);
  w.key("paragraphs"); w.str_array(a.paragraphs);
  w.key("flags");
  w.begin_value('[');
  for (const char *f : flag_names(a.flags)) w.str(f);
  w.end(']');
  w.key("span");
  w.begin_value('[');
  w.num(a.span_begin);
  w.num(a.span_end);
  w.end(']');
  // Optional (docs/page-json.md): only when the parser computed it.
  if (a.confidence >= 0.0) {
    w.key("confidence");
    w.fraction3(a.confidence > 1.0 ? 1.0 : a.confidence);
  }
  w.key("dateline_info");
  if (a.dateline_info) {
    const DatelineInfo &d = *a.dateline_info;
    w.begin_value('{');
    w.key("source"); w.opt_str(d.source);
    w.key("place"); w.opt_str(d.place);
    w.key("month"); w.opt_int(d.month);
    w.key("day"); w.opt_int(d.day);
    w.key("date"); w.opt_date(d.date);
    w.end('}');
  } else {
    w.raw("null");
  }
  w.key("dates");
  w.begin_value('[');
  for (const DateRef &r : a.dates) {
    w.begin_value('{');
    w.key("text"); w.str(r.text);
    w.key("span");
    if (r.has_span) {
      w.begin_value('[');
      w.num(r.span_begin);
      w.num(r.span_end);
      w.end(']');
    } else {
      w.raw("null");
    }
    w.key("date"); w.opt_date(r.date);
    w.end('}');
  }
  w.end(']');
  // Optional: where each field came from, absent when not computed.
  if (a.spans) {
    const FieldSpans &s = *a.spans;
    w.key("spans");
    w.begin_value('{');
    w.key("headline"); w.span_array(s.headline);
    w.key("dateline");
    if (s.dateline) w.span(*s.dateline); else w.raw("null");
    w.key("bylines"); w.span_array(s.bylines);
    w.key("paragraphs"); w.span_array(s.paragraphs);
    w.end('}');
  }
  // Optional: where it sits on the page, from positioned lines only.
  if (a.bbox) {
    w.key("bbox"); w.page_box(a.bbox);
    w.key("page_index"); w.num(a.bbox->page);
  }
  if (a.boxes) {
    w.key("bboxes");
    w.begin_value('{');
    w.key("headline");
    w.begin_value('[');
    for (const auto &b : a.boxes->headline) w.page_box(b);
    w.end(']');
    w.key("paragraphs");
    w.begin_value('[');
    for (const auto &b : a.boxes->paragraphs) w.page_box(b);
    w.end(']');
    w.end('}');
  }
  w.end('}');
}

}  // namespace

std::string page_to_json(const Page &page, const std::vector<const Article *> &articles, bool pretty) {
  Writer w(pretty);
  w.begin('{');
  w.key("schema"); w.str("banmian.page/1");
  w.key("source"); w.opt_str(page.source);
  w.key("encoding"); w.str(page.text.encoding);
  w.key("replacements"); w.num(page.text.replacements);
  w.key("edition"); w.opt_str(page.edition);
  w.key("masthead"); w.str_array(page.masthead);
  w.key("articles");
  w.begin_value('[');
  for (const Article *a : articles) write_article(w, *a);
  w.end(']');
  // Optional page metadata (page-json.md, "Optional fields"): null when not printed.
  w.key("paper"); w.opt_str(page.paper);
  w.key("issue_date"); w.opt_date(page.issue_date);
  w.key("page_number"); w.opt_str(page.page_number);
  w.key("section"); w.opt_str(page.section);
  if (!page.warnings.empty()) {  // optional, absent when empty (page-json.md)
    w.key("warnings"); w.str_array(page.warnings);
  }
  w.end('}');
  return w.take();
}

}  // namespace bm::detail
