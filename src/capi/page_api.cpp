// bm_parse, bm_page accessors, bm_article accessors, JSON export.
#include <cmath>
#include <cstddef>
#include <cstring>
#include <memory>
#include <string>

#include "capi/guard.h"
#include "capi/handles.h"
#include "capi/strings.h"
#include "core/output/json.h"

using bm::capi::fail;
using bm::capi::guard;

namespace {
const char *opt_cstr(const std::optional<std::string> &s) { return s ? s->c_str() : nullptr; }

template <class V>
const char *at(const V &v, size_t i) {
  return i < v.size() ? v[i].c_str() : nullptr;
}

// Writes a span (or 0, 0 when there is none) and says whether there is one.
int put_span(const bm::detail::Span *s, size_t *start, size_t *end) {
  if (start) *start = s ? s->begin : 0;
  if (end) *end = s ? s->end : 0;
  return s ? 1 : 0;
}

const bm::detail::Span *span_at(const bm_article *a, std::vector<bm::detail::Span> bm::detail::FieldSpans::*field,
                                size_t i) {
  if (!a || !a->a.spans) return nullptr;
  const std::vector<bm::detail::Span> &v = (*a->a.spans).*field;
  return i < v.size() ? &v[i] : nullptr;
}
// Moves a parsed page into the C handle (articles with their C strings).
bm_page *wrap_page(bm::detail::Page parsed) {
  auto page = std::make_unique<bm_page>();
  page->page = std::move(parsed);
  page->articles.reserve(page->page.articles.size());
  for (auto &a : page->page.articles) {
    bm_article art;
    art.a = std::move(a);
    art.flag_names = bm::detail::flag_names(art.a.flags);
    if (art.a.dateline_info && art.a.dateline_info->date)
      art.dateline_date = bm::detail::format_iso_date(*art.a.dateline_info->date);
    for (const auto &d : art.a.dates) art.date_values.push_back(d.date ? bm::detail::format_iso_date(*d.date) : "");
    page->articles.push_back(std::move(art));
  }
  page->page.articles.clear();
  if (page->page.issue_date) page->issue_date = bm::detail::format_iso_date(*page->page.issue_date);
  return page.release();
}

// The size of each version of bm_line, the stride of the caller's array:
// the end of that version's last field rounded up to the struct's alignment
// (sizeof of the struct as that version declared it).
size_t line_size(uint32_t version) {
  size_t end = 0;
  switch (version) {
    case 1: end = offsetof(bm_line, page_index) + sizeof(uint32_t); break;
    default: return 0;
  }
  return (end + alignof(bm_line) - 1) / alignof(bm_line) * alignof(bm_line);
}
static_assert(BM_LINE_VERSION == 1, "line_size: add the new version's last field");

bool finite_coordinate(double v) { return std::isfinite(v) && std::fabs(v) <= BM_LINE_MAX_COORDINATE; }

// Writes a box (or zeros) and says whether there is one.
int put_box(const std::optional<bm::detail::PageBox> *b, uint32_t *page_index, double box[4]) {
  const bool has = b && *b;
  if (page_index) *page_index = has ? (*b)->page : 0;
  if (box) {
    box[0] = has ? (*b)->box.x0 : 0;
    box[1] = has ? (*b)->box.y0 : 0;
    box[2] = has ? (*b)->box.x1 : 0;
    box[3] = has ? (*b)->box.y1 : 0;
  }
  return has ? 1 : 0;
}

const std::optional<bm::detail::PageBox> *field_box(const bm_article *a,
                                                    std::vector<std::optional<bm::detail::PageBox>> bm::detail::FieldBoxes::*field,
                                                    size_t i) {
  if (!a || !a->a.boxes) return nullptr;
  const auto &v = (*a->a.boxes).*field;
  return i < v.size() ? &v[i] : nullptr;
}
}  // namespace

