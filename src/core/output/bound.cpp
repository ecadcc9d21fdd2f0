#include "core/output/bound.h"

#include <algorithm>
#include <string>
#include <vector>

#include "core/output/json.h"

namespace bm::detail {

namespace {

// More than the JSON of an article without text: every key, six flags, two
// 20-digit span numbers and a confidence (about 330 bytes).
constexpr size_t k_article_keys_bytes = 512;
constexpr size_t k_byline_keys_bytes = 64;  // {"role":"photographer","name":""},
// {"source":,"place":,"month":12,"day":31,"date":"2025-01-08"} without the texts.
constexpr size_t k_dateline_info_bytes = 96;
// {"text":"","span":[<20 digits>,<20 digits>],"date":"2025-01-08"},
constexpr size_t k_date_keys_bytes = 96;
// "spans":{"headline":[],"dateline":null,"bylines":[],"paragraphs":[]},
constexpr size_t k_spans_keys_bytes = 96;
// [<20 digits>,<20 digits>],
constexpr size_t k_span_bytes = 48;

// An upper bound of page_json_bytes that costs no serialization: every text
// byte may become 6 (a control character escaped as \u00XX).
size_t json_bytes_upper(const Page &page) {
  auto text = [](const std::string &s) { return 6 * s.size() + 3; };
  size_t n = 512 + (page.source ? text(*page.source) : 0) + (page.edition ? text(*page.edition) : 0);
  for (const auto *s : {&page.paper, &page.page_number, &page.section})
    if (*s) n += text(**s);
  for (const std::string &m : page.masthead) n += text(m);
  for (const std::string &w : page.warnings) n += text(w);
  for (const Article &a : page.articles) {
    n += k_article_keys_bytes;
    for (const std::string &s : a.headline) n += 2 * text(s);  // a part may also be kicker, title or subtitle
    if (a.dateline) n += text(*a.dateline);
    if (a.editor_note) n += text(*a.editor_note);
    for (const std::string &s : a.paragraphs) n += text(s);
    for (const Byline &b : a.bylines) n += k_byline_keys_bytes + text(b.name);  // the role is in the keys' bytes
    if (a.dateline_info)
      n += k_dateline_info_bytes + (a.dateline_info->source ? text(*a.dateline_info->source) : 0) +
           (a.dateline_info->place ? text(*a.dateline_info->place) : 0);
    for (const DateRef &d : a.dates) n += k_date_keys_bytes + text(d.text);
    if (a.spans)
      n += k_spans_keys_bytes + k_span_bytes * (a.spans->headline.size() + a.spans->bylines.size() +
                                                a.spans->paragraphs.size() + (a.spans->dateline ? 1 : 0));
  }
  return n;
}

size_t article_json_bytes(const Article &a) {
  Page one;
  one.articles.push_back(a);
  Page none;
  return page_json_bytes(one) - page_json_bytes(none);
}

// Appends b to a (b comes after a): its text as paragraphs, in reading order.
void merge_into(Article &a, Article &&b) {
  for (std::string &s : b.headline) a.paragraphs.push_back(std::move(s));
  if (b.dateline) a.paragraphs.push_back(std::move(*b.dateline));
  if (b.editor_note) a.paragraphs.push_back(std::move(*b.editor_note));
  for (std::string &s : b.paragraphs) a.paragraphs.push_back(std::move(s));
  for (Byline &y : b.bylines) a.bylines.push_back(std::move(y));
  for (DateRef &d : b.dates) a.dates.push_back(std::move(d));
  a.flags |= b.flags;
  a.span_begin = std::min(a.span_begin, b.span_begin);
  a.span_end = std::max(a.span_end, b.span_end);
  a.confidence = (a.confidence < 0 || b.confidence < 0) ? -1.0 : std::min(a.confidence, b.confidence);
  a.pieces.insert(a.pieces.end(), b.pieces.begin(), b.pieces.end());
  a.spans.reset();  // its fields are no longer the ones the spans were for (bound_output dropped them anyway)
}

}  // namespace

size_t page_json_bytes(const Page &page) {
  std::vector<const Article *> arts;
  arts.reserve(page.articles.size());
  for (const Article &a : page.articles) arts.push_back(&a);
  return page_to_json(page, arts, false).size();
}

void bound_output(Page &page, size_t input_bytes) {
  const size_t budget = k_output_bound_factor * input_bytes + k_output_bound_slack_bytes;
  if (json_bytes_upper(page) <= budget || page_json_bytes(page) <= budget) return;
  // 0. The optional fields go first: the field spans (a flood of one-character
  // paragraphs gives two offsets each), then the day expressions (a text of
  // nothing but 今天 would otherwise give more JSON per input byte than the
  // bound allows).
  for (Article &a : page.articles) a.spans.reset();
  if (page_json_bytes(page) <= budget) return;
  for (Article &a : page.articles) a.dates.clear();
  if (page_json_bytes(page) <= budget) return;
  const size_t before = page.articles.size();
  // 1. Items that cannot carry their own JSON go into the item before them.
  // Sizes are kept per item (the last one's grows by what it takes in, an
  // upper bound), so the pass is linear.
  std::vector<Article> kept;
  kept.reserve(page.articles.size());
  size_t back_bytes = 0;
  auto tiny = [](size_t bytes, const Article &a) { return bytes > k_output_bound_factor * (a.span_end - a.span_begin); };
  for (Article &a : page.articles) {
    const size_t bytes = article_json_bytes(a);
    if (!kept.empty() && (tiny(bytes, a) || tiny(back_bytes, kept.back()))) {
      merge_into(kept.back(), std::move(a));
      back_bytes += bytes;
    } else {
      kept.push_back(std::move(a));
      back_bytes = bytes;
    }
  }
  page.articles = std::move(kept);
  // 2. Still over: one item.
  if (page.articles.size() > 1 && page_json_bytes(page) > budget) {
    for (size_t i = 1; i < page.articles.size(); ++i) merge_into(page.articles[0], std::move(page.articles[i]));
    page.articles.resize(1);
  }
  page.warnings.push_back(std::to_string(before) + " items merged into " + std::to_string(page.articles.size()) +
                          " to keep the page JSON within 8 x the input size + 64 KiB");
}

}  // namespace bm::detail
