// The parsed page as plain C++ values: what extract/ fills in, what output/
// writes as JSON and what the C API hands out. Strings are normalized UTF-8.
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/calendar.h"
#include "core/common/role.h"
#include "core/decode/decode.h"
#include "core/geometry/positioned.h"

namespace bm::detail {

enum class Kind { News = 0, Photo = 1, Ad = 2, Weather = 3, Other = 4 };

const char *kind_name(Kind kind);

struct Byline {
  BylineRole role = BylineRole::None;
  std::string name;  // without spaces
};

// What a dateline says (docs/page-json.md, "dateline_info"): who reports,
// from where, on which day (month and day as printed, 0 when absent), and
// that day resolved against the issue date.
struct DatelineInfo {
  std::optional<std::string> source, place;
  int month = 0, day = 0;
  std::optional<Ymd> date;
};

// One expression of an article's text that names a day ("dates").
struct DateRef {
  std::string text;                 // as in the headline part or paragraph
  bool has_span = false;            // found in the source text
  size_t span_begin = 0, span_end = 0;  // [begin, end) in Page::text.utf8
  std::optional<Ymd> date;          // null when it cannot be resolved
};

// [begin, end) byte offsets in Page::text.utf8.
struct Span {
  size_t begin = 0, end = 0;
};

// Where each field of an article came from in the source ("spans",
// docs/page-json.md): from the first to the last source byte the field was
// read from (a reflowed paragraph covers every line it was joined from).
// Parallel to Article::headline, Article::bylines (the name as printed) and
// Article::paragraphs.
struct FieldSpans {
  std::vector<Span> headline;
  std::optional<Span> dateline;
  std::vector<Span> bylines;
  std::vector<Span> paragraphs;
};

// Where an article's fields sit on the page (a parse from positioned lines,
// bm_parse_lines), parallel to FieldSpans::headline and ::paragraphs; a box
// is absent for a field none of whose bytes came from a line.
struct FieldBoxes {
  std::vector<std::optional<PageBox>> headline;
  std::vector<std::optional<PageBox>> paragraphs;
};

struct Article {
  Kind kind = Kind::Other;
  std::vector<std::string> headline;  // every part, reading order
  std::optional<std::string> kicker, title, subtitle;
  std::optional<std::string> dateline;
  std::optional<std::string> editor_note;
  std::vector<Byline> bylines;
  std::vector<std::string> paragraphs;
  uint32_t flags = 0;  // BM_FLAG_* bits
  size_t span_begin = 0, span_end = 0;  // [begin, end) in Page::text.utf8
  // How sure the decoder is of this item's boundaries and roles, in [0, 1];
  // negative when not computed (items the decoder did not read).
  double confidence = -1.0;
  std::vector<size_t> pieces;  // the pieces it was made of (checked by the coverage test)
  std::optional<DatelineInfo> dateline_info;  // set when there is a dateline
  std::vector<DateRef> dates;                 // day expressions of headline and paragraphs, in order
  std::optional<FieldSpans> spans;            // absent when not computed (or dropped by the size bound)
  std::optional<PageBox> bbox;                // from positioned lines only: the box of its lines
  std::optional<FieldBoxes> boxes;            // from positioned lines only
};

// The JSON names of the BM_FLAG_* bits that are set, in bit order.
std::vector<const char *> flag_names(uint32_t flags);

struct Page {
  std::optional<std::string> source;
  DecodedText text;
  std::optional<std::string> edition;
  std::vector<std::string> masthead;
  std::vector<Article> articles;
  std::vector<size_t> header_pieces;  // masthead and edition pieces
  // Page metadata from the masthead and date / edition lines (null when not printed).
  std::optional<std::string> paper;        // 人民日报, 晶報
  std::optional<Ymd> issue_date;           // printed, else the caller's issue_date option
  std::optional<std::string> page_number;  // "4", "A04", "五" (without 第 / 版)
  std::optional<std::string> section;      // 要闻, 评论
  // What the parser had to skip to finish the page (a lexicon pattern that hit
  // the match limit: "origin:line: [section] pattern '...' hit the match
  // limit and was skipped"), each once. Usually empty.
  std::vector<std::string> warnings;
};

}  // namespace bm::detail