extern "C" {

bm_status bm_parse(const bm_parser *parser, const char *bytes, size_t len, const bm_parse_options *opts,
                   bm_page **out) {
  return guard([&]() -> bm_status {
    if (!out) return fail(BM_E_INVALID_ARGUMENT, "bm_parse: out is NULL");
    *out = nullptr;
    if (!parser) return fail(BM_E_INVALID_ARGUMENT, "bm_parse: parser is NULL");
    if (!bytes && len) return fail(BM_E_INVALID_ARGUMENT, "bm_parse: bytes is NULL but len is not 0");
    bm::detail::CallOptions co;
    bm_status st = BM_OK;
    if (!bm::capi::call_options(opts, co, st)) return st;
    *out = wrap_page(parser->impl.parse(std::string_view(bytes ? bytes : "", len), co));
    return BM_OK;
  });
}

bm_status bm_parse_lines(const bm_parser *parser, const bm_line *lines, size_t n, const bm_parse_options *opts,
                         bm_page **out) {
  return guard([&]() -> bm_status {
    if (!out) return fail(BM_E_INVALID_ARGUMENT, "bm_parse_lines: out is NULL");
    *out = nullptr;
    if (!parser) return fail(BM_E_INVALID_ARGUMENT, "bm_parse_lines: parser is NULL");
    if (!lines && n) return fail(BM_E_INVALID_ARGUMENT, "bm_parse_lines: lines is NULL but n is not 0");
    bm::detail::CallOptions co;
    bm_status st = BM_OK;
    if (!bm::capi::call_options(opts, co, st)) return st;
    std::vector<bm::detail::PositionedLine> in;
    std::vector<bm::detail::PageBox> drawn;  // rules and frames
    if (n) {
      const uint32_t version = lines[0].version;
      const size_t stride = line_size(version);
      if (!stride)
        return fail(BM_E_VERSION, ("bm_parse_lines: bm_line version " + std::to_string(version) +
                                   " is not one this library knows (1.." + std::to_string(BM_LINE_VERSION) + ")").c_str());
      if (n > SIZE_MAX / stride) return fail(BM_E_TOO_LARGE, "bm_parse_lines: n is too large");
      // First every line checked and its text counted, nothing allocated (a
      // caller may pass millions of lines); then the lines with text copied.
      const char *base = reinterpret_cast<const char *>(lines);
      auto line_at = [&](size_t i) {
        bm_line l = BM_LINE_INIT;
        std::memcpy(&l, base + i * stride, stride);  // only the caller's version's fields
        return l;
      };
      size_t bytes = 0, with_text = 0;
      for (size_t i = 0; i < n; ++i) {
        const bm_line l = line_at(i);
        auto bad = [i](const std::string &what) {
          return fail(BM_E_INVALID_ARGUMENT, ("bm_parse_lines: line " + std::to_string(i) + ": " + what).c_str());
        };
        if (l.version != version)
          return bad("version " + std::to_string(l.version) + " differs from line 0's " + std::to_string(version));
        if (!l.text && l.text_len) return bad("text is NULL but text_len is not 0");
        if ((l.flags & ~(BM_LINE_BOLD | BM_LINE_ITALIC | BM_LINE_DRAWN)) != 0) return bad("flags has unknown bits");
        if ((l.flags & BM_LINE_DRAWN) && l.text_len) return bad("a BM_LINE_DRAWN element has text");
        if (!finite_coordinate(l.x0) || !finite_coordinate(l.y0) || !finite_coordinate(l.x1) || !finite_coordinate(l.y1) ||
            l.x1 < l.x0 || l.y1 < l.y0)
          return bad("the box is not finite, beyond BM_LINE_MAX_COORDINATE or inverted (x1 < x0 or y1 < y0)");
        if (!(l.flags & BM_LINE_DRAWN) && (!std::isfinite(l.font_size) || l.font_size < 0 || l.font_size > BM_LINE_MAX_COORDINATE))
          return bad("font_size is negative or not finite");
        // Each line's text and a line end, as the page text will hold them.
        bytes = l.text_len >= SIZE_MAX - bytes ? SIZE_MAX : bytes + l.text_len + 1;
        with_text += l.text_len > 0;
      }
      if (bytes > parser->impl.max_input_bytes())
        return fail(BM_E_TOO_LARGE, ("bm_parse_lines: input too large (" + std::to_string(bytes) +
                                     " bytes of line text and line ends, more than " +
                                     std::to_string(parser->impl.max_input_bytes()) + ")").c_str());
      in.reserve(with_text);
      for (size_t i = 0; i < n; ++i) {
        const bm_line l = line_at(i);
        if (l.flags & BM_LINE_DRAWN) {
          drawn.push_back({l.page_index, {l.x0, l.y0, l.x1, l.y1}});
          continue;
        }
        if (l.text_len == 0) continue;  // nothing to read, nothing to place
        bm::detail::PositionedLine p;
        p.text.assign(l.text, l.text_len);
        p.box = {l.x0, l.y0, l.x1, l.y1};
        p.font_size = l.font_size;
        p.bold = (l.flags & BM_LINE_BOLD) != 0;
        p.italic = (l.flags & BM_LINE_ITALIC) != 0;
        p.page = l.page_index;
        in.push_back(std::move(p));
      }
    }
    *out = wrap_page(parser->impl.parse_lines(std::move(in), std::move(drawn), co));
    return BM_OK;
  });
}

void bm_page_free(bm_page *page) { delete page; }

bm_status bm_page_to_json(const bm_page *page, uint32_t flags, char **out, size_t *out_len) {
  return guard([&]() -> bm_status {
    if (!out) return fail(BM_E_INVALID_ARGUMENT, "bm_page_to_json: out is NULL");
    *out = nullptr;
    if (out_len) *out_len = 0;
    if (!page) return fail(BM_E_INVALID_ARGUMENT, "bm_page_to_json: page is NULL");
    if ((flags & ~BM_JSON_PRETTY) != 0) return fail(BM_E_INVALID_ARGUMENT, "bm_page_to_json: unknown flags");
    std::vector<const bm::detail::Article *> arts;
    arts.reserve(page->articles.size());
    for (const auto &a : page->articles) arts.push_back(&a.a);
    std::string json = bm::detail::page_to_json(page->page, arts, (flags & BM_JSON_PRETTY) != 0);
    *out = bm::capi::dup_string(json, out_len);
    return BM_OK;
  });
}

const char *bm_page_text(const bm_page *page, size_t *len) {
  if (!page) {
    if (len) *len = 0;
    return nullptr;
  }
  if (len) *len = page->page.text.utf8.size();
  return page->page.text.utf8.c_str();
}
const char *bm_page_encoding(const bm_page *page) { return page ? page->page.text.encoding.c_str() : nullptr; }
const char *bm_page_source(const bm_page *page) { return page ? opt_cstr(page->page.source) : nullptr; }
const char *bm_page_edition(const bm_page *page) { return page ? opt_cstr(page->page.edition) : nullptr; }
uint32_t bm_page_flags(const bm_page *page) { return page ? page->page.text.flags : 0; }
size_t bm_page_replacements(const bm_page *page) { return page ? page->page.text.replacements : 0; }
size_t bm_page_masthead_count(const bm_page *page) { return page ? page->page.masthead.size() : 0; }
const char *bm_page_masthead(const bm_page *page, size_t index) {
  return page ? at(page->page.masthead, index) : nullptr;
}
size_t bm_page_article_count(const bm_page *page) { return page ? page->articles.size() : 0; }
const bm_article *bm_page_article(const bm_page *page, size_t index) {
  return page && index < page->articles.size() ? &page->articles[index] : nullptr;
}

bm_article_kind bm_article_get_kind(const bm_article *a) {
  return a ? static_cast<bm_article_kind>(a->a.kind) : BM_KIND_OTHER;
}
const char *bm_article_kind_name(const bm_article *a) { return a ? bm::detail::kind_name(a->a.kind) : nullptr; }
size_t bm_article_headline_count(const bm_article *a) { return a ? a->a.headline.size() : 0; }
const char *bm_article_headline(const bm_article *a, size_t i) { return a ? at(a->a.headline, i) : nullptr; }
const char *bm_article_kicker(const bm_article *a) { return a ? opt_cstr(a->a.kicker) : nullptr; }
const char *bm_article_title(const bm_article *a) { return a ? opt_cstr(a->a.title) : nullptr; }
const char *bm_article_subtitle(const bm_article *a) { return a ? opt_cstr(a->a.subtitle) : nullptr; }
const char *bm_article_dateline(const bm_article *a) { return a ? opt_cstr(a->a.dateline) : nullptr; }
const char *bm_article_editor_note(const bm_article *a) { return a ? opt_cstr(a->a.editor_note) : nullptr; }
size_t bm_article_byline_count(const bm_article *a) { return a ? a->a.bylines.size() : 0; }
const char *bm_article_byline_role(const bm_article *a, size_t i) {
  return a && i < a->a.bylines.size() ? bm::detail::role_name(a->a.bylines[i].role) : nullptr;
}
const char *bm_article_byline_name(const bm_article *a, size_t i) {
  return a && i < a->a.bylines.size() ? a->a.bylines[i].name.c_str() : nullptr;
}
size_t bm_article_paragraph_count(const bm_article *a) { return a ? a->a.paragraphs.size() : 0; }
const char *bm_article_paragraph(const bm_article *a, size_t i) { return a ? at(a->a.paragraphs, i) : nullptr; }
uint32_t bm_article_flags(const bm_article *a) { return a ? a->a.flags : 0; }
size_t bm_article_flag_count(const bm_article *a) { return a ? a->flag_names.size() : 0; }
const char *bm_article_flag(const bm_article *a, size_t i) {
  return a && i < a->flag_names.size() ? a->flag_names[i] : nullptr;
}
void bm_article_span(const bm_article *a, size_t *start, size_t *end) {
  if (start) *start = a ? a->a.span_begin : 0;
  if (end) *end = a ? a->a.span_end : 0;
}
double bm_article_confidence(const bm_article *a) {
  if (!a) return -1.0;
  const double c = a->a.confidence;
  if (!(c >= 0.0)) return -1.0;  // not computed (negative or NaN)
  return c > 1.0 ? 1.0 : c;
}

const char *bm_page_paper(const bm_page *page) { return page ? opt_cstr(page->page.paper) : nullptr; }
const char *bm_page_issue_date(const bm_page *page) {
  return page && !page->issue_date.empty() ? page->issue_date.c_str() : nullptr;
}
const char *bm_page_page_number(const bm_page *page) { return page ? opt_cstr(page->page.page_number) : nullptr; }
const char *bm_page_section(const bm_page *page) { return page ? opt_cstr(page->page.section) : nullptr; }

int bm_article_has_dateline_info(const bm_article *a) { return a && a->a.dateline_info ? 1 : 0; }
const char *bm_article_dateline_source(const bm_article *a) {
  return a && a->a.dateline_info ? opt_cstr(a->a.dateline_info->source) : nullptr;
}
const char *bm_article_dateline_place(const bm_article *a) {
  return a && a->a.dateline_info ? opt_cstr(a->a.dateline_info->place) : nullptr;
}
int bm_article_dateline_month(const bm_article *a) { return a && a->a.dateline_info ? a->a.dateline_info->month : 0; }
int bm_article_dateline_day(const bm_article *a) { return a && a->a.dateline_info ? a->a.dateline_info->day : 0; }
const char *bm_article_dateline_date(const bm_article *a) {
  return a && !a->dateline_date.empty() ? a->dateline_date.c_str() : nullptr;
}
size_t bm_article_date_count(const bm_article *a) { return a ? a->a.dates.size() : 0; }
const char *bm_article_date_text(const bm_article *a, size_t i) {
  return a && i < a->a.dates.size() ? a->a.dates[i].text.c_str() : nullptr;
}
const char *bm_article_date_value(const bm_article *a, size_t i) {
  return a && i < a->date_values.size() && !a->date_values[i].empty() ? a->date_values[i].c_str() : nullptr;
}
int bm_article_date_span(const bm_article *a, size_t i, size_t *start, size_t *end) {
  const bool found = a && i < a->a.dates.size() && a->a.dates[i].has_span;
  if (start) *start = found ? a->a.dates[i].span_begin : 0;
  if (end) *end = found ? a->a.dates[i].span_end : 0;
  return found ? 1 : 0;
}

int bm_article_has_spans(const bm_article *a) { return a && a->a.spans ? 1 : 0; }
int bm_article_headline_span(const bm_article *a, size_t i, size_t *start, size_t *end) {
  return put_span(span_at(a, &bm::detail::FieldSpans::headline, i), start, end);
}
int bm_article_dateline_span(const bm_article *a, size_t *start, size_t *end) {
  const bool found = a && a->a.spans && a->a.spans->dateline;
  return put_span(found ? &*a->a.spans->dateline : nullptr, start, end);
}
int bm_article_byline_span(const bm_article *a, size_t i, size_t *start, size_t *end) {
  return put_span(span_at(a, &bm::detail::FieldSpans::bylines, i), start, end);
}
int bm_article_paragraph_span(const bm_article *a, size_t i, size_t *start, size_t *end) {
  return put_span(span_at(a, &bm::detail::FieldSpans::paragraphs, i), start, end);
}

int bm_article_bbox(const bm_article *a, uint32_t *page_index, double box[4]) {
  return put_box(a ? &a->a.bbox : nullptr, page_index, box);
}
int bm_article_headline_bbox(const bm_article *a, size_t i, uint32_t *page_index, double box[4]) {
  return put_box(field_box(a, &bm::detail::FieldBoxes::headline, i), page_index, box);
}
int bm_article_paragraph_bbox(const bm_article *a, size_t i, uint32_t *page_index, double box[4]) {
  return put_box(field_box(a, &bm::detail::FieldBoxes::paragraphs, i), page_index, box);
}

}  // extern "C"
